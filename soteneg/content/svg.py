"""Which SVG files may be published, decided by an XML parser and an allow-list.

An SVG under /liitteet/ opens in a reader's browser as a document of its own, where a
script in it runs with the site's origin. A pattern over the bytes cannot see what the
browser sees (a prefix on `script`, the XHTML namespace, UTF-16), so the file is parsed
as the browser parses it: namespaces resolved, the encoding its declaration or byte
order mark names decoded by expat. defusedxml refuses a DOCTYPE outright, so no entity
can expand and nothing outside the file is read. Then every element must be a drawing
element of the SVG namespace and every attribute a known drawing attribute.

Decisions:
- `<style>` elements are refused. A stylesheet is a second language (at-rules such as
  `@import` and `@font-face`, escapes, selectors) that only a CSS parser could check;
  drawing programs can write the same as attributes. `style` attributes are allowed,
  with the same property allow-list as attributes and values checked as below.
- `<metadata>` is allowed with what Inkscape writes in it: RDF, Dublin Core and
  Creative Commons elements. Browsers neither draw nor fetch them, but they are not
  skipped unseen: an SVG or HTML `<script>` inside `<metadata>` would still run, so
  anything else inside is checked and refused like anywhere else.
- Attribute values may reach other files only through `url(#id)` and `href="#id"`:
  references inside the same file. Any other function than colours and transforms,
  and any backslash (a CSS escape could spell `url` unseen), is refused.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from xml.sax import SAXException, handler
from xml.sax.xmlreader import AttributesNSImpl, InputSource, Locator

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from soteneg.content import svg_size
from soteneg.core.problems import Problem, problem
from soteneg.core.text import Text, number, say

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
NAMESPACES = {SVG: "SVG", "http://www.w3.org/1999/xhtml": "XHTML", XLINK: "XLink"}
# What Inkscape writes into <metadata>: data that nothing draws or fetches.
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
METADATA_NAMESPACES = frozenset(
    {RDF, "http://purl.org/dc/elements/1.1/", "http://creativecommons.org/ns#"}
)


def _words(names: str) -> frozenset[str]:
    return frozenset(names.split())


# Drawing, text, paint servers, clipping, markers and the simple filters of drop shadows.
# Not here, on purpose: script, style, a, image, foreignObject, iframe, animate, set
# (which can rewrite an href), feImage, switch, view, cursor, font.
ELEMENTS = _words(
    "svg g defs title desc metadata symbol use path rect circle ellipse line polyline "
    "polygon text tspan textPath linearGradient radialGradient stop pattern clipPath mask "
    "marker filter feGaussianBlur feOffset feFlood feComposite feMerge feMergeNode "
    "feColorMatrix feBlend"
)
# Presentation attributes, which are CSS properties too (also allowed in `style`).
PROPERTIES = _words(
    "fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap "
    "stroke-linejoin stroke-miterlimit stroke-dasharray stroke-dashoffset opacity color "
    "display visibility overflow clip-path clip-rule mask filter marker marker-start "
    "marker-mid marker-end stop-color stop-opacity flood-color flood-opacity "
    "color-interpolation color-interpolation-filters paint-order vector-effect "
    "shape-rendering text-rendering image-rendering mix-blend-mode isolation "
    "transform-origin font font-family font-size font-size-adjust font-weight font-style "
    "font-variant font-variant-ligatures font-variant-caps font-variant-numeric "
    "font-variant-east-asian font-feature-settings font-stretch line-height "
    "letter-spacing word-spacing text-anchor text-align text-decoration text-indent "
    "text-transform white-space writing-mode direction unicode-bidi dominant-baseline "
    "alignment-baseline baseline-shift -inkscape-font-specification"
)
# Geometry and structure.
ATTRIBUTES = PROPERTIES | _words(
    "id class lang tabindex role aria-label aria-labelledby aria-describedby aria-hidden "
    "focusable version baseProfile width height viewBox preserveAspectRatio x y x1 y1 x2 "
    "y2 cx cy r rx ry fx fy fr d points pathLength transform dx dy rotate textLength "
    "lengthAdjust startOffset method spacing side offset gradientUnits gradientTransform "
    "spreadMethod patternUnits patternContentUnits patternTransform clipPathUnits "
    "maskUnits maskContentUnits markerUnits markerWidth markerHeight refX refY orient "
    "filterUnits primitiveUnits in in2 result stdDeviation edgeMode operator k1 k2 k3 k4 "
    "mode values type"
)
FREE_TEXT = frozenset({"aria-label"})  # words for people: nothing parses them as CSS
FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla", "matrix", "translate", "scale", "rotate"})
FUNCTIONS |= {"skewx", "skewy"}
FRAGMENT = re.compile(r"#[A-Za-z_][\w.:-]*")
_FUNCTION = re.compile(r"([A-Za-z_-]*)\s*\(\s*(['\"]?)\s*(.?)")
_SCHEME = re.compile(r"(?<![\w+.-])(?:javascript|vbscript|data):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
MAX_FINDINGS = 20
# Elements an SVG may draw, its references expanded (svg_size). WeasyPrint took 2 s to
# print 11,000 and 11 s for 111,000; drawings from charting and drawing programs have a
# few thousand.
MAX_ELEMENTS = 20_000


@dataclass(frozen=True)
class Finding:
    """What is wrong in an SVG, at `line` of the SVG file (0: not known)."""

    line: int
    what: Text


class _Stop(Exception):
    """Raised to end a parse early: `root_attributes` needs only the root element."""


class _Checker(handler.ContentHandler):
    def __init__(self, stop_at_root: bool = False) -> None:
        super().__init__()
        self.findings: list[Finding] = []
        self.root: dict[str, str] | None = None  # the root element's plain attributes
        self.stop_at_root = stop_at_root
        self.drawing = svg_size.Drawing()
        self._where: Locator | None = None
        self._metadata_depth: list[bool] = []  # per open element: inside <metadata>?

    def setDocumentLocator(self, locator: Locator) -> None:
        self._where = locator

    def line(self) -> int:
        return self._where.getLineNumber() if self._where else 0

    def add(self, what: Text) -> None:
        if len(self.findings) < MAX_FINDINGS:
            self.findings.append(Finding(self.line(), what))

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl
    ) -> None:
        uri, local = name
        in_metadata = bool(self._metadata_depth) and self._metadata_depth[-1]
        if self.root is None:
            self.root = {n: v for (ns, n), v in attrs.items() if ns is None}
            if self.stop_at_root:
                raise _Stop
        hrefs = [attrs.get((None, "href")), attrs.get((XLINK, "href"))]
        refs = svg_size.references(hrefs, list(attrs.values()))
        self.drawing.start(self.line(), local, attrs.get((None, "id")), refs)
        if len(self.drawing.lines) == 1 and (uri, local) != (SVG, "svg"):
            self.add(say("@svg-root", element=_element(uri, local), namespace=SVG))
            self._metadata_depth.append(False)
            return
        if in_metadata and uri in METADATA_NAMESPACES:
            for (ns, attr), _value in attrs.items():
                if ns != RDF or attr not in ("about", "resource"):
                    self.add(say("@svg-metadata-attribute", attribute=_name(ns, attr)))
        elif uri != SVG or local not in ELEMENTS:
            self.add(say("@svg-element", element=_element(uri, local)))
        else:
            for key, value in attrs.items():
                self._attribute(local, key, value)
        self._metadata_depth.append(in_metadata or (uri, local) == (SVG, "metadata"))

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        self._metadata_depth.pop()
        self.drawing.end()

    def _attribute(self, element: str, key: tuple[str | None, str], value: str) -> None:
        ns, attr = key
        where = {"attribute": _name(ns, attr), "element": element}
        if ns is None and attr.lower().startswith("on"):
            self.add(say("@svg-event-handler", **where))
        elif (ns, attr) in ((None, "href"), (XLINK, "href")):
            if not FRAGMENT.fullmatch(value.strip()):
                self.add(say("@svg-href-outside", **where, value=_short(value)))
        elif ns == XML and attr in ("space", "lang"):
            pass
        elif ns is not None or attr not in ATTRIBUTES | {"style"}:
            self.add(say("@svg-attribute", **where))
        else:
            wrong = _style_problem(value) if attr == "style" else _value_problem(attr, value)
            if wrong:
                self.add(say("@svg-attribute-value", **where, problem=wrong))

    def processingInstruction(self, target: str, data: str) -> None:
        # <?xml-stylesheet?> can bring in XSLT, which can run scripts.
        self.add(say("@svg-processing-instruction", target=target))


def _element(uri: str | None, local: str) -> Text:
    if uri is None:
        return say("@svg-in-no-namespace", name=local)
    return say("@svg-in-namespace", name=local, namespace=NAMESPACES.get(uri, repr(uri)))


def _name(ns: str | None, attr: str) -> str:
    # expat does not report the prefix written; the usual ones are these.
    prefix = {None: "", XLINK: "xlink:", XML: "xml:", RDF: "rdf:"}.get(ns, f"{{{ns}}}")
    return prefix + attr


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def _value_problem(attr: str, value: str) -> Text | None:
    """Why a value could reach outside the image or run something; None if it cannot."""
    if _SCHEME.search(_INVISIBLE.sub("", value).lower()):
        return say("@svg-value-address", value=_short(value))
    if attr in FREE_TEXT:
        return None
    if "\\" in value:
        return say("@svg-value-backslash")
    for function, _quote, first in _FUNCTION.findall(value):
        name = function.lower()
        if name == "url" and first != "#":
            return say("@svg-value-url", value=_short(value))
        if name not in FUNCTIONS | {"url", ""}:
            return say("@svg-value-function", name=name)
    return None


def _style_problem(style: str) -> Text | None:
    for declaration in style.split(";"):
        if not declaration.strip():
            continue
        prop, colon, value = declaration.partition(":")
        prop = prop.strip().lower()
        if not colon or prop not in PROPERTIES:
            return say("@svg-style-property", property=_short(prop))
        wrong = _value_problem(prop, value)
        if wrong:
            return say("@svg-style-value", property=prop, problem=wrong)
    return None


def _parse(data: bytes, checker: _Checker) -> Finding | None:
    """Feed `data` to a hardened parser; a finding if it is not well-formed or refused."""
    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setFeature(handler.feature_namespaces, True)
    parser.setFeature(handler.feature_external_ges, False)
    parser.setContentHandler(checker)
    source = InputSource()
    source.setByteStream(io.BytesIO(data))  # bytes: expat reads the declared encoding
    try:
        parser.parse(source)
    except _Stop:
        return None
    except DefusedXmlException:  # DTDForbidden: the DOCTYPE comes before any entity
        return Finding(parser.getLineNumber(), say("@svg-doctype"))
    except SAXException as err:
        return Finding(_line(err), _not_xml(err.getMessage()))
    except (ValueError, LookupError) as err:  # an encoding expat cannot decode
        return Finding(parser.getLineNumber(), say("@svg-not-xml-detail", detail=str(err)))
    return None


def _not_xml(reason: str) -> Text:
    """Expat's reason in every language: those a damaged or hand-edited file meets are
    in the catalogue, any other is quoted as expat says it."""
    known = _EXPAT_REASONS.get(reason)
    if known is None:
        return say("@svg-not-xml-detail", detail=reason)
    return say("@svg-not-xml", reason=known)


# xml.parsers.expat.ErrorString of the errors a file can cause (the rest are misuse of
# the parser, or DTD features refused before expat meets them).
_EXPAT_REASONS: dict[str, Text] = {
    "syntax error": say("@xml-syntax-error"),
    "no element found": say("@xml-no-element"),
    "not well-formed (invalid token)": say("@xml-invalid-token"),
    "unclosed token": say("@xml-unclosed-token"),
    "partial character": say("@xml-partial-character"),
    "mismatched tag": say("@xml-mismatched-tag"),
    "duplicate attribute": say("@xml-duplicate-attribute"),
    "junk after document element": say("@xml-junk-after-root"),
    "undefined entity": say("@xml-undefined-entity"),
    "reference to invalid character number": say("@xml-invalid-character-number"),
    "XML or text declaration not at start of entity": say("@xml-misplaced-declaration"),
    "unknown encoding": say("@xml-unknown-encoding"),
    "encoding specified in XML declaration is incorrect": say("@xml-wrong-encoding"),
    "unclosed CDATA section": say("@xml-unclosed-cdata"),
    "unbound prefix": say("@xml-unbound-prefix"),
    "XML declaration not well-formed": say("@xml-bad-declaration"),
}


def _line(err: SAXException) -> int:
    get = getattr(err, "getLineNumber", None)
    return int(get()) if get else 0


# Encodings in which browsers and expat read the same characters. Under another one
# (EBCDIC, say) the bytes could be a harmless drawing to expat and a script to a
# browser that reads them otherwise, as it may when the server names a charset.
ENCODINGS = frozenset({"utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "us-ascii", "ascii"})
ENCODINGS |= {"iso-8859-1", "latin1", "iso-8859-15", "windows-1252"}
_UNICODE = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_UNICODE += ((b"<\0?\0", "utf-16-le"), (b"\0<\0?", "utf-16-be"))
_DECLARED = re.compile(r"\ufeff?<\?xml[^>]*?\sencoding\s*=\s*[\"']([^\"']*)")


def _declared_encoding(data: bytes) -> str | None:
    """The encoding the XML declaration names, read as expat reads it (a byte order
    mark or the first bytes tell UTF-16 apart); None without one."""
    head = data[:400]
    codec = next((c for start, c in _UNICODE if head.startswith(start)), "latin-1")
    found = _DECLARED.match(head.decode(codec, "ignore"))
    return found.group(1) if found else None


Inspected = tuple[list[Finding], svg_size.Over | None]


def inspect(data: bytes, limit: int = MAX_ELEMENTS) -> Inspected:
    """What makes `data` unsafe to publish (the first MAX_FINDINGS), and where it draws
    more than `limit` elements (svg_size); ([], None) for a safe SVG."""
    encoding = _declared_encoding(data)
    if encoding is not None and encoding.lower() not in ENCODINGS:
        return [Finding(1, say("@svg-encoding", encoding=_short(encoding)))], None
    checker = _Checker()
    broken = _parse(data, checker)
    if broken is not None:  # the drawing is not all there
        return [*checker.findings, broken], None
    return checker.findings, checker.drawing.over(limit)


def root_attributes(data: bytes) -> dict[str, str]:
    """The root element's plain attributes ({} when there is none), read by the same
    hardened parser as `inspect`, which stops at the root (svg_dimensions sizes by them)."""
    checker = _Checker(stop_at_root=True)
    _parse(data, checker)
    return checker.root or {}


def problems(file: str, at: tuple[int, int], written: str, inspected: Inspected) -> list[Problem]:
    """The problems of the reference at `at` to an SVG `inspect` found `inspected` in:
    `unsafe-svg` if the SVG is unsafe, `svg-too-large` if it draws too much."""
    findings, over = inspected
    found = [_unsafe(file, at, written, findings)] if findings else []
    if over is not None:
        found.append(_too_large(file, at, written, over))
    return found


def _unsafe(file: str, at: tuple[int, int], written: str, findings: list[Finding]) -> Problem:
    first, more = findings[0], len(findings) - 1
    also: Text | str = ""  # " (and 3 more)"
    if more:
        at_least = len(findings) >= MAX_FINDINGS
        also = say("@svg-more-at-least", count=more) if at_least else say("@svg-more", count=more)
    if first.line:
        return problem(
            file, at, "unsafe-svg", file=written, line=first.line, finding=first.what, more=also
        )
    return problem(
        file,
        at,
        "unsafe-svg.unplaced",
        file=written,
        finding=first.what,
        more=also,
        hint=say("unsafe-svg:hint"),
    )


def _too_large(file: str, at: tuple[int, int], written: str, over: svg_size.Over) -> Problem:
    where = {"file": written, "line": over.line, "element": over.element}
    if over.cycle is not None:
        hint = say("svg-too-large:hint")
        return problem(file, at, "svg-too-large.cycle", **where, id=over.cycle, hint=hint)
    count = number(over.count)
    if over.count >= svg_size.CAP:
        count = say("@svg-count-over", count=count)
    return problem(file, at, "svg-too-large", **where, count=count, limit=number(MAX_ELEMENTS))
