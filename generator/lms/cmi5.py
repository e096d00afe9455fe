"""``handbook export cmi5``: one onboarding path as a cmi5 course of one assignable unit (AU).

The package holds the pages of every language of the handbook; the AU opens the learner's
language (the browser's, when the handbook has it) and ``cmi5.xml`` gives the LMS the
titles and descriptions in all of them.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from generator.export.quiz.bank import one_line
from generator.lms.course import Course, course_of
from generator.lms.launcher import WORDS, launcher_files, launcher_page
from generator.lms.package import zip_bytes
from generator.lms.site import built_pages
from generator.model.handbook import Handbook
from generator.model.types import Text

CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
LAUNCHER = "index.html"


def export_cmi5(root: Path, handbook: Handbook, path_id: str | None) -> bytes:
    """The zip: ``cmi5.xml``, the AU at ``index.html``, each language's pages in ``site/<lang>/``."""
    course = course_of(handbook, path_id)
    info = handbook.info
    assert info is not None  # a validated handbook has its metadata
    languages: list[str] = list(info.languages)
    pages: dict[str, bytes] = {}
    for lang in languages:
        pages.update(built_pages(root, handbook, lang, f"site/{lang}/"))
    return cmi5_zip(course, languages, info.default_language, pages)


def cmi5_zip(course: Course, languages: list[str], default: str, pages: dict[str, bytes]) -> bytes:
    """The package of ``course`` around ``pages`` (every language's, named ``site/<lang>/…``)."""
    members = dict(pages)
    members.update(launcher_files("cmi5"))
    starts = {lang: f"site/{lang}/onboarding/{course.path.id}.html" for lang in languages}
    extra = {
        "starts": starts,
        "languages": {lang: WORDS.get(lang, WORDS["en"]) for lang in languages},
        "auId": au_id(course),
    }
    members[LAUNCHER] = launcher_page(course, default, "cmi5", starts[default], extra).encode("utf-8")
    members["cmi5.xml"] = course_structure(course, languages)
    return zip_bytes(members)


def course_id(course: Course) -> str:
    """The course's IRI: the same for every export of the same handbook and path."""
    return f"urn:sales-handbook:{course.handbook}:path:{course.path.id}"


def au_id(course: Course) -> str:
    return course_id(course) + ":au"


def course_structure(course: Course, languages: list[str]) -> bytes:
    """``cmi5.xml``: the course and its one AU, which moves on once done (and passed)."""
    ET.register_namespace("", CMI5)
    structure = ET.Element(f"{{{CMI5}}}courseStructure")
    element = ET.SubElement(structure, f"{{{CMI5}}}course", {"id": course_id(course)})
    _texts(element, course.title, course.summary, languages)
    move_on = "CompletedAndPassed" if course.quizzes else "Completed"
    au = ET.SubElement(
        structure, f"{{{CMI5}}}au", {"id": au_id(course), "moveOn": move_on, "launchMethod": "AnyWindow"}
    )
    _texts(au, course.title, course.summary, languages)
    ET.SubElement(au, f"{{{CMI5}}}url").text = LAUNCHER
    ET.indent(structure)
    text: bytes = ET.tostring(structure, encoding="utf-8", xml_declaration=True)
    return text + b"\n"


def _texts(parent: ET.Element, title: Text, summary: Text, languages: list[str]) -> None:
    for name, text in (("title", title), ("description", summary)):
        holder = ET.SubElement(parent, f"{{{CMI5}}}{name}")
        for lang in languages:
            ET.SubElement(holder, f"{{{CMI5}}}langstring", {"lang": lang}).text = one_line(text, lang)
