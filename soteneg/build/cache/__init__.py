"""The build cache, one layer: what the last build into an output read, made and wrote,
so that the next one redoes only what changed.

The steps see one interface, `Cache.get_or_make` (layer): a result by name and by the
key of what it depends on, kept or made. Around it: whether the last build still holds
(fresh), the files between builds (disk) and their data-only format (codec, parsed).
"""

from soteneg.build.cache.disk import (
    BUILD_FILE,
    GRAPH_FILE,
    INPUTS_FILE,
    JOURNAL_FILE,
    PDFS_FILE,
    PLAN_FILE,
    journal,
)
from soteneg.build.cache.fresh import (
    cache_key,
    code_key,
    configured_output,
    input_stamps,
    output_stamps,
)
from soteneg.build.cache.layer import PAGES, PARSED, PDFS, Cache

EXTERNAL_LINKS = "external-links.txt"  # every external link and the page that has it

__all__ = [
    "BUILD_FILE",
    "EXTERNAL_LINKS",
    "GRAPH_FILE",
    "INPUTS_FILE",
    "JOURNAL_FILE",
    "PAGES",
    "PARSED",
    "PDFS",
    "PDFS_FILE",
    "PLAN_FILE",
    "Cache",
    "cache_key",
    "code_key",
    "configured_output",
    "input_stamps",
    "journal",
    "output_stamps",
]
