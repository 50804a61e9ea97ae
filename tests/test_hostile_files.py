"""Hostile files in an editor's commit, through `soteneg check` and `soteneg build`: an
SVG that would run a script when opened from /liitteet/, and attached PDFs that would
crash the printing of packets. Each is a located problem, never a traceback; safe files
still pass and are published. The files are made here, in a few bytes each."""

from __future__ import annotations

import hashlib
import io
import re
import zlib
from collections.abc import Callable
from pathlib import Path

import brotli  # in the lock through fonttools; makes the real thing, not just the name
import pytest
from conftest import MINIMAL, run_cli
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)
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


# --- Types that are never published --------------------------------------------------------

# The types the issue names, and more that browsers open as pages or run.
# fmt: off
ACTIVE_TYPES = [
    "html", "htm", "shtml", "xhtml", "xht", "xml", "xsl", "xslt", "svgz", "js", "mjs", "cjs",
    "wasm", "mht", "mhtml", "hta", "swf", "rss", "atom", "rdf", "xul", "mml", "htc", "php",
    "asp", "aspx", "jsp", "exe", "bat", "ps1", "jar",
    # A second review: XML a host serves as application/xml, and JavaScript by other names.
    "xsd", "rng", "es", "ecma",
]
# What common hosts serve as a type a browser renders as a document (HTML, and XML that
# Chromium, WebKit or Firefox shows) or runs as a script: every extension mime-db 1.54.0
# (GitHub Pages, Netlify), Debian's /etc/mime.types (nginx, Apache) and Python's
# mimetypes (`python -m http.server`) give those types. file_types.py says which types.
SERVED_AS_ACTIVE = {
    "mime-db": "html htm shtml xhtml xht xml xsl xsd rng atom rss xslt mathml rdf owl xul"
    " js mjs ecma",
    "/etc/mime.types": "html htm shtml xhtml xhtm xht xml atom rss xsl xslt mml rdf xul es js mjs",
    "mimetypes": "htm html js mjs rdf wsdl xml xpdl xsl",
}
# fmt: on


def _allow(root: Path, types: str) -> int:
    """site.yaml allows `types` (the lines of a YAML list); returns the line of
    `allowed:`."""
    config = root / "site.yaml"
    text = config.read_text().rstrip("\n") + f"\nattachments:\n  allowed:\n{types}"
    config.write_text(text + "\n")
    return len(config.read_text().splitlines()) - types.count("\n")


def test_the_types_named_in_the_issue_are_never_published() -> None:
    from soteneg.content.file_types import NEVER_PUBLISHED

    assert set(ACTIVE_TYPES) <= set(NEVER_PUBLISHED)
    # The types an editor attaches every day stay allowed.
    for ext in ("pdf", "xlsx", "docx", "pptx", "odt", "ods", "odp", "csv", "png", "jpg"):
        assert ext not in NEVER_PUBLISHED


@pytest.mark.parametrize("source", sorted(SERVED_AS_ACTIVE))
def test_every_extension_a_host_serves_as_a_page_or_a_script_is_never_published(
    source: str,
) -> None:
    """`xsd` and `rng` are application/xml in mime-db, so GitHub Pages serves them as
    XML and Chromium runs an XHTML-namespace script in them; `es` is text/javascript in
    Debian's mime.types, `ecma` application/ecmascript in mime-db."""
    from soteneg.content.file_types import NEVER_PUBLISHED

    missing = set(SERVED_AS_ACTIVE[source].split()) - set(NEVER_PUBLISHED)
    assert not missing, f"{source}: {sorted(missing)}"


@pytest.mark.parametrize(
    "ext", ["html", "xhtml", "svgz", "xml", "xsd", "rng", "mjs", "es", "ecma", "php", "exe"]
)
def test_allowing_an_active_type_in_site_yaml_is_a_config_problem_at_its_line(
    ext: str, tmp_path: Path
) -> None:
    root = project(tmp_path, MINIMAL)
    line = _allow(root, f"    - pdf\n    - {ext}\n    - csv") + 1
    result = run_cli("check", "--root", root)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 2, result.stdout
    found = re.findall(rf"^site\.yaml:{line}:7: error\[invalid-value\]: .*$", result.stdout, re.M)
    assert found, result.stdout
    assert f"'attachments.allowed[1]': '{ext}' cannot be allowed: " in found[0]
    assert "never published as attachments" in found[0]
    assert "docs/security.md" in found[0]


def test_every_type_that_fits_site_yaml_is_refused_there() -> None:
    from pydantic import ValidationError

    from soteneg.content.config import AttachmentPolicy
    from soteneg.content.file_types import NEVER_PUBLISHED

    listable = [ext for ext in NEVER_PUBLISHED if re.fullmatch(r"[a-z0-9]{2,5}", ext)]
    with pytest.raises(ValidationError) as raised:
        AttachmentPolicy(allowed=listable)
    refused = {e["loc"][-1] for e in raised.value.errors()}
    assert refused == set(range(len(listable)))
    assert {e["type"] for e in raised.value.errors()} == {"invalid-value.never-published"}


