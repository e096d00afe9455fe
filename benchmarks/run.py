"""Measure the handbook at one size against its targets, with its peers, and print a table.

    python benchmarks/run.py --size small|medium|large [--runs 3] [--seed 1] [--keep DIR]
                             [--lighthouse]

Synthesises a handbook (``benchmarks/synth.py``) into a temporary folder, then runs every
command as a user would, each as a fresh process, ``--runs`` times; a figure is the
median of its runs. Peers in the same run: ``check-jsonschema`` validating the same
files against ``process/schemas/`` (no cross-references), and MkDocs building the same
Markdown on its own, then Pagefind indexing what it built. What readers get is measured in
Chromium on that site: the bytes each search downloads, page and file weights, and with
``--lighthouse`` the Lighthouse scores (benchmarks/lighthouse.py). ``handbook build`` runs
once, and ``handbook serve`` once, to time how soon an edited script shows in the browser.
Targets are judged on CPU time where a time is judged (wall time is shown beside it: it
grows when other programs keep the cores busy); the preview's wait is wall time by nature.
Exit codes: 0 every target met; 1 a target missed, or a command failed.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

try:
    from benchmarks import lighthouse, preview, reader, report, synth
    from benchmarks import measure as m
except ModuleNotFoundError:  # run as a script: its folder is on the path, the repository is not
    import lighthouse  # type: ignore[no-redef]
    import measure as m  # type: ignore[no-redef]
    import preview  # type: ignore[no-redef]
    import reader  # type: ignore[no-redef]
    import report  # type: ignore[no-redef]
    import synth  # type: ignore[no-redef]

from generator.build.compact import compact_pages
from generator.build.search import BUNDLE, index_command, remove_unused
from generator.model.walk import entities
from generator.render.minify import minified
from generator.validate import validate

LANGUAGES = ("en", "zh")
_STEP = re.compile(r"^(validate|generate)\s.*\((\d+(?:\.\d+)?) s\)\s*$", re.M)
_COUNTS = re.compile(r"(\d+) files written, (\d+) unchanged, (\d+) removed")
_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)")


@dataclass
class Generated:
    """One ``handbook generate`` process: the run, its in-process step times, what it wrote."""

    run: m.Run
    steps: dict[str, float]
    counts: tuple[int, int, int]
    files: list[str] = field(default_factory=list)


@dataclass
class Results:
    size: str
    runs: int
    machine: dict[str, str]
    files: int = 0
    yaml_bytes: int = 0
    entities: int = 0
    pages: dict[str, int] = field(default_factory=dict)
    startup: list[m.Run] = field(default_factory=list)
    validate: list[m.Run] = field(default_factory=list)
    generate: list[Generated] = field(default_factory=list)
    first: Generated | None = None
    unchanged: list[Generated] = field(default_factory=list)
    changed: list[Generated] = field(default_factory=list)
    changed_file: str = ""
    changed_dependants: bool = False
    builds: dict[str, list[m.Run]] = field(default_factory=dict)
    indexing: dict[str, m.Run] = field(default_factory=dict)
    search: dict[str, reader.SearchFigures] = field(default_factory=dict)
    largest: list[tuple[str, int]] = field(default_factory=list)
    handbook_build: m.Run | None = None
    preview_seconds: float | None = None
    lighthouse: dict[str, dict[str, int]] | None = None
    jsonschema: list[float] | None = None
    page_bytes: dict[str, int] = field(default_factory=dict)
    search_bytes: dict[str, int] = field(default_factory=dict)
    assets_gz: dict[str, int] = field(default_factory=dict)
    nav: dict[str, int] = field(default_factory=dict)
    reference: Results | None = None


class Bench:
    """One synthesised handbook folder and the commands run on it."""

    def __init__(self, root: Path, results: Results) -> None:
        self.root, self.results = root, results
        self.handbook = m.handbook_command()

    def handbook_run(self, *args: str) -> m.Run:
        return m.run([*self.handbook, *args, "--root", str(self.root)]).check(f"handbook {args[0]}")

    def generate(self) -> Generated:
        before = m.snapshot(self.root / ".handbook")
        done = self.handbook_run("generate")
        steps = {name: float(seconds) for name, seconds in _STEP.findall(done.stderr)}
        found = _COUNTS.search(done.stderr)
        counts = (int(found[1]), int(found[2]), int(found[3])) if found else (-1, -1, -1)
        files = m.written(before, m.snapshot(self.root / ".handbook"))
        return Generated(done, steps, counts, files)

    def fresh(self) -> None:
        shutil.rmtree(self.root / ".handbook", ignore_errors=True)


def synthesise(size: str, seed: int, root: Path, results: Results) -> None:
    synth.write_handbook(root, synth.SIZES[size], seed)
    synth.write_site_files(root)
    sources = [*root.glob("process/**/*.yaml"), *root.glob("quizzes/**/*.yaml")]
    results.files = len(sources)
    results.yaml_bytes = sum(p.stat().st_size for p in sources)
    validation = validate(root)
    if not validation.ok:
        raise SystemExit(
            f"error: the synthetic handbook does not validate: {validation.diagnostics.errors[0]}"
        )
    results.entities = sum(1 for _ in entities(validation.handbook))


def measure_ours(bench: Bench, runs: int) -> None:
    r = bench.results
    # The interpreter and every import, no work: what each command costs before it starts.
    r.startup = [m.run([*bench.handbook, "checks"]).check("handbook checks") for _ in range(runs)]
    r.validate = [bench.handbook_run("validate") for _ in range(runs)]
    for _ in range(runs):
        bench.fresh()
        r.generate.append(bench.generate())
    r.pages = _pages(r.generate[-1].run.stderr)
    r.first = bench.generate()  # the first regenerate fills the cache of parsed files
    r.unchanged = [bench.generate() for _ in range(runs)]
    r.changed = [_regenerate_after_edit(bench, n) for n in range(1, runs + 1)]


def _pages(stderr: str) -> dict[str, int]:
    found = re.search(r"^generate\s+(.*?) pages;", stderr, re.M)
    pairs = re.findall(r"(\d+) (\w+)", found[1]) if found else []
    return {lang: int(count) for count, lang in pairs}


def _regenerate_after_edit(bench: Bench, n: int) -> Generated:
    """Change the ``do`` of one script (both languages), regenerate, then put it back."""
    files = sorted((bench.root / "process" / "scripts").glob("*.yaml"))
    path = files[len(files) // 2]
    rel = path.relative_to(bench.root).as_posix()
    original = path.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    if synth.yaml_text(rel, "scripts", data) != original:
        raise SystemExit(f"error: {rel} does not round-trip; cannot change one value only")
    script = data["scripts"][0]
    script["do"] = {"en": f"{script['do']['en']} (edit {n})", "zh": f"{script['do']['zh']}（修订 {n}）"}
    path.write_text(synth.yaml_text(rel, "scripts", data), encoding="utf-8")
    try:
        done = bench.generate()
    finally:
        path.write_text(original, encoding="utf-8")
    bench.generate()  # back to the original pages, untimed
    docs = bench.root / ".handbook"
    bench.results.changed_file = f"{rel} (script '{script['id']}')"
    bench.results.changed_dependants = bool(done.files) and all(
        script["id"] in (docs / f).read_text(encoding="utf-8") for f in done.files
    )
    return done


def measure_mkdocs(bench: Bench, runs: int) -> None:
    """MkDocs on its own, building the Markdown the generator wrote: the peer and the floor."""
    r, root = bench.results, bench.root
    for lang in LANGUAGES:
        config, site = root / ".handbook" / f"mkdocs.{lang}.yml", root / "bench-site" / lang
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"]
        command += ["-f", str(config), "-d", str(site)]
        r.builds[lang] = [m.run(command, cwd=root, env=m.mkdocs_env()).check(f"mkdocs build {lang}")]
        r.builds[lang] += [m.run(command, cwd=root, env=m.mkdocs_env()) for _ in range(runs - 1)]
        compact_pages(site)  # as handbook build does after each language's MkDocs build
        html = [p for p in site.rglob("*.html") if p.name != "404.html"]
        r.page_bytes[lang] = m.median_file(html)
        r.indexing[lang] = index_site(site)
        r.search_bytes[lang] = sum(p.stat().st_size for p in (site / BUNDLE).rglob("*") if p.is_file())
    r.nav = _nav_shape(yaml.safe_load((root / ".handbook" / "mkdocs.en.yml").read_text(encoding="utf-8")))
    r.largest = reader.largest_files(root / "bench-site")


def index_site(site: Path) -> m.Run:
    """Pagefind indexing one language's built site, as ``handbook build`` does after MkDocs."""
    command = index_command(site)
    if command is None:
        raise SystemExit("error: Pagefind is not installed: pip install -e '.[test]'")
    done = m.run(command).check("pagefind")
    remove_unused(site)
    return done


