"""Quiz answer keys as the browser receives them: hashed or encoded, never in plain sight.

A choice question's key is the SHA-256 of ``salt|question id|chosen option ids`` (sorted,
comma-joined; ``true``/``false`` for a true-or-false question), so the page source names no
correct option and the browser grades by hashing the reader's choice the same way
(``assets/learning.js``). A numeric answer has a tolerance, which a hash cannot compare:
its ``value;tolerance`` is XOR-ed with a keystream made from the same salt. Neither is
secret from someone who runs code against the page (a handful of options is quickly tried);
they keep answers out of the page's text, its search index and a glance at the source.
Graded certification goes through the LMS exports.

The salt is derived from the handbook and the question, so each build writes the same
page (golden files, rebuild only on change) while no two questions share a table.
"""

from __future__ import annotations

import hashlib
from itertools import cycle


def salt(handbook_id: str, question_id: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{handbook_id}:{question_id}:{fingerprint}".encode()).hexdigest()[:16]


def choice_key(salt_: str, question_id: str, chosen: list[str]) -> str:
    """The hash the browser compares a reader's choice with."""
    answer = ",".join(sorted(chosen))
    return hashlib.sha256(f"{salt_}|{question_id}|{answer}".encode()).hexdigest()


def numeric_key(salt_: str, question_id: str, value: str, tolerance: str) -> str:
    """``value;tolerance`` XOR-ed with SHA-256(``salt|question id|number``), as hex."""
    stream = hashlib.sha256(f"{salt_}|{question_id}|number".encode()).digest()
    plain = f"{value};{tolerance}".encode()
    return bytes(a ^ b for a, b in zip(plain, cycle(stream), strict=False)).hex()
