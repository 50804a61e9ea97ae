"""What a save's build in the preview leaves out: the documents it did not touch are
known by their stamps and not read again (the cache in memory takes content.unchanged's
path as the cache on disk does); and, because nothing it shows depends on them, the
packets (the preview prints no PDF: its pages' links to them are made without planning
them, packets.plan.packet_urls) and the site with every document published (made only
when a document is left out or the packets' budgets are planned again,
content_links.Sites, though the preview's base path and mark make it differ)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, NOW, project

from soteneg.build import content_links
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


def _save(root: Path, sentence: str) -> None:
    doc = root / DOC
    doc.write_text(doc.read_text().replace("\n## ", f"\n{sentence}\n\n## ", 1))


@pytest.mark.parametrize("embargo", [False, True])
def test_a_save_makes_the_site_with_everything_published_only_if_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embargo: bool
) -> None:
    """Without a clock of its own the preview publishes the golden site's embargoed
    news (1.12.2018): nothing is left out. At NOW the news is left out, and its links
    are judged in the site with everything published."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "site"
    preview = serve.Preview(root, out, dt.datetime.fromisoformat(NOW) if embargo else None)
    assert not preview.rebuild().failed
    made: list[str] = []
    whole = content_links.everything_site

    def counted(*args: object) -> object:
        made.append("everything")
        return whole(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(content_links, "everything_site", counted)
    _save(root, "Tallennettu lause.")
    state = preview.rebuild()
    assert not state.failed, state.problems
    assert "Tallennettu lause." in (out / PAGE).read_text()
    assert made == (["everything"] if embargo else [])


@pytest.mark.usefixtures("later")
def test_a_save_in_the_preview_reads_only_the_saved_document(
    tmp_path: Path, reads: list[str]
) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "site"
    preview = serve.Preview(root, out, dt.datetime.fromisoformat(NOW))
    assert not preview.rebuild().failed
    assert DOC in reads and len(set(reads)) > 10
    reads.clear()
    _save(root, "Tallennettu lause.")
    assert not preview.rebuild().failed
    assert reads == [DOC]
    assert "Tallennettu lause." in (out / PAGE).read_text()


@pytest.mark.parametrize("own_folder", [False, True])
def test_a_preview_in_a_folder_of_its_own_does_not_stamp_its_files_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own_folder: bool
) -> None:
    """`soteneg serve` builds into a folder it made (mkdtemp) and alone writes: a save's
    build stamps only the files it writes. Into any other folder, every file the last
    build wrote is stamped again, and one changed behind the preview's back is made
    again."""
    from soteneg.build import cache as build_cache

    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "site"
    preview = serve.Preview(root, out, dt.datetime.fromisoformat(NOW), own_folder=own_folder)
    assert not preview.rebuild().failed
    stamped: list[str] = []
    real = build_cache.output_stamps

    def counted(folder: Path, files: list[str]) -> dict[str, build_cache.Stamp]:
        stamped.extend(files)
        return real(folder, files)

    monkeypatch.setattr(build_cache, "output_stamps", counted)
    other = out / "kierrokset/2018-syksy/etela-savo/index.html"
    kept = other.read_bytes()
    other.write_bytes(b"changed behind the preview's back")
    _save(root, "Tallennettu lause.")
    state = preview.rebuild()
    assert not state.failed, state.problems
    assert "Tallennettu lause." in (out / PAGE).read_text()
    written = state.result.written if state.result else []
    assert PAGE in written
    if own_folder:
        assert sorted(stamped) == sorted(written)
    else:
        assert len(stamped) > 10 * len(written)
        assert other.read_bytes() == kept
