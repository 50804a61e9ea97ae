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
    # Counts: `text.counted("@errors", n)` takes "#one" or "#other" by each language's
    # plural rule (core.formats.PLURAL_RULES), so no phrase patches a number with
    # brackets ("virhe(ttä)").
    "@errors#one": {"fi": "{n} virhe", "sv": "{n} fel", "en": "{n} error"},
    "@errors#other": {"fi": "{n} virhettä", "sv": "{n} fel", "en": "{n} errors"},
    "@warnings#one": {"fi": "{n} varoitus", "sv": "{n} varning", "en": "{n} warning"},
    "@warnings#other": {"fi": "{n} varoitusta", "sv": "{n} varningar", "en": "{n} warnings"},
    "@documents#one": {"fi": "{n} asiakirja", "sv": "{n} dokument", "en": "{n} document"},
    "@documents#other": {"fi": "{n} asiakirjaa", "sv": "{n} dokument", "en": "{n} documents"},
    "@files#one": {"fi": "{n} tiedosto", "sv": "{n} fil", "en": "{n} file"},
    "@files#other": {"fi": "{n} tiedostoa", "sv": "{n} filer", "en": "{n} files"},
    "@pages#one": {"fi": "{n} sivu", "sv": "{n} sida", "en": "{n} page"},
    "@pages#other": {"fi": "{n} sivua", "sv": "{n} sidor", "en": "{n} pages"},
    "@summary": {
        "fi": "{errors}, {warnings}",
        "sv": "{errors}, {warnings}",
        "en": "{errors}, {warnings}",
    },
    "@ok": {
        "fi": "kunnossa: {documents}, ei ongelmia",
        "sv": "i ordning: {documents}, inga problem",
        "en": "ok: {documents}, no problems",
    },
    "@ok-with-warnings": {
        "fi": "kunnossa: {documents}, ei virheitä, {warnings}",
        "sv": "i ordning: {documents}, inga fel, {warnings}",
        "en": "ok: {documents}, no errors, {warnings}",
    },
    "@preview-title": {
        "fi": "Sisällössä on virheitä",
        "sv": "Fel i innehållet",
        "en": "The content has problems",
    },
    "@preview-intro": {
        "fi": "Sivustoa ei voitu koota. Korjaa alla olevat kohdat ja tallenna: sivu "
        "päivittyy automaattisesti.",
        "sv": "Webbplatsen kunde inte byggas. Rätta punkterna nedan och spara: sidan "
        "uppdateras automatiskt.",
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
        "fi": "koottu {files} kansioon {out} {s} sekunnissa "
        "(kirjoitettu {written}, poistettu {removed})",
        "sv": "byggde {files} i {out} på {s} s (skrivna: {written}, borttagna: {removed})",
        "en": "built {files} into {out} in {s} s ({written} written, {removed} removed)",
    },
    "@nothing-changed": {
        "fi": "ei muutoksia: {files} kansiossa {out} ({s} s)",
        "sv": "inget har ändrats: {files} i {out} ({s} s)",
        "en": "nothing changed: {files} in {out} ({s} s)",
    },
    "@built-pdfs": {
        "fi": "; PDF-tiedostot: tulostettu {printed} ({pages}), ennallaan {reused}",
        "sv": "; PDF-filer: utskrivna: {printed} ({pages}), oförändrade: {reused}",
        "en": "; PDFs: {printed} printed ({pages}), {reused} unchanged",
    },
    "@built-pdfs-elsewhere": {
        "fi": ", muille osille jätetty {count} (--shard)",
        "sv": ", lämnade åt andra delar: {count} (--shard)",
        "en": ", {count} left to other shards",
    },
    "@built-external-links#one": {
        "fi": "; {n} ulkoinen linkki luettelossa {report}",
        "sv": "; {n} extern länk, listad i {report}",
        "en": "; {n} external link, listed in {report}",
    },
    "@built-external-links#other": {
        "fi": "; {n} ulkoista linkkiä luettelossa {report}",
        "sv": "; {n} externa länkar, listade i {report}",
        "en": "; {n} external links, listed in {report}",
    },
    # Why a build made every page again into an output an earlier build had made
    # (build.from_scratch; docs/builds.md).
    "@built-from-scratch.interrupted": {
        "fi": "; kaikki sivut koottiin alusta, koska edellinen koonti kansioon {out} "
        "keskeytyi (katso docs/builds.md)",
        "sv": "; alla sidor byggdes från början, eftersom det förra bygget i {out} avbröts "
        "(se docs/builds.md)",
        "en": "; every page was made again: the last build into {out} was interrupted "
        "(see docs/builds.md)",
    },
    "@built-from-scratch.other-cache": {
        "fi": "; kaikki sivut koottiin alusta, koska kansion {out} välimuistin teki toinen "
        "sotenegin versio tai koonti muilla valitsimilla, tai sitä ei voitu lukea (katso "
        "docs/builds.md)",
        "sv": "; alla sidor byggdes från början, eftersom cachen för {out} gjordes av en annan "
        "version av soteneg eller med andra flaggor, eller kunde inte läsas (se docs/builds.md)",
        "en": "; every page was made again: the cache of {out} was made by another version "
        "of soteneg or with other options, or could not be read (see docs/builds.md)",
    },
    # What the preview says in its terminal after each build.
    "@preview-build-ok": {
        "fi": "{time} koonti {build}: kunnossa ({s} s)",
        "sv": "{time} bygge {build}: i ordning ({s} s)",
        "en": "{time} build {build}: ok ({s} s)",
    },
    "@preview-build-failed": {
        "fi": "{time} koonti {build}: virheitä, katso yllä tai selaimessa ({s} s)",
        "sv": "{time} bygge {build}: fel, se ovan eller i webbläsaren ({s} s)",
        "en": "{time} build {build}: problems: see above or in the browser ({s} s)",
    },
    "@preview-crashed": {
        "fi": "{time} soteneg kaatui; virheen jäljitys näkyy selaimessa",
        "sv": "{time} soteneg kraschade; felspårningen visas i webbläsaren",
        "en": "{time} soteneg crashed; the traceback is in the browser",
    },
}
