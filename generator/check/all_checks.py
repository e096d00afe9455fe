"""Importing this module registers every check (see :mod:`generator.check.registry`)."""

from generator.check import (  # noqa: F401
    coverage,
    drills,
    freshness,
    ids,
    kpis,
    meetings,
    metadata,
    onboarding,
    quizzes,
    references,
    scripts,
    translations,
)
