"""Each question as an IMS QTI 2.1 ``assessmentItem``.

Scoring follows the Moodle export: single choice and true-false score 1 when right,
multiple answers map each ticked option to its Moodle grade (bounded to 0..1), a
number scores 1 within its tolerance. Every item sets ``FEEDBACK`` so that players show
the explanation (a ``modalFeedback``) once the item is answered.
:mod:`generator.export.quiz.qti_package` puts the items, one assessment test per quiz
and the manifest into a content package (a zip).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.export.quiz.bank import BankQuestion, QuestionBank, number
from generator.export.xmltext import xml_chars

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEEDBACK_ID = "EXPLANATION"


def identifier(slug: str, prefix: str) -> str:
    """A QTI identifier (an XML name) for a slug: ``1st`` cannot open one, ``q-1st`` can."""
    return slug if slug[:1].isalpha() else f"{prefix}-{slug}"


def element(
    tag: str, attrs: dict[str, str] | None = None, *children: ET.Element, text: str = ""
) -> ET.Element:
    """An element ``tag`` with attributes, children and text (cleaned for XML).

    Tags are left without a namespace: :func:`to_xml` declares the document's as the
    default one (ElementTree cannot write a default namespace with plain attributes).
    """
    node = ET.Element(tag, {k: xml_chars(v) for k, v in (attrs or {}).items()})
    node.extend(children)
    if text:
        node.text = xml_chars(text)
    return node


def to_xml(root: ET.Element, namespace: str = QTI) -> bytes:
    """A document with an XML declaration, in the default namespace ``namespace``."""
    root.set("xmlns", namespace)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def item_xml(bank: QuestionBank, q: BankQuestion) -> bytes:
    """The ``assessmentItem`` of question ``q``."""
    item = element(
        "assessmentItem",
        {
            "identifier": identifier(q.id, "q"),
            "title": q.id,
            "adaptive": "false",
            "timeDependent": "false",
        },
    )
    item.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    item.set(XML_LANG, bank.lang)
    item.append(_response_declaration(q))
    item.append(_outcome("SCORE", "float", "0"))
    item.append(_outcome("MAXSCORE", "float", "1"))
    item.append(_outcome("FEEDBACK", "identifier"))
    item.append(_body(bank, q))
    item.append(_processing(q))
    if q.explanation:
        feedback = {"outcomeIdentifier": "FEEDBACK", "identifier": FEEDBACK_ID, "showHide": "show"}
        item.append(element("modalFeedback", feedback, element("p", text=q.explanation)))
    return to_xml(item)


def _outcome(name: str, base_type: str, default: str | None = None) -> ET.Element:
    node = element("outcomeDeclaration", {"identifier": name, "cardinality": "single", "baseType": base_type})
    if default is not None:
        node.append(element("defaultValue", None, element("value", text=default)))
    return node


def _choices(bank: QuestionBank, q: BankQuestion) -> list[tuple[str, str, bool]]:
    """(identifier, text, correct) of each choice; true-false offers true and false."""
    if q.type == "true-false":
        return [("true", bank.true_label, q.answer is True), ("false", bank.false_label, q.answer is False)]
    return [(identifier(o.id, "o"), o.text, o.correct) for o in q.options]


def _response_declaration(q: BankQuestion) -> ET.Element:
    if q.type == "numeric":
        assert isinstance(q.answer, float)
        attrs = {"identifier": "RESPONSE", "cardinality": "single", "baseType": "float"}
        return element("responseDeclaration", attrs, _correct([number(q.answer)]))
    cardinality = "multiple" if q.type == "multiple" else "single"
    attrs = {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": "identifier"}
    if q.type == "true-false":
        right = ["true" if q.answer else "false"]
    else:
        right = [identifier(o.id, "o") for o in q.options if o.correct]
    node = element("responseDeclaration", attrs, _correct(right))
    if q.type == "multiple":
        mapping = element("mapping", {"lowerBound": "0", "upperBound": "1", "defaultValue": "0"})
        for option in q.options:
            key = {
                "mapKey": identifier(option.id, "o"),
                "mappedValue": number(round(option.fraction / 100, 7)),
            }
            mapping.append(element("mapEntry", key))
        node.append(mapping)
    return node


def _correct(values: list[str]) -> ET.Element:
    return element("correctResponse", None, *(element("value", text=value) for value in values))


def _body(bank: QuestionBank, q: BankQuestion) -> ET.Element:
    if q.type == "numeric":
        entry = element("textEntryInteraction", {"responseIdentifier": "RESPONSE", "expectedLength": "12"})
        return element("itemBody", None, element("p", text=q.prompt), element("p", None, entry))
    attrs = {
        "responseIdentifier": "RESPONSE",
        "shuffle": "false",
        "maxChoices": "0" if q.type == "multiple" else "1",
    }
    interaction = element("choiceInteraction", attrs, element("prompt", text=q.prompt))
    for ident, text, _ in _choices(bank, q):
        interaction.append(element("simpleChoice", {"identifier": ident}, text=text))
    return element("itemBody", None, interaction)


def _processing(q: BankQuestion) -> ET.Element:
    processing = element("responseProcessing")
    if q.type == "multiple":
        processing.append(_set("SCORE", element("mapResponse", {"identifier": "RESPONSE"})))
    else:
        processing.append(
            element(
                "responseCondition",
                None,
                element("responseIf", None, _is_right(q), _set("SCORE", _value("float", "1"))),
                element("responseElse", None, _set("SCORE", _value("float", "0"))),
            )
        )
    processing.append(_set("FEEDBACK", _value("identifier", FEEDBACK_ID)))
    return processing


def _is_right(q: BankQuestion) -> ET.Element:
    response = element("variable", {"identifier": "RESPONSE"})
    correct = element("correct", {"identifier": "RESPONSE"})
    if q.type == "numeric":
        tolerance = number(q.tolerance)
        attrs = {"toleranceMode": "absolute", "tolerance": f"{tolerance} {tolerance}"}
        return element("equal", attrs, response, correct)
    return element("match", None, response, correct)


def _set(name: str, value: ET.Element) -> ET.Element:
    return element("setOutcomeValue", {"identifier": name}, value)


def _value(base_type: str, value: str) -> ET.Element:
    return element("baseValue", {"baseType": base_type}, text=value)