@pytest.mark.parametrize("how", ["attachment", "link", "image"])
@pytest.mark.parametrize(
    "name",
    [
        *("sivu.html", "sivu.XHTML", "kuva.svgz", "skripti.mjs"),
        *("skeema.xsd", "malli.rng", "apu.es", "apu.ecma"),
    ],
)
def test_a_document_that_links_or_embeds_an_active_type_is_refused(
    name: str, how: str, tmp_path: Path
) -> None:
    # Past the first 1,445 bytes a browser sniffs, but an XML parser skips whitespace.
    data = (
        b" " * 2000 + b'<x xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></x>'
    )
    root, line, column = _project(tmp_path, name, data, how)
    found = _refused(root, line, column, "file-type")
    ext = name.rsplit(".", 1)[1].lower()
    assert f"'liitteet/{name}': '.{ext}' files are never published as attachments" in found
    assert "whatever site.yaml allows" in found
    out = tmp_path / "out"
    assert build(root, out).returncode == 1
    assert not out.exists()


def test_the_reason_names_the_danger_of_each_kind(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    (root / FOLDER).mkdir()
    doc = root / DOC
    names = ["sivu.xml", "lomake.php", "asennus.exe"]
    for name in names:
        (root / FOLDER / name).write_bytes(b"x")
    links = " ".join(f"[{n}](liitteet/{n})" for n in names)
    doc.write_text(doc.read_text().rstrip("\n") + "\n\n" + links + "\n")
    result = run_cli("check", "--no-pdf", "--root", root)
    assert result.returncode == 1, result.stdout
    assert "a browser opens such a file as a web page and runs its scripts" in result.stdout
    assert "a web server may run such a file as a program" in result.stdout
    assert "it can run a program on the reader's computer" in result.stdout


MARKUP = {
    "html": (b"<html><body><script>alert(1)</script>", "<html"),
    "doctype-after-bom-and-spaces": (
        b"\xef\xbb\xbf \r\n\t<!DOCTYPE html><script>alert(1)</script>",
        "<!DOCTYPE",
    ),
    "xml-declaration": (
        b'<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml"/>',
        "<?xml",
    ),
    "comment": (b"<!-- --><script>alert(1)</script>", "<!--"),
    "uppercase-script": (b"\n<SCRIPT>alert(1)</SCRIPT>", "<SCRIPT"),
    # Chromium skips a vertical tab before it sniffs; so is every control character here.
    "vertical-tab": (b"\x0b<html><script>alert(1)</script>", "<html"),
    "bom-and-vertical-tab": (b"\xef\xbb\xbf\x0b\x00<html><script>alert(1)</script>", "<html"),
    # An XML parser reads UTF-16 and UTF-32 by their first bytes, BOM or not.
    "utf-16le-with-bom": (
        '\ufeff<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml"/>'.encode(
            "utf-16-le"
        ),
        "<?xml",
    ),
    "utf-16be-without-bom": (" <html><script>alert(1)</script>".encode("utf-16-be"), "<html"),
    "utf-32le-with-bom": ("\ufeff\n<!DOCTYPE html>".encode("utf-32-le"), "<!DOCTYPE"),
    "utf-32be-without-bom": ("<x:script/>".encode("utf-32-be"), "<x:script/"),
}


@pytest.mark.parametrize("case", sorted(MARKUP))
def test_a_file_of_an_allowed_type_whose_bytes_are_a_web_page_is_refused(
    case: str, tmp_path: Path
) -> None:
    """A host that sends no media type (or one a browser does not trust) leaves the
    browser to sniff the first bytes, and what begins like HTML or XML runs as a page."""
    data, start = MARKUP[case]
    root, line, column = _project(tmp_path, "luvut.csv", data, "attachment")
    found = _refused(root, line, column, "file-type")
    assert f"'liitteet/luvut.csv' begins like a web page ('{start}')" in found


def test_a_type_the_owner_adds_is_sniffed_too(tmp_path: Path) -> None:
    root, line, column = _project(tmp_path, "muistio.txt", b"  <svg onload=alert(1)>", "link")
    _allow(root, "    - txt")
    found = _refused(root, line, column, "file-type")
    assert "begins like a web page ('<svg')" in found


@pytest.mark.parametrize(
    "data",
    [
        b"alue;arvo\nUusimaa;<5\n",
        b"<5 vuotta;arvo\n1;2\n",
        b"\xef\xbb\xbfa;b\n",
        "\ufeffalue;arvo\nUusimaa;<5\n".encode("utf-16-le"),
        "alue;<b\n".encode("utf-32-be"),
    ],
)
def test_a_plain_csv_with_angle_brackets_in_its_values_passes(data: bytes, tmp_path: Path) -> None:
    root, _, _ = _project(tmp_path, "luvut.csv", data, "attachment")
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout
    assert [p.read_bytes() for p in (out / "liitteet").iterdir()] == [data]


# --- Attachment URLs ---------------------------------------------------------------------


def test_an_attachment_url_keeps_128_bits_of_its_hash() -> None:
    from soteneg.content.attachments import published_url

    data = b"alue;arvo\n"
    url = published_url("kierrokset/2018-syksy/liitteet/Luvut 2018.CSV", data)
    assert url == f"/liitteet/luvut-2018.{hashlib.sha256(data).hexdigest()[:32]}.csv"


class _OneHash:
    """hashlib for attachments.py with a SHA-256 that gives every file the same hash: a
    collision of the bits the URL keeps, which cannot be made for real."""

    class sha256:  # stands for hashlib.sha256
        def __init__(self, data: bytes = b"") -> None:
            pass

        def hexdigest(self) -> str:
            return "5e" * 32


def _two_files_one_name(tmp_path: Path) -> tuple[Path, int, int]:
    """Two different CSV files called luvut.csv, attached from one document; the line
    and column of the second."""
    root, _, _ = _project(tmp_path, "luvut.csv", b"alue;arvo\nUusimaa;1\n", "attachment")
    (root / FOLDER / "vanhat").mkdir()
    (root / FOLDER / "vanhat/luvut.csv").write_bytes(b"alue;arvo\nUusimaa;2\n")
    doc = root / DOC
    entry = "  - file: liitteet/vanhat/luvut.csv\n    title: Vanhat luvut\n"
    text = doc.read_text().replace("    title: Liite\n", "    title: Liite\n" + entry)
    doc.write_text(text)
    return root, text.splitlines().index("  - file: liitteet/vanhat/luvut.csv") + 1, 11


def test_two_files_that_would_share_one_url_are_a_located_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from soteneg import pipeline
    from soteneg.content import attachments
    from soteneg.core.options import BuildOptions

    root, line, column = _two_files_one_name(tmp_path)
    monkeypatch.setattr(attachments, "hashlib", _OneHash)
    checked = pipeline.check(root, pdf=False)
    clashes = [p for p in checked.problems if p.code == "url-collision"]
    assert [(p.file, p.line, p.column) for p in clashes] == [(DOC, line, column)]
    url = "/liitteet/luvut." + "5e" * 16 + ".csv"
    assert clashes[0].message == (
        f"'liitteet/vanhat/luvut.csv' would be published at {url}, where "
        f"'{FOLDER}/luvut.csv' is published already: two different files cannot share one "
        "address"
    )
    assert clashes[0].suggestion == "rename one of the two files"
    out = tmp_path / "out"
    built = pipeline.build(root, out, BuildOptions(), with_search=False)
    assert built.failed and not out.exists()


def test_the_same_two_files_with_their_real_hashes_are_both_published(tmp_path: Path) -> None:
    root, _, _ = _two_files_one_name(tmp_path)
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout
    published = sorted(p.name for p in (out / "liitteet").iterdir())
    assert len(published) == 2
    assert all(re.fullmatch(r"luvut\.[0-9a-f]{32}\.csv", name) for name in published)


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


def _bomb(megabytes: int = 80) -> bytes:
    """80 MB of spaces in 78 kB of Flate: past the limit of 64 MiB a page (and pypdf's own
    of 75 MB a stream)."""
    flate = zlib.compressobj(9)
    chunks = (flate.compress(b" " * 1_000_000) for _ in range(megabytes))
    return b"".join([*chunks, flate.flush()])


def _two_streams(page: PageObject, first: bytes, second: bytes) -> None:
    """The page's contents in two Flate streams of these bytes (already compressed)."""
    streams = []
    for data in (first, second):
        stream = DecodedStreamObject()
        stream.set_data(data)
        stream[NameObject("/Filter")] = NameObject("/FlateDecode")
        streams.append(stream)
    page.replace_contents(ArrayObject(streams))  # type: ignore[arg-type]


def _bombs(writer: PdfWriter) -> None:
    """60 MB on each page: under the limit of a page, over that of a file by page 5."""
    bomb = _bomb(60)
    for page in writer.pages:
        _contents(page, bomb, "/FlateDecode")


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
        "page 1 has contents that grow past the limit of 64 MiB when decompressed (75.9 KiB "
        "compressed): a page that large is a decompression bomb",
    ),
    # Every page is looked at: contents were decoded on the first 50 only, and this one
    # passed `check`, then failed the print of its packet, blaming the packet's first
    # document, while the preview served its pages blank.
    "bomb-on-page-55": (
        lambda: _pdf(55, lambda w: _contents(w.pages[54], _bomb(), "/FlateDecode")),
        "attachment-unreadable",
        "page 55 has contents that grow past the limit of 64 MiB when decompressed",
    ),
    "bomb-in-two-streams": (
        lambda: _pdf(2, lambda w: _two_streams(w.pages[1], _bomb(40), _bomb(40))),
        "attachment-unreadable",
        "page 2 has contents that grow past the limit of 64 MiB when decompressed (76.0 KiB",
    ),
    "bombs-past-the-file-budget": (
        lambda: _pdf(6, _bombs),
        "attachment-unreadable",
        "has pages whose contents grow past 256 MiB in all when decompressed, on page 5",
    ),
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


