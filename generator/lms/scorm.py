"""``handbook export scorm``: one onboarding path as a SCORM 1.2 package of one SCO."""

from __future__ import annotations

from pathlib import Path

from generator.export.quiz.bank import export_language
from generator.lms.course import Course, course_of
from generator.lms.launcher import launcher_files, launcher_page
from generator.lms.manifest import LAUNCHER, scorm_manifest
from generator.lms.package import zip_bytes
from generator.lms.site import built_pages
from generator.model.handbook import Handbook

SITE = "site/"


def export_scorm(root: Path, handbook: Handbook, path_id: str | None, lang: str | None) -> bytes:
    """The zip: the launcher at ``index.html``, the built pages of ``lang`` below ``site/``."""
    course = course_of(handbook, path_id)
    lang = export_language(handbook, lang)
    return scorm_zip(course, lang, built_pages(root, handbook, lang, SITE))


def scorm_zip(course: Course, lang: str, pages: dict[str, bytes]) -> bytes:
    """The package of ``course`` around ``pages`` (the built pages, named ``site/…``)."""
    members = dict(pages)
    members.update(launcher_files("scorm"))
    start = f"{SITE}onboarding/{course.path.id}.html"
    members[LAUNCHER] = launcher_page(course, lang, "scorm", start).encode("utf-8")
    members["imsmanifest.xml"] = scorm_manifest(course, lang, members)
    return zip_bytes(members)