def measure_reader(bench: Bench) -> None:
    """What readers download from the site MkDocs and Pagefind built: search bytes."""
    r, site = bench.results, bench.root / "bench-site"
    r.search = reader.search_figures(site, {lang: f"{lang}/" for lang in LANGUAGES})


def measure_lighthouse(bench: Bench) -> None:
    """Lighthouse on the site ``handbook build`` made: laid out as readers get it (the default
    language at the root, its language switcher and sitemaps where they lead)."""
    folders = {lang: "" if lang == LANGUAGES[0] else f"{lang}/" for lang in LANGUAGES}
    bench.results.lighthouse = lighthouse.audit_site(bench.root / "site", folders, bench.root)


def measure_commands(bench: Bench) -> None:
    """``handbook build`` once (every language, search included), and the preview's wait."""
    bench.results.handbook_build = bench.handbook_run("build")
    bench.results.preview_seconds = preview.latency(bench.handbook, bench.root)


def _nav_shape(config: dict[str, object]) -> dict[str, int]:
    """How flat the navigation is: top-level entries, the longest list at any level, depth."""
    longest, depth = 0, 0

    def walk(entries: object, level: int) -> None:
        nonlocal longest, depth
        if not isinstance(entries, list):
            return
        longest, depth = max(longest, len(entries)), max(depth, level)
        for entry in entries:
            for value in entry.values() if isinstance(entry, dict) else ():
                walk(value, level + 1)

    nav = config.get("nav", [])
    walk(nav, 1)
    return {"top": len(nav) if isinstance(nav, list) else 0, "longest": longest, "depth": depth}


