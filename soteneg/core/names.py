"""Names the command line needs before anything heavy is loaded: languages, document
types, the editors' time zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

LANGS = ("fi", "sv", "en")
DOCUMENT_TYPES = ("negotiation", "assessment", "summary", "news", "page")
# A moment written without a zone (publish_at, --now) is Finnish time.
HELSINKI = ZoneInfo("Europe/Helsinki")
