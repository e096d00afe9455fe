"""The synthetic handbook generator writes valid, deterministic handbooks of the size asked for."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from benchmarks.synth import QUESTIONS_PER_QUIZ, SIZES, main
from generator.validate import validate
from tests.conftest import REPO

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(?P<path>\S+)\n")


def synth(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "benchmarks/synth.py", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_small_is_valid_and_has_the_size_asked_for(tmp_path: Path) -> None:
    assert main(["--size", "small", "--out", str(tmp_path)]) == 0
    validation = validate(tmp_path)
    assert validation.diagnostics.sorted() == []
    hb, size = validation.handbook, SIZES["small"]
    counts = (len(hb.roles), len(hb.stages), len(hb.scripts), len(hb.kpis), len(hb.onboarding_paths))
    assert counts == (size.roles, size.stages, size.scripts, size.kpis, size.paths)
    assert (len(hb.checklists), len(hb.questions)) == (size.checklists, size.questions)
    assert all(len(stage.steps) == size.steps for stage in hb.stages)
    assert all(len(quiz.questions) <= QUESTIONS_PER_QUIZ for quiz in hb.quizzes)
    assert (tmp_path / "docs" / "index.md").is_file() and (tmp_path / "docs" / "index.zh.md").is_file()


def test_every_file_names_its_schema(tmp_path: Path) -> None:
    main(["--size", "small", "--out", str(tmp_path)])
    for path in [*tmp_path.glob("process/**/*.yaml"), *tmp_path.glob("quizzes/*.yaml")]:
        match = SCHEMA_LINE.match(path.read_text(encoding="utf-8"))
        assert match, path
        assert (path.parent / match["path"]).is_file(), path


def test_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    for name, seed in (("a", "7"), ("b", "7"), ("c", "8")):
        main(["--size", "small", "--out", str(tmp_path / name), "--seed", seed])
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert tree(tmp_path / "a") != tree(tmp_path / "c")


def test_non_empty_out_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = synth("--size", "small", "--out", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith("error:") and "--force" in result.stderr
    assert tree(tmp_path) == {"notes.txt": b"mine"}


def test_force_replaces_the_handbook_and_keeps_other_files(tmp_path: Path) -> None:
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    main(["--size", "small", "--out", str(out), "--seed", "1"])
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["--size", "small", "--out", str(out), "--seed", "2", "--force"]) == 0
    main(["--size", "small", "--out", str(fresh), "--seed", "2"])
    assert tree(out) == {**tree(fresh), "notes.txt": b"mine"}  # no file of seed 1 lingers