def test_a_bomb_on_page_55_stops_check_and_build_at_its_attachment(tmp_path: Path) -> None:
    make, _, message = HOSTILE_PDFS["bomb-on-page-55"]
    root, line, column = _project(tmp_path, "liite.pdf", make(), "attachment")
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout
    assert message in _problem_line(result.stdout, line, column, "attachment-unreadable")
    assert "error[" not in result.stdout.replace(f"{DOC}:{line}:{column}: error[", "")
    assert not out.exists()


def _preview_answer(root: Path, tmp_path: Path, url: str) -> object:
    """What the preview answers for `url` after building `root`: a page, or a PDF it
    prints then."""
    from soteneg.editors.print_queue import PdfRequest
    from soteneg.editors.serve import Preview

    preview = Preview(root, tmp_path / "preview", None)
    preview.rebuild()
    answer = preview.find(url)
    return preview.print(answer) if isinstance(answer, PdfRequest) else answer


def test_the_preview_answers_a_bomb_with_the_problem_not_blank_pages(tmp_path: Path) -> None:
    from soteneg.editors.print_queue import Reply

    root, line, _ = _project(
        tmp_path, "liite.pdf", HOSTILE_PDFS["bomb-on-page-55"][0](), "attachment"
    )
    answer = _preview_answer(root, tmp_path, "/pdf/2018-syksy/uusimaa.pdf")
    assert isinstance(answer, Reply) and answer.status == 500, answer
    page = answer.body.decode()
    assert f"{DOC}, rivi {line}" in page
    assert "&#x27;liitteet/liite.pdf&#x27;: sivu 55: sen sisältö kasvaa purettaessa" in page


