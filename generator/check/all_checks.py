"""Importing this module registers every check (see :mod:`generator.check.registry`)."""

from generator.check import (  # noqa: F401
    coverage,
    drills,
    freshness,
    identity,
    ids,
    kpis,
    meetings,
    messages,
    metadata,
    onboarding,
    quizzes,
    references,
    scripts,
    starter,
    translations,
)
