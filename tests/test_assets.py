"""Static files are published under names carrying their hash (soteneg.site.assets)."""

from __future__ import annotations

import hashlib

from soteneg.site.assets import hashed_name, publish


def test_a_static_file_carries_its_hash_in_its_name() -> None:
    digest = hashlib.sha256(b"body{}").hexdigest()[:10]
    assert hashed_name("style.css", b"body{}") == f"style.{digest}.css"
    assert hashed_name("img/logo.svg", b"body{}") == f"img/logo.{digest}.svg"


def test_pagefinds_module_keeps_its_name_and_carries_the_hash_on_its_folder() -> None:
    # Pagefind's UI imports `<bundlePath>pagefind.js`: the search page's module must be
    # called that, and a new version of it must still have a new address.
    urls, files = publish({"search/pagefind.js": b"export {};", "style.css": b"a{}"})
    digest = hashlib.sha256(b"export {};").hexdigest()[:10]
    assert urls["search/pagefind.js"] == f"/static/search.{digest}/pagefind.js"
    assert files[f"static/search.{digest}/pagefind.js"] == b"export {};"
    assert (
        urls["search/pagefind.js"]
        != publish({"search/pagefind.js": b"export{}"})[0]["search/pagefind.js"]
    )
