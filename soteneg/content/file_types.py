"""File types that are never published as attachments, whatever `site.yaml` allows.

An attachment is published under /liitteet/ on the site's own address, with its own
extension; the web server gives it the media type of that extension. A type a browser
opens as a page (HTML, XML and the like) runs its scripts with the site's rights: it can
read and change every page a reader has open on the site. `attachments.allowed` arrives
in commits like content, so this list is not the site owner's to shorten.
docs/security.md says why each type that may be allowed is safe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from soteneg.core.text import Text, say

Why = Literal["browser", "server", "program"]

_BROWSER = (
    # Pages: HTML in every spelling, server-side includes, saved web archives.
    "html htm xhtml xht xhtm shtml shtm stm mht mhtml mhtm htc"
    # XML documents: rendered as pages, their XHTML-namespace scripts run and an
    # <?xml-stylesheet?> turns them into HTML through XSLT.
    " xml xsl xslt rdf rss atom xul mml"
    # A compressed SVG: it cannot be checked like a plain one (content/svg.py).
    " svgz"
    # Scripts and what plug-ins ran: a page of the site could load them.
    " js mjs cjs wasm swf spl xap"
)
_SERVER = (
    # Handlers a web server may run by extension (Apache with PHP or CGI, IIS).
    "php php3 php4 php5 php7 phtml pht phar asp aspx asa ascx ashx asmx axd cer cdx"
    " jsp jspx cfm cfml cgi fcgi pl"
)
_PROGRAM = (
    # What Windows, macOS or Linux runs, mounts or installs when a reader opens it.
    "exe msi msp msix appx bat cmd com scr pif cpl dll vbs vbe jse wsf wsh wsc ps1 psm1"
    " reg lnk url scf hta chm jar jnlp msc apk dmg pkg app deb rpm sh iso img vhd vhdx"
    # Office files with macros (docx, xlsx and pptx cannot hold any).
    " docm dotm xlsm xltm xlam pptm potm ppsm ppam sldm"
)

NEVER_PUBLISHED: Mapping[str, Why] = {
    **{ext: "program" for ext in _PROGRAM.split()},
    **{ext: "server" for ext in _SERVER.split()},
    **{ext: "browser" for ext in _BROWSER.split()},
}


def refused_because(ext: str) -> Text | None:
    """Why files of type `ext` (lowercase, without the dot) are never published, or
    None for a type that may be allowed."""
    match NEVER_PUBLISHED.get(ext):
        case "browser":
            return say("@never-published-browser")
        case "server":
            return say("@never-published-server")
        case "program":
            return say("@never-published-program")
    return None


# A browser that gets a file without a media type it trusts (a host that sends none, or
# one that is not told about the extension) sniffs its first bytes, and runs what begins
# like HTML or XML as a page (WHATWG MIME Sniffing, 7.1: leading whitespace skipped).
# Broader than the standard's list of tags on purpose: any tag, comment, declaration or
# processing instruction.
SNIFFED = 1445  # the "resource header" a browser reads, at most
_WHITESPACE = b"\t\n\x0c\r "
_UTF8_BOM = b"\xef\xbb\xbf"
_TAG = re.compile(rb"<[^\s>]{1,10}")  # what the message quotes: '<html', '<?xml'


def markup_start(data: bytes) -> str | None:
    """The first characters of `data` when it begins like HTML or XML markup (`<html`,
    `<!DOCTYPE`, `<?xml`, `<!--`, `</`), else None."""
    start = data[: len(_UTF8_BOM) + SNIFFED].removeprefix(_UTF8_BOM).lstrip(_WHITESPACE)
    if len(start) < 2 or start[:1] != b"<":
        return None
    second = start[1:2]
    if not (second.isalpha() or second in (b"!", b"?", b"/")):
        return None
    return _TAG.match(start).group().decode("latin-1")  # type: ignore[union-attr]
