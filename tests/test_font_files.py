"""The print fonts are looked up in one fontconfig configuration per question, for all
the families asked about (packets/fonts.py): loading it is nearly all the cost, and a
preview's save asks twice, about two families (the check's fonts, the PDFs' stamps)."""

from __future__ import annotations

from typing import Any

import pytest

from soteneg.packets import fonts

FAMILIES = ["Noto Serif", "Noto Sans", "No Such Family Anywhere"]


class _Counted:
    def __init__(self, lib: Any) -> None:
        self.lib, self.loads = lib, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.lib, name)

    def FcInitLoadConfigAndFonts(self) -> Any:  # fontconfig's name
        self.loads += 1
        return self.lib.FcInitLoadConfigAndFonts()


def test_the_families_share_one_configuration(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _Counted(fonts._fontconfig())
    monkeypatch.setattr(fonts, "_fontconfig", lambda: counted)
    assert fonts.missing(FAMILIES) == ["No Such Family Anywhere"]
    assert counted.loads == 1
    found = fonts.stamps(FAMILIES)
    assert counted.loads == 2  # a fresh one for each question: fonts installed meanwhile
    assert any("Noto" in path for path in found)


def test_a_familys_files_are_the_same_asked_alone_or_together() -> None:
    together = fonts.families_files(FAMILIES)
    assert list(together) == FAMILIES
    assert together == {family: fonts.font_files(family) for family in FAMILIES}
    assert together["Noto Serif"] and not together["No Such Family Anywhere"]
