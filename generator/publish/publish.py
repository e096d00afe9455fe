"""Publish the handbook's process version: check, generate with What's new, deploy with mike.

Every refusal happens before anything is written to the branch, and a deployment that
fails half-way (one language deployed, the other not) puts the branch back where it was;
when it cannot (the command was killed), the next publish does (see :mod:`recovery`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.build.lock import DEFAULT_WAIT_SECONDS, holding
from generator.diff.changeset import ChangeSet, Version
from generator.diff.compare import compare
from generator.export.model_json import model_data
from generator.load.mkdocs_yml import site_url as mkdocs_site_url
from generator.model.handbook import Handbook
from generator.model.index import Index
from generator.presentation.links import site_folder
from generator.publish import git, mike, recovery
from generator.publish.published import (
    LATEST,
    MODEL_FILE,
    is_newest,
    previous_version,
    published_versions,
    stored_model,
)
from generator.render import OUTPUT, generate
from generator.render.mkdocs_config import published_config, write_published_config

Step = Callable[[str], AbstractContextManager[Any]]


@dataclass(frozen=True, kw_only=True)
class PublishOptions:
    push: bool = False
    allow_dirty: bool = False
    allow_same_version: bool = False
    remote: str = "origin"
    branch: str = "gh-pages"
    wait: float = DEFAULT_WAIT_SECONDS


class Refused(Exception):
    """Publishing will not go on; ``hint`` says what to do, ``usage`` whether the folder
    or the command line (rather than the definitions) is what needs fixing."""

    def __init__(self, message: str, hint: str = "", *, usage: bool = False, output: str = "") -> None:
        super().__init__(message)
        self.hint = hint
        self.usage = usage
        self.output = output


@dataclass
class PublishReport:
    version: str
    previous: str | None
    aliases: list[str]
    changes: ChangeSet
    folders: dict[str, str] = field(default_factory=dict)  # language -> folder on the branch
    pushed: bool = False


def check_repository(root: Path, options: PublishOptions) -> None:
    """The handbook is in a git repository, mike can build, and the tree is committed."""
    if git.toplevel(root) is None:
        raise Refused(
            f"{root} is not in a git repository",
            "publishing commits to the repository's gh-pages branch: run `git init`, commit the "
            "handbook, then publish",
            usage=True,
        )
    problem = mike.builder_problem()
    if problem:
        raise Refused(problem, usage=True)
    changed = [] if options.allow_dirty else git.uncommitted(root)
    if changed:
        listed = "\n".join(f"  {line}" for line in changed[:10])
        more = f"\n  … and {len(changed) - 10} more" if len(changed) > 10 else ""
        raise Refused(
            f"the working tree has uncommitted changes:\n{listed}{more}",
            "commit them (or stash them) so that the published version is a commit, or pass --allow-dirty",
            usage=True,
        )


def check_version(root: Path, model: dict[str, Any], options: PublishOptions) -> None:
    """Refuse new content under a version number that is already published."""
    version = Version.of(model).number
    if options.allow_same_version or version not in {
        p.version for p in published_versions(root, options.branch)
    }:
        return
    if stored_model(root, options.branch, version) == _as_json(model):
        return
    raise Refused(
        f"version {version} is already published, and the definitions changed since",
        f"bump `version` in process/handbook.yaml (for example to {_bumped(version)}), or pass "
        f"--allow-same-version to replace the published {version}",
    )


def changes_since_previous(root: Path, model: dict[str, Any], branch: str) -> ChangeSet:
    """What changed since the newest published version older than this one."""
    current = Version.of(model)
    previous = previous_version(published_versions(root, branch), current.number)
    old = stored_model(root, branch, previous) if previous else None
    return compare(old, model) if old is not None else ChangeSet(None, current)


def publish(
    root: Path,
    handbook: Handbook,
    options: PublishOptions,
    step: Step = nullcontext,
    note: Callable[[str], None] = lambda _: None,
) -> PublishReport:
    """Publish ``handbook`` (validated) from ``root``; raises :class:`Refused` or
    :class:`~generator.publish.mike.MikeFailed`.

    Publishes from every worktree of the repository take turns (a lock in the repository's
    own folder), and each reads the branch only once it has its turn.
    """
    check_repository(root, options)
    lock = git.common_dir(root) / "handbook-publish.lock"
    with holding(lock, command="publish", wait=options.wait, what=f"the {options.branch} branch"):
        languages = _languages(handbook)
        prefixes = [site_folder(lang, languages[0]) for lang in languages]
        _mend_branch(root, options.branch, prefixes, note)
        result = _publish_locked(root, handbook, options, step)
        published = published_versions(root, options.branch)
        for line in recovery.half_published(root, options.branch, prefixes, published):
            note(line)
    if options.push:
        _push(root, options)
        result.pushed = True
    return result


def _mend_branch(root: Path, branch: str, prefixes: list[str], note: Callable[[str], None]) -> None:
    """Undo a publish that was killed half-way, and mend the versions.json files."""
    rolled_back = recovery.roll_back_interrupted(root)
    published = published_versions(root, branch)
    for done in (rolled_back, recovery.repair_versions_files(root, branch, prefixes, published)):
        if done:
            note(done)


def _languages(handbook: Handbook) -> list[str]:
    """The default language first."""
    info = handbook.info
    assert info is not None  # a validated handbook has its metadata
    others = [str(lang) for lang in info.languages if lang != info.default_language]
    return [str(info.default_language), *others]


def _publish_locked(root: Path, handbook: Handbook, options: PublishOptions, step: Step) -> PublishReport:
    info = handbook.info
    assert info is not None
    model = model_data(handbook)
    check_version(root, model, options)
    published = published_versions(root, options.branch)
    changes = changes_since_previous(root, model, options.branch)
    with step("generate"):
        report = generate(handbook, Index(handbook), root, changes)
    if report.problems:
        raise Refused("the pages could not be generated:\n  " + "\n  ".join(report.problems))
    languages = _languages(handbook)
    default = languages[0]
    model_file = root / OUTPUT / "docs" / default / MODEL_FILE
    model_file.write_text(json.dumps(model, ensure_ascii=False, indent=2), encoding="utf-8")
    site_url = mkdocs_site_url(root)
    aliases = [LATEST] if is_newest(published, info.version) else []
    result = PublishReport(info.version, previous_version(published, info.version), aliases, changes)
    before = git.branch_commit(root, options.branch)
    recovery.begin(root, options.branch, info.version)
    try:
        for lang in languages:
            config = published_config(
                lang=lang, languages=languages, default=default, version=info.version, site_url=site_url
            )
            path = write_published_config(root, lang, config)
            prefix = site_folder(lang, default)
            with step(f"publish {lang}"):
                _deploy(
                    root,
                    options,
                    version=info.version,
                    aliases=aliases,
                    config=path,
                    prefix=prefix,
                    lang=lang,
                )
            result.folders[lang] = f"{prefix}/{info.version}/" if prefix else f"{info.version}/"
    except BaseException:
        git.restore_branch(root, options.branch, before)
        recovery.end(root)
        raise
    recovery.end(root)
    return result


def _deploy(
    root: Path,
    options: PublishOptions,
    *,
    version: str,
    aliases: list[str],
    config: Path,
    prefix: str,
    lang: str,
) -> None:
    """Deploy one language; the first version of a language folder also becomes its default."""
    mike.deploy(
        root,
        config=config,
        version=version,
        aliases=aliases,
        prefix=prefix,
        branch=options.branch,
        remote=options.remote,
        message=f"Publish handbook {version} ({lang}) from {git.head(root)}",
    )
    if aliases and git.read_file(root, options.branch, f"{prefix}/index.html".lstrip("/")) is None:
        mike.set_default(
            root, config=config, alias=LATEST, prefix=prefix, branch=options.branch, remote=options.remote
        )


def _push(root: Path, options: PublishOptions) -> None:
    try:
        git.push(root, options.remote, options.branch)
    except git.GitError as failed:
        raise Refused(
            f"published to the local {options.branch} branch, but pushing it failed",
            f"check the remote, then push with: git push {options.remote} {options.branch}",
            output=str(failed),
        ) from failed


def _as_json(model: dict[str, Any]) -> Any:
    """``model`` as it reads back from the stored file (tuples as lists and so on)."""
    return json.loads(json.dumps(model, ensure_ascii=False))


def _bumped(version: str) -> str:
    parts = version.split("-")[0].split(".")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[0]}.{parts[1]}.{int(parts[2]) + 1}"
    return "a higher version"
