"""The owner-and-review line on pages, the overdue badge, and the coverage page's freshness table."""

from __future__ import annotations

import dataclasses
import datetime

from generator.model.fingerprint import entity_fingerprint
from generator.model.index import Index
from generator.presentation.environment import label_tree, render
from generator.render.context.coverage import coverage_page
from generator.render.context.freshness import page_review, reviews_by_page
from generator.render.context.site import Site
from generator.render.relations import build_relations
from generator.render.review_line import insert_review, review_block
from generator.validate import validate
from tests.conftest import Workspace

S = "process/stage.yaml"
D = datetime.date


def site(workspace: Workspace, lang: str, today: D) -> Site:
    hb = validate(workspace.root, today).handbook
    index = Index(hb)
    return dataclasses.replace(Site.create(hb, index, build_relations(hb, index), lang), today=today)


def line(s: Site, page: str) -> str:
    review = page_review(s, page, reviews_by_page(s).get(page, []))
    assert review is not None, page
    return review_block(review, label_tree(s.labels))


def _dated(workspace: Workspace) -> None:
    workspace.replace(
        S, "stages:", "review: {owner: seller, last_reviewed: 2026-05-01, review_every: 6m}\nstages:"
    )
    workspace.replace(S, "    owners: [seller]", "    owners: [seller]\n    acknowledge: true")
    workspace.replace(
        "docs/guides/editors.md",
        "# Guide: editors",
        "---\nreview:\n  owner: ed@example.com\n  last_reviewed: 2026-11-01\n  review_every: 1y\n---\n# Guide: editors",
    )


def test_stage_page_shows_owner_dates_and_overdue_badge_as_of_the_build(workspace: Workspace) -> None:
    _dated(workspace)
    en = line(site(workspace, "en", D(2026, 11, 30)), "stages/prospecting.md")
    assert 'data-review-status="overdue"' in en
    assert "Content owner: [Seller](../roles/seller.md)" in en
    assert "Last reviewed: May 1, 2026 · Next review: November 1, 2026" in en
    assert '<span class="hb-badge hb-badge-overdue">Review overdue</span>' in en
    assert "(as of November 30, 2026, the day this page was built)" in en
    zh = line(site(workspace, "zh", D(2026, 11, 30)), "stages/prospecting.md")
    assert "内容负责人：[销售员](../roles/seller.md)；上次审核：2026年5月1日；下次审核：2026年11月1日" in zh
    assert "已逾期待审" in zh and "（按本页生成日 2026年11月30日 计算）" in zh
    before = line(site(workspace, "en", D(2026, 10, 20)), "stages/prospecting.md")
    assert "hb-badge-overdue" not in before and "Review due soon" in before


def test_guides_and_team_pages_get_a_line(workspace: Workspace) -> None:
    _dated(workspace)
    s = site(workspace, "en", D(2026, 11, 30))
    guide = line(s, "guides/editors.md")
    assert (
        "Content owner: ed@example.com · Last reviewed: November 1, 2026 · Next review: November 1, 2027"
        in guide
    )
    assert "Content owner: nobody yet · Last reviewed: never · Next review: not scheduled" in line(
        s, "tools.md"
    )
    page = insert_review("---\ntitle: x\n---\n# Guide: editors\n\nText.\n", guide)
    assert page.startswith('---\ntitle: x\n---\n# Guide: editors\n\n<div class="hb-review"')
    assert page.endswith("</div>\n\nText.\n")


def test_acknowledge_control_carries_the_content_fingerprint(workspace: Workspace) -> None:
    _dated(workspace)
    s = site(workspace, "en", D(2026, 11, 30))
    stage = s.handbook.stages[0]
    text = line(s, "stages/prospecting.md")
    assert (
        f'<div class="hb-ack" data-ack="stage:prospecting" data-ack-fp="{entity_fingerprint(stage)}"' in text
    )
    assert 'class="hb-ack"' not in line(s, "roles/seller.md")
    # A new review date asks nobody to read again; a changed goal does.
    workspace.replace(S, "last_reviewed: 2026-05-01", "last_reviewed: 2026-11-20")
    assert entity_fingerprint(
        site(workspace, "en", D(2026, 11, 30)).handbook.stages[0]
    ) == entity_fingerprint(stage)
    workspace.replace(S, "goal: {en: A target list.", "goal: {en: A ranked target list.")
    assert entity_fingerprint(
        site(workspace, "en", D(2026, 11, 30)).handbook.stages[0]
    ) != entity_fingerprint(stage)


