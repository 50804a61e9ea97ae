"""A document's life after publication: corrections, withdrawal, replacement, public
versions of confidential documents, and what git tells of edits."""

MESSAGES: dict[str, dict[str, str]] = {
    "withdrawn-without-reason": {
        "fi": "vedetyllä asiakirjalla on oltava syy (reason) tai korvaava asiakirja "
        "(superseded_by)",
        "sv": "ett återkallat dokument behöver ett skäl (reason) eller ett dokument som ersätter "
        "det (superseded_by)",
        "en": "a withdrawn document needs its reason (reason) or the document replacing it "
        "(superseded_by)",
    },
    "withdrawn-without-reason:hint": {
        "fi": 'kirjoita lukijalle, miksi asiakirja vedettiin pois: reason: "…"',
        "sv": 'skriv för läsaren varför dokumentet återkallades: reason: "…"',
        "en": 'tell the reader why the document was withdrawn: reason: "…"',
    },
    "reason-without-withdrawal": {
        "fi": "reason on vain vedetylle tai korvatulle asiakirjalle (status: withdrawn tai "
        "superseded_by)",
        "sv": "reason gäller bara ett återkallat eller ersatt dokument (status: withdrawn eller "
        "superseded_by)",
        "en": "reason is only for a withdrawn or superseded document (status: withdrawn or "
        "superseded_by)",
    },
    "unknown-superseding": {
        "fi": "superseded_by '{target}' ei ole julkaistu asiakirja",
        "sv": "superseded_by '{target}' är inte ett publicerat dokument",
        "en": "superseded_by '{target}' is not a published document",
    },
    "superseded-by-withdrawn": {
        "fi": "superseded_by '{target}' on itse vedetty tai korvattu: osoita voimassa olevaan "
        "asiakirjaan",
        "sv": "superseded_by '{target}' är självt återkallat eller ersatt: hänvisa till det "
        "gällande dokumentet",
        "en": "superseded_by '{target}' is itself withdrawn or superseded: name the document in "
        "force",
    },
    "change-before-date": {
        "fi": "muutos on päivätty {change}, ennen asiakirjan päivämäärää {date}",
        "sv": "ändringen är daterad {change}, före dokumentets datum {date}",
        "en": "the change is dated {change}, before the document's date {date}",
    },
    "confidential-published": {
        "fi": "public_version_of nimeää asiakirjan '{target}', joka julkaistaan itsekin: salassa "
        "pidettävää asiakirjaa ei julkaista",
        "sv": "public_version_of anger dokumentet '{target}', som självt publiceras: ett "
        "sekretessbelagt dokument publiceras inte",
        "en": "public_version_of names '{target}', which is published itself: a confidential "
        "document is not published",
    },
    "confidential-published:hint": {
        "fi": "merkitse salassa pidettävä asiakirja luonnokseksi (draft: true) tai poista se "
        "sisällöstä",
        "sv": "markera det sekretessbelagda dokumentet som utkast (draft: true) eller ta bort det "
        "ur innehållet",
        "en": "mark the confidential document as a draft (draft: true) or remove it from content",
    },
    "changed-without-note": {
        "fi": "julkaistun asiakirjan tekstiä muutettiin commitissa {commit} ({date}) ilman uutta "
        "changes-merkintää",
        "sv": "texten i det publicerade dokumentet ändrades i commit {commit} ({date}) utan en ny "
        "post i changes",
        "en": "the published document's text changed in commit {commit} ({date}) without a new "
        "changes entry",
    },
    "changed-without-note:hint": {
        "fi": 'kerro lukijalle, mitä muuttui: changes: [{{date: …, note: "…"}}]',
        "sv": 'berätta för läsaren vad som ändrades: changes: [{{date: …, note: "…"}}]',
        "en": 'tell the reader what changed: changes: [{{date: …, note: "…"}}]',
    },
    "git-timeout": {
        "fi": "git ei vastannut {seconds} sekunnissa: sivuilla on asiakirjojen oma päiväys "
        "viimeisimmän commitin päivän sijaan, eikä aiempia versioita julkaista",
        "sv": "git svarade inte inom {seconds} sekunder: sidorna visar dokumentens eget datum "
        "i stället för dagen för den senaste committen, och inga tidigare versioner publiceras",
        "en": "git did not answer within {seconds} seconds: pages show their documents' own "
        "dates instead of the day of the last commit, and no earlier versions are published",
    },
    "git-timeout:hint": {
        "fi": "rakenna uudelleen, kun kone on vähemmän kuormitettu: seuraava rakennus lukee "
        "historian uudelleen",
        "sv": "bygg igen när datorn är mindre belastad: nästa bygge läser historiken på nytt",
        "en": "build again when the machine is less busy: the next build reads the history again",
    },
    "earlier-version-unreadable": {
        "fi": "aiempaa versiota, joka julkaistiin commitissa {commit} ({date}), ei voi lukea "
        "tai sen metatiedot eivät ole kelvolliset; sitä ei julkaista",
        "sv": "den tidigare versionen som publicerades i commit {commit} ({date}) kan inte "
        "läsas eller har ogiltiga metadata; den publiceras inte",
        "en": "the earlier version first published in commit {commit} ({date}) cannot be read "
        "or its front matter does not validate; it is not published",
    },
    "earlier-version-unreadable:hint": {
        "fi": "git-historiaa ei korjata; muut versiot julkaistaan tavalliseen tapaan",
        "sv": "git-historiken rättas inte; de andra versionerna publiceras som vanligt",
        "en": "history is not rewritten; the other versions are published as usual",
    },
}