def _blind_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """`check` sees nothing wrong with attached PDFs: what it might miss."""
    from soteneg.content import attachments

    def fine(data: bytes, drawn: bool = True) -> tuple[None, int]:
        return None, len(PdfReader(io.BytesIO(data)).pages) if drawn else 0

    monkeypatch.setattr(attachments, "inspect", fine)


def _undrawable() -> bytes:
    """A page whose contents are two streams, one past pypdf's limit of 75 MB: drawing
    the page joins them, and pypdf refuses."""
    return _pdf(2, lambda w: _two_streams(w.pages[1], zlib.compress(b"0 0 m"), _bomb()))


def test_an_attachment_that_cannot_be_drawn_is_named_by_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the problem stood at the packet's first document, without a line: in the
    round's packet, another region's document."""
    from soteneg import pipeline
    from soteneg.core.options import BuildOptions

    _blind_check(monkeypatch)
    root, line, column = _project(tmp_path, "liite.pdf", _undrawable(), "attachment")
    out = tmp_path / "out"
    options = pipeline.PdfOptions()
    result = pipeline.build(root, out, BuildOptions(), pdf_options=options, with_search=False)
    assert result.failed and not out.exists()
    found = [p for p in result.problems if p.is_error]
    assert {(p.file, p.line, p.column, p.code) for p in found} == {
        (DOC, line, column, "attachment-unreadable")
    }
    assert sorted(p.message.split(":")[0] for p in found) == [
        "'liitteet/liite.pdf' could not be drawn into kierrokset/2018-syksy/uusimaa.pdf",
        "'liitteet/liite.pdf' could not be drawn into pdf/2018-syksy.pdf",
        "'liitteet/liite.pdf' could not be drawn into pdf/2018-syksy/uusimaa.pdf",
    ]
    assert all("LimitReachedError" in p.message for p in found)


def test_the_preview_answers_an_attachment_it_cannot_draw_with_the_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from soteneg.editors.print_queue import Reply

    _blind_check(monkeypatch)
    root, line, _ = _project(tmp_path, "liite.pdf", _undrawable(), "attachment")
    answer = _preview_answer(root, tmp_path, "/pdf/2018-syksy/uusimaa.pdf")
    assert isinstance(answer, Reply) and answer.status == 500, answer
    page = answer.body.decode()
    assert f"{DOC}, rivi {line}" in page
    assert "&#x27;liitteet/liite.pdf&#x27;: liitettä ei voitu piirtää tiedostoon" in page


def _object_streams(sizes_mb: list[int]) -> bytes:
    """A one-page PDF whose other objects are kept in object streams (with a
    cross-reference stream), each stream one object and `size` MB of spaces."""
    out = bytearray(b"%PDF-1.5\n")
    offsets: dict[int, int] = {}

    def add(number: int, body: bytes) -> None:
        offsets[number] = len(out)
        out.extend(b"%d 0 obj\n" % number + body + b"\nendobj\n")

    add(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    add(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    add(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    kept: dict[int, int] = {}  # object -> its stream
    for n, size in enumerate(sizes_mb):
        stream, inside = 4 + 2 * n, 5 + 2 * n
        header = b"%d 0 " % inside
        flate = zlib.compressobj(9)
        data = flate.compress(header + b"<< >>")
        data += b"".join(flate.compress(b" " * 1_000_000) for _ in range(size)) + flate.flush()
        head = b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>"
        add(stream, head % (len(header), len(data)) + b"\nstream\n" + data + b"\nendstream")
        kept[inside] = stream
    xref = 4 + 2 * len(sizes_mb)
    offsets[xref] = len(out)
    rows = [b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff"]
    for number in range(1, xref + 1):
        if number in kept:
            rows.append(b"\x02" + kept[number].to_bytes(4, "big") + b"\x00\x00")
        else:
            rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00")
    table = b"".join(rows)
    head = b"<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>" % (xref + 1, len(table))
    out.extend(b"%d 0 obj\n" % xref + head + b"\nstream\n" + table + b"\nendstream\nendobj\n")
    out.extend(b"startxref\n%d\n%%%%EOF\n" % offsets[xref])
    return bytes(out)


@pytest.mark.parametrize("sizes", [[1, 1], [70], [60, 60, 60, 60, 60]])
def test_object_streams_are_measured_before_they_are_looked_into(sizes: list[int]) -> None:
    """Most objects of a modern PDF are kept in compressed object streams: looking for
    active content decodes them, so they are held to the same limits as pages."""

    fault, pages = attachment_pdf.inspect(_object_streams(sizes))
    if sizes == [1, 1]:
        assert (fault, pages) == (None, 1)
        return
    assert fault is not None and fault.code == "attachment-unreadable"
    assert fault.reason.en == (
        "has cross-reference and object streams that grow past the limits when decompressed "
        "(64 MiB one, "
        "256 MiB in all)"
    )


def _xref_updates(sections: int, megabytes: int, damaged: bool = False) -> bytes:
    """A one-page PDF updated `sections` times, each update only a cross-reference stream
    that lists the same objects and then `megabytes` MB of zeros, which a reader
    inflates (or, `damaged`, the last update's stream is not zlib at all)."""
    out = bytearray(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}
    for number, body in enumerate(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ],
        start=1,
    ):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    previous = b""
    for section in range(sections):
        offsets[4] = len(out)
        rows = b"\x00\x00\x00\x00\x00\xff\xff" + b"".join(
            b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00\x00" for n in range(1, 5)
        )
        flate = zlib.compressobj(9)
        data = flate.compress(rows)
        data += b"".join(flate.compress(bytes(1 << 20)) for _ in range(megabytes)) + flate.flush()
        if damaged and section == sections - 1:
            data = b"not zlib" * 100
        head = b"<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d%s >>"
        out += b"4 0 obj\n" + head % (len(data), previous) + b"\nstream\n" + data
        out += b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[4]
        previous = b" /Prev %d" % offsets[4]
    return bytes(out)


