"""``handbook export scorm``: one onboarding path as a SCORM 1.2 package of one SCO."""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.export.lms.course import course_of
from generator.export.lms.launcher import launcher_files, launcher_page
from generator.export.lms.manifest import LAUNCHER, scorm_manifest
from generator.export.lms.package import folder_files, zip_bytes
from generator.export.lms.site import build_for_package
from generator.export.quiz.bank import export_language
from generator.model.handbook import Handbook

SITE = "site/"


def export_scorm(root: Path, handbook: Handbook, path_id: str | None, lang: str | None) -> bytes:
    """The zip: the launcher at ``index.html``, the built pages of ``lang`` below ``site/``."""
    course = course_of(handbook, path_id)
    lang = export_language(handbook, lang)
    with tempfile.TemporaryDirectory(prefix="handbook-scorm-") as tmp:
        build_for_package(root, handbook, lang, Path(tmp))
        members = folder_files(Path(tmp), SITE)
    members.update(launcher_files("scorm"))
    start = f"{SITE}onboarding/{course.path.id}.html"
    members[LAUNCHER] = launcher_page(course, lang, "scorm", start).encode("utf-8")
    members["imsmanifest.xml"] = scorm_manifest(course, lang, members)
    return zip_bytes(members)
