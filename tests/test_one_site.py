"""One build indexes its content twice at most: the site it publishes (whose links
`check` judges and which the build then plans and renders) and the site with every
document published (the print budgets' packets and the drafts' links), each once; one
site when the build publishes every document. At 5000 documents a site and
what it learns (lineages, targets, the packet plan) cost a tenth of a second or more."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, project

from soteneg.build import targets
from soteneg.core.options import BuildOptions
from soteneg.packets import budgets
from soteneg.pipeline import build
from soteneg.site import index

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2018, 12, 2, tzinfo=dt.UTC)
EVERYTHING = BuildOptions(drafts=True)
DRAFT = "content/kierrokset/2018-syksy/luonnos.md"  # the golden site's one draft


@pytest.mark.parametrize(
    ("options", "sites"),
    [
        (BuildOptions(now=NOW), [BuildOptions(now=NOW), EVERYTHING]),
        (BuildOptions(drafts=True, now=NOW), [BuildOptions(drafts=True, now=NOW), EVERYTHING]),
        (EVERYTHING, [EVERYTHING]),
        # After the embargo, the draft taken out: everything is published, one site.
        (BuildOptions(now=LATER), [BuildOptions(now=LATER)]),
    ],
)
def test_a_build_makes_each_site_once(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: BuildOptions,
    sites: list[BuildOptions],
) -> None:
    made: list[BuildOptions] = []
    real = index.build_site

    def counted(content, options):  # type: ignore[no-untyped-def]
        made.append(options)
        return real(content, options)

    monkeypatch.setattr(targets, "build_site", counted)
    monkeypatch.setattr(budgets, "build_site", counted)
    root = project(tmp_path, GOLDEN_SITE)
    if options.now == LATER:
        (root / DRAFT).unlink()
    result = build(root, tmp_path / "out", options, with_search=False)
    assert not result.failed, [p.message for p in result.problems]
    assert sorted(map(repr, made)) == sorted(map(repr, sites))
