"""The hand-written guides the home page points each reader to (they live in docs/guides/)."""

from __future__ import annotations

GUIDES = {
    "new_hire": "guides/new-hires.md",
    "mentor": "guides/mentors.md",
    "editor": "guides/editors.md",
}
