"""The cmi5 package of an onboarding path: a course structure valid against the cmi5 schema,
and an AU that follows the launch contract, sending its statements to a real learning record
store (Ralph, started by the tests).

A small launch harness plays the LMS on loopback: it serves the unpacked package, answers
the AU's single ``fetch`` POST with a token, serves the ``LMS.LaunchData`` state (Ralph has
no state endpoint) and passes statements on to Ralph unchanged, as an LMS that proxies its
LRS does. The tests then ask Ralph what it stored.
"""

from __future__ import annotations

import http.server
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from playwright.sync_api import Browser, BrowserContext, Page, expect

from generator.lms.cmi5 import au_id, cmi5_zip
from generator.lms.course import Course, course_of
from generator.validate import validate
from tests.conftest import REPO
from tests.export_support import handbook_cli, zip_members
from tests.lrs_support import Lrs, ralph  # noqa: F401  (the session's Ralph)
from tests.site_support import copy_handbook_files, serving

PATH = "customer-service"
SCHEMA = REPO.parent / "shared" / "schemas" / "cmi5" / "CourseStructure.xsd"
CMI5 = {"c": "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"}
CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
VERB = "http://adlnet.gov/expapi/verbs/"


@dataclass
class Lms:
    """The harness's view of launches: fetch calls per registration, the sessions it gave."""

    lrs: Lrs
    fetched: dict[str, int] = field(default_factory=dict)
    sessions: dict[str, str] = field(default_factory=dict)


