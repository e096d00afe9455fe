"""Contexts of the script library: an index by stage, and one page per stage.

A page per stage, not per script: thousands of scripts would otherwise make thousands
of pages, and the navigation (rendered into every page) would grow with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import entities as e
from generator.model.types import NAME_RE
from generator.presentation.links import Link, anchor, relative, script_page
from generator.render.context.site import Site


@dataclass(frozen=True)
class ScriptRow:
    """A script in the library's index."""

    link: Link | None
    step: Link | None
    channel: str
    purpose: str


@dataclass(frozen=True)
class StageScripts:
    """A stage's scripts in the index, and the stage's page of scripts."""

    anchor: str
    stage: Link | None
    page: Link
    rows: tuple[ScriptRow, ...]


@dataclass(frozen=True)
class ScriptFilters:
    """What the library can be filtered by: channels (the handbook's order) and purposes."""

    channels: tuple[str, ...]
    purposes: tuple[str, ...]


@dataclass(frozen=True)
class ScriptIndex:
    title: str
    groups: tuple[StageScripts, ...]
    filters: ScriptFilters


@dataclass(frozen=True)
class ScriptView:
    """One script as its stage's page shows it; author text unescaped."""

    anchor: str
    id: str
    title: str
    channel: str
    purpose: str
    purpose_label: str
    audience: str
    text: str
    placeholders: tuple[str, ...]
    placeholder_codes: tuple[str, ...]
    do: str
    dont: str
    notes: str


@dataclass(frozen=True)
class ChannelTab:
    """The scripts of a step for one channel: a content tab."""

    label: str
    scripts: tuple[ScriptView, ...]


@dataclass(frozen=True)
class StepScripts:
    anchor: str
    name: str
    link: Link | None
    tabs: tuple[ChannelTab, ...]


@dataclass(frozen=True)
class ScriptsPage:
    """The scripts of one stage, by step."""

    title: str
    tags: tuple[str, ...]
    stage: Link | None
    steps: tuple[StepScripts, ...]


def script_index(site: Site, source: str) -> ScriptIndex:
    groups = []
    for stage in site.handbook.ordered_stages():
        scripts = site.rel.scripts_by_stage.get(stage.id, [])
        rows = tuple(
            ScriptRow(
                link=site.link(source, "script", script.id),
                step=site.link(source, "step", script.step),
                channel=_channel(site, script),
                purpose=_purpose(site, script),
            )
            for script in scripts
        )
        page = Link(site.t(stage.name) or stage.id, relative(source, script_page(stage.id)))
        groups.append(
            StageScripts(anchor("stage", stage.id), site.link(source, "stage", stage.id), page, rows)
        )
    scripts = site.handbook.scripts
    used = {s.channel for s in scripts}
    filters = ScriptFilters(
        # In the handbook's own order of channels, as its authors listed them.
        channels=tuple(site.channel(c) for c in site.handbook.channel_ids() if c in used),
        purposes=tuple(sorted({_purpose(site, s) for s in scripts})),
    )
    return ScriptIndex(site.label("title.scripts"), tuple(groups), filters)


def stage_scripts(site: Site, source: str, stage: e.Stage) -> ScriptsPage:
    """The scripts of one stage, by step; within a step, one content tab per channel."""
    scripts = site.rel.scripts_by_stage.get(stage.id, [])
    by_step: dict[str, list[e.Script]] = {}
    for script in scripts:
        by_step.setdefault(script.step, []).append(script)
    steps = [
        StepScripts(
            anchor("step", step.id),
            site.t(step.name),
            site.link(source, "step", step.id),
            _tabs(site, by_step.pop(step.id, [])),
        )
        for step in stage.steps
    ]
    leftover = [s for group in by_step.values() for s in group]
    if leftover:  # scripts naming a step of another stage: the checks report them
        steps.append(StepScripts("step-other", site.label("other"), None, _tabs(site, leftover)))
    return ScriptsPage(
        title=f"{site.label('title.scripts_of')}{site.colon()}{site.t(stage.name)}",
        tags=(site.t(stage.name),),
        stage=site.link(source, "stage", stage.id),
        steps=tuple(steps),
    )


def _tabs(site: Site, scripts: list[e.Script]) -> tuple[ChannelTab, ...]:
    tabs: dict[str, list[ScriptView]] = {}
    for script in scripts:
        tabs.setdefault(script.channel, []).append(_script(site, script))
    order = {channel: i for i, channel in enumerate(site.handbook.channel_ids())}
    return tuple(
        ChannelTab(site.channel(channel), tuple(group))
        for channel, group in sorted(tabs.items(), key=lambda kv: order.get(kv[0], len(order)))
    )


def _script(site: Site, script: e.Script) -> ScriptView:
    return ScriptView(
        anchor=anchor("script", script.id),
        id=script.id,
        title=site.t(script.title),
        channel=script.channel,
        purpose=script.purpose,
        purpose_label=_purpose(site, script),
        audience=site.t(script.audience),
        text=site.t(script.text),
        placeholders=tuple(script.placeholders),
        # Only names that cannot hold markup are shown as code (the checks report others).
        placeholder_codes=tuple(f"{{{name}}}" for name in script.placeholders if NAME_RE.match(name)),
        do=site.t(script.do),
        dont=site.t(script.dont),
        notes=site.t(script.notes),
    )


def _channel(site: Site, script: e.Script) -> str:
    return site.channel(script.channel)


def _purpose(site: Site, script: e.Script) -> str:
    return site.labels.get(f"purpose.{script.purpose}", script.purpose)
