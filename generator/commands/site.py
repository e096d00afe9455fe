"""Commands that write the site: Markdown, the built site, the live preview.

Rendering, building and serving are imported where they are used: ``handbook validate``,
run on every save and in every pre-commit hook, should not wait for jinja2 or MkDocs.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from generator.commands.errors import CommandError, ExitCode, print_error
from generator.commands.options import BuildOptions, GenerateOptions, ServeOptions
from generator.commands.steps import generated_step, valid_step, writing
from generator.model import entities as e
from generator.report.progress import Progress

if TYPE_CHECKING:
    from generator.render.memo import PageMemo


def run_generate(options: GenerateOptions) -> ExitCode:
    progress = Progress()
    with writing(options.root, "generate", options.wait):
        generated_step(options.root, valid_step(options.root, progress), progress)
    from generator.render import OUTPUT

    print(f"Markdown and MkDocs configurations are in {options.root / OUTPUT}", file=sys.stderr)
    return ExitCode.OK


def run_build(options: BuildOptions) -> ExitCode:
    """Validate, generate, then build every language and swap them into ``site/`` together."""
    from generator.build.site import BuildFailed, LanguageBuild, build_site
    from generator.build.swap import site_folders

    progress = Progress()
    with writing(options.root, "build", options.wait):
        result = valid_step(options.root, progress)
        generated_step(options.root, result, progress)
        info = result.handbook.info
        assert info is not None  # a valid handbook has its metadata
        folders = site_folders(options.root)
        built: list[str] = []

        def report(language: LanguageBuild) -> None:
            built.append(f"{language.language} {language.seconds:.1f} s")
            progress.detail = ", ".join(built)

        try:
            with progress.step(f"build {', '.join(info.languages)}"):
                build_site(
                    options.root, folders, list(info.languages), info.default_language, on_built=report
                )
        except BuildFailed as failed:
            lines = failed.output.splitlines()
            problems = [line for line in lines if line.startswith(("WARNING", "ERROR"))]
            raise CommandError(
                f"{failed}; the previous site was left as it was",
                exit=ExitCode.DEFINITIONS,
                output="\n".join(problems or lines),
            ) from failed
    _say_built(options, info)
    return ExitCode.OK


def _say_built(options: BuildOptions, info: e.HandbookInfo) -> None:
    site = options.root / "site"
    others = [lang for lang in info.languages if lang != info.default_language]
    where = f"{info.default_language} at the root" + (
        f", {', '.join(others)} in folders of their own" if others else ""
    )
    print(
        f"The handbook is in {site}/ ({where}).\nPreview it with: python -m http.server -d {site}",
        file=sys.stderr,
    )


def run_serve(options: ServeOptions) -> ExitCode:
    """Preview with live reload: regenerate on every change, keep the last good pages."""
    from generator.build.serve import AddressTaken, claim_address, serve
    from generator.render.memo import PageMemo

    try:
        address = claim_address(options.address)
    except AddressTaken as taken:
        raise CommandError(str(taken)) from None
    progress = Progress()
    with writing(options.root, "serve", options.wait):
        result = valid_step(options.root, progress)
        info = result.handbook.info
        language = options.lang or (info.default_language if info else "en")
        # The pages of the language shown are kept: an edit then re-renders only its own.
        memo = PageMemo(language)
        generated_step(options.root, result, progress, memo=memo)
    return _mkdocs_exit(
        serve(options.root, language, address, lambda: _regenerate(options, progress, language, memo))
    )


def _regenerate(options: ServeOptions, progress: Progress, language: str, memo: PageMemo) -> None:
    """One regeneration of the preview, of the one language it shows; whatever stops it,
    the preview goes on."""
    from generator.build.lock import LockBusy
    from generator.environment import describe

    try:
        with writing(options.root, "serve", options.wait):
            result = valid_step(options.root, progress)
            generated_step(options.root, result, progress, only=language, memo=memo)
    except CommandError as refused:
        print_error(refused)
        print("the preview keeps the last good pages", file=sys.stderr)
    except LockBusy as busy:  # the next save tries again
        print_error(CommandError(f"{busy}; the preview keeps the last pages"))
    except OSError as exc:
        print_error(CommandError(f"{describe(exc)}; the preview keeps the last pages"))


def _mkdocs_exit(code: int) -> ExitCode:
    """``mkdocs serve``'s exit status as ours: 2 is its usage error, any other failure is
    the configuration generated from the definitions."""
    if code == 0:
        return ExitCode.OK
    return ExitCode.ENVIRONMENT_OR_USAGE if code == 2 else ExitCode.DEFINITIONS
