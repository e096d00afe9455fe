"""What changed between two versions of the handbook, entity by entity and field by field.

Works on the resolved model as plain data (:func:`generator.export.model_json.model_data`),
so a version read back from the published site compares like one loaded from YAML:
:mod:`records` flattens the model into one record per entity, :mod:`renames` pairs a
removed and an added record whose content is the same, :mod:`compare` builds the
:class:`~generator.diff.changeset.ChangeSet`, :mod:`audience` says whom each change
concerns, and :mod:`report_md` / :mod:`report_json` print it.
"""

from __future__ import annotations

from generator.diff.changeset import Change, ChangeSet, FieldChange, Version
from generator.diff.compare import compare

__all__ = ["Change", "ChangeSet", "FieldChange", "Version", "compare"]
