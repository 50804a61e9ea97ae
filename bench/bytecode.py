"""Bytecode for the soteneg being measured, written before any figure is taken.

A user's installed soteneg runs from bytecode: pip compiles a wheel's modules when it
installs them, and Python writes `__pycache__` on the first run. An editable checkout
under PYTHONDONTWRITEBYTECODE (set on some CI and container images) has none, so every
build there would compile ~140 modules from source first, about 0.2-0.3 s that no user
pays. compileall writes the files whatever that variable says; they are ignored by git.
"""

from __future__ import annotations

import compileall
from pathlib import Path

import soteneg


def compiled(package: Path | None = None) -> Path:
    """`package` (else the soteneg package this process imports), its modules compiled."""
    package = package or Path(soteneg.__file__).resolve().parent
    if not compileall.compile_dir(package, quiet=1):
        raise SystemExit(f"could not compile {package}")
    return package
