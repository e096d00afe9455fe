"""Load a handbook folder and check it: the first two stages of every command."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from generator.check.registry import run_checks
from generator.diagnostics import Diagnostics
from generator.load.collector import collector_paused
from generator.load.project import load_handbook
from generator.model.handbook import Handbook


@dataclass
class Validation:
    handbook: Handbook
    diagnostics: Diagnostics

    @property
    def checks_skipped(self) -> bool:
        return bool(self.handbook.unreadable)

    @property
    def ok(self) -> bool:
        return not self.diagnostics.errors


@collector_paused()
def validate(root: Path, today: datetime.date | None = None) -> Validation:
    """Load every definition below ``root`` and run every check; never raises on bad input.

    ``today``: the day review dates are compared with; the real one unless given.
    """
    diagnostics = Diagnostics()
    handbook = load_handbook(root, diagnostics)
    # A file that could not be read at all would make every reference into it look
    # dangling: report what blocks reading first, check consistency once it is fixed.
    if not handbook.unreadable:
        diagnostics.extend(run_checks(handbook, today))
    return Validation(handbook, diagnostics)