def test_cross_reference_streams_count_against_the_file_s_budget(tmp_path: Path) -> None:
    """310 updates of 63 MiB each (every one under the limit of one stream) made `check`
    take 2 min 38 s, and passed: pypdf inflates every cross-reference stream as it opens
    the file. Six of 60 MiB are past the 256 MiB the file's cross-reference and object
    streams may decode to together. The timeout only guards against a hang
    (bench/hostile_pdf.py times it)."""
    assert attachment_pdf.inspect(_xref_updates(3, 1)) == (None, 1)
    data = _xref_updates(6, 60)
    assert len(data) < 1_000_000
    root, line, column = _project(tmp_path, "liite.pdf", data, "attachment")
    result = run_cli("check", "--no-pdf", "--root", root, timeout=60)
    assert result.returncode == 1, result.stdout
    found = _problem_line(result.stdout, line, column, "attachment-unreadable")
    assert (
        "'liitteet/liite.pdf' has cross-reference and object streams that grow past the "
        "limits when decompressed (64 MiB one, 256 MiB in all)"
    ) in found


def test_a_damaged_cross_reference_stream_is_not_repaired_a_byte_at_a_time() -> None:
    fault, _ = attachment_pdf.inspect(_xref_updates(2, 1, damaged=True))
    assert fault is not None and fault.code == "attachment-unreadable"
    assert fault.reason.en == (
        "has a cross-reference or object stream whose compressed data is damaged (zlib "
        "cannot decompress it)"
    )


# --- Active content in PDFs -----------------------------------------------------------------


def _dict(**entries: PdfObject) -> DictionaryObject:
    return DictionaryObject({NameObject(f"/{k}"): v for k, v in entries.items()})


def _catalog(key: str, value: Callable[[PdfWriter], PdfObject]) -> Callable[[PdfWriter], None]:
    return lambda w: w._root_object.__setitem__(NameObject(key), value(w))


def _link(uri: str, **more: PdfObject) -> Callable[[PdfWriter], None]:
    """A link annotation on the first page, to `uri`."""

    def edit(writer: PdfWriter) -> None:
        action = _dict(S=NameObject("/URI"), URI=TextStringObject(uri))
        rect = ArrayObject(FloatObject(v) for v in (50, 700, 200, 720))
        annot = _dict(
            Type=NameObject("/Annot"), Subtype=NameObject("/Link"), Rect=rect, A=action, **more
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])

    return edit


def _js(code: str = "app.alert(document.cookie)") -> DictionaryObject:
    return _dict(S=NameObject("/JavaScript"), JS=TextStringObject(code))


def _names_js(writer: PdfWriter) -> DictionaryObject:
    script = writer._add_object(_js())
    return _dict(JavaScript=_dict(Names=ArrayObject([TextStringObject("avaus"), script])))


def _page_aa(writer: PdfWriter) -> None:
    page = writer.pages[0]
    destination = ArrayObject([page.indirect_reference, NameObject("/Fit")])
    page[NameObject("/AA")] = _dict(O=_dict(S=NameObject("/GoTo"), D=destination))


def _media(writer: PdfWriter) -> None:
    rect = ArrayObject(NumberObject(v) for v in (0, 0, 100, 100))
    annot = _dict(Type=NameObject("/Annot"), Subtype=NameObject("/RichMedia"), Rect=rect)
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annot)])


def _escaped_js_name(data: bytes) -> bytes:
    """The same file with /JS written /J#53, as a PDF may spell any name."""
    assert data.count(b"/JS ") == 1
    return data.replace(b"/JS ", b"/J#53 ")


