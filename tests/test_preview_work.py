"""What a save's build in the preview leaves out because nothing it shows depends on
it: the preview prints no PDF, so its pages' links to the packets are made without
planning the packets (packets.plan.packet_urls)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, NOW, project

from soteneg.editors import serve
from soteneg.packets import plan

DOC = "content/kierrokset/2018-syksy/uusimaa.md"
PAGE = "kierrokset/2018-syksy/uusimaa/index.html"


def test_a_save_in_the_preview_plans_no_packet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "site"
    preview = serve.Preview(root, out, dt.datetime.fromisoformat(NOW))
    assert not preview.rebuild().failed  # the first build plans them for the budgets
    planned: list[str] = []
    whole = plan._plan_packets

    def counted(site: plan.Site) -> list[plan.Packet]:
        planned.append("packets")
        return whole(site)

    monkeypatch.setattr(plan, "_plan_packets", counted)
    doc = root / DOC
    doc.write_text(doc.read_text().replace("\n## ", "\nTallennettu lause.\n\n## ", 1))
    state = preview.rebuild()
    assert not state.failed, state.problems
    assert "Tallennettu lause." in (out / PAGE).read_text()
    assert 'href="/pdf/2018-syksy/uusimaa.pdf"' in (out / PAGE).read_text()
    assert planned == []


@pytest.mark.parametrize("now", [None, NOW])
def test_packet_urls_in_the_preview_s_site_are_the_planned_packets(now: str | None) -> None:
    """The preview's options (drafts, an embargo in force, its base path and mark)."""
    from soteneg.core.options import BuildOptions
    from soteneg.pipeline import check
    from soteneg.site.index import build_site

    options = BuildOptions(
        drafts=True,
        now=dt.datetime.fromisoformat(now) if now else None,
        base_path="/",
        content_mark="mark",
    )
    site = build_site(check(GOLDEN_SITE).content, options)
    assert plan.packet_urls(site) == [p.url for p in plan.plan_packets(site)]
