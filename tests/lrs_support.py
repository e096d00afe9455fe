"""A real learning record store for the tests: Ralph, started once per test session.

Ralph (``ralph-malph`` on PyPI) runs on loopback with its file-system backend, one
credential with every scope, and CORS open to loopback pages. The tests read back what it
stored through its own xAPI ``GET /xAPI/statements``.

Ralph 5's file-system backend creates its statements file on the first POST and refuses
every later one (HTTP 500, "already exists and overwrite is not allowed"): it is meant for
one bulk write. The tests therefore start the same server with that backend appending,
which is what an LRS does; everything else is Ralph as shipped.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

USER, PASSWORD = "handbook-tests", "loopback-only-secret"


_START = """
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
import uvicorn
uvicorn.run("ralph.api:app", host="127.0.0.1", port={port}, log_level="info")
"""


@dataclass(frozen=True)
class Lrs:
    """A running Ralph: its xAPI endpoint (ending in ``/``) and a Basic credential for it."""

    endpoint: str
    authorization: str

    def statements(self, **query: str) -> list[dict[str, Any]]:
        """What Ralph stored that matches ``query`` (xAPI's statement filters)."""
        url = self.endpoint + "statements?" + urllib.parse.urlencode(query)
        request = urllib.request.Request(
            url, headers={"Authorization": self.authorization, "X-Experience-API-Version": "1.0.3"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            found: list[dict[str, Any]] = json.load(response)["statements"]
        return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _auth_file(folder: Path) -> Path:
    import bcrypt

    hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt()).decode()
    path = folder / "auth.json"
    agent = {"account": {"homePage": "http://127.0.0.1", "name": USER}}
    entry = {"agent": agent, "scopes": ["all"], "hash": hashed, "username": USER}
    path.write_text(json.dumps([entry]), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def ralph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lrs]:
    """Ralph on loopback for the whole session; stopped at the end."""
    with running_ralph(tmp_path_factory.mktemp("ralph"), free_port(), ["http://127.0.0.1"]) as lrs:
        yield lrs


def free_port() -> int:
    return _free_port()


@contextlib.contextmanager
def running_ralph(folder: Path, port: int, origins: list[str]) -> Iterator[Lrs]:
    """Ralph on ``port``, storing into ``folder``, answering browsers from ``origins``."""
    try:
        import ralph  # noqa: F401
    except ImportError:
        pytest.fail("Ralph is missing: pip install -e '.[test]' (ralph-malph)", pytrace=False)
    env = dict(
        os.environ,
        RALPH_APP_DIR=str(folder),
        RALPH_AUTH_FILE=str(_auth_file(folder)),
        RALPH_RUNSERVER_BACKEND="fs",
        RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH=str(folder),
        RALPH_RUNSERVER_CORS_ALLOW_ORIGINS=json.dumps(origins),
    )
    command = [sys.executable, "-c", _START.format(port=port)]
    log = (folder / "ralph.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=folder)
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(base + "__heartbeat__", process, folder / "ralph.log")
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        yield Lrs(base + "xAPI/", f"Basic {token}")
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90  # Ralph imports a lot: slow on a busy machine
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Ralph stopped at start:\n{log.read_text()[-2000:]}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    pytest.fail(f"Ralph did not answer within 90 s:\n{log.read_text()[-2000:]}", pytrace=False)
