"""The build's reads outside the state files (cache.disk): the previous build's PDFs in
the output, site.yaml read for the output it names before anything is validated, and
what a killed save left half written in the cache folder."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from soteneg.build import state_reads
from soteneg.build.cache import disk, fresh
from soteneg.build.cache.disk import Disk
from soteneg.build.output import cache_dir
from soteneg.build.records import BuildRecords, Inputs
from soteneg.build.state_reads import previous_output
from soteneg.content import sources

PDF = "pdf/a.pdf"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as file:
        file.truncate(size)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    (folder / "pdf").mkdir(parents=True)
    return folder


def test_a_previous_pdf_is_read_up_to_the_limit(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state_reads, "STATE_LIMIT", 100)
    (out / PDF).write_bytes(b"x" * 100)
    assert previous_output(out, PDF, _sha(b"x" * 100)) == b"x" * 100
    (out / PDF).write_bytes(b"x" * 101)  # recorded so, and still not read
    assert previous_output(out, PDF, _sha(b"x" * 101)) is None


def test_a_previous_pdf_past_the_limit_is_not_read(out: Path) -> None:
    size = state_reads.STATE_LIMIT + 1
    _sparse(out / PDF, size)
    recorded = hashlib.sha256()  # as if the build had written it: read, it would be used
    chunk = bytes(1 << 20)
    for _ in range(size >> 20):
        recorded.update(chunk)
    recorded.update(bytes(size % (1 << 20)))
    assert previous_output(out, PDF, recorded.hexdigest()) is None


def test_a_previous_pdf_that_is_a_link_or_a_fifo_is_not_read(out: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.pdf"
    elsewhere.write_bytes(b"%PDF")
    (out / PDF).symlink_to(elsewhere)
    assert previous_output(out, PDF, _sha(b"%PDF")) is None
    (out / PDF).unlink()
    os.mkfifo(out / PDF)  # read as a file, it would wait for a writer for ever
    assert previous_output(out, PDF, _sha(b"")) is None


def _project(tmp_path: Path, config: str = "output: public\n") -> Path:
    root = tmp_path / "project"
    root.mkdir(parents=True)
    (root / sources.CONFIG_FILE).write_text(config, encoding="utf-8")
    return root


def test_the_configured_output_is_read_from_site_yaml(tmp_path: Path) -> None:
    root = _project(tmp_path)
    assert fresh.configured_output(root) == root / "public"
    assert fresh.configured_output(_project(tmp_path / "b", "title: x\n")) == (
        tmp_path / "b/project/_site"
    )


def test_the_configured_output_reads_site_yaml_up_to_its_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_DATA_BYTES", 100)  # read_config's limit
    root = _project(tmp_path, "output: public\n".ljust(100))
    assert fresh.configured_output(root) == root / "public"
    (root / sources.CONFIG_FILE).write_text("output: public\n".ljust(101), encoding="utf-8")
    assert fresh.configured_output(root) is None


def test_the_configured_output_of_a_huge_or_strange_site_yaml_is_not_told(
    tmp_path: Path,
) -> None:
    root = _project(tmp_path)
    config = root / sources.CONFIG_FILE
    _sparse(config, sources.MAX_DATA_BYTES + 1)
    assert fresh.configured_output(root) is None
    config.unlink()
    config.symlink_to("/dev/zero")  # read whole, it never ends
    assert fresh.configured_output(root) is None
    config.unlink()
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("output: public\n", encoding="utf-8")
    config.symlink_to(outside)  # nothing is read outside the project
    assert fresh.configured_output(root) is None
    config.unlink()
    (root / "real.yaml").write_text("output: public\n", encoding="utf-8")
    config.symlink_to("real.yaml")  # a link inside it is read as the build reads it
    assert fresh.configured_output(root) == root / "public"


def test_a_save_removes_what_a_killed_save_left_half_written(out: Path, tmp_path: Path) -> None:
    """write_private writes `.X.tmp` and renames it over X: a build killed between the
    two left it for ever. The next save removes every such file at the top of the cache
    folder (a link without following it) and nothing else."""
    Disk(out, "k", "code").save(BuildRecords(), {}, {}, Inputs("k"))
    folder = cache_dir(out)
    kept = {p.name for p in folder.iterdir()}
    elsewhere = tmp_path / "secret"
    elsewhere.write_bytes(b"keep")
    _sparse(folder / f".{disk.INPUTS_FILE}.tmp", 1 << 30)
    (folder / ".external-links.txt.tmp").write_bytes(b"half")
    (folder / ".linked.tmp").symlink_to(elsewhere)
    (folder / ".folder.tmp").mkdir()
    (folder / "notes.tmp").write_bytes(b"not ours to judge")
    Disk(out, "k", "code").save(BuildRecords(), {}, {}, Inputs("k"))
    assert {p.name for p in folder.iterdir()} == kept | {"notes.tmp"}
    assert elsewhere.read_bytes() == b"keep"


def test_a_save_removes_what_a_killed_save_left_in_the_parsed_shards(
    out: Path, tmp_path: Path
) -> None:
    """The parsed documents' shards are written the same way, one `.XX.msgpack.tmp`
    each, and read only by their own names: a killed save's temporary there would
    never be read, nor removed."""
    entries: disk.Entries = {"content/a.md": ("1", (None, None, []))}  # a file not decoded
    Disk(out, "k", "code").save(BuildRecords(), {}, entries, Inputs("k"))
    folder = cache_dir(out) / disk.PARSED_DIR
    kept = {p.name for p in folder.iterdir()}
    assert kept and all(not name.endswith(".tmp") for name in kept)
    elsewhere = tmp_path / "secret"
    elsewhere.write_bytes(b"keep")
    _sparse(folder / f".00{disk.SHARD_SUFFIX}.tmp", 1 << 30)
    (folder / f".{next(iter(kept))}.tmp").write_bytes(b"half")
    (folder / ".linked.tmp").symlink_to(elsewhere)
    (folder / "notes.tmp").write_bytes(b"not ours to judge")
    Disk(out, "k", "code").save(BuildRecords(), {}, entries, Inputs("k"))
    assert {p.name for p in folder.iterdir()} == kept | {"notes.tmp"}
    assert elsewhere.read_bytes() == b"keep"
