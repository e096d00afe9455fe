"""Keep what each definition file gave, so that a file whose bytes did not change is not read again.

An editor previewing a large handbook regenerates after every save, usually with one
file changed or none. A file's :class:`~generator.load.source.Source` (its entities and
problems, with every position) depends only on its path, its bytes and the loader's
code, so it is kept under a name made of the three, and reused while they stay the same.

Where: in the user's cache folder (``~/.cache/sales-handbook/<folder digest>/``, or under
``$XDG_CACHE_HOME``), never in the handbook folder, and only once the handbook has been
generated (``handbook validate`` on a fresh checkout writes nothing anywhere). The cache
of a folder that is gone (or no longer generated) is removed, and beyond
:data:`KEEP_HANDBOOKS` folders, the least recently used.
Entries are pickles, each signed with a key kept beside them: an entry that did not come
from this user's own runs fails the signature and is never unpickled. Whatever is wrong
with the cache (unwritable, damaged, stale), the file is simply read again.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import shutil
import sys
from functools import cache
from pathlib import Path

import yaml

from generator.load.source import Source

KEEP_HANDBOOKS = 100  # handbook folders whose cache is kept, at most
_SIGNATURE = 32  # bytes of HMAC-SHA256 before each pickle
_CODE = ("generator/load", "generator/model", "generator/diagnostics.py")


class SourceCache:
    """The cached sources of one handbook folder; :meth:`open` gives none when it must not be used."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.folder, self.key = folder, key
        self.used: set[str] = set()

    @classmethod
    def open(cls, root: Path) -> SourceCache | None:
        folder = cache_folder(root)
        key = _secret() if folder else None
        return cls(folder / "sources", key) if folder and key else None

    def name(self, rel: str, raw: bytes) -> str:
        """The entry of ``rel`` with content ``raw`` under this loader's code."""
        digest = hashlib.blake2b(code_fingerprint(), digest_size=20)
        digest.update(rel.encode("utf-8") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def get(self, name: str) -> Source | None:
        self.used.add(name)
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None
        signature, payload = data[:_SIGNATURE], data[_SIGNATURE:]
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            found = pickle.loads(payload)
        except Exception:  # a damaged entry is read again from the YAML
            return None
        return found if isinstance(found, Source) else None

    def put(self, name: str, source: Source) -> None:
        self.used.add(name)
        payload = pickle.dumps(source, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f"{name}.{os.getpid()}.tmp"
            partial.write_bytes(self._sign(payload) + payload)
            partial.replace(self.folder / name)
        except OSError:
            return

    def prune(self, keep: set[str]) -> None:
        """Remove the entries of files that changed or went away."""
        try:
            for path in self.folder.iterdir():
                if path.name not in keep:
                    path.unlink(missing_ok=True)
        except OSError:
            return

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self.key, payload, hashlib.sha256).digest()


@cache
def code_fingerprint() -> bytes:
    """What the cached entries were made by: this loader's and model's source, Python, PyYAML."""
    digest = hashlib.blake2b(f"{sys.version}|{yaml.__version__}|{yaml.__with_libyaml__}".encode())
    base = Path(__file__).resolve().parent.parent.parent
    for part in _CODE:
        path = base / part
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(source.relative_to(base).as_posix().encode("utf-8"))
            digest.update(source.read_bytes())
    return digest.digest()


def base_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sales-handbook"


def cache_folder(root: Path) -> Path | None:
    """The cache of the handbook folder ``root``; ``None`` until it has been generated."""
    if not (root / ".handbook").is_dir():
        return None
    where = str(root.resolve())
    folder = base_folder() / "handbooks" / hashlib.blake2b(where.encode("utf-8"), digest_size=10).hexdigest()
    try:
        if not folder.is_dir():
            _forget_old(folder.parent)
            folder.mkdir(parents=True)
            (folder / "root").write_text(where, encoding="utf-8")
        os.utime(folder)  # most recently used
    except OSError:
        return None
    return folder


def _forget_old(handbooks: Path) -> None:
    """Remove the caches of folders gone or no longer generated, then the least recently used."""
    if not handbooks.is_dir():
        return
    kept = []
    for folder in handbooks.iterdir():
        try:
            root = Path((folder / "root").read_text(encoding="utf-8"))
            gone = not (root / ".handbook").is_dir()
        except OSError:
            gone = True
        if gone:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            kept.append(folder)
    kept.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP_HANDBOOKS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def _secret() -> bytes | None:
    """The user's signing key, made on first use; ``None`` when it cannot be kept."""
    path = base_folder() / "cache.key"
    try:
        return path.read_bytes() or None
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(secrets.token_bytes(32))
        return path.read_bytes() or None
    except FileExistsError:  # made at the same moment by another run
        try:
            return path.read_bytes() or None
        except OSError:
            return None
    except OSError:
        return None