def _raw_pdf(objects: dict[int, bytes], packed: tuple[int, ...] = ()) -> bytes:
    """A one-page PDF written by hand, for what pypdf will not write: objects 1 to 4 are
    the catalog, the page tree, the page and its contents unless `objects` gives them.
    The objects numbered in `packed` are kept in an object stream, and the
    cross-reference table is then a stream too."""
    bodies = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        4: b"<< /Length 0 >>\nstream\n\nendstream",
        **objects,
    }
    out = bytearray(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}
    for number in sorted(set(bodies) - set(packed)):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + bodies[number] + b"\nendobj\n"
    size = max(bodies) + 1
    if not packed:
        table = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for number in range(1, size):
            out += (
                b"%010d 00000 n \n" % offsets[number]
                if number in offsets
                else b"0000000000 65535 f \n"
            )
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, table)
        return bytes(out)
    header = data = b""
    for number in packed:
        header += b"%d %d " % (number, len(data))
        data += bodies[number] + b"\n"
    stream, xref = size, size + 1
    offsets[stream] = len(out)
    head = b"<< /Type /ObjStm /N %d /First %d /Length %d >>" % (
        len(packed),
        len(header),
        len(header + data),
    )
    out += b"%d 0 obj\n" % stream + head + b"\nstream\n" + header + data + b"\nendstream\nendobj\n"
    offsets[xref] = len(out)
    rows = b"\x00\x00\x00\x00\x00\xff\xff"
    for number in range(1, xref + 1):
        if number in packed:
            rows += b"\x02" + stream.to_bytes(4, "big") + packed.index(number).to_bytes(2, "big")
        elif number in offsets:
            rows += b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00"
        else:
            rows += b"\x00\x00\x00\x00\x00\x00\x00"
    head = b"<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>" % (xref + 1, len(rows))
    out += b"%d 0 obj\n" % xref + head + b"\nstream\n" + rows + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[xref]
    return bytes(out)


# A catalog or an action with /K was taken for a structure element, whose /S names a
# role and whose /A holds attributes, and none of these was looked at (a second review).
SHARE = rb"(\\\\hyokkaaja.example\\jako\\x.pdf)"  # \\hyokkaaja.example\jako\x.pdf
OPENS_5_K = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /K 0 >>"
PAGE_LINK = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [5 0 R] >>"
)
WHICH = "which starts a program, opens another file, sends data or plays media"
LINK_K = b"<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /K 0 /A "


ACTIVE_PDFS: dict[str, tuple[Callable[[], bytes], str]] = {
    "javascript-on-open": (
        lambda: _pdf(1, _catalog("/OpenAction", lambda w: _js())),
        "has a /JavaScript action that runs when the file is opened",
    ),
    "document-javascript": (
        lambda: _pdf(1, _catalog("/Names", _names_js)),
        "holds JavaScript",
    ),
    "javascript-name-escaped": (
        lambda: _escaped_js_name(_pdf(1, _catalog("/Names", _names_js))),
        "holds JavaScript",
    ),
    "launch-on-open": (
        lambda: _pdf(
            1,
            _catalog(
                "/OpenAction",
                lambda w: _dict(S=NameObject("/Launch"), F=TextStringObject("cmd.exe")),
            ),
        ),
        "has a /Launch action that runs when the file is opened",
    ),
    "launch-from-a-link": (
        lambda: _pdf(
            1,
            _link(
                "https://stm.fi/",
                PA=_dict(S=NameObject("/Launch"), F=TextStringObject("calc.exe")),
            ),
        ),
        "has a /Launch action, which starts a program",
    ),
    "embedded-file": (
        lambda: _pdf(1, lambda w: w.add_attachment("ohjelma.exe", b"MZ")),
        "has files embedded in it",
    ),
    "additional-actions": (lambda: _pdf(2, _page_aa), "has actions that run by themselves (/AA)"),
    "javascript-link": (lambda: _pdf(1, _link("javascript:alert(1)")), "has a link to"),
    "javascript-link-disguised": (
        lambda: _pdf(1, _link(" \x01Java\tScript:alert(1)")),
        "has a link to",
    ),
    "file-link": (lambda: _pdf(1, _link("file:///C:/Windows/win.ini")), "has a link to"),
    "windows-share-link": (lambda: _pdf(1, _link("\\\\palvelin\\jako")), "has a link to"),
    "xfa-form": (
        lambda: _pdf(
            1,
            _catalog(
                "/AcroForm", lambda w: _dict(Fields=ArrayObject(), XFA=TextStringObject("<xdp/>"))
            ),
        ),
        "holds an XFA form, which can run scripts",
    ),
    "rich-media": (lambda: _pdf(1, _media), "holds media, Flash or 3D content"),
    "catalog-with-k-launches-on-open": (
        lambda: _raw_pdf({1: OPENS_5_K, 5: b"<< /S /Launch /F (calc.exe) /K 0 >>"}),
        "has a /Launch action that runs when the file is opened (object 1)",
    ),
    "catalog-with-k-opens-a-windows-share": (
        lambda: _raw_pdf({1: OPENS_5_K, 5: b"<< /S /GoToR /F " + SHARE + b" /D [0 /Fit] /K 0 >>"}),
        "has a /GoToR action that runs when the file is opened (object 1)",
    ),
    "catalog-with-k-submits-a-form": (
        lambda: _raw_pdf(
            {
                1: OPENS_5_K,
                5: b"<< /S /SubmitForm /F << /FS /URL /F (https://x.example/) >> /K 0 >>",
            }
        ),
        "has a /SubmitForm action that runs when the file is opened (object 1)",
    ),
    "catalog-with-k-goes-to-an-embedded-file": (
        lambda: _raw_pdf(
            {1: OPENS_5_K, 5: b"<< /S /GoToE /F " + SHARE + b" /T << /R /C /N (x) >> /K 0 >>"}
        ),
        "has a /GoToE action that runs when the file is opened (object 1)",
    ),
    "structure-element-importing-data-on-open": (
        lambda: _raw_pdf(
            {1: OPENS_5_K, 5: b"<< /Type /StructElem /S /ImportData /F " + SHARE + b" >>"}
        ),
        "has a /ImportData action that runs when the file is opened (object 1)",
    ),
    "link-with-k-launches": (
        lambda: _raw_pdf(
            {3: PAGE_LINK, 5: LINK_K + b"6 0 R >>", 6: b"<< /S /Launch /F (cmd.exe) /K 0 >>"}
        ),
        f"has a /Launch action, {WHICH} (object 5)",
    ),
    "link-with-k-launches-directly": (
        lambda: _raw_pdf({3: PAGE_LINK, 5: LINK_K + b"<< /S /Launch /F (cmd.exe) /K 0 >> >>"}),
        f"has a /Launch action, {WHICH} (object 5)",
    ),
    "catalog-with-k-launches-from-an-object-stream": (
        lambda: _raw_pdf({1: OPENS_5_K, 5: b"<< /S /Launch /F (calc.exe) /K 0 >>"}, packed=(1, 5)),
        "has a /Launch action that runs when the file is opened (object 1)",
    ),
    "launch-marked-as-a-structure-element-from-a-link": (
        lambda: _raw_pdf(
            {
                3: PAGE_LINK,
                5: LINK_K + b"6 0 R >>",
                6: b"<< /Type /StructElem /S /Launch /F (cmd.exe) >>",
            },
            packed=(5, 6),
        ),
        f"has a /Launch action, {WHICH} (object 5)",
    ),
    # A thread action with /F goes to a thread in another file: a share leaks the
    # reader's password hash as GoToR does.
    "thread-in-another-file-from-a-link": (
        lambda: _raw_pdf({3: PAGE_LINK, 5: LINK_K + b"<< /S /Thread /F " + SHARE + b" /D 0 >> >>"}),
        f"has a /Thread action, {WHICH} (object 5)",
    ),
    "thread-in-another-file-after-opening": (
        lambda: _raw_pdf(
            {
                1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /GoTo /D [3 0 R /Fit] "
                b"/Next << /S /Thread /F " + SHARE + b" /D 0 >> >> >>"
            }
        ),
        f"has a /Thread action, {WHICH} (object 1)",
    ),
}


