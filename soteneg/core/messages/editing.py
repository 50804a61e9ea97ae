"""Problems and hints that help an editor from a first document to a published one:
links written as addresses, ids meant by their names, a skeleton's text left in place,
and the text of the skeletons `soteneg new` writes."""

MESSAGES: dict[str, dict[str, str]] = {
    "@file-missing.document": {
        "fi": "linkitä asiakirjan tiedostoon: '{link}'",
        "sv": "länka till dokumentets fil: '{link}'",
        "en": "link to the document's file: '{link}'",
    },
    "@round-themes": {
        "fi": "kierroksen '{round}' teemat: {themes}",
        "sv": "teman i omgången '{round}': {themes}",
        "en": "the themes of round '{round}': {themes}",
    },
    "placeholder-text": {
        "fi": "asiakirjassa on yhä pohjan tekstiä, joka on tarkoitettu korvattavaksi: {text}",
        "sv": "dokumentet har fortfarande text från stommen som ska ersättas: {text}",
        "en": "the document still holds the skeleton's text to replace: {text}",
    },
    "placeholder-text.title": {
        "fi": "otsikko on yhä pohjan korvattava otsikko {text}",
        "sv": "rubriken är fortfarande stommens rubrik {text}, som ska ersättas",
        "en": "the title is still the skeleton's {text}, to replace",
    },
    "placeholder-text:hint": {
        "fi": "kirjoita teksti sen tilalle tai pidä asiakirja luonnoksena (draft: true), "
        "kunnes se on valmis",
        "sv": "skriv texten i dess ställe eller låt dokumentet vara ett utkast "
        "(draft: true) tills det är klart",
        "en": "write the text in its place, or keep the document a draft (draft: true) "
        "until it is ready",
    },
    "placeholder-text.title:hint": {
        "fi": "kirjoita asiakirjalle otsikko tai pidä asiakirja luonnoksena (draft: true), "
        "kunnes se on valmis",
        "sv": "skriv en rubrik för dokumentet eller låt det vara ett utkast (draft: true) "
        "tills det är klart",
        "en": "give the document its title, or keep it a draft (draft: true) until it is ready",
    },
    # What `soteneg new` writes: titles from the data, and text for the editor to replace.
    "@skeleton.title.negotiation.practice": {
        "fi": "{region} – harjoitusneuvottelu, {round}",
        "sv": "{region} – övningsförhandling, {round}",
        "en": "{region} – practice negotiation, {round}",
    },
    "@skeleton.title.negotiation.statutory": {
        "fi": "{region} – neuvottelu {year}",
        "sv": "{region} – förhandlingen {year}",
        "en": "{region} – negotiation {year}",
    },
    "@skeleton.title.assessment": {
        "fi": "THL:n arvio: {region}, {round}",
        "sv": "THL:s bedömning: {region}, {round}",
        "en": "THL's assessment: {region}, {round}",
    },
    "@skeleton.title.summary": {
        "fi": "Yhteenveto: {round}",
        "sv": "Sammanfattning: {round}",
        "en": "Summary: {round}",
    },
    "@skeleton.title.summary.statutory": {
        "fi": "Neuvottelujen {year} yhteenveto",
        "sv": "Sammanfattning av förhandlingarna {year}",
        "en": "Summary of the negotiations {year}",
    },
    "@skeleton.title": {"fi": "[Otsikko]", "sv": "[Rubrik]", "en": "[Title]"},
    "@skeleton.theme-text": {
        "fi": "[Kirjoita tähän teemaa ”{name}” koskeva teksti.]",
        "sv": "[Skriv här texten om temat ”{name}”.]",
        "en": "[Write the text on the theme “{name}” here.]",
    },
    "@skeleton.text": {
        "fi": "[Kirjoita teksti tähän.]",
        "sv": "[Skriv texten här.]",
        "en": "[Write the text here.]",
    },
}
