"""``imsmanifest.xml``: a SCORM 1.2 package of one SCO, and every file it is made of."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote
from xml.etree import ElementTree as ET

from generator.export.quiz.bank import one_line
from generator.lms.course import Course

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = (
    f"{IMSCP} imscp_rootv1p1p2.xsd "
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    f"{ADLCP} adlcp_rootv1p2.xsd"
)
LAUNCHER = "index.html"


def identifier(*parts: str) -> str:
    """An XML ID (the manifest's identifiers are xs:ID): letters, digits, ``-``, ``_``, ``.``."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", "-".join(("handbook", *parts)))


def scorm_manifest(course: Course, lang: str, files: Iterable[str]) -> bytes:
    """The manifest of the package that holds ``files`` (zip names), launched at index.html."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    title = one_line(course.title, lang) or course.path.id
    root = ET.Element(
        f"{{{IMSCP}}}manifest",
        {
            "identifier": identifier(course.path.id, lang, course.version),
            "version": course.version or "1",
            f"{{{XSI}}}schemaLocation": SCHEMA_LOCATIONS,
        },
    )
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    sco = identifier(course.path.id, "sco")
    organization_id = identifier(course.path.id, "organization")
    organizations = ET.SubElement(root, f"{{{IMSCP}}}organizations", {"default": organization_id})
    organization = ET.SubElement(organizations, f"{{{IMSCP}}}organization", {"identifier": organization_id})
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = ET.SubElement(
        organization,
        f"{{{IMSCP}}}item",
        {"identifier": identifier(course.path.id, "item"), "identifierref": sco, "isvisible": "true"},
    )
    ET.SubElement(item, f"{{{IMSCP}}}title").text = title
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(
        resources,
        f"{{{IMSCP}}}resource",
        {"identifier": sco, "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": LAUNCHER},
    )
    for name in sorted(files):
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": quote(name)})
    ET.indent(root)
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text + b"\n"
