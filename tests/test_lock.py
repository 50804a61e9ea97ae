"""The lock that `make install` and CI use agrees with pyproject.toml and pins everything."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>[^\s;#]+)\s*(?:;(?P<marker>[^#]*))?")


def _lock() -> dict[str, tuple[str, str]]:
    pins: dict[str, tuple[str, str]] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"requirements.lock: not an exact pin: {line!r}"
        name = canonicalize_name(match["name"])
        pins[name] = (match["version"], (match["marker"] or "").strip())
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = project["dependencies"] + project["optional-dependencies"]["dev"]
    return [Requirement(text) for text in listed]


def test_every_declared_dependency_is_pinned_within_its_bounds() -> None:
    pins = _lock()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is in pyproject.toml but not in the lock"
        version, _ = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"the lock pins {name}=={version}, outside pyproject.toml's {requirement}"
        )
    # pagefind[extended] is the only extra we use; its binary comes as its own package.
    assert "pagefind-bin-extended" in pins


def test_every_pinned_package_is_wanted_by_us_or_by_another_pin() -> None:
    """`make install` uses --no-deps: a stale line would be installed, a missing one not."""
    pins = _lock()
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "# via " not in line:
            continue
        name = canonicalize_name(PIN.match(line)["name"])  # type: ignore[index]
        wanted_by = [part.strip() for part in line.split("# via ", 1)[1].split(",")]
        assert any(
            who.startswith("soteneg") or canonicalize_name(who) in pins for who in wanted_by
        ), f"{name} is pinned for {wanted_by}, none of which is in the lock"


def test_the_test_tools_from_npm_are_locked() -> None:
    package = json.loads((ROOT / "tests/a11y/package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "tests/a11y/package-lock.json").read_text(encoding="utf-8"))
    for name in package["dependencies"]:
        entry = lock["packages"][f"node_modules/{name}"]
        assert entry["version"] and entry["integrity"].startswith("sha512-"), name
