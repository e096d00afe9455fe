"""A package as one zip: the built pages, the launcher, and the standard's description."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

# A fixed time in every entry: the same handbook gives the same bytes, run after run.
_EPOCH = (2000, 1, 1, 0, 0, 0)


def folder_files(folder: Path, prefix: str) -> dict[str, bytes]:
    """Every file below ``folder``, named ``prefix`` + its path with forward slashes."""
    return {
        prefix + path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """``members`` (name → bytes) as a zip, in name order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name])
    return out.getvalue()
