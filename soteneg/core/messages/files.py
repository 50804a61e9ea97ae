"""Reading files: sources, encodings, front matter, data files and site.yaml, YAML
syntax. The fields and their values are in `fields`."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading a file (content.sources, content.loader.decode) ----------------------
    "unreadable": {
        "fi": "tiedostoa ei voi lukea",
        "sv": "filen kan inte läsas",
        "en": "cannot be read",
    },
    "unreadable.file": {
        "fi": "tiedostoa ei voi lukea: {reason}",
        "sv": "filen kan inte läsas: {reason}",
        "en": "cannot be read: {reason}",
    },
    "unreadable.not-a-file": {
        "fi": "tämä ei ole tavallinen tiedosto",
        "sv": "det här är ingen vanlig fil",
        "en": "this is not a regular file",
    },
    "unreadable.folder": {
        "fi": "tämän kansion sisältöä ei voi lukea: {reason}",
        "sv": "den här mappens innehåll kan inte listas: {reason}",
        "en": "this folder cannot be listed: {reason}",
    },
    "unreadable.link": {
        "fi": "tätä linkkiä ei voi seurata: {reason}",
        "sv": "den här länken kan inte följas: {reason}",
        "en": "this link cannot be followed: {reason}",
    },
    "unreadable.folder-link": {
        "fi": "tämä kansio on linkki, eikä soteneg seuraa kansioihin johtavia linkkejä",
        "sv": "den här mappen är en länk, och soteneg följer inte länkar till mappar",
        "en": "this folder is a link, and soteneg does not follow links to folders",
    },
    "unreadable.folder-link:hint": {
        "fi": "tallenna versionhallintaan kansio itse eikä linkkiä siihen",
        "sv": "checka in själva mappen, inte en länk till den",
        "en": "commit the folder itself, not a link to it",
    },
    "unreadable.name-not-utf8": {
        "fi": "tiedoston nimi ei ole UTF-8-muotoinen; nimeä tiedosto uudelleen",
        "sv": "filnamnet är inte UTF-8; byt namn på filen",
        "en": "this file name is not UTF-8; rename it",
    },
    "outside-project.link": {
        "fi": "tämä tiedosto on linkki projektin ulkopuolelle",
        "sv": "den här filen är en länk till en plats utanför projektet",
        "en": "this file is a link to a place outside the project",
    },
    "outside-project.link-out-of": {
        "fi": "tämä tiedosto on linkki kansion {folder} ulkopuolelle",
        "sv": "den här filen är en länk till en plats utanför {folder}",
        "en": "this file is a link to a place outside {folder}",
    },
    "outside-project.templates-link": {
        "fi": "templates/ on linkki tai ei ole kansio; soteneg lukee vain todellisen kansion",
        "sv": "templates/ är en länk eller ingen mapp; soteneg läser bara en verklig mapp",
        "en": "templates/ is a link or not a folder; soteneg reads only a real folder",
    },
    "outside-project.content-link": {
        "fi": "content/ on linkki; soteneg lukee vain todellisen kansion",
        "sv": "content/ är en länk; soteneg läser bara en verklig mapp",
        "en": "content/ is a link; soteneg reads only a real folder",
    },
    "file-too-large.source": {
        "fi": "tiedoston koko on {size} MiB; enimmäiskoko on {limit} MiB",
        "sv": "filen är {size} MiB; gränsen är {limit} MiB",
        "en": "the file is {size} MiB; the limit is {limit} MiB",
    },
    "binary-file": {
        "fi": "tämä on binääritiedosto eikä UTF-8-tekstiä",
        "sv": "det här är en binär fil, inte UTF-8-text",
        "en": "this is a binary file, not UTF-8 text",
    },
    "binary-file:hint": {
        "fi": "sisältötiedostojen pitää olla Markdown- tai YAML-tekstiä",
        "sv": "innehållsfiler ska vara Markdown- eller YAML-text",
        "en": "content files must be Markdown or YAML text",
    },
    "encoding": {
        "fi": "tavu {byte} ei ole kelvollista UTF-8-tekstiä",
        "sv": "byten {byte} är inte giltig UTF-8",
        "en": "byte {byte} is not valid UTF-8",
    },
    "encoding:hint": {
        "fi": "tallenna tiedosto UTF-8-muodossa",
        "sv": "spara filen som UTF-8",
        "en": "save the file as UTF-8",
    },
    "too-many-files": {
        "fi": "asiakirjoja on enemmän kuin {limit}; lukematta jäi {count}",
        "sv": "fler än {limit} dokument; {count} lästes inte",
        "en": "more than {limit} documents; {count} not read",
    },
    "too-many-files.templates": {
        "fi": "kansiossa templates/ on yli {limit} tiedostoa; loput jätettiin lukematta",
        "sv": "templates/ innehåller fler än {limit} filer; resten lästes inte",
        "en": "templates/ holds more than {limit} files; the rest were not read",
    },
    # --- front matter (content.loader) -------------------------------------------------
    "empty-file": {
        "fi": "tiedosto on tyhjä",
        "sv": "filen är tom",
        "en": "the file is empty",
    },
    "empty-file:hint": {
        "fi": "aloita tiedosto metatiedoilla '---'-rivien välissä tai aja 'soteneg new'",
        "sv": "börja filen med metadata mellan rader med '---', eller kör 'soteneg new'",
        "en": "start it with front matter between '---' lines, or run 'soteneg new'",
    },
    "front-matter-missing": {
        "fi": "asiakirjan pitää alkaa metatiedoilla: rivi '---', kentät ja lopuksi rivi '---'",
        "sv": "ett dokument ska börja med metadata: en rad '---', fälten och en avslutande "
        "rad '---'",
        "en": "a document must start with front matter: a line '---', fields, and a closing '---'",
    },
    "front-matter-unterminated": {
        "fi": "tästä alkavat metatiedot eivät pääty",
        "sv": "metadatan som börjar här avslutas aldrig",
        "en": "the front matter that starts here is never closed",
    },
    "front-matter-unterminated:hint": {
        "fi": "lisää viimeisen kentän jälkeen rivi '---'",
        "sv": "lägg till en rad '---' efter det sista fältet",
        "en": "add a line '---' after the last field",
    },
    "front-matter-invalid.empty": {
        "fi": "metatiedot ovat tyhjät",
        "sv": "metadatan är tom",
        "en": "the front matter is empty",
    },
    "front-matter-invalid.not-fields": {
        "fi": "metatiedot eivät ole kenttiä muodossa 'kenttä: arvo'",
        "sv": "metadatan består inte av fält i formen 'fält: värde'",
        "en": "the front matter is not a list of 'key: value' fields",
    },
    "invalid-value.document-type": {
        "fi": "tuntematon asiakirjatyyppi '{type}'",
        "sv": "okänd dokumenttyp '{type}'",
        "en": "unknown document type '{type}'",
    },
    # --- data files and site.yaml (content.loader) -------------------------------------
    "data-missing": {
        "fi": "datatiedosto {path} puuttuu",
        "sv": "datafilen {path} saknas",
        "en": "the data file {path} is missing",
    },
    "data-invalid": {
        "fi": "datatiedoston pitää olla luettelo merkinnöistä, joista kukin alkaa rivillä '- id:'",
        "sv": "en datafil ska vara en lista med poster som var och en börjar med '- id:'",
        "en": "a data file must be a list of entries, each starting with '- id:'",
    },
    "duplicate-id": {
        "fi": "tunnus '{id}' on jo käytössä merkinnässä {entry}",
        "sv": "id '{id}' används redan av posten {entry}",
        "en": "id '{id}' is already used by entry {entry}",
    },
    "config-missing": {
        "fi": "site.yaml puuttuu: onko tämä soteneg-projekti?",
        "sv": "site.yaml saknas: är det här ett soteneg-projekt?",
        "en": "site.yaml is missing: is this a soteneg project?",
    },
    "config-missing:hint": {
        "fi": "aja soteneg projektin kansiossa tai anna --root DIR",
        "sv": "kör soteneg i projektets mapp eller ange --root DIR",
        "en": "run soteneg in the project folder or pass --root DIR",
    },
    "config-invalid": {
        "fi": "site.yaml-tiedostossa pitää olla asetuksia muodossa 'kenttä: arvo'",
        "sv": "site.yaml ska bestå av inställningar i formen 'fält: värde'",
        "en": "site.yaml must be a mapping of settings",
    },
    # --- YAML (content.yamlpos) --------------------------------------------------------
    "yaml-syntax.tab": {
        "fi": "sarkainmerkkiä ei voi käyttää tässä",
        "sv": "ett tabbtecken kan inte användas här",
        "en": "a tab character cannot be used here",
    },
    "yaml-syntax.tab:hint": {
        "fi": "YAML sisennetään välilyönneillä, ei koskaan sarkaimilla",
        "sv": "YAML dras in med mellanslag, aldrig med tabbtecken",
        "en": "YAML is indented with spaces, never tabs",
    },
    "yaml-syntax.colon": {
        "fi": "kaksoispiste ja välilyönti (': ') eivät ole sallittuja tässä kohdassa",
        "sv": "kolon följt av mellanslag (': ') är inte tillåtet här",
        "en": "mapping values are not allowed here",
    },
    "yaml-syntax.colon:hint": {
        "fi": "arvo, jossa on ': ', pitää kirjoittaa lainausmerkkeihin",
        "sv": "ett värde som innehåller ': ' ska stå inom citattecken",
        "en": "a value containing ': ' must be quoted",
    },
    "yaml-syntax.no-colon": {
        "fi": "riviltä puuttuu kaksoispiste ':'",
        "sv": "raden saknar kolon ':'",
        "en": "while scanning a simple key could not find expected ':'",
    },
    "yaml-syntax.no-colon:hint": {
        "fi": "jokaisen rivin pitää olla muotoa 'kenttä: arvo'",
        "sv": "varje rad ska ha formen 'fält: värde'",
        "en": "every line should read 'key: value'",
    },
    "yaml-syntax.unclosed-quote": {
        "fi": "lainausmerkeissä oleva teksti jää kesken: sulkeva lainausmerkki puuttuu",
        "sv": "texten inom citattecken tar aldrig slut: det avslutande citattecknet saknas",
        "en": "while scanning a quoted scalar found unexpected end of stream",
    },
    "yaml-syntax.cannot-start": {
        "fi": "merkillä {char} ei voi alkaa kenttä eikä arvo",
        "sv": "varken ett fält eller ett värde kan börja med tecknet {char}",
        "en": "while scanning for the next token found character {char} that cannot start "
        "any token",
    },
    "yaml-syntax.block-mapping": {
        "fi": "tämä kohta ei sovi kenttien joukkoon (löytyi {token}): tarkista sisennys ja "
        "lainausmerkit",
        "sv": "det här passar inte in bland fälten (här står {token}): kontrollera indraget "
        "och citattecknen",
        "en": "while parsing a block mapping expected <block end>, but found {token}",
    },
    "yaml-syntax.block-list": {
        "fi": "tämä kohta ei sovi luetteloon (löytyi {token}): tarkista sisennys",
        "sv": "det här passar inte in i listan (här står {token}): kontrollera indraget",
        "en": "while parsing a block collection expected <block end>, but found {token}",
    },
    "yaml-syntax.flow-list": {
        "fi": "hakasulkeissa [ ] oleva luettelo jatkuu väärin: odotettiin ',' tai ']', "
        "löytyi {token}",
        "sv": "listan inom hakparenteser [ ] fortsätter fel: ',' eller ']' väntades, här "
        "står {token}",
        "en": "while parsing a flow sequence expected ',' or ']', but got {token}",
    },
    "yaml-syntax.flow-mapping": {
        "fi": "aaltosulkeissa {{ }} olevat kentät jatkuvat väärin: odotettiin ',' tai '}}', "
        "löytyi {token}",
        "sv": "fälten inom klammerparenteser {{ }} fortsätter fel: ',' eller '}}' väntades, "
        "här står {token}",
        "en": "while parsing a flow mapping expected ',' or '}}', but got {token}",
    },
    "yaml-syntax.escape": {
        "fi": 'lainausmerkeissä "…" kenoviivan \\ jälkeen ei voi olla merkkiä {char}',
        "sv": 'inom citattecken "…" kan tecknet {char} inte stå efter ett omvänt snedstreck \\',
        "en": "while scanning a double-quoted scalar found unknown escape character {char}",
    },
    # Any other refusal by PyYAML: its own words, as a detail.
    "yaml-syntax.other": {
        "fi": "YAML-tekstiä ei voi lukea: {detail}",
        "sv": "YAML-texten kan inte läsas: {detail}",
        "en": "{detail}",
    },
    "yaml-syntax.unreadable": {
        "fi": "YAML-tekstiä ei voi lukea",
        "sv": "YAML-texten kan inte läsas",
        "en": "the YAML cannot be read",
    },
    "yaml-syntax.control-character": {
        "fi": "ohjausmerkki {codepoint} ei ole sallittu",
        "sv": "styrtecknet {codepoint} är inte tillåtet",
        "en": "control character {codepoint} is not allowed",
    },
    "yaml-syntax.tag": {
        "fi": "tyyppimerkintää {tag} ei sallita",
        "sv": "taggen {tag} är inte tillåten",
        "en": "the tag {tag} is not allowed",
    },
    "yaml-syntax.complex-key": {
        "fi": "kentän nimen pitää olla pelkkä arvo, ei luettelo eikä sisäkkäisiä kenttiä",
        "sv": "ett fältnamn ska vara ett enkelt värde, inte en lista eller underordnade fält",
        "en": "a key must be a plain value, not a list or mapping",
    },
    "yaml-syntax.bad-key": {
        "fi": "tätä kentän nimeä ei voi käyttää",
        "sv": "det här fältnamnet kan inte användas",
        "en": "this key cannot be used",
    },
    "yaml-syntax.documents": {
        "fi": "tässä saa olla vain yksi YAML-osio",
        "sv": "här får det bara finnas ett YAML-avsnitt",
        "en": "only one YAML document is allowed here",
    },
    "yaml-syntax.documents:hint": {
        "fi": "poista ylimääräinen '---'",
        "sv": "ta bort det extra '---'",
        "en": "remove the extra '---'",
    },
    "duplicate-key": {
        "fi": "kenttä '{name}' on kahdesti; ensimmäinen on rivillä {line}",
        "sv": "fältet '{name}' förekommer två gånger; det första står på rad {line}",
        "en": "key '{name}' appears twice; the first is on line {line}",
    },
    "duplicate-key:hint": {
        "fi": "poista toinen niistä",
        "sv": "ta bort det ena",
        "en": "remove one of them",
    },
    "yaml-alias": {
        "fi": "YAML-aliaksia (*nimi) ei sallita",
        "sv": "YAML-alias (*namn) är inte tillåtna",
        "en": "YAML aliases (*name) are not allowed",
    },
    "yaml-alias:hint": {
        "fi": "kirjoita arvo kokonaan",
        "sv": "skriv ut värdet i sin helhet",
        "en": "write the value out in full",
    },
    "yaml-too-large": {
        "fi": "yli {limit} YAML-arvoa",
        "sv": "fler än {limit} YAML-värden",
        "en": "more than {limit} YAML values",
    },
    "yaml-too-deep": {
        "fi": "arvot ovat sisäkkäin yli {limit} tasoa",
        "sv": "värdena är kapslade i fler än {limit} nivåer",
        "en": "values are nested more than {limit} deep",
    },
    "invalid-value.yaml-type": {
        "fi": "arvoa '{value}' ei voi lukea tyyppinä {kind}",
        "sv": "'{value}' kan inte läsas som {kind}",
        "en": "'{value}' cannot be read as {kind}",
    },
    "invalid-value.yaml-type-detail": {
        "fi": "arvoa '{value}' ei voi lukea tyyppinä {kind}: {detail}",
        "sv": "'{value}' kan inte läsas som {kind}: {detail}",
        "en": "'{value}' cannot be read as {kind}: {detail}",
    },
    "invalid-value.yaml-value": {
        "fi": "arvoa '{value}' ei voi lukea",
        "sv": "värdet '{value}' kan inte läsas",
        "en": "'{value}' cannot be read as a value",
    },
    "invalid-value.yaml-value-detail": {
        "fi": "arvoa '{value}' ei voi lukea: {detail}",
        "sv": "värdet '{value}' kan inte läsas: {detail}",
        "en": "'{value}' cannot be read as a value: {detail}",
    },
    "invalid-date.yaml": {
        "fi": "päivämäärää '{value}' ei ole olemassa ({reason})",
        "sv": "datumet '{value}' finns inte ({reason})",
        "en": "'{value}' is not a real date ({reason})",
    },
    # Why a date or a time does not exist (Python's datetime, in a few words).
    "@date-day": {
        "fi": "kuukaudessa ei ole niin monta päivää",
        "sv": "månaden har inte så många dagar",
        "en": "day is out of range for month",
    },
    "@date-month": {
        "fi": "kuukauden pitää olla 1–12",
        "sv": "månaden ska vara 1–12",
        "en": "month must be in 1..12",
    },
    "@date-year-zero": {
        "fi": "vuotta 0 ei ole",
        "sv": "år 0 finns inte",
        "en": "year 0 is out of range",
    },
    "@date-hour": {
        "fi": "tunnin pitää olla 0–23",
        "sv": "timmen ska vara 0–23",
        "en": "hour must be in 0..23",
    },
    "@date-minute": {
        "fi": "minuutin pitää olla 0–59",
        "sv": "minuten ska vara 0–59",
        "en": "minute must be in 0..59",
    },
    "@date-second": {
        "fi": "sekunnin pitää olla 0–59",
        "sv": "sekunden ska vara 0–59",
        "en": "second must be in 0..59",
    },
    "@date-other": {
        "fi": "virheellinen päivämäärä tai aika: {detail}",
        "sv": "felaktigt datum eller klockslag: {detail}",
        "en": "{detail}",
    },
}
