"""`python -m soteneg.editors.page_policy PAGE...`, the command docs/publishing.md gives
hosts that set headers: it prints each page's policy, naming its inline scripts by hash."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
from pathlib import Path


def _hash(data: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii") + "'"


def test_the_command_prints_each_pages_policy_with_its_scripts_hashes(tmp_path: Path) -> None:
    script, style = b"document.body.dataset.ok = '1';", b"p { color: red }"
    page = tmp_path / "haku.html"
    page.write_bytes(
        b"<html><head><style>%s</style></head><body><script>%s</script>" % (style, script)
        + b'<script src="/pagefind/pagefind-ui.js"></script><p onclick="x()">t</p></body></html>'
    )
    plain = tmp_path / "plain.html"
    plain.write_bytes(b"<html><body><p>t</p></body></html>")
    run = subprocess.run(
        [sys.executable, "-m", "soteneg.editors.page_policy", str(page), str(plain)],
        capture_output=True,
        text=True,
        check=True,
    )
    first, second = run.stdout.split(f"{plain}\n")
    assert first.startswith(f"{page}\n  Content-Security-Policy: default-src 'self'; ")
    assert f"script-src 'self' 'wasm-unsafe-eval' {_hash(script)};" in first
    assert f"style-src 'self' {_hash(style)};" in first
    assert "frame-ancestors 'none'" in first and "unsafe-inline" not in first
    # No inline script and no Pagefind: neither a hash nor WebAssembly is allowed.
    assert "script-src 'self'; style-src 'self';" in second
