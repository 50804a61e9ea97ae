"""Hostile files in an editor's commit, through `soteneg check` and `soteneg build`: an
SVG that would run a script when opened from /liitteet/, and attached PDFs that would
crash the printing of packets. Each is a located problem, never a traceback; safe files
still pass and are published. The files are made here, in a few bytes each."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable
from pathlib import Path

import brotli  # in the lock through fonttools; makes the real thing, not just the name
import pytest
from conftest import MINIMAL, run_cli
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject, NumberObject
from test_site import build, project

from soteneg.content import attachment_pdf, svg

DOC = "content/kierrokset/2018-syksy/uusimaa.md"
FOLDER = "content/kierrokset/2018-syksy/liitteet"
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


def _project(tmp_path: Path, name: str, data: bytes, how: str) -> tuple[Path, int, int]:
    """The minimal project with `data` saved as liitteet/<name> and referred to from
    uusimaa.md as an attachment in front matter ("attachment"), an image ("image") or a
    link ("link"). Returns the root and the line and column of the reference."""
    root = project(tmp_path, MINIMAL)
    (root / FOLDER).mkdir()
    (root / FOLDER / name).write_bytes(data)
    doc = root / DOC
    text = doc.read_text()
    if how == "attachment":
        entry = f"attachments:\n  - file: liitteet/{name}\n    title: Liite\n"
        text = text.replace("example: true\n", "example: true\n" + entry)
        line = text.splitlines().index(f"  - file: liitteet/{name}") + 1
        column = len("  - file: ") + 1
    else:
        reference = (
            f"![Kaavio](liitteet/{name})" if how == "image" else f"[Kaavio](liitteet/{name})"
        )
        text = text.rstrip("\n") + "\n\n" + reference + "\n"
        line = len(text.splitlines())
        column = reference.index("(") + 2
    doc.write_text(text)
    return root, line, column


def _problem_line(output: str, line: int, column: int, code: str) -> str:
    found = re.findall(rf"^{re.escape(DOC)}:{line}:{column}: error\[{code}\]: .*$", output, re.M)
    assert found, output
    return found[0]


def _refused(root: Path, line: int, column: int, code: str) -> str:
    result = run_cli("check", "--no-pdf", "--root", root)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout
    return _problem_line(result.stdout, line, column, code)


# --- SVG ---------------------------------------------------------------------------------

HOSTILE_SVGS: dict[str, tuple[bytes, str]] = {
    # The three that passed the byte pattern that was here before, and ran in Chromium.
    "prefixed-svg-script": (
        f'<svg {SVG_NS} width="10" height="10"><x:script xmlns:x="http://www.w3.org/2000/svg">'
        "alert(1)</x:script></svg>".encode(),
        "line 1: element <script> (SVG namespace) is not allowed",
    ),
    "xhtml-script": (
        f'<svg {SVG_NS} width="10" height="10"><h:script xmlns:h="http://www.w3.org/1999/xhtml">'
        "alert(1)</h:script></svg>".encode(),
        "line 1: element <script> (XHTML namespace) is not allowed",
    ),
    "utf-16-script": (
        f'<?xml version="1.0" encoding="UTF-16"?>\n<svg {SVG_NS}>\n<script>alert(1)</script>'
        "</svg>".encode("utf-16"),
        "line 3: element <script> (SVG namespace) is not allowed",
    ),
    "utf-16be-event-handler": (
        b"\xfe\xff" + f'<svg {SVG_NS} onload="alert(1)"/>'.encode("utf-16-be"),
        "line 1: attribute 'onload' on <svg> is an event handler",
    ),
    "entities": (
        b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<svg ' + SVG_NS.encode() + b">&b;</svg>",
        "line 2: it has a DOCTYPE",
    ),
    "xslt-stylesheet": (
        b'<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n<svg ' + SVG_NS.encode() + b"/>",
        "line 1: processing instruction <?xml-stylesheet?> is not allowed",
    ),
    "foreign-object": (
        f'<svg {SVG_NS}>\n<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
        "</foreignObject></svg>".encode(),
        "line 2: element <foreignObject> (SVG namespace) is not allowed (and 1 more)",
    ),
    "script-inside-metadata": (
        f'<svg {SVG_NS}><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        "<script>alert(1)</script></rdf:RDF></metadata></svg>".encode(),
        "line 1: element <script> (SVG namespace) is not allowed",
    ),
    "animation-rewriting-a-link": (
        f'<svg {SVG_NS}><a><set attributeName="href" to="javascript:alert(1)"/>'
        "<text>x</text></a></svg>".encode(),
        "line 1: element <a> (SVG namespace) is not allowed (and 1 more)",
    ),
    "use-of-another-file": (
        f'<svg {SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<use xlink:href="https://example.org/x.svg#a"/></svg>'.encode(),
        "line 1: attribute 'xlink:href' on <use> points outside the image",
    ),
    "paint-from-another-site": (
        f'<svg {SVG_NS}><rect fill="url(https://example.org/p.svg#g)"/></svg>'.encode(),
        "line 1: attribute 'fill' on <rect> holds url() that points outside the image",
    ),
    "escaped-url-in-style": (
        f'<svg {SVG_NS}><rect style="fill:u\\72l(https://example.org/x)"/></svg>'.encode(),
        "line 1: attribute 'style' on <rect> (fill) holds a backslash (a CSS escape)",
    ),
    "style-element": (
        f"<svg {SVG_NS}><style>@import url(https://example.org/x.css);</style></svg>".encode(),
        "line 1: element <style> (SVG namespace) is not allowed",
    ),
    "not-svg-at-all": (
        b'<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
        "line 1: the root element is <html> (XHTML namespace)",
    ),
    "ebcdic": (
        b'<?xml version="1.0" encoding="cp037"?>' + f"<svg {SVG_NS}/>".encode("cp037"),
        "line 1: it is written in the encoding 'cp037'; use UTF-8",
    ),
    "utf-32": (
        f"<svg {SVG_NS}><script>alert(1)</script></svg>".encode("utf-32"),
        "line 1: it cannot be read as XML",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SVGS))
def test_a_hostile_svg_image_is_a_located_problem(name: str, tmp_path: Path) -> None:
    data, message = HOSTILE_SVGS[name]
    root, line, column = _project(tmp_path, "kaavio.svg", data, "image")
    found = _refused(root, line, column, "unsafe-svg")
    assert f"'liitteet/kaavio.svg' {message}" in found


@pytest.mark.parametrize("how", ["attachment", "link"])
def test_a_hostile_svg_attached_or_linked_is_refused_too(how: str, tmp_path: Path) -> None:
    data, message = HOSTILE_SVGS["prefixed-svg-script"]
    root, line, column = _project(tmp_path, "kaavio.svg", data, how)
    assert message in _refused(root, line, column, "unsafe-svg")


SAFE_SVG = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg {SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
     xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"
     width="320" height="160" viewBox="0 0 320 160" version="1.1" role="img"
     aria-labelledby="otsikko">
  <title id="otsikko">Jonotusajat (2018)</title>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>
    <cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/>
  </cc:Work></rdf:RDF></metadata>
  <defs>
    <linearGradient id="liuku"><stop offset="0" stop-color="#036"/>
      <stop offset="1" style="stop-color:rgb(0,51,102);stop-opacity:0.5"/></linearGradient>
    <path id="palkki" d="M0 0h10v40h-10z"/>
  </defs>
  <g transform="translate(10,10) rotate(0)">
    <rect width="100" height="50" fill="url(#liuku)" style="stroke:#000;stroke-width:2"/>
    <use xlink:href="#palkki" x="120"/><use href="#palkki" x="140"/>
    <text x="5" y="140" font-family="'Noto Sans'" xml:space="preserve">Jonot
      <tspan font-weight="bold">ä 2018</tspan></text>
  </g>
</svg>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_safe_svg_passes_and_is_published_with_its_size(encoding: str, tmp_path: Path) -> None:
    data = SAFE_SVG.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"').encode(encoding)
    root, _, _ = _project(tmp_path, "kaavio.svg", data, "image")
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout
    published = [p for p in (out / "liitteet").iterdir() if p.suffix == ".svg"]
    assert [p.read_bytes() for p in published] == [data]
    page = (out / "kierrokset/2018-syksy/uusimaa/index.html").read_text()
    assert re.search(
        r'<img src="[^"]*kaavio\.[0-9a-f]+\.svg" alt="Kaavio" [^>]*'
        r'width="320" height="160"',
        page,
    ), page


# --- PDF ---------------------------------------------------------------------------------


def _pdf(pages: int = 1, edit: Callable[[PdfWriter], None] | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if edit:
        edit(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _box(page: PageObject, name: str, *values: int | str) -> None:
    page[NameObject(name)] = ArrayObject(
        NameObject(v) if isinstance(v, str) else NumberObject(v) for v in values
    )


def _contents(page: PageObject, data: bytes, pdf_filter: str) -> None:
    stream = DecodedStreamObject()
    stream.set_data(data)  # written as it is, under the name of a filter
    stream[NameObject("/Filter")] = NameObject(pdf_filter)
    page.replace_contents(stream)  # type: ignore[arg-type]


def _aes_256(data: bytes) -> bytes:
    """What `writer.encrypt(algorithm="AES-256")` writes, without the `cryptography`
    package pypdf needs for it (not a dependency): an AES-256 (V5, R6) encryption
    dictionary in the trailer. The trailer follows the cross-reference table, so no
    offset moves."""
    entry = (
        b"/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /P -4"
        b" /CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >>"
        b" /StmF /StdCF /StrF /StdCF"
        b" /O <" + b"11" * 48 + b"> /U <" + b"22" * 48 + b">"
        b" /OE <" + b"33" * 32 + b"> /UE <" + b"44" * 32 + b"> /Perms <" + b"55" * 16 + b"> >>"
    )
    assert data.count(b"trailer\n<<") == 1
    return data.replace(b"trailer\n<<", b"trailer\n<<\n" + entry)


def _bomb() -> bytes:
    """80 MB of spaces in 78 kB of Flate: past pypdf's limit of 75 MB per stream."""
    flate = zlib.compressobj(9)
    return b"".join([*(flate.compress(b" " * 1_000_000) for _ in range(80)), flate.flush()])


