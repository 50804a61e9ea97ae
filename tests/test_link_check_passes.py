"""An HTML-only build judges its links twice when the first pass finds links to the
packets it does not print (build/run.py `check_links`): the second pass, with the
packets promised, reads again only the pages the first found a broken link on. Each
read inflates a page's links (site/page_records.py), so reading them all twice cost a
clean build at 5000 documents 0.2 CPU s; the report must be what a whole second pass
gives."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, project

from soteneg.build import run as run_module
from soteneg.pipeline import build
from soteneg.site import linkcheck
from soteneg.site.index import BuildOptions
from soteneg.site.page_records import PageLinks

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)


def test_the_second_pass_reads_only_the_pages_with_a_broken_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    passes: list[tuple[linkcheck.LinkReport, Counter[str], linkcheck.LinkReport]] = []
    check_links = linkcheck.check_links

    def watched(
        pages: dict[str, PageLinks],
        files: Collection[str],
        promised: Collection[str] = (),
        only: Collection[str] | None = None,
        scan_again: Callable[[str], PageLinks] | None = None,
    ) -> linkcheck.LinkReport:
        read: Counter[str] = Counter()

        class Counting(dict[str, PageLinks]):
            def __getitem__(self, page: str) -> PageLinks:
                found = super().__getitem__(page)
                if only is None or page in only:
                    read[page] += 1
                return found

        report = check_links(Counting(pages), files, promised, only, scan_again)
        whole = check_links(pages, files, promised, None, scan_again)
        passes.append((report, read, whole))
        return report

    monkeypatch.setattr(run_module.linkcheck, "check_links", watched)
    root = project(tmp_path, GOLDEN_SITE)
    about = root / "content" / "sivut" / "tietoa.md"
    # A document's own link to a packet: the pages of an HTML-only build link to none.
    packet = "[Uudenmaan paketti](/neuvottelut/pdf/2018-syksy/uusimaa.pdf)"
    about.write_text(f"{about.read_text()}\n{packet}\n")
    result = build(root, tmp_path / "out", BuildOptions(now=NOW), with_search=False)
    assert not result.failed and result.written
    assert len(passes) == 2, "a link to a packet: two passes"
    (first, read_first, _), (second, read_second, whole) = passes
    with_broken = {link.page for link, _ in first.why_broken}
    assert with_broken and set(read_second) == with_broken
    assert len(read_second) < len(read_first)
    # The same report as a second pass over every page: nothing broken is left.
    assert second == whole and not second.why_broken
