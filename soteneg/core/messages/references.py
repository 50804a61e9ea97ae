"""What needs more than one file: ids, themes of a round, sections, translations,
languages, links and anchors in documents, regions in time."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- ids that name nothing (crossref) ----------------------------------------------
    "unknown-theme": {
        "fi": "teemaa '{value}' ei ole määritelty",
        "sv": "temat '{value}' är inte definierat",
        "en": "theme '{value}' is not defined",
    },
    "unknown-party": {
        "fi": "osapuolta '{value}' ei ole määritelty",
        "sv": "parten '{value}' är inte definierad",
        "en": "party '{value}' is not defined",
    },
    "unknown-era": {
        "fi": "aikakautta '{value}' ei ole määritelty",
        "sv": "eran '{value}' är inte definierad",
        "en": "era '{value}' is not defined",
    },
    "unknown-region": {
        "fi": "aluetta '{value}' ei ole määritelty",
        "sv": "området '{value}' är inte definierat",
        "en": "region '{value}' is not defined",
    },
    "unknown-round": {
        "fi": "kierrosta '{value}' ei ole määritelty",
        "sv": "rundan '{value}' är inte definierad",
        "en": "round '{value}' is not defined",
    },
    "unknown-person": {
        "fi": "henkilöä '{value}' ei ole määritelty",
        "sv": "personen '{value}' är inte definierad",
        "en": "person '{value}' is not defined",
    },
    # --- themes and sections -------------------------------------------------------------
    "theme-not-in-round": {
        "fi": "teemasta '{theme}' ei neuvotella kierroksella '{round}'",
        "sv": "temat '{theme}' förhandlas inte i rundan '{round}'",
        "en": "theme '{theme}' is not negotiated in round '{round}'",
    },
    "theme-not-in-round:hint": {
        "fi": "kierroksen teemat ovat: {themes}",
        "sv": "rundans teman är: {themes}",
        "en": "the round's themes are: {themes}",
    },
    "theme-section-level": {
        "fi": "teeman '{theme}' osion on oltava tason 2 otsikko ('## …')",
        "sv": "avsnittet för temat '{theme}' ska vara en rubrik på nivå 2 ('## …')",
        "en": "the theme section '{theme}' must be a level-2 heading ('## …')",
    },
    "duplicate-section": {
        "fi": "teemalla '{theme}' on jo osio rivillä {line}",
        "sv": "temat '{theme}' har redan ett avsnitt på rad {line}",
        "en": "theme '{theme}' already has a section on line {line}",
    },
    # The English of a heading's attribute error is the error itself; Finnish and Swedish
    # say what it is about first.
    "heading-attribute": {
        "fi": "otsikon määreet: {error}",
        "sv": "rubrikens attribut: {error}",
        "en": "{error}",
    },
    "@heading-attribute.unreadable": {
        "fi": "kohtaa '{part}' ei voi lukea merkinnässä {{{block}}}",
        "sv": "'{part}' kan inte läsas i {{{block}}}",
        "en": "cannot read '{part}' in {{{block}}}",
    },
    "@heading-attribute.unknown": {
        "fi": "tuntematon otsikon määre '{name}' (sallittuja: #id, .class, theme=…)",
        "sv": "okänt rubrikattribut '{name}' (tillåtna: #id, .class, theme=…)",
        "en": "unknown heading attribute '{name}' (allowed: #id, .class, theme=…)",
    },
    "duplicate-document": {
        "fi": "kohteelle {where} on jo dokumentti, jonka tyyppi on {type}: {file}",
        "sv": "det finns redan ett dokument av typen {type} för {where}: {file}",
        "en": "there is already a {type} document for {where}: {file}",
    },
    # --- translations --------------------------------------------------------------------
    "unknown-translation": {
        "fi": "translation_of '{target}' ei ole dokumentti",
        "sv": "translation_of '{target}' är inte ett dokument",
        "en": "translation_of '{target}' is not a document",
    },
    "translation-same-lang": {
        "fi": "'{target}' on myös kielellä '{lang}': käännöksen on oltava toisella kielellä",
        "sv": "'{target}' är också på '{lang}': en översättning ska vara på ett annat språk",
        "en": "'{target}' is also in '{lang}': a translation must be in another language",
    },
    "translation-chain": {
        "fi": "'{target}' on itse käännös; viittaa alkutekstiin '{original}'",
        "sv": "'{target}' är själv en översättning; hänvisa till originalet '{original}'",
        "en": "'{target}' is itself a translation; point to the original '{original}'",
    },
    "translation-type": {
        "fi": "'{target}' on tyyppiä {theirs}, tämä dokumentti tyyppiä {mine}",
        "sv": "'{target}' är av typen {theirs}, det här dokumentet av typen {mine}",
        "en": "'{target}' is a {theirs}, this is a {mine}",
    },
    "translation-mismatch": {
        "fi": "{field} '{mine}' on eri kuin alkutekstin '{theirs}'",
        "sv": "{field} '{mine}' skiljer sig från originalets '{theirs}'",
        "en": "{field} '{mine}' differs from the original's '{theirs}'",
    },
    "duplicate-translation": {
        "fi": "{file} on jo käännös dokumentista '{target}' kielelle '{lang}'",
        "sv": "{file} översätter redan '{target}' till '{lang}'",
        "en": "{file} already translates '{target}' into '{lang}'",
    },
    "translation-outdated": {
        "fi": "{original} on muuttunut sen jälkeen, kun tämä käännös tehtiin siitä "
        "(versio {recorded}, nyt {current})",
        "sv": "{original} har ändrats sedan den här översättningen gjordes från den "
        "(version {recorded}, nu {current})",
        "en": "{original} has changed since this translation was made from it "
        "(version {recorded}, now {current})",
    },
    "translation-outdated:hint": {
        "fi": "päivitä käännös ajan tasalle ja aja sitten `soteneg translated {file}`",
        "sv": "uppdatera översättningen och kör sedan `soteneg translated {file}`",
        "en": "bring the translation up to date, then run `soteneg translated {file}`",
    },
    # --- languages of the site -----------------------------------------------------------
    "language-not-published": {
        "fi": "'{lang}' ei ole mukana sivuston kielissä tiedostossa site.yaml",
        "sv": "'{lang}' är inte ett av webbplatsens språk i site.yaml",
        "en": "'{lang}' is not one of the site's languages in site.yaml",
    },
    "language-not-published:hint": {
        "fi": "lisää se kohtaan `languages:` tiedostossa site.yaml tai muuta kenttää `lang`",
        "sv": "lägg till det i `languages:` i site.yaml, eller ändra `lang`",
        "en": "add it to `languages:` in site.yaml, or change `lang`",
    },
    "language-without-content": {
        "fi": "'{lang}' on kentässä languages, mutta yksikään dokumentti ei ole sillä "
        "kielellä, joten sivustolla ei ole sivuja /{lang}/",
        "sv": "'{lang}' finns i languages, men inget dokument är skrivet på det, så "
        "webbplatsen har inga sidor under /{lang}/",
        "en": "'{lang}' is listed in languages, but no document is written in it, so the "
        "site has no /{lang}/ pages",
    },
    "language-without-content:hint": {
        "fi": "kirjoita dokumentteja, joissa on `lang: {lang}`, tai poista '{lang}' "
        "kentästä languages",
        "sv": "skriv dokument med `lang: {lang}`, eller ta bort '{lang}' ur languages",
        "en": "write documents with `lang: {lang}`, or remove '{lang}' from languages",
    },
    # --- links and images in a document --------------------------------------------------
    "image-alt-missing": {
        "fi": "kuvalla '{href}' ei ole vaihtoehtoista tekstiä",
        "sv": "bilden '{href}' saknar alternativ text",
        "en": "the image '{href}' has no alternative text",
    },
    "image-alt-missing:hint": {
        "fi": "kuvaile kuva hakasulkeiden välissä: ![mitä kuvassa näkyy](kuva.png)",
        "sv": "beskriv bilden mellan hakparenteserna: ![vad den visar](bild.png)",
        "en": "describe the image between the brackets: ![what it shows](file.png)",
    },
    "remote-image": {
        "fi": "kuva '{href}' ei ole projektin tiedosto",
        "sv": "bilden '{href}' är inte en fil i projektet",
        "en": "the image '{href}' is not a file in the project",
    },
    "remote-image:hint": {
        "fi": "tallenna kuva dokumentin viereen ja linkitä se tiedostonimellä",
        "sv": "spara bilden bredvid dokumentet och länka till den med dess filnamn",
        "en": "save the image beside the document and link it by its file name",
    },
    "unsafe-link": {
        "fi": "linkit, jotka alkavat '{scheme}:', eivät ole sallittuja",
        "sv": "länkar med '{scheme}:' är inte tillåtna",
        "en": "links with '{scheme}:' are not allowed",
    },
    "unsafe-link:hint": {
        "fi": "käytä https://-osoitetta tai suhteellista linkkiä kansion content/ tiedostoon",
        "sv": "använd en https://-adress eller en relativ länk till en fil i content/",
        "en": "use an https:// address or a relative link to a file in content/",
    },
    "broken-anchor": {
        "fi": "tässä dokumentissa ei ole otsikkoa '#{anchor}'",
        "sv": "det finns ingen rubrik '#{anchor}' i det här dokumentet",
        "en": "there is no heading '#{anchor}' in this document",
    },
    "broken-anchor.in-target": {
        "fi": "dokumentissa '{path}' ei ole otsikkoa '#{anchor}'",
        "sv": "'{path}' har ingen rubrik '#{anchor}'",
        "en": "'{path}' has no heading '#{anchor}'",
    },
    "link-outside-content": {
        "fi": "'{href}' johtaa kansion {dir}/ ulkopuolelle",
        "sv": "'{href}' leder utanför {dir}/",
        "en": "'{href}' leads outside {dir}/",
    },
    "link-outside-content:hint": {
        "fi": "linkitä vain kansiossa content/ oleviin dokumentteihin",
        "sv": "länka bara till dokument i content/",
        "en": "link only to documents inside content/",
    },
    "broken-link": {
        "fi": "'{path}' ei ole dokumentti",
        "sv": "'{path}' är inte ett dokument",
        "en": "'{path}' is not a document",
    },
    # --- regions in time (time_checks) ---------------------------------------------------
    "@period.from-to": {
        "fi": "{start}–{end}",
        "sv": "från {start} till {end}",
        "en": "from {start} to {end}",
    },
    "@period.from": {
        "fi": "{start} alkaen",
        "sv": "från {start}",
        "en": "from {start}",
    },
    "@period.until": {
        "fi": "{end} asti",
        "sv": "till och med {end}",
        "en": "until {end}",
    },
    "@period.always": {
        "fi": "aina",
        "sv": "alltid",
        "en": "at all times",
    },
    "region-not-in-round": {
        "fi": "alue '{region}' on voimassa {period}, mutta kierros '{round}' kestää {start}–{end}",
        "sv": "området '{region}' gäller {period}, men rundan '{round}' pågår från "
        "{start} till {end}",
        "en": "region '{region}' is valid {period}, but round '{round}' runs from {start} to {end}",
    },
    "@region-not-in-round.successor": {
        "fi": "nimeä sen silloin voimassa ollut seuraaja: {regions}",
        "sv": "ange dess efterföljare som gällde då: {regions}",
        "en": "name its successor valid then: {regions}",
    },
    "@region-not-in-round.successors": {
        "fi": "nimeä jokin sen silloin voimassa olleista seuraajista: {regions}",
        "sv": "ange en av dess efterföljare som gällde då: {regions}",
        "en": "name one of its successors valid then: {regions}",
    },
    "@region-not-in-round.no-successor": {
        "fi": "mikään alueen '{region}' seuraaja ei ollut silloin voimassa: tarkista "
        "`round` tai alueen valid_from ja valid_to tiedostossa {file}",
        "sv": "ingen efterföljare till '{region}' gällde då: kontrollera `round`, eller "
        "områdets valid_from och valid_to i {file}",
        "en": "no successor of '{region}' was valid then: check `round`, or the region's "
        "valid_from and valid_to in {file}",
    },
    "@region-not-in-round.predecessor": {
        "fi": "nimeä sen silloin voimassa ollut edeltäjä: {regions}",
        "sv": "ange dess föregångare som gällde då: {regions}",
        "en": "name its predecessor valid then: {regions}",
    },
    "@region-not-in-round.predecessors": {
        "fi": "nimeä jokin sen silloin voimassa olleista edeltäjistä: {regions}",
        "sv": "ange en av dess föregångare som gällde då: {regions}",
        "en": "name one of its predecessors valid then: {regions}",
    },
    "@region-not-in-round.no-predecessor": {
        "fi": "mikään alueen '{region}' edeltäjä ei ollut silloin voimassa: tarkista "
        "`round` tai alueen valid_from ja valid_to tiedostossa {file}",
        "sv": "ingen föregångare till '{region}' gällde då: kontrollera `round`, eller "
        "områdets valid_from och valid_to i {file}",
        "en": "no predecessor of '{region}' was valid then: check `round`, or the region's "
        "valid_from and valid_to in {file}",
    },
    "succession-cycle": {
        "fi": "seuraajien ketju palaa alueeseen '{first}': {cycle}",
        "sv": "kedjan av efterföljare återvänder till '{first}': {cycle}",
        "en": "succession returns to '{first}': {cycle}",
    },
    "succession-cycle:hint": {
        "fi": "alueen seuraajiksi merkitään vain alueita, jotka alkavat sen päätyttyä; "
        "poista '{last}' alueen '{region}' kentästä succeeded_by",
        "sv": "ett område efterföljs bara av områden som börjar efter att det upphört; ta "
        "bort '{last}' ur succeeded_by för '{region}'",
        "en": "a region is succeeded only by regions that begin after it ends; remove "
        "'{last}' from the succeeded_by of '{region}'",
    },
    "history-too-long": {
        "fi": "alue '{region}' jatkaa useamman kuin {limit} kierrosten aikana olemassa "
        "olleen edeltäjänsä historiaa; sen jokainen teemasivu luettelisi niiden kaikki "
        "kierrokset",
        "sv": "området '{region}' för vidare historien för fler än {limit} föregångare som "
        "fanns under omgångar; var och en av dess temasidor skulle räkna upp alla deras "
        "omgångar",
        "en": "region '{region}' continues the history of more than {limit} predecessors "
        "that existed during rounds; each of its theme pages would list all their rounds",
    },
    "history-too-long:hint": {
        "fi": "näin pitkä seuraajien ketju on todennäköisesti virhe kentissä succeeded_by, "
        "valid_from tai valid_to; edeltäjiä saa olla enintään {limit}",
        "sv": "en så lång kedja av efterträdare är troligen ett fel i succeeded_by, "
        "valid_from eller valid_to; högst {limit} föregångare är tillåtna",
        "en": "a chain of successors this long is most likely a mistake in succeeded_by, "
        "valid_from or valid_to; at most {limit} predecessors are allowed",
    },
    "succession-without-end": {
        "fi": "alueella '{region}' on seuraajia, mutta ei kenttää valid_to",
        "sv": "området '{region}' har efterföljare men inget valid_to",
        "en": "region '{region}' has successors but no valid_to",
    },
    "succession-without-end.never": {
        "fi": "alueella '{region}' on seuraajia, mutta se ei pääty koskaan ({end})",
        "sv": "området '{region}' har efterföljare men upphör aldrig ({end})",
        "en": "region '{region}' has successors but never ends ({end})",
    },
    "@succession-without-end.day-before": {
        "fi": "lisää valid_to: {day}, seuraajien alkua edeltävä päivä",
        "sv": "lägg till valid_to: {day}, dagen före efterföljarnas början",
        "en": "add valid_to: {day}, the day before its successors begin",
    },
    "@succession-without-end.last-day": {
        "fi": "lisää valid_to, alueen '{region}' viimeinen päivä",
        "sv": "lägg till valid_to, den sista dagen för '{region}'",
        "en": "add valid_to, the last day of '{region}'",
    },
    "succession-gap.no-start": {
        "fi": "alue '{region}' päättyy {end}, ja sen seuraajalta '{successor}' puuttuu valid_from",
        "sv": "området '{region}' upphör {end}, och dess efterföljare '{successor}' "
        "saknar valid_from",
        "en": "region '{region}' ends on {end}, and its successor '{successor}' has no valid_from",
    },
    "succession-gap.gap": {
        "fi": "alue '{region}' päättyy {end}, ja sen seuraaja '{successor}' alkaa "
        "{begins}: {days} päivä(ä) ilman kumpaakaan",
        "sv": "området '{region}' upphör {end}, och dess efterföljare '{successor}' "
        "börjar {begins}: {days} dag(ar) utan någotdera",
        "en": "region '{region}' ends on {end}, and its successor '{successor}' begins on "
        "{begins}: {days} day(s) without either",
    },
    "succession-gap.overlap": {
        "fi": "alue '{region}' päättyy {end}, ja sen seuraaja '{successor}' alkaa "
        "{begins}: {days} päivä(ä), jolloin molemmat ovat voimassa",
        "sv": "området '{region}' upphör {end}, och dess efterföljare '{successor}' "
        "börjar {begins}: {days} dag(ar) med båda",
        "en": "region '{region}' ends on {end}, and its successor '{successor}' begins on "
        "{begins}: {days} day(s) with both",
    },
    "@succession-gap.hint": {
        "fi": "seuraaja alkaa edeltäjän päättymistä seuraavana päivänä: valid_from: "
        "{expected} alueelle '{successor}', tai korjaa alueen '{region}' valid_to",
        "sv": "en efterföljare börjar dagen efter att föregångaren upphör: valid_from: "
        "{expected} för '{successor}', eller rätta valid_to för '{region}'",
        "en": "a successor begins the day after its predecessor ends: valid_from: "
        "{expected} for '{successor}', or correct valid_to of '{region}'",
    },
    "@succession-gap.hint-gap": {
        "fi": "seuraaja alkaa edeltäjän päättymistä seuraavana päivänä: valid_from: "
        "{expected} alueelle '{successor}', tai korjaa alueen '{region}' valid_to; jos "
        "väli on historiaa (esimerkiksi vuodet uudistuksen raukeamisesta hyvinvointialueisiin), "
        "kerro syy alueen '{region}' kentässä gap",
        "sv": "en efterträdare börjar dagen efter att föregångaren upphör: valid_from: "
        "{expected} för '{successor}', eller rätta valid_to för '{region}'; om uppehållet "
        "är historia (till exempel åren mellan att reformen förföll och välfärdsområdena), "
        "ange orsaken i fältet gap för '{region}'",
        "en": "a successor begins the day after its predecessor ends: valid_from: "
        "{expected} for '{successor}', or correct valid_to of '{region}'; if the gap is "
        "history (the years between the lapsed reform and the counties, say), give the "
        "reason in gap of '{region}'",
    },
    "region-outside-era": {
        "fi": "alue '{region}' on voimassa {period}, eli aikakautensa '{era}' ulkopuolella "
        "(aikakausi on voimassa {era_period})",
        "sv": "området '{region}' gäller {period}, utöver sin era '{era}', som gäller {era_period}",
        "en": "region '{region}' is valid {period}, beyond its era '{era}', valid {era_period}",
    },
    "region-outside-era:hint": {
        "fi": "anna alueelle sen oman ajan päivämäärät (valid_from, valid_to) tai nimeä "
        "aikakausi, johon se kuuluu",
        "sv": "ge området datumen för dess egen tid (valid_from, valid_to), eller ange "
        "den era det hör till",
        "en": "give the region the dates of its own time (valid_from, valid_to), or name "
        "the era it belongs to",
    },
}
