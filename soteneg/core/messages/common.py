"""Phrases that many messages share, and the lines around a list of problems."""

MESSAGES: dict[str, dict[str, str]] = {
    "@did-you-mean": {
        "fi": "tarkoititko {options}?",
        "sv": "menade du {options}?",
        "en": "did you mean {options}?",
    },
    "@or": {"fi": " tai ", "sv": " eller ", "en": " or "},
    "@one-of": {
        "fi": "yksi näistä: {options}",
        "sv": "ett av: {options}",
        "en": "one of: {options}",
    },
    "@summary": {
        "fi": "{errors} virhe(ttä), {warnings} varoitus(ta)",
        "sv": "{errors} fel, {warnings} varning(ar)",
        "en": "{errors} error(s), {warnings} warning(s)",
    },
    "@ok": {
        "fi": "kunnossa: {documents} dokumenttia, ei ongelmia",
        "sv": "i ordning: {documents} dokument, inga problem",
        "en": "ok: {documents} documents, no problems",
    },
    "@ok-with-warnings": {
        "fi": "kunnossa: {documents} dokumenttia, ei virheitä, {warnings} varoitus(ta)",
        "sv": "i ordning: {documents} dokument, inga fel, {warnings} varning(ar)",
        "en": "ok: {documents} documents, no errors, {warnings} warning(s)",
    },
    "@preview-title": {
        "fi": "Sisällössä on virheitä",
        "sv": "Innehållet har fel",
        "en": "The content has problems",
    },
    "@preview-intro": {
        "fi": "Sivustoa ei voitu rakentaa. Korjaa alla olevat kohdat ja tallenna: sivu "
        "päivittyy itsestään.",
        "sv": "Webbplatsen kunde inte byggas. Rätta punkterna nedan och spara: sidan "
        "uppdateras av sig själv.",
        "en": "The site could not be built. Fix the points below and save: the page "
        "reloads by itself.",
    },
    "@preview-line": {"fi": "rivi", "sv": "rad", "en": "line"},
    "@preview-crash": {
        "fi": "soteneg kaatui (ohjelmavirhe, ei sisältövirhe):",
        "sv": "soteneg kraschade (ett programfel, inte ett innehållsfel):",
        "en": "soteneg crashed (a bug, not a content problem):",
    },
    # What `build` says when it is done.
    "@built": {
        "fi": "rakennettu {files} tiedostoa kansioon {out} {s} sekunnissa "
        "({written} kirjoitettu, {removed} poistettu)",
        "sv": "byggde {files} filer i {out} på {s} s ({written} skrivna, {removed} borttagna)",
        "en": "built {files} files into {out} in {s} s ({written} written, {removed} removed)",
    },
    "@nothing-changed": {
        "fi": "ei muutoksia: {files} tiedostoa kansiossa {out} ({s} s)",
        "sv": "inget har ändrats: {files} filer i {out} ({s} s)",
        "en": "nothing changed: {files} files in {out} ({s} s)",
    },
    "@built-pdfs": {
        "fi": "; PDF-tiedostot: {printed} tulostettu ({pages} sivua), {reused} ennallaan",
        "sv": "; PDF-filer: {printed} utskrivna ({pages} sidor), {reused} oförändrade",
        "en": "; PDFs: {printed} printed ({pages} pages), {reused} unchanged",
    },
    "@built-pdfs-elsewhere": {
        "fi": ", {count} jätetty muille osille (--shard)",
        "sv": ", {count} lämnade åt andra delar (--shard)",
        "en": ", {count} left to other shards",
    },
    "@built-external-links": {
        "fi": "; {count} ulkoista linkkiä luettelossa {report}",
        "sv": "; {count} externa länkar listade i {report}",
        "en": "; {count} external links listed in {report}",
    },
    # What the preview says in its terminal after each build.
    "@preview-build-ok": {
        "fi": "{time} koontiversio {build}: kunnossa ({s} s)",
        "sv": "{time} bygge {build}: i ordning ({s} s)",
        "en": "{time} build {build}: ok ({s} s)",
    },
    "@preview-build-failed": {
        "fi": "{time} koontiversio {build}: virheitä, katso yllä tai selaimessa ({s} s)",
        "sv": "{time} bygge {build}: fel, se ovan eller i webbläsaren ({s} s)",
        "en": "{time} build {build}: problems: see above or in the browser ({s} s)",
    },
    "@preview-crashed": {
        "fi": "{time} soteneg kaatui; virheen jäljitys näkyy selaimessa",
        "sv": "{time} soteneg kraschade; felspårningen visas i webbläsaren",
        "en": "{time} soteneg crashed; the traceback is in the browser",
    },
}
