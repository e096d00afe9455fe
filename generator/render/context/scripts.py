"""Contexts of the script library: an index by stage, and one page per stage.

A page per stage, not per script: thousands of scripts would otherwise make thousands
of pages, and the navigation (rendered into every page) would grow with them.
"""

from __future__ import annotations

from generator.model import entities as e
from generator.model.types import NAME_RE
from generator.presentation.links import Link, anchor, relative, script_page
from generator.render.context.site import Context, Site


def script_index(site: Site, source: str) -> Context:
    groups = []
    for stage in site.handbook.ordered_stages():
        scripts = site.rel.scripts_by_stage.get(stage.id, [])
        groups.append(
            {
                "anchor": anchor("stage", stage.id),
                "stage": site.link(source, "stage", stage.id),
                "page": Link(site.t(stage.name) or stage.id, relative(source, script_page(stage.id))),
                "rows": [
                    {
                        "link": site.link(source, "script", script.id),
                        "step": site.link(source, "step", script.step),
                        "channel": _channel(site, script),
                        "purpose": _purpose(site, script),
                    }
                    for script in scripts
                ],
            }
        )
    scripts = site.handbook.scripts
    used = {s.channel for s in scripts}
    filters = {
        # In the handbook's own order of channels, as its authors listed them.
        "channels": [site.channel(c) for c in site.handbook.channel_ids() if c in used],
        "purposes": sorted({_purpose(site, s) for s in scripts}),
    }
    return {"title": site.label("title.scripts"), "groups": groups, "filters": filters}


def stage_scripts(site: Site, source: str, stage: e.Stage) -> Context:
    """The scripts of one stage, by step; within a step, one content tab per channel."""
    scripts = site.rel.scripts_by_stage.get(stage.id, [])
    by_step: dict[str, list[e.Script]] = {}
    for script in scripts:
        by_step.setdefault(script.step, []).append(script)
    steps = []
    for step in stage.steps:
        steps.append(
            {
                "anchor": anchor("step", step.id),
                "name": site.t(step.name),
                "link": site.link(source, "step", step.id),
                "tabs": _tabs(site, by_step.pop(step.id, [])),
            }
        )
    leftover = [s for group in by_step.values() for s in group]
    if leftover:  # scripts naming a step of another stage: the checks report them
        steps.append(
            {"anchor": "step-other", "name": site.label("other"), "link": None, "tabs": _tabs(site, leftover)}
        )
    return {
        "title": f"{site.label('title.scripts_of')}{site.colon()}{site.t(stage.name)}",
        "tags": [site.t(stage.name)],
        "stage": site.link(source, "stage", stage.id),
        "steps": steps,
    }


def _tabs(site: Site, scripts: list[e.Script]) -> list[Context]:
    tabs: dict[str, list[Context]] = {}
    for script in scripts:
        tabs.setdefault(script.channel, []).append(_script(site, script))
    order = {channel: i for i, channel in enumerate(site.handbook.channel_ids())}
    return [
        {"label": site.channel(channel), "scripts": group}
        for channel, group in sorted(tabs.items(), key=lambda kv: order.get(kv[0], len(order)))
    ]


def _script(site: Site, script: e.Script) -> Context:
    return {
        "anchor": anchor("script", script.id),
        "id": script.id,
        "title": site.t(script.title),
        "channel": script.channel,
        "purpose": script.purpose,
        "purpose_label": _purpose(site, script),
        "audience": site.t(script.audience),
        "text": site.t(script.text),
        "placeholders": list(script.placeholders),
        # Only names that cannot hold markup are shown as code (the checks report others).
        "placeholder_codes": [f"{{{name}}}" for name in script.placeholders if NAME_RE.match(name)],
        "do": site.t(script.do),
        "dont": site.t(script.dont),
        "notes": site.t(script.notes),
    }


def _channel(site: Site, script: e.Script) -> str:
    return site.channel(script.channel)


def _purpose(site: Site, script: e.Script) -> str:
    return site.labels.get(f"purpose.{script.purpose}", script.purpose)
