"""Deploy one language of one version with mike 2.2.0 into the local branch.

Why each language is a deployment of its own, the default language at ``<version>/`` and
every other one with ``--deploy-prefix <lang>`` at ``<lang>/<version>/`` (and not
``<version>/<lang>/``, like the unversioned ``site/zh/``):

- ``mike deploy`` deletes the whole ``<prefix>/<version>/`` folder before adding the new
  build, and the prefix goes before the version: no option puts a second build below
  ``<version>/``. Deploying the Chinese build as a "version" under a prefix
  ``<version>`` would give it a ``versions.json`` of its own listing a version "zh".
- Material's version selector takes the current version from the last folder of the
  page's base URL and reads ``../versions.json`` from there. Under ``<version>/zh/`` a
  Chinese page would take "zh" for its version and look for ``<version>/versions.json``:
  no selector, no outdated banner. Under ``zh/<version>/`` with ``zh/versions.json``
  (which mike writes per prefix) both work, in both languages, on any static host.

Aliases are redirect pages (``--alias-type redirect``), not symbolic links, which some
static hosts reject. mike runs ``mkdocs build`` itself (found on ``PATH``); the
configuration it gets sets ``strict: true``, so a warning stops the deployment.
"""

from __future__ import annotations

import os
import sys
from importlib import metadata
from pathlib import Path

from generator.build import children
from generator.build.site import mkdocs_env

# mike 2.2.0 has no ``python -m mike``: call its command-line entry point.
_MIKE = [sys.executable, "-c", "import sys; from mike.driver import main; sys.exit(main())"]


class MikeFailed(Exception):
    """mike (or the MkDocs build it ran) failed; ``output`` holds what it printed."""

    def __init__(self, what: str, output: str) -> None:
        super().__init__(what)
        self.output = output


def builder_problem() -> str:
    """Why mike cannot be used here, or ``""``."""
    try:
        metadata.version("mike")
    except metadata.PackageNotFoundError:
        return "mike is not installed: pip install 'mike>=2.2,<3'"
    try:
        metadata.version("properdocs")
    except metadata.PackageNotFoundError:
        return ""
    return (
        "properdocs is installed, and mike would build with it instead of MkDocs: "
        "pip uninstall properdocs (some plugins pull it in)"
    )


def _env() -> dict[str, str]:
    env = mkdocs_env()
    # mike starts `mkdocs` by name: the one installed beside this Python comes first.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _run(root: Path, what: str, args: list[str]) -> str:
    code, output = children.run_captured([*_MIKE, *args], cwd=root, env=_env())
    if code != 0:
        raise MikeFailed(what, output)
    return output


def _where(config: Path, prefix: str, branch: str, remote: str) -> list[str]:
    where = ["-F", str(config), "-b", branch, "-r", remote]
    return [*where, "--deploy-prefix", prefix] if prefix else where


def deploy(
    root: Path,
    *,
    config: Path,
    version: str,
    aliases: list[str],
    prefix: str,
    branch: str,
    remote: str,
    message: str,
) -> str:
    """Build ``config`` and commit it as ``<prefix>/<version>/`` (replacing it), with aliases."""
    args = ["deploy", "--update-aliases", "--alias-type", "redirect", "-m", message]
    args += [*_where(config, prefix, branch, remote), version, *aliases]
    return _run(root, f"mike could not deploy {version}{' in ' + prefix if prefix else ''}", args)


def set_default(root: Path, *, config: Path, alias: str, prefix: str, branch: str, remote: str) -> str:
    """Make ``<prefix>/index.html`` redirect to ``alias``."""
    args = ["set-default", "-m", f"Default {prefix or 'site'} version: {alias}"]
    args += [*_where(config, prefix, branch, remote), alias]
    return _run(root, f"mike could not set the default version{' of ' + prefix if prefix else ''}", args)
