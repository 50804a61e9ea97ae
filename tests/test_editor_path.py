"""The smaller findings of the editor's path (issue 26): the README's set-up line, what
it says may be deleted, a missing site.yaml said alone, `build --help` on where the
cache is, the build's summary counting what the output holds, and the README's status."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import REPO, bundled_copy, run_cli

from soteneg.build.output import cache_dir, lock_file, state_dir, state_root


def _readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_the_readme_installs_debian_s_npm_only_where_there_is_none() -> None:
    """Where Node.js comes from its own repository, it brings npm, and Debian's `npm`
    conflicts with it: the unconditional line must name neither."""
    block = re.search(r"```sh\n(sudo apt-get install .*?)```", _readme(), re.S)
    assert block
    lines = block.group(1).replace("\\\n", " ").splitlines()
    first = lines[0].split()
    assert first[:3] == ["sudo", "apt-get", "install"]
    assert "nodejs" not in first and "npm" not in first
    assert lines[1] == "command -v npm >/dev/null || sudo apt-get install nodejs npm"
    ci = (REPO / ".ci/run").read_text(encoding="utf-8")
    assert "command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)" in ci


def _build(root: Path, out: Path) -> str:
    result = run_cli("build", "--root", root, "--out", out, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_deleting_the_cache_the_readme_names_is_safe(tmp_path: Path) -> None:
    readme = " ".join(_readme().split())
    assert "`~/.cache/soteneg/_site-<hash>/cache/`, and is safe to delete" in readme
    root = bundled_copy(tmp_path)
    out = tmp_path / "_site"
    _build(root, out)
    cache = cache_dir(out)
    assert cache.is_dir() and cache.parent.parent == state_root()
    shutil.rmtree(cache)
    assert "built " in _build(root, out)  # a clean build, not a refusal
    # What the README says is not safe alone: the lock beside it, without the output.
    assert lock_file(out).parent == state_dir(out)
    shutil.rmtree(state_dir(out))
    refused = run_cli("build", "--root", root, "--out", out, "--no-pdf")
    assert refused.returncode == 2 and "output-error" in refused.stdout
    shutil.rmtree(out)
    assert "built " in _build(root, out)


def test_a_missing_site_yaml_is_said_alone(tmp_path: Path) -> None:
    """In a folder that is not a project, `check` says so in one line, not also that
    each data file is missing."""
    result = run_cli("check", "--root", tmp_path)
    assert result.returncode == 2
    headlines = [line for line in result.stdout.splitlines() if "error[" in line]
    assert headlines == [
        "site.yaml: error[config-missing]: site.yaml is missing: is this a soteneg project? "
        "(run soteneg in the project folder or pass --root DIR)"
    ]


def test_build_help_names_where_the_cache_is(tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path), "COLUMNS": "1000"}  # no wrapping in the path
    said = run_cli("build", "--help", "--lang", "en", env=env)
    text = " ".join(said.stdout.split())
    assert f"kept in the user's cache folder ({tmp_path}/soteneg/), never in the project" in text
    assert ".cache, safe" not in text and "beside the output" not in text


def test_the_build_s_summary_counts_every_file_of_the_output(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    out = tmp_path / "_site"
    result = run_cli("build", "--root", root, "--out", out, "--no-pdf")
    assert result.returncode == 0, result.stdout
    on_disk = sum(1 for path in out.rglob("*") if path.is_file())
    assert (out / "pagefind").is_dir()
    assert f"built {on_disk} files into {out}" in result.stdout
    again = run_cli("build", "--root", root, "--out", out, "--no-pdf")
    assert f"nothing changed: {on_disk} files in {out}" in again.stdout


def test_the_readme_s_status_is_current() -> None:
    status = " ".join(_readme().split("**Status.**")[1].split("\n\n")[0].split())
    assert "counties (open issue)" not in status
    assert "wellbeing services counties of 2023" in status
    assert "editing in the browser" in status
