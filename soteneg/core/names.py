"""Names the command line needs before anything heavy is loaded: languages, document
types, the editors' time zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

LANGS = ("fi", "sv", "en")  # the interface's, each with a tree of the site
# Documents may also be in North, Inari and Skolt Sámi: published in the default
# language's tree, named in the others' lists (see routes.version).
SAMI_LANGS = ("se", "smn", "sms")
DOCUMENT_TYPES = ("negotiation", "assessment", "summary", "news", "page")
# A moment written without a zone (publish_at, --now) is Finnish time.
HELSINKI = ZoneInfo("Europe/Helsinki")