@pytest.mark.parametrize("name", sorted(ACTIVE_PDFS))
def test_a_pdf_with_active_content_is_a_located_problem(name: str, tmp_path: Path) -> None:
    make, finding = ACTIVE_PDFS[name]
    root, line, column = _project(tmp_path, "liite.pdf", make(), "attachment")
    found = _refused(root, line, column, "attachment-active")
    assert f"error[attachment-active]: 'liitteet/liite.pdf' {finding}" in found
    assert "a PDF is published only without scripts" in found


def test_a_tagged_pdf_whose_roles_are_named_like_actions_passes() -> None:
    """In the structure tree, /S names a role and /A holds attributes: an element reached
    from /StructTreeRoot (which need not say /Type /StructElem) with a role of the file's
    own named Sound, its child with layout attributes, and a thread in the same file."""
    catalog = (
        b"<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 6 0 R /MarkInfo << /Marked true >> "
        b"/Threads [8 0 R] >>"
    )
    data = _raw_pdf(
        {
            1: catalog,
            3: PAGE_LINK,
            5: LINK_K + b"<< /S /Thread /D 0 >> >>",
            6: b"<< /Type /StructTreeRoot /K [7 0 R] /RoleMap << /Sound /Span >> >>",
            7: b"<< /S /Sound /P 6 0 R /K [<< /S /P /K 0 /A << /O /Layout /Placement /Block >> >>"
            b" << /Type /OBJR /Obj 5 0 R >>] >>",
            8: b"<< /Type /Thread /F 9 0 R >>",
            9: b"<< /Type /Bead /T 8 0 R /N 9 0 R /V 9 0 R /P 3 0 R /R [0 0 10 10] >>",
        }
    )
    assert attachment_pdf.inspect(data) == (None, 1)


def test_a_linked_pdf_is_checked_for_active_content_too(tmp_path: Path) -> None:
    make, finding = ACTIVE_PDFS["javascript-on-open"]
    root, line, column = _project(tmp_path, "liite.pdf", make(), "link")
    assert finding in _refused(root, line, column, "attachment-active")


def test_a_linked_pdf_that_is_encrypted_cannot_be_checked_and_is_refused(tmp_path: Path) -> None:
    root, line, column = _project(tmp_path, "liite.pdf", _pdf(1, _rc4), "link")
    found = _refused(root, line, column, "attachment-encrypted")
    assert "what an encrypted PDF holds cannot be checked for scripts" in found


def test_a_pdf_with_more_objects_than_are_looked_at_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    data = _pdf(3)
    assert attachment_pdf.inspect(data) == (None, 3)
    monkeypatch.setattr(attachment_pdf, "PDF_OBJECTS", 4)
    fault, _ = attachment_pdf.inspect(data)
    assert fault is not None and fault.code == "attachment-unreadable"
    assert fault.reason.en == "has 6 objects, more than the 4 that are checked for scripts"
    monkeypatch.setattr(attachment_pdf, "PDF_OBJECTS", 1_000)
    fault, _ = attachment_pdf.inspect(_pdf(1_500))
    assert fault is not None
    fi = "tiedostossa on 1\u00a0503 objektia, enemmän kuin skriptien varalta tarkistettavat"
    assert fault.reason.fi == fi + " 1\u00a0000"
    assert fault.reason.en == "has 1,503 objects, more than the 1,000 that are checked for scripts"


