"""Put a new site in place of the old one so that a complete site exists at every instant.

The site lives at ``site/``, or, when ``site/`` is a symbolic link (a web server's root,
say), where the link points: the new site is built beside that folder and swapped in
there, so the link is never touched and stays a link. Beside the site's folder:

- ``<site>.new/`` and ``<site>.new-<lang>/``: a build in progress, never complete;
- ``<site>.ready/``: a complete build waiting to be swapped in;
- ``<site>.old/``: the previous site, moved aside by the swap.

The swap is two renames (``site`` → ``site.old``, ``site.ready`` → ``site``), then
``site.old`` is removed. Whatever instant a kill strikes, one of the folders holds a
complete site, and :func:`recover` (run by every command that writes the site, under the
handbook's lock, before anything else) finishes the swap or puts the old site back.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SiteFolders:
    """Where the site lives and the folders beside it that a build uses."""

    final: Path

    def _beside(self, suffix: str) -> Path:
        return self.final.with_name(self.final.name + suffix)

    @property
    def new(self) -> Path:
        return self._beside(".new")

    def new_language(self, language: str) -> Path:
        return self._beside(f".new-{language}")

    @property
    def ready(self) -> Path:
        return self._beside(".ready")

    @property
    def old(self) -> Path:
        return self._beside(".old")

    def in_progress(self) -> list[Path]:
        """Every folder of an unfinished build (there may be several languages')."""
        if not self.final.parent.is_dir():
            return []
        return sorted(self.final.parent.glob(f"{self.final.name}.new*"))


def site_folders(root: Path) -> SiteFolders:
    """The site's folders of the handbook at ``root``, following a ``site/`` symbolic link.

    Always absolute: MkDocs reads a relative ``-d`` from its configuration's folder
    (``.handbook/``), not from where the command was started.
    """
    link = Path(os.path.abspath(root)) / "site"
    if link.is_symlink():
        return SiteFolders(Path(os.path.realpath(link)))
    return SiteFolders(link)


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def recover(folders: SiteFolders) -> str:
    """Finish or undo a swap a kill interrupted, and clear an unfinished build; what was done."""
    done = []
    for unfinished in folders.in_progress():
        remove(unfinished)
        done.append(f"removed the unfinished build {unfinished.name}")
    if _exists(folders.ready):
        swap_in(folders)
        done.append(f"finished swapping in the complete build {folders.ready.name}")
    elif _exists(folders.old):
        if _exists(folders.final):
            remove(folders.old)
        else:  # the kill came after moving the old site aside, and no new one is ready
            folders.old.rename(folders.final)
            done.append(f"put the previous site back from {folders.old.name}")
    return "; ".join(done)


def swap_in(folders: SiteFolders) -> None:
    """Replace the site with ``<site>.ready/`` (complete). If a rename fails, the previous
    site stays (or is put back), and the new build is removed unless it is the only site."""
    if _exists(folders.final):
        if _exists(folders.old):
            remove(folders.old)  # a previous swap's leftover: the site itself is in place
        try:
            folders.final.rename(folders.old)
        except BaseException:
            remove(folders.ready)
            raise
    try:
        folders.ready.rename(folders.final)
    except BaseException:
        if _exists(folders.old) and not _exists(folders.final):
            folders.old.rename(folders.final)
        if _exists(folders.final):
            remove(folders.ready)
        raise
    if _exists(folders.old):
        remove(folders.old)


def remove(path: Path) -> None:
    """Remove a folder of ours (or a file or link left in its place)."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