def _rc4(writer: PdfWriter) -> None:
    writer.encrypt("", "omistaja", algorithm="RC4-128")  # pure Python in pypdf


HOSTILE_PDFS: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "zero-width-mediabox": (
        lambda: _pdf(3, lambda w: _box(w.pages[2], "/MediaBox", 0, 0, 0, 842)),
        "attachment-unreadable",
        "page 3 has a MediaBox of zero width",
    ),
    "cropbox-of-a-name": (
        lambda: _pdf(1, lambda w: _box(w.pages[0], "/CropBox", 0, 0, "/Wide", 842)),
        "attachment-unreadable",
        "page 1 has a CropBox that is not four numbers",
    ),
    "rotate-by-a-name": (
        lambda: _pdf(1, lambda w: w.pages[0].__setitem__(NameObject("/Rotate"), NameObject("/X"))),
        "attachment-unreadable",
        "page 1 has /Rotate /X: a page turns only by multiples of 90 degrees",
    ),
    "brotli-contents": (
        lambda: _pdf(
            1, lambda w: _contents(w.pages[0], brotli.compress(b"0 0 m 9 9 l S"), "/BrotliDecode")
        ),
        "attachment-unreadable",
        "page 1 uses the Brotli filter, which cannot be read",
    ),
    "unknown-filter": (
        lambda: _pdf(2, lambda w: _contents(w.pages[1], b"0 0 m", "/MadeUpDecode")),
        "attachment-unreadable",
        "page 2 uses the filter /MadeUpDecode, which cannot be read",
    ),
    "damaged-flate": (
        lambda: _pdf(1, lambda w: _contents(w.pages[0], b"not zlib at all" * 100, "/FlateDecode")),
        "attachment-unreadable",
        "page 1 has damaged compressed contents",
    ),
    "aes-256-encrypted": (
        lambda: _aes_256(_pdf(1)),
        "attachment-encrypted",
        "is encrypted: encrypted PDFs cannot be drawn into a packet; attach the unencrypted file",
    ),
    "rc4-encrypted-without-user-password": (
        lambda: _pdf(1, _rc4),
        "attachment-encrypted",
        "is encrypted",
    ),
    "truncated": (
        lambda: _pdf(1)[:200],
        "attachment-unreadable",
        "cannot be read as a PDF",
    ),
    "decompression-bomb": (
        lambda: _pdf(1, lambda w: _contents(w.pages[0], _bomb(), "/FlateDecode")),
        "attachment-unreadable",
        "page 1 has contents that cannot be decoded (LimitReachedError",
    ),
    # Contents are decoded on the first pages only, to keep check fast; the boxes of every
    # page are checked, as every page is drawn.
    "zero-height-on-page-80": (
        lambda: _pdf(80, lambda w: _box(w.pages[79], "/MediaBox", 0, 0, 595, 0)),
        "attachment-unreadable",
        "page 80 has a MediaBox of zero height",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PDFS))
