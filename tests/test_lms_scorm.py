"""The SCORM 1.2 package of an onboarding path, played by an LMS runtime we did not write.

npm ``scorm-again`` plays the LMS: a harness page puts its ``Scorm12API`` on ``window.API``
and opens the package's launcher in a frame, as an LMS does. The package is exported once
per module, checked against the SCORM 1.2 schemas, then launched, used, closed and
launched again in a fresh browser that has only what the LMS kept.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import shutil
import subprocess
import urllib.parse
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from playwright.sync_api import Browser, BrowserContext, FrameLocator, Page, expect

from generator.lms.course import Course, course_of
from generator.lms.launcher import launcher_page
from generator.lms.scorm import SITE, scorm_zip
from generator.lms.site import built_pages
from generator.model.entities import Question
from generator.model.types import Text
from generator.validate import validate
from tests.conftest import REPO
from tests.export_support import JS, handbook_cli, zip_members
from tests.site_support import copy_handbook_files, folder_handler, serving

PATH = "sales-representative"
QUIZ = "kpi-formulas"
SCHEMAS = REPO.parent / "shared" / "schemas" / "scorm-1.2"
RUNTIME = JS / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
HARNESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script>
<script>
  // The LMS: scorm-again's runtime, given what it kept from an earlier launch (in the hash).
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  var kept = location.hash ? JSON.parse(decodeURIComponent(location.hash.slice(1))) : null;
  if (kept) { window.API.loadFromJSON(kept); }
  window.lms = { calls: [], kept: null };
  ["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
    window.API.on(name, function () {
      window.lms.calls.push(name);
      window.lms.kept = JSON.parse(JSON.stringify(window.API.renderCMIToJSONObject()));
    });
  });
</script></head>
<body><iframe id="sco" src="package/index.html" style="width:1200px;height:800px"></iframe></body></html>
"""


@dataclass(frozen=True)
class Served:
    base: str
    package: Path
    members: dict[str, bytes]
    course: Course


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The package of PATH in English, exported once, unpacked beside the LMS harness."""
    if not RUNTIME.is_file():
        pytest.fail("scorm-again is not installed: run npm ci --prefix tests/js", pytrace=False)
    root = tmp_path_factory.mktemp("handbook")
    copy_handbook_files(root)
    zip_path = root / "path.zip"
    done = handbook_cli("export", "scorm", "--path", PATH, "--lang", "en", "--out", str(zip_path), cwd=root)
    assert done.returncode == 0, done.stderr.decode()
    web = root / "web"
    with zipfile.ZipFile(zip_path) as archive:
        assert archive.testzip() is None
        members = {name: archive.read(name) for name in archive.namelist()}
        archive.extractall(web / "package")
    shutil.copy(RUNTIME, web / "scorm12.min.js")
    (web / "lms.html").write_text(HARNESS, encoding="utf-8")
    # An LMS that opens the SCO in a window of its own instead of a frame.
    window_harness = HARNESS.replace(
        '<iframe id="sco" src="package/index.html" style="width:1200px;height:800px"></iframe>', ""
    )
    (web / "lms-window.html").write_text(window_harness, encoding="utf-8")
    with serving(folder_handler(web)) as base:
        yield Served(base, zip_path, members, course_of(validate(root).handbook, PATH))


# --- the package -------------------------------------------------------------------------


def scorm_schema() -> etree.XMLSchema:
    if not (SCHEMAS / "imscp_rootv1p1p2.xsd").is_file():
        pytest.fail(f"{SCHEMAS} is missing: the SCORM 1.2 schemas are expected there", pytrace=False)
    wrapper = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                  schemaLocation="{(SCHEMAS / "imscp_rootv1p1p2.xsd").as_uri()}"/>
      <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2"
                  schemaLocation="{(SCHEMAS / "adlcp_rootv1p2.xsd").as_uri()}"/>
    </xsd:schema>"""
    return etree.XMLSchema(etree.fromstring(wrapper.encode()))


