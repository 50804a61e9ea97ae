"""bench/bytecode.py: the benches measure soteneg as it runs installed, from bytecode,
even where PYTHONDONTWRITEBYTECODE keeps Python from writing any."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_module_gets_bytecode_that_python_reads(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "inner").mkdir(parents=True)
    sources = [
        package / "__init__.py",
        package / "inner" / "__init__.py",
        package / "inner" / "m.py",
    ]
    for source in sources:
        source.write_text("VALUE = 1\n", encoding="utf-8")
    script = (
        f"import sys; sys.path.insert(0, {str(REPO / 'bench')!r}); "
        f"from pathlib import Path; from bytecode import compiled; compiled(Path({str(package)!r}))"
    )
    env = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env)
    for source in sources:
        cached = Path(importlib.util.cache_from_source(str(source)))
        assert cached.is_file(), cached
        # The header names the source's mtime and size: Python uses it, not recompiles.
        header = cached.read_bytes()[:16]
        assert int.from_bytes(header[8:12], "little") == int(source.stat().st_mtime)
        assert int.from_bytes(header[12:16], "little") == source.stat().st_size