def test_a_hostile_attached_pdf_is_a_located_problem(name: str, tmp_path: Path) -> None:
    make, code, message = HOSTILE_PDFS[name]
    root, line, column = _project(tmp_path, "liite.pdf", make(), "attachment")
    assert f"error[{code}]: 'liitteet/liite.pdf' {message}" in _refused(root, line, column, code)


@pytest.mark.parametrize("name", ["zero-width-mediabox", "rotate-by-a-name", "aes-256-encrypted"])
def test_building_packets_stops_at_the_problem_not_in_a_traceback(
    name: str, tmp_path: Path
) -> None:
    """These three crashed `soteneg build` while printing packets."""
    make, code, _ = HOSTILE_PDFS[name]
    root, line, column = _project(tmp_path, "liite.pdf", make(), "attachment")
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout
    _problem_line(result.stdout, line, column, code)
    assert not out.exists()


def test_a_normal_pdf_passes_is_published_and_drawn_into_the_packet(tmp_path: Path) -> None:
    def draw(writer: PdfWriter) -> None:
        first, second = writer.pages
        stream = DecodedStreamObject()
        stream.set_data(b"0 0 m 500 700 l S")
        first.replace_contents(stream)  # type: ignore[arg-type]
        first.compress_content_streams()  # Flate, as every PDF writer does
        _box(second, "/CropBox", 10, 10, 585, 832)
        second.rotate(90)

    data = _pdf(2, draw)
    root, _, _ = _project(tmp_path, "liite.pdf", data, "attachment")
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert result.returncode == 0, result.stdout
    assert [p.read_bytes() for p in (out / "liitteet").iterdir()] == [data]
    packet = PdfReader(out / "pdf/2018-syksy/uusimaa.pdf")
    assert any("Liite" in page.extract_text() for page in packet.pages)