def test_coverage_page_lists_overdue_due_soon_and_unowned(workspace: Workspace) -> None:
    _dated(workspace)
    s = site(workspace, "en", D(2026, 11, 30))
    page = render("coverage.md.j2", coverage_page(s, "editors/coverage.md"), label_tree(s.labels))
    overdue = page.split("### Overdue for review (4)")[1].split("###")[0]
    assert (
        f"[Prospecting](../stages/prospecting.md) | Stage | [Seller](../roles/seller.md) | November 1, 2026 | `{S}:{workspace.line_of(S, '- id: prospecting')}` |"
        in overdue
    )
    soon = page.split("### Due for review within 30 days (0)")[1].split("###")[0]
    assert "None." in soon
    unowned = page.split("### Nobody owns (")[1]
    # Listed by the file where an owner is to be named, each entry a link.
    assert "| `process/people.yaml` | [Seller](../roles/seller.md), [Coach](../roles/coach.md)," in unowned
    assert "Guide: editors" not in unowned
    zh = site(workspace, "zh", D(2026, 11, 30))
    zh_page = render("coverage.md.j2", coverage_page(zh, "editors/coverage.md"), label_tree(zh.labels))
    assert "### 已逾期待审（4）" in zh_page and "按本批页面的生成日 2026年11月30日 计算" in zh_page


def test_role_print_pack_has_a_line_to_sign_per_acknowledged_entry(workspace: Workspace) -> None:
    import re

    from generator.export.printpack import export_print

    _dated(workspace)  # the stage is acknowledged; its owners are the seller only
    hb = validate(workspace.root).handbook
    seller = export_print(hb, "en", "seller").decode("utf-8")
    section = seller.split('id="acknowledgements"')[1].split("</section>")[0]
    fingerprint = entity_fingerprint(hb.stages[0])
    assert re.search(rf"<td>Stage</td><td>Prospecting</td><td class=\"formula\">{fingerprint}</td>", section)
    assert "I have read and understood each of the following in process version 0.1.0." in section
    assert "Signature" in section
    assert 'id="acknowledgements"' not in export_print(hb, "en", "coach").decode("utf-8")
    zh = export_print(hb, "zh", "seller").decode("utf-8")
    assert "本人已阅读并理解流程版本 0.1.0 中的以下各项内容。" in zh and "签名：" in zh


def test_an_owner_or_title_with_markup_is_shown_as_text(workspace: Workspace) -> None:
    attack = "<img src=x onerror=alert(1)>"
    workspace.replace(
        S, "stages:", f"review: {{owner: '{attack}', last_reviewed: 2026-05-01, review_every: 90d}}\nstages:"
    )
    workspace.replace(S, "    owners: [seller]", "    owners: [seller]\n    acknowledge: true")
    workspace.replace(S, "name: {en: Prospecting,", 'name: {en: "Prospecting \\" onmouseover=\\"alert(1)",')
    s = site(workspace, "en", D(2026, 11, 30))
    text = line(s, "stages/prospecting.md")
    assert "<img" not in text and "&lt;img" in text
    assert 'data-ack-title="Prospecting &#34; onmouseover=&#34;alert(1)"' in text or "&quot;" in text
    assert '" onmouseover="' not in text
    coverage = render("coverage.md.j2", coverage_page(s, "editors/coverage.md"), label_tree(s.labels))
    assert "<img" not in coverage and "&lt;img" in coverage


def test_whats_new_leaves_out_review_dates_and_lists_the_confirmations_reset(workspace: Workspace) -> None:
    from generator.diff.changeset import Change, ChangeSet, FieldChange, Version
    from generator.render.context.changes import whats_new_page

    _dated(workspace)  # the stage is acknowledged
    s = site(workspace, "en", D(2026, 11, 30))
    old, new = Version("0.1.0", "2026-01-05"), Version("0.2.0", "2026-12-01")
    review_only = Change(
        "stage", "changed", "prospecting", fields=(FieldChange("review", None, {"owner": "x"}),)
    )
    page = whats_new_page(s, "whats-new.md", ChangeSet(old, new, (review_only,)))
    assert page.groups == () and page.acks_reset == ()
    step = s.handbook.stages[0].steps[0].id
    reworded = Change("step", "changed", step, fields=(FieldChange("summary", "a", "b"),))
    page = whats_new_page(s, "whats-new.md", ChangeSet(old, new, (review_only, reworded)))
    assert [link.url for link in page.acks_reset] == ["stages/prospecting.md"]
    shown = [entry.kind for group in page.groups for entry in group.entries]
    assert "Stage" not in shown and "Step" in shown