def test_a_pdf_with_active_content_publishes_nothing(tmp_path: Path) -> None:
    root, line, column = _project(
        tmp_path, "liite.pdf", ACTIVE_PDFS["javascript-link"][0](), "attachment"
    )
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert result.returncode == 1, result.stdout
    _problem_line(result.stdout, line, column, "attachment-active")
    assert not out.exists()


def _safe_links(writer: PdfWriter) -> None:
    """What an office program writes: web and mail links, and opening at the first page."""
    _link("https://stm.fi/")(writer)
    page = writer.pages[0]
    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [page.indirect_reference, NameObject("/Fit")]
    )


def _active_things(path: Path) -> list[str]:
    """Every active thing in a printed PDF: what soteneg's own scan finds, and what
    pypdf finds in each page's annotations and in the catalog."""
    from soteneg.content.pdf_active import active_content

    reader = PdfReader(path)
    found = []
    scanned = active_content(reader)
    if scanned is not None:
        found.append(f"object {scanned[1]}: {scanned[0].en}")
    for number, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots", []):
            action = annot.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri is not None and not str(uri).startswith(("https:", "http:", "mailto:")):
                found.append(f"page {number}: a link to {uri}")
    catalog = reader.trailer["/Root"]
    for key in ("/OpenAction", "/AA", "/AcroForm"):
        if key in catalog:
            found.append(f"catalog {key}")
    if "/Names" in catalog:
        found += [f"names {k}" for k in ("/JavaScript", "/EmbeddedFiles") if k in catalog["/Names"]]
    raw = path.read_bytes()
    found += [f"bytes {w!r}" for w in (b"/JS", b"/Launch", b"javascript:") if w in raw]
    return found


def test_a_pdf_with_safe_links_passes_and_its_packet_holds_nothing_active(tmp_path: Path) -> None:
    data = _pdf(2, _safe_links)
    root, _, _ = _project(tmp_path, "liite.pdf", data, "attachment")
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert result.returncode == 0, result.stdout
    assert [p.read_bytes() for p in (out / "liitteet").iterdir()] == [data]
    packet = out / "pdf/2018-syksy/uusimaa.pdf"
    assert _active_things(packet) == []
    # The attachment's own link is not carried into the packet: a printed page's links
    # are the packet's own.
    uris = [
        str(a.get_object()["/A"]["/URI"])
        for page in PdfReader(packet).pages
        for a in page.get("/Annots", [])
        if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
    ]
    assert "https://stm.fi/" not in uris


@pytest.mark.parametrize(
    "name",
    [
        "javascript-link",
        "javascript-on-open",
        "embedded-file",
        "launch-from-a-link",
        "additional-actions",
    ],
)
def test_a_packet_never_carries_an_attachment_s_active_content(name: str, tmp_path: Path) -> None:
    """Even a PDF that check did not see (drawn directly here) brings nothing active
    into the packet: its pages are drawn as forms, without annotations or catalog."""
    from soteneg.packets.pdf import PrintJob, print_one

    html = (
        '<html lang="fi"><body><p>Neuvottelu</p>'
        '<section id="liite" style="break-before: page"><p>Liite</p></section>'
        '<div style="break-before: page">Toinen</div></body></html>'
    )
    data = ACTIVE_PDFS[name][0]()
    printed = print_one(PrintJob("p.pdf", html, "pdf/ua-1", (("liite", data),)), str(tmp_path))
    assert printed.unreadable == ()
    path = tmp_path / "p.pdf"
    path.write_bytes(printed.data)
    assert _active_things(path) == []


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


def _two_hrefs(levels: int = 6, fan: int = 10) -> bytes:
    """Nested uses as `_nested_uses`, each with `href` to a lone rect and `xlink:href` to
    the group before: browsers draw the rect, WeasyPrint (which takes `xlink:href`
    first) the groups, fan ** levels rects. The last use stands on line levels + 2."""
    xlink = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
    lines = [f'<svg {SVG_NS} {xlink} width="100" height="100"><defs>']
    lines.append('<rect id="r" width="1" height="1"/><g id="a0"><rect width="1" height="1"/></g>')
    lines += [
        f'<g id="a{k}">' + f'<use href="#r" xlink:href="#a{k - 1}"/>' * fan + "</g>"
        for k in range(1, levels)
    ]
    lines.append(f'</defs><use href="#r" xlink:href="#a{levels - 1}"/></svg>')
    return "\n".join(lines).encode()


def test_uses_with_both_hrefs_count_both(tmp_path: Path) -> None:
    """The count took `href` and WeasyPrint follows `xlink:href`: 2.8 KB passed `check`
    and hung the build. Both count now (they draw one or the other)."""
    data = _two_hrefs()
    assert len(data) < 3000
    root, line, column = _project(tmp_path, "kaavio.svg", data, "image")
    result = run_cli("check", "--no-pdf", "--root", root, timeout=60)
    assert result.returncode == 1, result.stdout
    found = _problem_line(result.stdout, line, column, "svg-too-large")
    assert "'liitteet/kaavio.svg' line 8: with its <use> references expanded" in found, found
    # Both naming the same element count once: 102 written, and the use draws 101.
    both = f'<svg {SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink"><defs><g id="g">'
    both += "<rect/>" * 99 + '</g></defs><use href="#g" xlink:href="#g"/></svg>'
    assert svg.inspect(both.encode(), 203) == ([], None)
    assert svg.inspect(both.encode(), 202)[1] is not None


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
