"""The quizzes as an IMS QTI 2.1 content package: a zip of items, tests and a manifest.

Layout: ``imsmanifest.xml`` (IMS Content Packaging 1.1), ``items/<question>.xml`` (one
``assessmentItem`` each, see :mod:`generator.export.quiz.as_qti`) and
``tests/<quiz>.xml`` (one ``assessmentTest`` per quiz, with its pass mark as the
``PASS`` outcome). The zip is the same byte for byte on every run: fixed file dates.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from generator.export.quiz.as_qti import QTI, QTI_XSD, XSI, element, identifier, item_xml, to_xml
from generator.export.quiz.bank import BankQuiz, QuestionBank, number
from generator.export.xmltext import xml_chars

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
MANIFEST = "imsmanifest.xml"
EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold


def item_path(question_id: str) -> str:
    return f"items/{question_id}.xml"


def test_path(quiz_id: str) -> str:
    return f"tests/{quiz_id}.xml"


def to_qti(bank: QuestionBank) -> bytes:
    """The content package as zip bytes."""
    files: dict[str, bytes] = {MANIFEST: manifest_xml(bank)}
    for quiz in bank.quizzes:
        files[test_path(quiz.id)] = test_xml(quiz)
        for question in quiz.questions:
            files[item_path(question.id)] = item_xml(bank, question)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def test_xml(quiz: BankQuiz) -> bytes:
    """The ``assessmentTest`` of one quiz: its questions in order, score and pass mark."""
    section = element(
        "assessmentSection", {"identifier": "questions", "title": quiz.title, "visible": "true"}
    )
    for question in quiz.questions:
        ref = {"identifier": identifier(question.id, "q"), "href": f"../{item_path(question.id)}"}
        section.append(element("assessmentItemRef", ref))
    part = element(
        "testPart", {"identifier": "part", "navigationMode": "nonlinear", "submissionMode": "simultaneous"}
    )
    part.append(section)
    test = element("assessmentTest", {"identifier": identifier(quiz.id, "quiz"), "title": quiz.title})
    test.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    test.append(_outcome("SCORE", "float"))
    test.append(_outcome("PASS", "boolean"))
    test.append(part)
    passing = number(round(len(quiz.questions) * quiz.pass_mark / 100, 6))
    sum_of_scores = element("sum", None, element("testVariables", {"variableIdentifier": "SCORE"}))
    score = element("variable", {"identifier": "SCORE"})
    test.append(
        element(
            "outcomeProcessing",
            None,
            element("setOutcomeValue", {"identifier": "SCORE"}, sum_of_scores),
            element(
                "setOutcomeValue",
                {"identifier": "PASS"},
                element("gte", None, score, element("baseValue", {"baseType": "float"}, text=passing)),
            ),
        )
    )
    return to_xml(test)


def _outcome(name: str, base_type: str) -> ET.Element:
    return element("outcomeDeclaration", {"identifier": name, "cardinality": "single", "baseType": base_type})


def manifest_xml(bank: QuestionBank) -> bytes:
    """``imsmanifest.xml``: one resource per test (depending on its items) and per item."""
    root = _cp("manifest", {"identifier": f"handbook-quizzes-{bank.lang}"})
    root.set(f"{{{XSI}}}schemaLocation", f"{CP} {CP_XSD}")
    metadata = _cp("metadata")
    metadata.append(_cp("schema", text="QTIv2.1 Package"))
    metadata.append(_cp("schemaversion", text="1.0.0"))
    root.append(metadata)
    root.append(_cp("organizations"))
    resources = _cp("resources")
    for quiz in bank.quizzes:
        test = _resource(f"test-{quiz.id}", "imsqti_test_xmlv2p1", test_path(quiz.id))
        for question in quiz.questions:
            test.append(_cp("dependency", {"identifierref": f"item-{question.id}"}))
        resources.append(test)
    for quiz in bank.quizzes:
        for question in quiz.questions:
            resources.append(_resource(f"item-{question.id}", "imsqti_item_xmlv2p1", item_path(question.id)))
    root.append(resources)
    return to_xml(root, CP)


def _resource(ident: str, kind: str, href: str) -> ET.Element:
    resource = _cp("resource", {"identifier": ident, "type": kind, "href": href})
    resource.append(_cp("file", {"href": href}))
    return resource


def _cp(tag: str, attrs: dict[str, str] | None = None, text: str = "") -> ET.Element:
    node = ET.Element(tag, {k: xml_chars(v) for k, v in (attrs or {}).items()})
    if text:
        node.text = xml_chars(text)
    return node
