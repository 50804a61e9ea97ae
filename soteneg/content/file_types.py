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
    # XML a browser shows as a document: its XHTML-namespace scripts run, and an
    # <?xml-stylesheet?> turns it into HTML through XSLT. Every extension that mime-db
    # (GitHub Pages, Netlify, Express), Debian's /etc/mime.types (nginx and Apache on
    # Debian read it) or Python's mimetypes (`python -m http.server`) serves as one of
    # the XML types browsers render: application/xml and text/xml (xml xsl xsd rng wsdl
    # xpdl rdf), XHTML, Atom and RSS (Chromium, WebKit), XSLT, MathML and RDF (Firefox),
    # XUL. Other +xml types (kml, gpx…) are downloaded, not shown, by Chromium, WebKit
    # and Firefox alike. An XML document may begin with any amount of whitespace, past
    # what the markup check below reads, so the extension alone decides.
    " xml xsl xslt xsd rng wsdl xpdl rdf owl rss atom xul mml mathml"
    # A compressed SVG: it cannot be checked like a plain one (content/svg.py).
    " svgz"
    # Scripts, by every extension mime-db and /etc/mime.types type as JavaScript
    # (text/javascript: js mjs es; application/ecmascript: ecma), and what plug-ins ran:
    # a page of the site could load them.
    " js mjs cjs es ecma wasm swf spl xap"
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
# like HTML or XML as a page (WHATWG MIME Sniffing, 7.1). Broader than the standard on
# purpose: any tag, comment, declaration or processing instruction, after any control
# character or space (Chromium skips the vertical tab too, which the standard does not
# name), and in UTF-16 and UTF-32 as well, with or without a byte order mark (an XML
# parser reads those by their first bytes).
SNIFFED = 1445  # the "resource header" a browser reads, at most (characters, here)
_SKIPPED = "".join(chr(c) for c in range(0x21)) + "\x7f\ufeff"
_UTF8_BOM = b"\xef\xbb\xbf"
# Each way the first bytes may be read: the codec and the bytes a character takes.
_VIEWS = (("latin-1", 1), ("utf-16-le", 2), ("utf-16-be", 2), ("utf-32-le", 4), ("utf-32-be", 4))
_TAG = re.compile(r"<[^\s>]{1,10}")  # what the message quotes: '<html', '<?xml'


def markup_start(data: bytes) -> str | None:
    """The first characters of `data` when it begins like HTML or XML markup (`<html`,
    `<!DOCTYPE`, `<?xml`, `<!--`, `</`) in ASCII, UTF-8, UTF-16 or UTF-32, else None."""
    for codec, size in _VIEWS:
        head = data.removeprefix(_UTF8_BOM) if size == 1 else data
        head = head[: (len(_UTF8_BOM) + SNIFFED) * size]
        text = head[: len(head) - len(head) % size].decode(codec, "replace")
        start = text.removeprefix("\ufeff")[:SNIFFED].lstrip(_SKIPPED)
        if len(start) < 2 or start[0] != "<":
            continue
        second = start[1]
        if (second.isascii() and second.isalpha()) or second in "!?/":
            return _TAG.match(start).group()  # type: ignore[union-attr]
    return None
