"""Fields and their values: what pydantic and our models' own rules refuse (content.
validation, models, config)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- fields and their values (content.validation, models, config) ------------------
    "unknown-field": {
        "fi": "tuntematon kenttä '{field}'",
        "sv": "okänt fält '{field}'",
        "en": "unknown field '{field}'",
    },
    "@allowed-fields": {
        "fi": "sallitut kentät: {fields}",
        "sv": "tillåtna fält: {fields}",
        "en": "allowed fields: {fields}",
    },
    "missing-field": {
        "fi": "pakollinen kenttä '{field}' puuttuu",
        "sv": "det obligatoriska fältet '{field}' saknas",
        "en": "required field '{field}' is missing",
    },
    "missing-field:hint": {
        "fi": "lisää '{name}:'",
        "sv": "lägg till '{name}:'",
        "en": "add '{name}:'",
    },
    "@the-value": {"fi": "arvo", "sv": "värdet", "en": "the value"},
    "wrong-type": {
        "fi": "'{field}': arvon pitää olla {expected}, ei {kind}",
        "sv": "'{field}': värdet ska vara {expected}, inte {kind}",
        "en": "'{field}' should be {expected}, not {kind}",
    },
    # A data file's entry that is no mapping (the entry has no field name to show).
    "wrong-type.entry": {
        "fi": "merkinnän pitää olla {expected}, ei {kind}",
        "sv": "posten ska vara {expected}, inte {kind}",
        "en": "the entry should be {expected}, not {kind}",
    },
    # What a value should be ...
    "@type-text": {"fi": "teksti", "sv": "text", "en": "text"},
    "@type-bool": {"fi": "true tai false", "sv": "true eller false", "en": "true or false"},
    "@type-int": {"fi": "kokonaisluku", "sv": "ett heltal", "en": "a whole number"},
    "@type-mapping": {
        "fi": "kenttiä muodossa 'kenttä: arvo'",
        "sv": "fält i formen 'fält: värde'",
        "en": "a mapping of keys and values",
    },
    # ... and what it is.
    "@a-list": {"fi": "luettelo", "sv": "en lista", "en": "a list"},
    "@kind-nothing": {"fi": "tyhjä arvo", "sv": "ett tomt värde", "en": "an empty value"},
    "@kind-mapping": {"fi": "sisäkkäisiä kenttiä", "sv": "underordnade fält", "en": "a mapping"},
    "@kind-text": {"fi": "teksti '{text}'", "sv": "texten '{text}'", "en": "the text '{text}'"},
    "invalid-value.one-of": {
        "fi": "'{field}': arvon pitää olla {options}, ei {kind}",
        "sv": "'{field}': värdet ska vara {options}, inte {kind}",
        "en": "'{field}' must be one of {options}, not {kind}",
    },
    "invalid-value.pattern": {
        "fi": "'{field}': {kind} ei kelpaa",
        "sv": "'{field}': {kind} är inte ett giltigt värde",
        "en": "'{field}' has an invalid value {kind}",
    },
    "@hint-https": {
        "fi": "kirjoita koko osoite, esimerkiksi https://example.fi/ (https, lopussa /)",
        "sv": "skriv hela adressen, till exempel https://example.fi/ (https, med / på slutet)",
        "en": "write the full address, like https://example.fi/ (https, ending in /)",
    },
    "@hint-id": {
        "fi": "tunnuksissa käytetään pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä, "
        "esimerkiksi 'etela-savo'",
        "sv": "id skrivs med små bokstäver a–z, siffror och bindestreck, till exempel 'etela-savo'",
        "en": "ids use lowercase letters a–z, digits and hyphens, like 'etela-savo'",
    },
    "@hint-document-id": {
        "fi": "asiakirjan tunnus on sen polku content/-kansiossa ilman päätettä '.md'",
        "sv": "ett dokuments id är dess sökväg under content/ utan '.md'",
        "en": "a document id is its path under content/ without '.md'",
    },
    "invalid-value.too-short-text": {
        "fi": "'{field}': tekstissä pitää olla vähintään {characters}",
        "sv": "'{field}': texten ska ha minst {characters}",
        "en": "'{field}': String should have at least {characters}",
    },
    "invalid-value.too-long-text": {
        "fi": "'{field}': tekstissä saa olla enintään {characters}",
        "sv": "'{field}': texten får ha högst {characters}",
        "en": "'{field}': String should have at most {characters}",
    },
    "@characters#one": {"fi": "{n} merkki", "sv": "{n} tecken", "en": "{n} character"},
    "@characters#other": {"fi": "{n} merkkiä", "sv": "{n} tecken", "en": "{n} characters"},
    "invalid-value.too-few": {
        "fi": "'{field}': luettelossa pitää olla vähintään {items}, nyt {actual}",
        "sv": "'{field}': listan ska ha minst {items}, nu {actual}",
        "en": "'{field}': Value should have at least {items} after validation, not {actual}",
    },
    "invalid-value.too-few-list": {
        "fi": "'{field}': luettelossa pitää olla vähintään {items}, nyt {actual}",
        "sv": "'{field}': listan ska ha minst {items}, nu {actual}",
        "en": "'{field}': List should have at least {items} after validation, not {actual}",
    },
    "@items#one": {"fi": "{n} arvo", "sv": "{n} värde", "en": "{n} item"},
    "@items#other": {"fi": "{n} arvoa", "sv": "{n} värden", "en": "{n} items"},
    "invalid-value.greater-than": {
        "fi": "'{field}': arvon pitää olla suurempi kuin {limit}",
        "sv": "'{field}': värdet ska vara större än {limit}",
        "en": "'{field}': Input should be greater than {limit}",
    },
    "invalid-value.greater-than-equal": {
        "fi": "'{field}': arvon pitää olla vähintään {limit}",
        "sv": "'{field}': värdet ska vara minst {limit}",
        "en": "'{field}': Input should be greater than or equal to {limit}",
    },
    "invalid-value.less-than": {
        "fi": "'{field}': arvon pitää olla pienempi kuin {limit}",
        "sv": "'{field}': värdet ska vara mindre än {limit}",
        "en": "'{field}': Input should be less than {limit}",
    },
    "invalid-value.less-than-equal": {
        "fi": "'{field}': arvo saa olla enintään {limit}",
        "sv": "'{field}': värdet får vara högst {limit}",
        "en": "'{field}': Input should be less than or equal to {limit}",
    },
    "invalid-value.number": {
        "fi": "'{field}': arvon pitää olla luku",
        "sv": "'{field}': värdet ska vara ett tal",
        "en": "'{field}': Input should be a valid number",
    },
    # Any other refusal by pydantic: its own words, as a detail.
    "invalid-value.other": {
        "fi": "'{field}': arvo ei kelpaa ({detail})",
        "sv": "'{field}': värdet godtas inte ({detail})",
        "en": "'{field}': {detail}",
    },
    "invalid-value.other-entry": {
        "fi": "arvo ei kelpaa ({detail})",
        "sv": "värdet godtas inte ({detail})",
        "en": "{detail}",
    },
    "invalid-date.type": {
        "fi": "'{field}': arvon pitää olla päivämäärä (VVVV-KK-PP)",
        "sv": "'{field}': värdet ska vara ett datum (ÅÅÅÅ-MM-DD)",
        "en": "'{field}': Input should be a valid date",
    },
    "invalid-date.datetime-type": {
        "fi": "'{field}': arvon pitää olla päivämäärä ja kellonaika",
        "sv": "'{field}': värdet ska vara datum och klockslag",
        "en": "'{field}': Input should be a valid datetime",
    },
    "invalid-date.other": {
        "fi": "'{field}': päivämäärä tai aika ei kelpaa ({detail})",
        "sv": "'{field}': datumet eller tiden godtas inte ({detail})",
        "en": "'{field}': {detail}",
    },
    # Raised by our own rules (PydanticCustomError with the key as its type).
    "invalid-date.time-given": {
        "fi": "'{field}': arvon pitää olla päivämäärä ilman kellonaikaa (VVVV-KK-PP)",
        "sv": "'{field}': ett datum utan klockslag väntas (ÅÅÅÅ-MM-DD)",
        "en": "'{field}': a date without a time is expected (YYYY-MM-DD)",
    },
    "invalid-date.shape": {
        "fi": "'{field}': päivämäärä kirjoitetaan muodossa VVVV-KK-PP",
        "sv": "'{field}': ett datum skrivs i formen ÅÅÅÅ-MM-DD",
        "en": "'{field}': a date is expected as YYYY-MM-DD",
    },
    "invalid-date.moment-shape": {
        "fi": "'{field}': aika kirjoitetaan muodossa VVVV-KK-PP TT:MM:SS, halutessa lisäksi +02:00",
        "sv": "'{field}': en tidpunkt skrivs i formen ÅÅÅÅ-MM-DD TT:MM:SS, eventuellt med +02:00",
        "en": "'{field}': a time is expected as YYYY-MM-DD HH:MM:SS, optionally +02:00",
    },
    "invalid-date.value": {
        "fi": "'{field}': tällaista päivää tai aikaa ei ole ({reason})",
        "sv": "'{field}': datumet eller tiden finns inte ({reason})",
        "en": "'{field}': {reason}",
    },
    "invalid-value.blank": {
        "fi": "'{field}': arvo ei saa olla tyhjä",
        "sv": "'{field}': värdet får inte vara tomt",
        "en": "'{field}': must not be blank",
    },
    "invalid-value.listed-twice": {
        "fi": "'{field}': '{item}' on luettelossa kahdesti",
        "sv": "'{field}': '{item}' finns två gånger i listan",
        "en": "'{field}': '{item}' is listed twice",
    },
    "invalid-value.changes-out-of-order": {
        "fi": "muutokset (changes) luetellaan vanhimmasta alkaen: "
        "{later} on merkitty {earlier} jälkeen",
        "sv": "ändringarna (changes) listas med den äldsta först: {later} står efter {earlier}",
        "en": "changes are listed oldest first: {later} comes after {earlier}",
    },
    "invalid-value.valid-to-before-from": {
        "fi": "valid_to on aikaisempi kuin valid_from",
        "sv": "valid_to är före valid_from",
        "en": "valid_to is before valid_from",
    },
    "invalid-value.round-ends-before-start": {
        "fi": "kierros päättyy ennen kuin se alkaa",
        "sv": "omgången slutar innan den börjar",
        "en": "the round ends before it starts",
    },
    "invalid-value.language-twice": {
        "fi": "'{field}': sama kieli on luettelossa kahdesti",
        "sv": "'{field}': ett språk finns två gånger i listan",
        "en": "'{field}': a language is listed twice",
    },
    "invalid-value.output-outside": {
        "fi": "'{field}': output-kansion pitää olla projektin sisällä, esimerkiksi '_site'",
        "sv": "'{field}': output ska vara en mapp inne i projektet, till exempel '_site'",
        "en": "'{field}': output must be a directory inside the project, like '_site'",
    },
    "invalid-value.never-published": {
        "fi": "'{field}': tyyppiä '{ext}' ei voi sallia: {why}; tällaisia tiedostoja ei "
        "koskaan julkaista liitteinä",
        "sv": "'{field}': '{ext}' kan inte tillåtas: {why}; sådana filer publiceras aldrig som "
        "bilagor",
        "en": "'{field}': '{ext}' cannot be allowed: {why}; such files are never published as "
        "attachments",
    },
    "invalid-value.never-published:hint": {
        "fi": "poista se luettelosta; docs/security.md luettelee sallittavat tiedostotyypit "
        "perusteluineen",
        "sv": "ta bort den ur listan; docs/security.md räknar upp de filtyper som kan tillåtas "
        "och varför",
        "en": "remove it from the list; docs/security.md lists the file types that can be "
        "allowed, and why",
    },
    "invalid-value.output-reserved": {
        "fi": "'{field}': output-kansio ei saa olla kansiossa content/ tai templates/ eikä "
        "piilokansio",
        "sv": "'{field}': output får inte ligga i content/ eller templates/ eller vara en "
        "dold mapp",
        "en": "'{field}': output must not be in content/, templates/ or a hidden folder",
    },
}