def check_manifest(members: dict[str, bytes]) -> etree._Element:
    """The manifest is valid SCORM 1.2 and names exactly the files of the zip."""
    manifest = etree.fromstring(members["imsmanifest.xml"])
    schema = scorm_schema()
    assert schema.validate(manifest), schema.error_log
    ns = {
        "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
        "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    }
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "1.2"
    [sco] = manifest.iterfind("cp:resources/cp:resource", ns)
    assert sco.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
    named = {urllib.parse.unquote(f.get("href") or "") for f in sco.iterfind("cp:file", ns)}
    assert sco.get("href") in named
    assert named == set(members) - {"imsmanifest.xml"}
    return manifest


def test_manifest_is_valid_scorm_1_2_and_names_every_file(served: Served) -> None:
    check_manifest(served.members)


def test_every_default_path_packages_validly(served: Served, tmp_path: Path) -> None:
    """Each default path in each language: a manifest valid against the schemas.

    The English pages are those of the exported package; Chinese is built once here.
    """
    copy_handbook_files(tmp_path)
    handbook = validate(tmp_path).handbook
    english = {name: data for name, data in served.members.items() if name.startswith(SITE)}
    for lang, pages in (("en", english), ("zh", built_pages(tmp_path, handbook, "zh", SITE))):
        for path in handbook.onboarding_paths:
            members = zip_members(scorm_zip(course_of(handbook, path.id), lang, pages), tmp_path)
            check_manifest(members)
            assert f"site/onboarding/{path.id}.html" in members


def test_nothing_comes_from_another_host(served: Served) -> None:
    """What pages load (scripts, styles, images, frames, fonts) is inside the package."""
    loads = re.compile(r'<(?:script|img|iframe|source|link)\b[^>]*?\b(?:src|href)="([^"]+)"|url\(([^)]+)\)')
    for name, data in served.members.items():
        if not name.endswith((".html", ".css")):
            continue
        for match in loads.finditer(data.decode("utf-8")):
            url = (match.group(1) or match.group(2)).strip("'\"")
            assert not re.match(r"^(?:[a-z]+:)?//", url), (name, url)


def test_a_bad_path_is_refused_with_the_paths_there_are(tmp_path: Path) -> None:
    copy_handbook_files(tmp_path)
    done = handbook_cli("export", "scorm", "--path", "nobody", "--out", str(tmp_path / "x.zip"), cwd=tmp_path)
    assert done.returncode == 2
    assert "no onboarding path 'nobody'" in done.stderr.decode() and PATH in done.stderr.decode()
    assert not (tmp_path / "x.zip").exists()


def test_suspend_data_of_the_largest_default_path_stays_under_4096(tmp_path: Path) -> None:
    """Every item ticked and every quiz taken with a fingerprint: the most the LMS must keep."""
    handbook = validate(REPO).handbook
    courses = [course_of(handbook, p.id) for p in handbook.onboarding_paths]
    largest = max(courses, key=lambda c: len(c.items) + len(c.quizzes))
    record = {
        "v": 2,
        "h": largest.handbook,
        "items": {item: [fp, 1_900_000_000_000] for item, fp in largest.items},
        "quizzes": {q: {"best": 100, "passed": True, "fp": "f" * 16, "t": 1} for q, _ in largest.quizzes},
    }
    course = {"items": [list(i) for i in largest.items], "quizzes": [list(q) for q in largest.quizzes]}
    script = (
        "const P = require(process.argv[1]);"
        "const [record, course] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(P.encodeSuspend(record, course, 1.9e12));"
    )
    lib = REPO / "generator" / "lms" / "assets" / "lms-progress.js"
    node = shutil.which("node")
    assert node, "node is missing: install Node.js"
    done = subprocess.run(
        [node, "-e", script, str(lib)], input=json.dumps([record, course]), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    suspend = json.loads(done.stdout)
    assert len(suspend["i"]) == len(largest.items) and len(suspend["q"]) == len(largest.quizzes)
    assert len(done.stdout) < 4096, len(done.stdout)


# --- in the LMS ----------------------------------------------------------------------------


def launch(context: BrowserContext, served: Served, kept: dict[str, Any] | None = None) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    hash_part = "#" + urllib.parse.quote(json.dumps(kept)) if kept else ""
    page.goto(f"{served.base}lms.html{hash_part}", wait_until="networkidle")
    page.errors = errors  # type: ignore[attr-defined]
    expect(pages(page).locator(".timeline")).to_be_visible()
    return page


def pages(page: Page) -> FrameLocator:
    """The handbook's pages: the frame inside the launcher inside the LMS."""
    return page.frame_locator("#sco").frame_locator("#content")


def cmi(page: Page, name: str) -> str:
    return str(page.evaluate("name => window.API.LMSGetValue(name)", name))


def close_launcher(page: Page) -> dict[str, Any]:
    """The learner leaves: the LMS removes the launcher's frame; what the LMS kept."""
    page.evaluate("document.getElementById('sco').remove()")
    page.wait_for_function("window.lms.calls.indexOf('LMSFinish') >= 0")
    kept: dict[str, Any] = page.evaluate("window.lms.kept.cmi")
    return kept


def tick(page: Page, n: int, served: Served) -> None:
    item = served.course.items[n][0]
    pages(page).locator(f'li[data-item="{item}"] label.task-list-control').click()


@functools.cache
def _default_questions() -> dict[str, Question]:
    handbook = validate(REPO).handbook
    return {q.id: q for quiz in handbook.quizzes for q in quiz.questions}


def key_from_the_model(question: str) -> tuple[str, list[str], str]:
    """A question's type, right option ids and numeric value: the page holds only hashes."""
    q = _default_questions()[question]
    if q.type == "true-false":
        return q.type, ["true" if q.answer is True else "false"], ""
    if q.type == "numeric":
        return q.type, [], str(q.answer)
    return q.type, [o.id for o in q.options if o.correct], ""


def pass_quiz(page: Page, served: Served) -> None:
    """Open the quiz in the handbook's frame and answer every question right."""
    frame = page.frame(url=re.compile(r"/package/site/"))
    assert frame is not None
    frame.goto(f"{served.base}package/site/quizzes/{QUIZ}.html", wait_until="networkidle")
    for q in frame.locator(".quiz-question").all():
        kind, correct, value = key_from_the_model(q.get_attribute("data-question") or "")
        if kind == "numeric":
            q.locator("input[type=number]").fill(value)
        else:
            for option in correct:
                q.locator(f'input[value="{option}"]').check()
        q.locator(".quiz-check").click()
    expect(frame.locator(".quiz-score")).to_contain_text("passed")


def test_launch_report_close_and_resume_in_another_browser(browser: Browser, served: Served) -> None:
    first = browser.new_context()
    page = launch(first, served)
    assert page.evaluate("window.lms.calls.filter(c => c === 'LMSInitialize').length") == 1
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"
    tick(page, 0, served)
    tick(page, 2, served)
    page.wait_for_function("JSON.parse(window.API.LMSGetValue('cmi.suspend_data') || '{}').i?.length === 2")
    pass_quiz(page, served)
    # Passing the quiz ticks its own item on the path as well.
    quiz_item = next(
        f"path:{p.id}/{item.id}"
        for p in validate(REPO).handbook.onboarding_paths
        for milestone in p.milestones
        for item in milestone.items
        if item.target == f"quiz:{QUIZ}" and f"path:{p.id}/{item.id}" in dict(served.course.items)
    )
    quizzes = len(served.course.quizzes)
    score = round(100 / quizzes)
    page.wait_for_function(f"window.API.LMSGetValue('cmi.core.score.raw') === '{score}'")
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"  # items and quizzes remain
    kept = close_launcher(page)
    calls = page.evaluate("window.lms.calls")
    assert calls.count("LMSInitialize") == 1 and calls.count("LMSFinish") == 1
    core = kept["core"]
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", core["session_time"])
    assert core["exit"] == "suspend" and core["lesson_status"] == "incomplete"
    suspend = json.loads(kept["suspend_data"])
    by_id = dict(served.course.items)
    ticked = [served.course.items[n][1][:6] for n in (0, 2)]
    ticked.append(by_id[str(quiz_item)][:6])
    assert sorted(suspend["i"]) == sorted(ticked), (suspend, quiz_item)
    assert [q[0] for q in suspend["q"]] == [QUIZ]
    assert not page.errors  # type: ignore[attr-defined]
    first.close()

    # Another computer: an empty browser, and only what the LMS kept.
    second = browser.new_context()
    again = {
        "core": {"lesson_status": core["lesson_status"], "entry": "resume"},
        "suspend_data": kept["suspend_data"],
    }
    page = launch(second, served, again)
    for n in (0, 2):
        item = served.course.items[n][0]
        expect(pages(page).locator(f'li[data-item="{item}"] input[type=checkbox]')).to_be_checked()
    item = served.course.items[1][0]
    expect(pages(page).locator(f'li[data-item="{item}"] input[type=checkbox]')).not_to_be_checked()
    expect(pages(page).locator(f'li[data-quiz="{QUIZ}"] .task-quiz').first).to_contain_text("100 %, passed")
    expect(page.frame_locator("#sco").locator("#lms-status")).to_contain_text(
        f"3 of {len(served.course.items)}"
    )
    assert sorted(json.loads(cmi(page, "cmi.suspend_data"))["i"]) == sorted(ticked)
    second.close()


def _record(served: Served, best: int) -> dict[str, Any]:
    """Every item of the path ticked and every quiz taken with the score ``best``."""
    return {
        "v": 2,
        "h": served.course.handbook,
        "items": {item: [fp, 1] for item, fp in served.course.items},
        "quizzes": {
            q: {"best": best, "passed": best >= mark, "fp": "", "t": 1} for q, mark in served.course.quizzes
        },
        "plans": {},
    }


@pytest.mark.parametrize(("best", "status"), [(100, "passed"), (50, "failed")])
def test_status_against_the_pass_marks(
    context: BrowserContext, served: Served, best: int, status: str
) -> None:
    """A path done with every quiz passed reports passed; a quiz below its mark, failed."""
    key = f"sales-handbook:{served.course.handbook}"
    context.add_init_script(
        f"if (location.pathname.endsWith('/package/index.html')) "
        f"localStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(_record(served, best)))});"
    )
    page = launch(context, served)
    page.wait_for_function(f"window.API.LMSGetValue('cmi.core.lesson_status') === '{status}'")
    assert cmi(page, "cmi.core.score.raw") == str(best)
    kept = close_launcher(page)
    assert kept["core"]["exit"] == ""  # done: nothing to resume


def test_an_author_title_cannot_end_the_launchers_script(served: Served) -> None:
    """The path's title reaches the launcher as text: escaped in HTML, \\u003c in the JSON."""
    attack = '</script><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
    path = dataclasses.replace(served.course.path, title=Text(en=attack, zh=attack))
    page = launcher_page(dataclasses.replace(served.course, path=path), "en", "scorm", "site/index.html")
    assert page.count("<script") == 3 and "<img" not in page  # the data, progress rules, launcher
    blob = page.split('<script type="application/json" id="course">', 1)[1].split("</script>", 1)[0]
    assert json.loads(blob)["words"]["finish"] and "</" not in blob


def test_an_lms_that_opens_a_window_is_found_through_the_opener(
    context: BrowserContext, served: Served
) -> None:
    lms = context.new_page()
    lms.goto(f"{served.base}lms-window.html", wait_until="networkidle")
    with context.expect_page() as opened:
        lms.evaluate("window.open('package/index.html', 'sco')")
    sco = opened.value
    sco.wait_for_load_state("networkidle")
    expect(sco.frame_locator("#content").locator(".timeline")).to_be_visible()
    calls = lms.evaluate("window.lms.calls")
    assert calls[0] == "LMSInitialize" and calls.count("LMSInitialize") == 1
    assert lms.evaluate("window.API.LMSGetValue('cmi.core.lesson_status')") == "incomplete"


def test_without_an_lms_the_handbook_still_works_and_says_so(context: BrowserContext, served: Served) -> None:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{served.base}package/index.html", wait_until="networkidle")
    expect(page.locator("#lms-status")).to_contain_text("Not connected to a learning system")
    item = served.course.items[0][0]
    page.frame_locator("#content").locator(f'li[data-item="{item}"] label.task-list-control').click()
    expect(page.frame_locator("#content").locator(f'li[data-item="{item}"] input')).to_be_checked()
    assert not errors


def test_a_handbook_without_mkdocs_yml_is_told_what_is_missing(tmp_path: Path) -> None:
    copy_handbook_files(tmp_path)
    (tmp_path / "mkdocs.yml").unlink()
    done = handbook_cli("export", "scorm", "--path", PATH, "--out", str(tmp_path / "x.zip"), cwd=tmp_path)
    message = done.stderr.decode()
    assert done.returncode == 2 and "mkdocs.yml" in message and "Traceback" not in message
