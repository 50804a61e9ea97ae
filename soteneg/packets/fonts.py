"""The print fonts: are they installed, which files are they, what do they stamp.

WeasyPrint asks fontconfig (through Pango) for the families the print stylesheet names
and quietly takes another font when one is missing; with no font at all it crashes.
A packet printed in a substitute has other line breaks and page numbers than the one an
official expects, so a missing family is a configuration error before anything is
printed. We ask fontconfig directly, for the exact family without substitution, the
same question Pango's font map answers from.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from soteneg.content.sources import Stamp, stamp
from soteneg.content.yamlpos import parse_yaml
from soteneg.core.problems import Problem, problem, quoted
from soteneg.core.text import joined, say

FONT_STAMP = "font:"  # stamps of print font files (and their folders) by absolute path


class FontconfigMissing(OSError):
    """libfontconfig cannot be loaded: WeasyPrint could not print either."""


class _FcFontSet(ctypes.Structure):
    _fields_ = [
        ("nfont", ctypes.c_int),
        ("sfont", ctypes.c_int),
        ("fonts", ctypes.POINTER(ctypes.c_void_p)),
    ]


@cache
def _fontconfig() -> ctypes.CDLL:
    name = ctypes.util.find_library("fontconfig") or "libfontconfig.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError as err:
        raise FontconfigMissing(f"fontconfig cannot be loaded ({err})") from err
    lib.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    lib.FcPatternCreate.restype = ctypes.c_void_p
    lib.FcPatternAddString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
    lib.FcObjectSetBuild.restype = ctypes.c_void_p
    lib.FcFontList.restype = ctypes.POINTER(_FcFontSet)
    lib.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    lib.FcPatternGetString.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_char_p),
    ]
    lib.FcPatternDestroy.argtypes = [ctypes.c_void_p]
    lib.FcObjectSetDestroy.argtypes = [ctypes.c_void_p]
    lib.FcFontSetDestroy.argtypes = [ctypes.POINTER(_FcFontSet)]
    lib.FcConfigDestroy.argtypes = [ctypes.c_void_p]
    return lib


def font_files(family: str) -> list[str]:
    """The files of every face of `family` that fontconfig knows, sorted; [] if none."""
    return families_files([family])[family]


def families_files(families: Iterable[str]) -> dict[str, list[str]]:
    """`font_files` of each family, from one fontconfig configuration.

    A fresh configuration each call: fonts installed meanwhile (the preview runs for
    hours) are seen, as WeasyPrint's next print would see them. Loading it is nearly
    all of the cost (4.5 ms here), so the families share one: a preview's save asked
    for two families twice, four loads."""
    lib = _fontconfig()
    config = lib.FcInitLoadConfigAndFonts()
    try:
        return {family: _files(lib, config, family) for family in dict.fromkeys(families)}
    finally:
        lib.FcConfigDestroy(config)


def _files(lib: ctypes.CDLL, config: int | None, family: str) -> list[str]:
    pattern = lib.FcPatternCreate()
    objects = lib.FcObjectSetBuild(b"file", None)
    try:
        lib.FcPatternAddString(pattern, b"family", family.encode("utf-8"))
        found = lib.FcFontList(config, pattern, objects)
        files: set[str] = set()
        if found:
            fonts = found.contents
            for n in range(fonts.nfont):
                value = ctypes.c_char_p()
                if lib.FcPatternGetString(fonts.fonts[n], b"file", 0, ctypes.byref(value)) == 0:
                    files.add(os.fsdecode(value.value or b""))
            lib.FcFontSetDestroy(found)
        return sorted(f for f in files if f)
    finally:
        lib.FcObjectSetDestroy(objects)
        lib.FcPatternDestroy(pattern)


def missing(families: Iterable[str]) -> list[str]:
    """The families no installed font has, in the order given."""
    return [family for family, files in families_files(families).items() if not files]


def stamps(families: Iterable[str]) -> dict[str, Stamp]:
    """Stamps of each font file and of the folders holding them: a font updated, added
    to a family's folder or removed changes them, and the PDFs are printed again."""
    found: dict[str, Stamp] = {}
    for files in families_files(families).values():
        for file in files:
            for path in (file, str(Path(file).parent)):
                found_stamp = stamp(path)
                if found_stamp is not None:
                    found[f"{FONT_STAMP}{path}"] = found_stamp
    return dict(sorted(found.items()))


def key(families: Iterable[str]) -> str:
    """One string for what the fonts contribute to a PDF's bytes."""
    digest = hashlib.blake2b(digest_size=16)
    for family in dict.fromkeys(families):
        digest.update(family.encode("utf-8") + b"\0")
    for path, found in stamps(families).items():
        digest.update(f"{path}\0{found}\0".encode())
    return digest.hexdigest()


def check(families: Iterable[str], config_file: str, config_text: str | None) -> list[Problem]:
    """A problem for each print font that is not installed, at its line in site.yaml
    (or at the top when the default is in force)."""
    try:
        absent = missing(families)
    except FontconfigMissing as err:
        # The loader's own error, as the operating system gives it.
        detail = str(err.__cause__ or err)
        return [problem(config_file, (1, 1), "fontconfig-missing", detail=detail)]
    if not absent:
        return []
    doc, _ = parse_yaml(config_text or "", config_file)
    settings = doc.value.get("print_fonts") if isinstance(doc.value, dict) else None
    position = (1, 1)
    if isinstance(settings, dict):
        named = next((k for k, v in settings.items() if v == absent[0]), None)
        position = doc.position(("print_fonts", named) if named else ("print_fonts",))
    names = joined(quoted(absent), say("@print-and"))
    install = say("@font-install-it") if len(absent) == 1 else say("@font-install-them")
    if all(family.startswith("Noto ") for family in absent):
        install += say("@font-install-noto")
    hint = say("font-missing:hint", install=install)
    if len(absent) == 1:
        return [problem(config_file, position, "font-missing", fonts=names, hint=hint)]
    return [problem(config_file, position, "font-missing.many", fonts=names, hint=hint)]
