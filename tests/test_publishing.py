"""The publishing setup: workflow files parse, name real steps and commands, and the
commands they run work; the pre-commit hook refuses a broken commit."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import MINIMAL, REPO, run_cli


def _soteneg_commands(script: str) -> list[list[str]]:
    return [
        shlex.split(line.strip())[1:]
        for line in script.splitlines()
        if line.strip().startswith("soteneg ")
    ]


def test_github_workflow_checks_builds_and_deploys(tmp_path: Path) -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text())
    assert set(workflow[True]) >= {"pull_request", "push"}  # YAML reads `on:` as True
    build = workflow["jobs"]["build"]
    uses = [step.get("uses", "") for step in build["steps"]]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("actions/setup-python@") for u in uses)
    upload = next(
        s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert upload["with"]["path"] == "site/_site"
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    commands = _soteneg_commands(runs)
    # A pull request's own code never runs (issue 24, F1): soteneg is installed from the
    # target branch's checkout, and the request's commit is only read, from its own.
    checkouts = [s for s in build["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    tool, site = (c["with"] for c in checkouts)
    assert tool["path"] == "tool" and site["path"] == "site"
    assert tool["ref"] == (
        "${{ github.event_name == 'pull_request' && github.base_ref || github.sha }}"
    )
    assert "ref" not in site
    # The site's whole history: a shallow clone has no commit days, no earlier versions.
    assert site["fetch-depth"] == 0
    assert tool["persist-credentials"] is False and site["persist-credentials"] is False
    for step in build["steps"]:
        if "pip install" in step.get("run", ""):
            assert step["working-directory"] == "tool", step
        elif "soteneg " in step.get("run", ""):
            assert step["working-directory"] == "site", step
    assert ["check", "--format", "github"] in commands
    assert ["build", "--format", "github", "--out", "_site"] in commands
    assert "fonts-noto-core" in runs
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    # The commands the workflow runs work on the bundled project.
    for args in commands:
        args = [a if a != "_site" else str(tmp_path / "_site") for a in args]
        result = run_cli(*args, "--root", REPO)
        assert result.returncode == 0, (args, result.stdout, result.stderr)
        assert "::error" not in result.stdout
    assert (tmp_path / "_site/index.html").is_file()


def test_gitlab_job_publishes_public() -> None:
    config = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text())
    pages = config["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert ["build", "--out", "public"] in _soteneg_commands("\n".join(pages["script"]))
    assert ["check", "--format", "human"] in _soteneg_commands("\n".join(config["check"]["script"]))
    assert config["variables"]["GIT_DEPTH"] == "0"  # the whole history, as on GitHub
    install = "\n".join(config["default"]["before_script"])
    # A merge request's pipeline installs the target branch's soteneg (issue 24, F1).
    assert 'pip install --no-deps --requirement "$TOOL/requirements.lock"' in install
    assert 'pip install --no-deps "$TOOL"' in install
    assert 'git fetch --depth 1 origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"' in install
    latest = config["test-latest"]
    assert "make test-latest" in latest["script"]
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule" && $SOTENEG_SCHEDULE != "publish"'} in latest[
        "rules"
    ]


def _cron_minutes(cron: str) -> list[int]:
    minute, hour, *_ = cron.split()
    assert hour == "*", cron
    return sorted(int(m) for m in minute.split(","))


def test_the_workflows_judge_embargoes_by_the_clock_and_build_on_a_schedule() -> None:
    """A commit's date is its author's choice: exported as SOURCE_DATE_EPOCH it lifted
    embargoes early (a commit dated 2031) or never (an old commit built again). The
    workflows build on the runner's clock, and main again every 15 minutes, off the full
    hour, so that an embargo lifts without a commit and a long build is not cancelled by
    the next scheduled one."""
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text())
    runs = "\n".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert "SOURCE_DATE_EPOCH" not in runs and "--now" not in runs
    (schedule,) = workflow[True]["schedule"]
    minutes = _cron_minutes(schedule["cron"])
    gaps = [b - a for a, b in zip(minutes, [*minutes[1:], minutes[0] + 60], strict=True)]
    assert max(gaps) <= 15 and 0 not in minutes, schedule
    assert workflow["concurrency"]["cancel-in-progress"] == (
        "${{ github.event_name == 'pull_request' }}"
    )
    gitlab = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text())
    assert "SOURCE_DATE_EPOCH" not in "\n".join(gitlab["pages"]["script"])
    assert "SOTENEG_SCHEDULE=publish" in (REPO / ".gitlab-ci.yml").read_text()
    guide = (REPO / "docs/publishing.md").read_text()
    assert schedule["cron"] in guide and "SOTENEG_SCHEDULE" in guide


def test_publishing_installs_the_lock_and_a_scheduled_job_tries_the_newest() -> None:
    publish = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text())
    runs = "\n".join(step.get("run", "") for step in publish["jobs"]["build"]["steps"])
    assert "pip install --no-deps --requirement requirements.lock" in runs
    latest = yaml.safe_load((REPO / ".github/workflows/latest.yml").read_text())
    assert latest[True]["schedule"] and "workflow_dispatch" in latest[True]
    steps = latest["jobs"]["test-latest"]["steps"]
    assert any(step.get("run") == "make test-latest" for step in steps)
    makefile = (REPO / "Makefile").read_text()
    assert "\ntest-latest:" in makefile and "\nlock:" in makefile
    assert "--requirement $(LOCK)" in makefile and "--no-deps" in makefile


def test_pre_commit_framework_hook_definition() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["id"] == "soteneg-check"
    assert hooks[0]["entry"] == "soteneg check --no-pdf"  # content only: fonts are the printer's
    assert hooks[0]["pass_filenames"] is False


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
            "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        },
    )


def test_git_hook_refuses_a_commit_with_problems(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(MINIMAL, repo)
    assert _git(repo, "init", "-q").returncode == 0
    hook = repo / ".git/hooks/pre-commit"
    shutil.copy(REPO / "scripts/pre-commit", hook)
    hook.chmod(0o755)
    _git(repo, "add", "-A")
    first = _git(repo, "commit", "-qm", "valid content")
    assert first.returncode == 0, first.stderr
    doc = repo / "content/kierrokset/2018-syksy/uusimaa.md"
    doc.write_text(doc.read_text().replace("region: uusimaa", "region: uusima"))
    _git(repo, "add", "-A")
    refused = _git(repo, "commit", "-qm", "broken content")
    assert refused.returncode != 0
    assert "unknown-region" in refused.stdout + refused.stderr
    assert _git(repo, "log", "--oneline").stdout.count("\n") == 1
    # Only what is staged counts: unstaged breakage does not block a good commit.
    fixed = doc.read_text().replace("region: uusima", "region: uusimaa")
    doc.write_text(fixed.replace("Uusimaa, syksy", "Uusimaa, Syksy"))
    _git(repo, "add", "-A")
    doc.write_text("rikki")
    assert _git(repo, "commit", "-qm", "fixed").returncode == 0