def test_a_bomb_past_the_pages_check_decodes_fails_the_packet_not_the_build(
    tmp_path: Path,
) -> None:
    """`check` decodes the contents of the first pages only; what is past them is caught
    while printing (soteneg/packets/pdf.py) and reported, without a traceback."""
    pages = attachment_pdf.PDF_PAGES_DECODED + 1
    data = _pdf(pages, lambda w: _contents(w.pages[-1], _bomb(), "/FlateDecode"))
    root, _, _ = _project(tmp_path, "liite.pdf", data, "attachment")
    assert run_cli("check", "--root", root).returncode == 0
    result = build(root, tmp_path / "out", pdf=True)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout
    assert re.search(
        rf"^{re.escape(DOC)}: error\[attachment-unreadable\]: .*uusimaa\.pdf: an attached PDF "
        "cannot be read: Limit reached while decompressing",
        result.stdout,
        re.M,
    ), result.stdout


# --- SVG: what it draws -----------------------------------------------------------------


def _nested_uses(levels: int = 6, fan: int = 10) -> bytes:
    """`fan` rects in a group, then `levels - 1` groups of `fan` uses of the group before,
    all in <defs>, and one use of the last: fan ** levels rects from a few hundred bytes
    of allowed elements. The last use stands on line levels + 2."""
    lines = [f'<svg {SVG_NS} width="100" height="100"><defs>']
    lines.append('<g id="a0">' + '<rect width="1" height="1"/>' * fan + "</g>")
    lines += [
        f'<g id="a{k}">' + f'<use href="#a{k - 1}"/>' * fan + "</g>" for k in range(1, levels)
    ]
    lines.append(f'</defs><use href="#a{levels - 1}"/></svg>')
    return "\n".join(lines).encode()


@pytest.mark.parametrize("how", ["image", "attachment", "link"])
def test_an_svg_of_nested_uses_is_refused_within_seconds(how: str, tmp_path: Path) -> None:
    """The attack: 1.2 KB of allowed <g> and <use> that draw 10⁶ rects hung a build past
    240 s at 3.2 GB (and hangs a reader's browser). Counted as drawn, it is a located
    problem at the reference, naming the line of the use that goes over, the count and
    the limit. The timeout only guards against a hang (bench/hostile.py times it)."""
    data = _nested_uses()
    assert len(data) < 1400
    root, line, column = _project(tmp_path, "kaavio.svg", data, how)
    result = run_cli("check", "--no-pdf", "--root", root, timeout=60)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout
    found = _problem_line(result.stdout, line, column, "svg-too-large")
    # 69 elements written, and the use on line 8 draws 1,222,221 more: the group a0 is
    # 11, and each group after it one more than ten copies of the one before, each copy
    # a use and what that draws.
    assert (
        "'liitteet/kaavio.svg' line 8: with its <use> references expanded the drawing has "
        "1,222,290 elements, and this <use> takes it over the limit of 20,000; a browser "
        "or the printer would spend minutes and gigabytes drawing it"
    ) in found, found


