"""Issue 28: the packet's print date on its cover is the build's moment when the build
states one (`--now`), and none otherwise, so that the same input prints the same PDF."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from conftest import MINIMAL, run_cli
from test_pdf import pdftotext
from test_site import GOLDEN_SITE, project

from soteneg.packets.plan import PROJECT_URI


def test_the_cover_prints_the_build_s_day_only_when_the_build_states_it() -> None:
    """Issue 28: the cover's print date is the build's moment (`--now`), in the packet's
    language; without one the cover has none (the clock's day would make every build's
    PDFs differ), and its date is its latest document's."""
    import datetime as dt

    from soteneg.packets.plan import packet_page, plan_packets
    from soteneg.pipeline import check
    from soteneg.site.index import BuildOptions, build_site

    site = build_site(check(GOLDEN_SITE, pdf=False).content, BuildOptions())
    packets = {p.url: p for p in plan_packets(site)}
    fi, sv = packets["/pdf/2018-syksy/uusimaa.pdf"], packets["/sv/pdf/2018-syksy/uusimaa.pdf"]
    day = dt.date(2026, 12, 6)
    assert packet_page(site, fi, PROJECT_URI, day).context["cover"]["printed"] == "6.12.2026"
    assert packet_page(site, sv, PROJECT_URI, day).context["cover"]["printed"] == "6.12.2026"
    plain = packet_page(site, fi, PROJECT_URI).context["cover"]
    assert plain["printed"] is None and plain["dated"] == "14.12.2018"


class _Stop(Exception):
    pass


def test_the_command_line_hands_its_stated_moment_to_the_covers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`--now` in Helsinki's day: 23:30 UTC on 5 December is 6 December there."""
    import datetime as dt

    from soteneg import pipeline
    from soteneg.cli import app

    seen: list[object] = []

    def settle(root: Path, out: Path | None, settings: object, *_: object, **__: object) -> object:
        seen.append(settings.pdf_options.printed)  # type: ignore[attr-defined]
        raise _Stop

    monkeypatch.setattr(pipeline, "build_as", settle)
    for now in ("2026-12-05T23:30+00:00", None):
        argv = ["build", "--root", str(GOLDEN_SITE), "--out", str(tmp_path / "out")]
        with contextlib.suppress(_Stop):
            app.main(argv + (["--now", now] if now else []))
    assert seen == [dt.date(2026, 12, 6), None]


def test_a_build_as_of_another_day_prints_the_covers_again(tmp_path: Path) -> None:
    """No input changed, but the day did: not "nothing changed". And a build without
    --now after one with it takes the print date off again."""
    root, out = project(tmp_path, MINIMAL), tmp_path / "out"
    cover = out / "pdf/2018-syksy/uusimaa.pdf"

    def printed(*now: str) -> str:
        """The cover's print date ("" when it has none)."""
        result = run_cli("build", "--root", root, "--out", out, "--no-search", *now)
        assert result.returncode == 0, result.stdout + result.stderr
        words = pdftotext(cover, page=1).split()
        if "Tulostettu" not in words:
            return ""
        # The labels stand in one column and their values in the next: the last value.
        return next(w for w in reversed(words) if w.endswith(".2030"))

    assert printed("--now", "2030-01-01T09:00") == "1.1.2030"
    assert printed("--now", "2030-01-01T09:00") == "1.1.2030"  # nothing changed
    assert printed("--now", "2030-02-01T09:00") == "1.2.2030"
    assert printed() == ""
