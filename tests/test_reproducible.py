"""Same input, same bytes: two plain builds of the bundled site, PDFs and search index
included, in two fresh processes with no SOURCE_DATE_EPOCH or other variable set; and
what the print fonts do to a build (a missing font, a changed font file)."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import REPO, run_cli

from soteneg.packets import fonts

# Variables that would make a build reproducible by themselves: the test must pass
# without them, as an editor's plain `soteneg build` does.
CLOCK_VARIABLES = ("SOURCE_DATE_EPOCH", "SOTENEG_NOW", "TZ", "FONTCONFIG_FILE")


def _plain_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in CLOCK_VARIABLES}


def _build(
    root: Path, out: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "soteneg",
            "build",
            "--root",
            str(root),
            "--out",
            str(out),
            "--lang",
            "en",
            *args,
        ],
        env=env if env is not None else _plain_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    return root


def test_two_plain_builds_of_the_bundled_site_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    result = _build(REPO, first, "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    time.sleep(1.1)  # fonts and archives stamp whole seconds: let the clock move on
    result = _build(REPO, second, "--jobs", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    files = _files(first)
    assert files == _files(second)
    assert any(f.endswith(".pdf") for f in files) and any(f.startswith("pagefind/") for f in files)
    different = [f for f in files if not filecmp.cmp(first / f, second / f, shallow=False)]
    assert different == [], f"{len(different)} files differ between two builds: {different[:10]}"


def _font_config(tmp_path: Path, families: list[str]) -> tuple[Path, Path]:
    """A fontconfig setup that knows only copies of the given families' files."""
    folder = tmp_path / "fonts"
    folder.mkdir()
    for family in families:
        for file in fonts.font_files(family):
            shutil.copy(file, folder / Path(file).name)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"<dir>{folder}</dir><cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return config, folder


def _require_noto() -> None:
    if fonts.missing(["Noto Sans", "Noto Serif"]):
        if os.environ.get("CI"):
            raise RuntimeError("fonts-noto-core is required in CI")
        pytest.skip("the Noto fonts are not installed")


def test_a_missing_print_font_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    config, _ = _font_config(tmp_path, [])
    env = {"FONTCONFIG_FILE": str(config)}
    for command in (("check",), ("build", "--out", str(tmp_path / "out"))):
        result = run_cli(*command, "--root", REPO, env=env)
        assert result.returncode == 2, result.stdout + result.stderr
        lines = [line for line in result.stdout.splitlines() if "error[" in line]
        assert lines == [
            "site.yaml:1:1: error[font-missing]: the print fonts 'Noto Serif' and 'Noto Sans' "
            "are not installed: packets would be printed in another font, with other page "
            "breaks (install them (Debian, Ubuntu: apt-get install fonts-noto-core), name "
            "installed families under print_fonts in site.yaml, or leave the PDFs out with "
            "--no-pdf)"
        ]
        assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()
    # Without PDFs the fonts do not matter.
    assert run_cli("check", "--no-pdf", "--root", REPO, env=env).returncode == 0
    result = run_cli("build", "--no-pdf", "--root", REPO, "--out", tmp_path / "html", env=env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_font_named_in_site_yaml_is_located_there(tmp_path: Path) -> None:
    _require_noto()
    root = _copy_project(tmp_path)
    with (root / "site.yaml").open("a", encoding="utf-8") as handle:
        handle.write("print_fonts:\n  text: Noto Serif\n  headings: Fira Nonexistent\n")
    result = run_cli("check", "--root", root)
    assert result.returncode == 2
    line = len((root / "site.yaml").read_text(encoding="utf-8").splitlines())
    assert f"site.yaml:{line}:13: error[font-missing]: the print font 'Fira Nonexistent' " in (
        result.stdout
    )
    assert "fonts-noto-core" not in result.stdout  # that hint is for Noto only


def test_a_changed_font_file_reprints_the_pdfs(tmp_path: Path) -> None:
    _require_noto()
    root = _copy_project(tmp_path)
    config, folder = _font_config(tmp_path, ["Noto Sans", "Noto Serif"])
    env = {**_plain_env(), "FONTCONFIG_FILE": str(config)}
    out = tmp_path / "out"
    first = _build(root, out, "--no-search", env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    again = _build(root, out, "--no-search", env=env)
    assert "nothing changed" in again.stdout
    # The same family, other bytes (as after a package upgrade): every PDF is printed anew.
    regular = folder / "NotoSerif-Regular.ttf"
    regular.write_bytes(regular.read_bytes() + b"\0\0\0\0")
    after = _build(root, out, "--no-search", env=env)
    assert after.returncode == 0, after.stdout + after.stderr
    assert "nothing changed" not in after.stdout
    # 49: the packets and document PDFs of the 2018 rounds and of the 2024 and 2025
    # rounds, with the Swedish packets of the units and rounds that have Swedish documents
    # and the PDF of the North Sámi version (the 2025 THL assessment of Lapland added one).
    assert ", 0 unchanged" in after.stdout and "PDFs: 49 printed" in after.stdout, after.stdout
    # A face added to a font folder counts too.
    shutil.copy(folder / "NotoSans-Bold.ttf", folder / "NotoSans-Extra.ttf")
    assert "nothing changed" not in _build(root, out, "--no-search", env=env).stdout


def test_printing_stamps_fonts_with_the_documents_date_not_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """fontTools writes "now" into each font it saves (variable and colour fonts) unless
    SOURCE_DATE_EPOCH is set; the print worker sets it to the job's date for the print."""
    from fontTools.misc.timeTools import epoch_diff, timestampNow

    from soteneg.packets import pdf

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    seen: list[int] = []

    class Rendered:
        pages: list[object] = []  # noqa: RUF012 - a stand-in for WeasyPrint's Document

        def write_pdf(self, **options: object) -> bytes:
            seen.append(timestampNow())
            return b"%PDF-1.7"

    class FakeHTML:
        etree_element = ElementTree.Element("html", lang="fi")

        def __init__(self, **options: object) -> None:
            pass

        def render(self, **options: object) -> Rendered:
            seen.append(timestampNow())
            return Rendered()

    monkeypatch.setattr(pdf.weasyprint, "HTML", FakeHTML)
    job = pdf.PrintJob("a.pdf", "<p>x</p>", "pdf/ua-1", epoch=1_544_745_600)  # 2018-12-14
    assert pdf.print_one(job, str(REPO)).data == b"%PDF-1.7"
    assert seen == [1_544_745_600 - epoch_diff] * 2
    assert "SOURCE_DATE_EPOCH" not in os.environ  # the caller's environment is as it was
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    pdf.print_one(job, str(REPO))
    assert seen[-1] == 1_544_745_600 - epoch_diff and os.environ["SOURCE_DATE_EPOCH"] == "1"