def test_the_nested_uses_stop_a_build_before_anything_is_printed(tmp_path: Path) -> None:
    root, line, column = _project(tmp_path, "kaavio.svg", _nested_uses(), "image")
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout
    _problem_line(result.stdout, line, column, "svg-too-large")
    assert not out.exists()


CYCLES: dict[str, tuple[str, str]] = {
    "itself": ('<use id="a" href="#a"/>', "<use> refers to #a"),
    "its group": ('<g id="a">\n<use href="#a"/></g>', "line 3: <use> refers to #a"),
    "each other": (
        '<g id="a"><use href="#b"/></g>\n<g id="b"><g><use href="#a"/></g></g>',
        "line 2: <use> refers to #b",
    ),
    "a gradient chain": (
        '<linearGradient id="a" href="#b"/>\n<linearGradient id="b" href="#a"/>',
        "<linearGradient> refers to #",
    ),
    "through a clip path": (
        '<clipPath id="c"><use href="#g"/></clipPath>\n<g id="g" clip-path="url(#c)"><rect/></g>',
        "refers to #",
    ),
}


@pytest.mark.parametrize("name", sorted(CYCLES))
def test_a_reference_that_repeats_itself_is_refused(name: str, tmp_path: Path) -> None:
    body, message = CYCLES[name]
    data = f"<svg {SVG_NS}>\n{body}\n</svg>".encode()
    root, line, column = _project(tmp_path, "kaavio.svg", data, "image")
    found = _refused(root, line, column, "svg-too-large")
    assert message in found and "which holds it" in found, found


def _drawing(uses: int) -> bytes:
    """A group of 100 elements (itself and 99 rects) drawn `uses` times: 102 elements
    written (with <svg> and <defs>), and 101 more for each use."""
    group = '<g id="a">' + "<rect/>" * 99 + "</g>"
    use = '<use href="#a"/>'
    return f"<svg {SVG_NS}><defs>{group}</defs>{use * uses}</svg>".encode()


def test_a_drawing_at_the_limit_passes_and_one_element_more_fails() -> None:
    assert svg.MAX_ELEMENTS == 20_000
    # 102 + 101 * 197 = 19,999 elements; a rect more makes 20,000, a use more 20,100.
    assert svg.inspect(_drawing(197)) == ([], None)
    assert svg.inspect(_drawing(197).replace(b"</svg>", b"<rect/></svg>")) == ([], None)
    findings, over = svg.inspect(_drawing(198))
    assert findings == [] and over is not None
    assert (over.line, over.element, over.count, over.cycle) == (1, "use", 20_100, None)


def test_what_templates_hold_counts_once_unless_used() -> None:
    """A symbol nobody uses counts once, as written; each use draws it again."""
    symbol = '<symbol id="s">' + "<rect/>" * 500 + "</symbol>"
    unused = f"<svg {SVG_NS}><defs>{symbol * 30}</defs></svg>".encode()  # 15,032 written
    assert svg.inspect(unused, 15_032) == ([], None)
    assert svg.inspect(unused, 15_031)[1] is not None
    used = unused.replace(b"</svg>", b'<use href="#s"/></svg>')  # the first of an id
    over = svg.inspect(used, 15_533)[1]
    assert over is not None and over.count == 15_032 + 1 + 501


def test_an_svg_named_again_and_again_is_read_once(tmp_path: Path) -> None:
    """An SVG of 8,000 rects takes about half a second to check; named 200 times from one
    document it took minutes when each reference read it again. The timeout only
    guards against that."""
    rects = '<rect width="1" height="1"/>' * 8000
    data = f"<svg {SVG_NS}>{rects}</svg>".encode()
    root, _, _ = _project(tmp_path, "kaavio.svg", data, "image")
    doc = root / DOC
    doc.write_text(doc.read_text() + "\n![Kaavio](liitteet/kaavio.svg)\n" * 199)
    result = run_cli("check", "--no-pdf", "--root", root, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