def measure_jsonschema(bench: Bench, runs: int) -> None:
    """``check-jsonschema`` on the same files, each against the schema its first line names.

    Our schemas' patterns are Python regular expressions (named groups): ``--regex-variant python``.
    """
    command = m.tool("check-jsonschema")
    if command is None:
        return
    groups: dict[Path, list[str]] = {}
    for path in sorted([*bench.root.glob("process/**/*.yaml"), *bench.root.glob("quizzes/**/*.yaml")]):
        found = _SCHEMA_LINE.match(path.read_text(encoding="utf-8"))
        if found:
            groups.setdefault((path.parent / found[1]).resolve(), []).append(str(path))
    times = []
    for _ in range(runs):
        total = 0.0
        for schema, files in groups.items():
            args = [*command, "--regex-variant", "python", "--schemafile", str(schema), *files]
            total += m.run(args).check("check-jsonschema").wall
        times.append(total)
    bench.results.jsonschema = times


def measure_assets(results: Results) -> None:
    """Our JS and CSS as readers download them: minified (as generated), then gzipped."""
    assets = Path(__file__).resolve().parent.parent / "generator" / "render" / "assets"
    for path in sorted(assets.iterdir()):
        if path.suffix in (".js", ".css"):
            results.assets_gz[path.name] = len(gzip.compress(minified(path), compresslevel=9, mtime=0))


def benchmark(
    size: str, runs: int, seed: int, root: Path, peers: bool = True, with_lighthouse: bool = False
) -> Results:
    results = Results(size, runs, m.machine())
    root.mkdir(parents=True, exist_ok=True)
    synthesise(size, seed, root, results)
    bench = Bench(root, results)
    measure_ours(bench, runs)
    if peers:
        measure_mkdocs(bench, runs)
        measure_reader(bench)
        measure_commands(bench)
        if with_lighthouse:
            measure_lighthouse(bench)
        measure_jsonschema(bench, runs)
        measure_assets(results)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the handbook generator at one size.")
    parser.add_argument("--size", choices=list(synth.SIZES), required=True)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is shown (3)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic handbook (1)")
    parser.add_argument("--keep", type=Path, help="synthesise into this folder and keep it")
    parser.add_argument(
        "--lighthouse", action="store_true", help="also run Lighthouse (mobile) on five pages per language"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch:
        base = args.keep or Path(scratch)
        if args.keep and args.keep.exists() and any(args.keep.iterdir()):
            parser.error(f"--keep {args.keep} must be a new or empty folder")
        results = benchmark(
            args.size, args.runs, args.seed, base / args.size, with_lighthouse=args.lighthouse
        )
        if args.size != "small":  # the reference for per-unit growth: our steps only
            results.reference = benchmark("small", args.runs, args.seed, base / "small", peers=False)
    results.machine["load average at end (1, 5, 15 min)"] = m.load_average()
    print(report.render(results))
    return 0 if all(ok for _, ok, _ in report.verdicts(results)) else 1


if __name__ == "__main__":
    sys.exit(main())