def _handler(lms: Lms, web: Path) -> type[http.server.SimpleHTTPRequestHandler]:
    class Harness(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(web), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if url.path == "/fetch":
                registration = urllib.parse.parse_qs(url.query)["registration"][0]
                lms.fetched[registration] = lms.fetched.get(registration, 0) + 1
                if lms.fetched[registration] > 1:  # cmi5: the fetch URL answers once
                    self._answer(
                        200, json.dumps({"error-code": "1", "error-text": "already fetched"}).encode()
                    )
                    return
                token = lms.lrs.authorization.split(" ", 1)[1]
                self._answer(200, json.dumps({"auth-token": token}).encode())
            elif url.path == "/xapi/statements":
                self._forward(body)
            else:
                self._answer(404, b"{}")

        def _forward(self, body: bytes) -> None:
            headers = {
                k: self.headers[k] for k in ("Authorization", "X-Experience-API-Version", "Content-Type")
            }
            request = urllib.request.Request(lms.lrs.endpoint + "statements", body, headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    self._answer(response.status, response.read())
            except urllib.error.HTTPError as refused:
                self._answer(refused.code, refused.read())

        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/xapi/activities/state":
                super().do_GET()
                return
            query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
            if (
                query.get("stateId") != "LMS.LaunchData"
                or self.headers.get("Authorization") != lms.lrs.authorization
            ):
                self._answer(404, b"{}")
                return
            session = lms.sessions.setdefault(query["registration"], str(uuid.uuid4()))
            launch_data = {
                "contextTemplate": {
                    "contextActivities": {"grouping": [{"id": "urn:lms:course"}]},
                    "extensions": {SESSION: session},
                },
                "launchMode": "Normal",
                "moveOn": "CompletedAndPassed",
                "returnURL": "/returned.html",
            }
            self._answer(200, json.dumps(launch_data).encode())

    return Harness


@dataclass(frozen=True)
class Served:
    base: str
    lms: Lms
    members: dict[str, bytes]
    course: Course


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, ralph: Lrs) -> Iterator[Served]:  # noqa: F811
    root = tmp_path_factory.mktemp("handbook")
    copy_handbook_files(root)
    zip_path = root / "path.zip"
    done = handbook_cli("export", "cmi5", "--path", PATH, "--out", str(zip_path), cwd=root)
    assert done.returncode == 0, done.stderr.decode()
    web = root / "web"
    with zipfile.ZipFile(zip_path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
        archive.extractall(web / "package")
    (web / "returned.html").write_text(
        '<!doctype html><title>LMS</title><link rel="icon" href="data:,"><p>Back in the LMS.',
        encoding="utf-8",
    )
    lms = Lms(ralph)
    with serving(_handler(lms, web)) as base:
        yield Served(base, lms, members, course_of(validate(root).handbook, PATH))


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    yield ctx
    ctx.close()


# --- the course structure -------------------------------------------------------------------


def check_structure(xml: bytes, course: Course) -> None:
    if not SCHEMA.is_file():
        pytest.fail(f"{SCHEMA} is missing: the cmi5 schema is expected there", pytrace=False)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    structure = etree.fromstring(xml)
    assert schema.validate(structure), schema.error_log
    aus = structure.findall("c:au", CMI5)
    assert aus and all(au.get("moveOn") not in (None, "NotApplicable") for au in aus)
    for holder in ("c:course/c:title", "c:course/c:description", "c:au/c:title", "c:au/c:description"):
        texts = {s.get("lang"): s.text for s in structure.findall(f"{holder}/c:langstring", CMI5)}
        assert set(texts) == {"en", "zh"} and all(texts.values()), holder
    assert structure.findtext("c:au/c:url", namespaces=CMI5) == "index.html"
    assert aus[0].get("id") == au_id(course)


def test_course_structure_of_every_default_path_is_valid(served: Served, tmp_path: Path) -> None:
    """Every default path: cmi5.xml valid, langstrings in both languages, moveOn set.

    The pages are those of the exported package: no other build.
    """
    check_structure(served.members["cmi5.xml"], served.course)
    handbook = validate(REPO).handbook
    pages = {name: data for name, data in served.members.items() if name.startswith("site/")}
    for path in handbook.onboarding_paths:
        course = course_of(handbook, path.id)
        members = zip_members(cmi5_zip(course, ["en", "zh"], "en", pages), tmp_path)
        check_structure(members["cmi5.xml"], course)
        assert {f"site/{lang}/onboarding/{path.id}.html" for lang in ("en", "zh")} <= set(members)


def test_lang_is_refused_a_cmi5_package_holds_every_language(tmp_path: Path) -> None:
    copy_handbook_files(tmp_path)
    out = tmp_path / "x.zip"
    done = handbook_cli("export", "cmi5", "--path", PATH, "--lang", "en", "--out", str(out), cwd=tmp_path)
    assert done.returncode == 2 and "every language" in done.stderr.decode()
    assert not out.exists()


# --- launched by the LMS ---------------------------------------------------------------------


def launch(context: BrowserContext, served: Served, record: dict[str, Any] | None = None) -> tuple[Page, str]:
    """Launch the AU as the LMS does, for a new registration; ``record`` is written by the pages."""
    registration = str(uuid.uuid4())
    actor = {
        "objectType": "Agent",
        "name": "Li Wei",
        "account": {"homePage": "https://lms.example.com", "name": "li-wei"},
    }
    query = urllib.parse.urlencode(
        {
            "endpoint": f"{served.base}xapi/",
            "fetch": f"{served.base}fetch?registration={registration}",
            "actor": json.dumps(actor),
            "registration": registration,
            "activityId": au_id(served.course),
        }
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{served.base}package/index.html?{query}", wait_until="networkidle")
    page.errors = errors  # type: ignore[attr-defined]
    expect(page.frame_locator("#content").locator(".timeline")).to_be_visible()
    wait_stored(served, registration, ["initialized"])
    if record is not None:
        # Written by the handbook's page, as learning.js does: the AU hears it through `storage`.
        frame = page.frame(url=lambda url: "/package/site/" in url)
        assert frame is not None
        key = f"sales-handbook:{served.course.handbook}"
        frame.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(record)])
    return page, registration


def stored(served: Served, registration: str) -> list[dict[str, Any]]:
    """What Ralph holds for the registration, oldest first."""
    found = served.lms.lrs.statements(registration=registration, ascending="true")
    return sorted(found, key=lambda s: s["timestamp"])


def wait_stored(served: Served, registration: str, verbs: list[str]) -> list[dict[str, Any]]:
    """Ralph's statements of the registration once they are ``verbs`` (or after 60 s)."""
    deadline = time.monotonic() + 60
    while True:
        found = stored(served, registration)
        if [s["verb"]["id"].rsplit("/", 1)[1] for s in found] == verbs or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert [s["verb"]["id"] for s in found] == [VERB + v for v in verbs]
    return found


def _record(course: Course, best: int) -> dict[str, Any]:
    return {
        "v": 2,
        "h": course.handbook,
        "items": {item: [fp, 1] for item, fp in course.items},
        "quizzes": {
            q: {"best": best, "passed": best >= mark, "fp": "", "t": 1} for q, mark in course.quizzes
        },
        "plans": {},
    }


def test_a_finished_path_reaches_ralph_as_cmi5_statements(context: BrowserContext, served: Served) -> None:
    page, registration = launch(context, served, _record(served.course, 90))
    wait_stored(served, registration, ["initialized", "completed", "passed"])
    # The learner's browser language (zh-CN) chose the Chinese pages and words.
    expect(page.locator("#lms-status")).to_contain_text("已通过")
    expect(page.frame_locator("#content").locator("html")).to_have_attribute("lang", "zh")
    assert not page.errors  # type: ignore[attr-defined]
    page.locator("#lms-finish").click()
    found = wait_stored(served, registration, ["initialized", "completed", "passed", "terminated"])
    page.wait_for_url("**/returned.html")  # back to the LMS, once the statements are out
    assert served.lms.fetched[registration] == 1
    session = served.lms.sessions[registration]
    for statement in found:
        assert statement["actor"]["account"]["name"] == "li-wei"
        assert statement["object"]["id"] == au_id(served.course)
        context_ = statement["context"]
        assert context_["registration"] == registration
        assert context_["extensions"][SESSION] == session
        assert context_["contextActivities"]["grouping"] == [{"id": "urn:lms:course"}]
        categories = {c["id"] for c in context_["contextActivities"]["category"]}
        moves_on = statement["verb"]["id"] in (VERB + "completed", VERB + "passed")
        assert categories == ({CATEGORY + "cmi5", CATEGORY + "moveon"} if moves_on else {CATEGORY + "cmi5"})
    completed, passed, terminated = found[1]["result"], found[2]["result"], found[3]["result"]
    assert completed["completion"] is True
    assert passed["success"] is True and passed["score"]["scaled"] == 0.9
    assert terminated["duration"].startswith("PT")


def test_a_quiz_below_its_pass_mark_is_failed(context: BrowserContext, served: Served) -> None:
    _, registration = launch(context, served, _record(served.course, 40))
    found = wait_stored(served, registration, ["initialized", "completed", "failed"])
    assert found[2]["result"]["success"] is False and found[2]["result"]["score"]["scaled"] == 0.4


def test_nothing_done_sends_only_initialized_and_terminated(context: BrowserContext, served: Served) -> None:
    page, registration = launch(context, served)
    page.locator("#lms-finish").click()
    wait_stored(served, registration, ["initialized", "terminated"])
