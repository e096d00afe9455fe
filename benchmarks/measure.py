"""How the benchmark measures: whole-process runs, medians, the machine, folders on disk.

Every command runs as a child process, the way a user runs it; its wall time comes from
the clock, its CPU time and peak memory from ``wait4`` (that child alone, so one run's
peak never hides in another's).
"""

from __future__ import annotations

import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Run:
    """One finished process: seconds of wall and CPU time, peak memory in MB, output."""

    wall: float
    cpu: float
    rss_mb: float
    returncode: int
    stdout: str
    stderr: str

    def check(self, what: str) -> Run:
        if self.returncode != 0:
            raise SystemExit(f"error: {what} exited {self.returncode}:\n{self.stdout}{self.stderr}")
        return self


def run(command: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``command`` to its end; output goes to files, so a chatty child never blocks."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(list(command), stdout=out, stderr=err, cwd=cwd, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait
        out.seek(0)
        err.seek(0)
        return Run(
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            rss_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
            returncode=child.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


def repeat(times: int, once: Callable[[], Run], before: Callable[[], object] = lambda: None) -> list[Run]:
    """``times`` runs of ``once``, each after ``before`` (which is not timed)."""
    runs = []
    for _ in range(times):
        before()
        runs.append(once())
    return runs


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def tool(name: str) -> list[str] | None:
    """The console script ``name`` of this interpreter's environment (or on PATH)."""
    local = BIN / name
    if local.is_file():
        return [str(local)]
    found = shutil.which(name)
    return [found] if found else None


def handbook_command() -> list[str]:
    return tool("handbook") or [sys.executable, "-m", "generator"]


def mkdocs_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


# --- the machine ---------------------------------------------------------------------


def machine() -> dict[str, str]:
    """CPU model, cores, memory, Python, OS and how busy the machine was at the start."""
    cpu = platform.processor() or platform.machine()
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    ram = "?"
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            ram = f"{int(line.split()[1]) / 1_048_576:.1f} GiB"
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": ram,
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "OS": platform.platform(),
        "load average at start (1, 5, 15 min)": load_average(),
    }


def load_average() -> str:
    """How busy the machine is: wall times include waiting for a core, CPU times do not."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


# --- folders and files -----------------------------------------------------------------

Snapshot = dict[str, tuple[int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Every file below ``folder`` with its modification time (ns) and size."""
    found: Snapshot = {}
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            found[path.relative_to(folder).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


def written(before: Snapshot, after: Snapshot) -> list[str]:
    """Files created or rewritten between two snapshots."""
    return sorted(rel for rel, stamp in after.items() if before.get(rel) != stamp)


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def median_file(paths: Sequence[Path]) -> int:
    return int(median([p.stat().st_size for p in paths]))
