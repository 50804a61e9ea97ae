"""Files a document attaches or shows: attachments, attached PDFs, SVG images."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- Files a document names (content/attachments.py) ---------------------------------
    "file-outside-project": {
        "fi": "'{file}' johtaa kansion {folder}/ ulkopuolelle",
        "sv": "'{file}' leder utanför mappen {folder}/",
        "en": "'{file}' leads outside {folder}/",
    },
    "file-outside-project:hint": {
        "fi": "pidä tiedostot asiakirjansa vieressä kansiossa content/",
        "sv": "håll filerna bredvid sitt dokument i mappen content/",
        "en": "keep files next to their document in content/",
    },
    "file-outside-project.link": {
        "fi": "'{file}' on linkki kansion {folder}/ ulkopuolelle (linkki kansioon .git/ tai "
        "tiedostoon .env julkaisisi salaisuuden)",
        "sv": "'{file}' är en länk till en plats utanför mappen {folder}/ (en länk in i .git/ "
        "eller till .env skulle publicera en hemlighet)",
        "en": "'{file}' is a link to a place outside {folder}/ (a link into .git/ or to .env "
        "would publish a secret)",
    },
    "file-missing": {
        "fi": "tiedostoa '{file}' ei ole kansiossa {folder}/",
        "sv": "filen '{file}' finns inte i mappen {folder}/",
        "en": "'{file}' does not exist in {folder}/",
    },
    "file-type": {
        "fi": "'.{ext}' ei ole sallittu {kind}",
        "sv": "'.{ext}' är inte en tillåten {kind}",
        "en": "'.{ext}' is not an allowed {kind}",
    },
    "file-type:hint": {
        "fi": "sallitut: {allowed}",
        "sv": "tillåtna: {allowed}",
        "en": "allowed: {allowed}",
    },
    "@file-type-image": {"fi": "kuvatyyppi", "sv": "bildtyp", "en": "image type"},
    "@file-type-file": {"fi": "tiedostotyyppi", "sv": "filtyp", "en": "file type"},
    "file-type.content": {
        "fi": "'{file}' ei näytä {format}-tiedostolta",
        "sv": "'{file}' ser inte ut som en {format}-fil",
        "en": "'{file}' does not look like a {format} file",
    },
    "file-type.never-published": {
        "fi": "'{file}': '.{ext}'-tiedostoja ei julkaista liitteinä, vaikka site.yaml sallisi "
        "ne: {why}",
        "sv": "'{file}': '.{ext}'-filer publiceras aldrig som bilagor, vad site.yaml än "
        "tillåter: {why}",
        "en": "'{file}': '.{ext}' files are never published as attachments, whatever site.yaml "
        "allows: {why}",
    },
    "file-type.never-published:hint": {
        "fi": "linkitä https://-osoitteella sivulle, jolla tiedosto on julkaistu, tai liitä "
        "sen sisältö PDF-tiedostona",
        "sv": "länka med en https://-adress till sidan där filen är publicerad, eller bifoga "
        "dess innehåll som PDF",
        "en": "link to where the file is published, with an https:// address, or attach its "
        "content as PDF",
    },
    # Why a type is never published (file_types.py), after a colon.
    "@never-published-browser": {
        "fi": "selain avaa tällaisen tiedoston verkkosivuna ja suorittaa sen skriptit "
        "sivuston omin oikeuksin",
        "sv": "en webbläsare öppnar en sådan fil som en webbsida och kör dess skript med "
        "webbplatsens egna rättigheter",
        "en": "a browser opens such a file as a web page and runs its scripts with the site's "
        "own rights",
    },
    "@never-published-server": {
        "fi": "verkkopalvelin voi suorittaa tällaisen tiedoston ohjelmana",
        "sv": "en webbserver kan köra en sådan fil som ett program",
        "en": "a web server may run such a file as a program",
    },
    "@never-published-program": {
        "fi": "se voi käynnistää ohjelman lukijan tietokoneella (ohjelmat, skriptit, "
        "asennuspaketit, levykuvat ja makroja sisältävät Office-tiedostot)",
        "sv": "den kan starta ett program på läsarens dator (program, skript, "
        "installationspaket, skivavbilder och Office-filer med makron)",
        "en": "it can run a program on the reader's computer (programs, scripts, installers, "
        "disk images and Office files with macros)",
    },
    "file-type.markup": {
        "fi": "'{file}' alkaa kuin verkkosivu ('{start}'): selain voi avata sen sivuston "
        "sivuna ja suorittaa sen skriptit",
        "sv": "'{file}' börjar som en webbsida ('{start}'): en webbläsare kan öppna den som en "
        "sida på webbplatsen och köra dess skript",
        "en": "'{file}' begins like a web page ('{start}'): a browser may open it as a page of "
        "the site and run its scripts",
    },
    "file-type.markup:hint": {
        "fi": "tallenna tiedosto uudelleen omassa muodossaan tai PDF-tiedostona",
        "sv": "spara filen på nytt i sitt eget format eller som PDF",
        "en": "save the file again in its own format, or as PDF",
    },
    "file-too-large.attachment": {
        "fi": "'{file}' on kooltaan {size}; raja on {limit} MiB (attachments.max_mb "
        "tiedostossa site.yaml)",
        "sv": "'{file}' är {size}; gränsen är {limit} MiB (attachments.max_mb i site.yaml)",
        "en": "'{file}' is {size}; the limit is {limit} MiB (attachments.max_mb in site.yaml)",
    },
    # --- Attached PDFs (content/attachment_pdf.py): '{file}' then why ---------------------
    "attachment-encrypted": {
        "fi": "'{file}': {reason}",
        "sv": "'{file}': {reason}",
        "en": "'{file}' {reason}",
    },
    "attachment-unreadable": {
        "fi": "'{file}': {reason}",
        "sv": "'{file}': {reason}",
        "en": "'{file}' {reason}",
    },
    "attachment-active": {
        "fi": "'{file}': {reason} (objekti {number}); PDF-tiedosto julkaistaan vain, jos "
        "siinä ei ole skriptejä, ohjelmia tai tiedostoja avaavia toimintoja, itsestään "
        "käynnistyviä toimintoja, upotettuja tiedostoja eikä muita kuin http-, https-, "
        "mailto- ja tel-linkkejä",
        "sv": "'{file}': {reason} (objekt {number}); en PDF-fil publiceras bara utan skript, "
        "åtgärder som öppnar program eller filer, åtgärder som startar av sig själva, "
        "inbäddade filer och andra länkar än http, https, mailto och tel",
        "en": "'{file}' {reason} (object {number}); a PDF is published only without scripts, "
        "actions that open programs or files, actions that run by themselves, embedded "
        "files and links other than http, https, mailto and tel",
    },
    "attachment-active:hint": {
        "fi": "tulosta tiedosto uudelleen PDF-muotoon esimerkiksi toiminnolla ”Microsoft Print "
        "to PDF” tai ”Tallenna PDF-muodossa”: tällainen sisältö jää silloin pois",
        "sv": "skriv ut filen på nytt som PDF, till exempel med ”Microsoft Print to PDF” eller "
        "”Spara som PDF”: då faller sådant innehåll bort",
        "en": 'print the file to PDF again, with "Microsoft Print to PDF" or "Save as PDF": '
        "that leaves such content out",
    },
    # What is active in a PDF (content/pdf_active.py), after "'a.pdf':" ('a.pdf' in English).
    "@pdf-active-javascript": {
        "fi": "tiedostossa on JavaScript-koodia",
        "sv": "filen innehåller JavaScript",
        "en": "holds JavaScript",
    },
    "@pdf-active-automatic": {
        "fi": "tiedostossa on itsestään käynnistyviä toimintoja (/AA), jotka suoritetaan, kun "
        "tiedosto tai sivu avataan tai lomakekenttää käytetään",
        "sv": "filen har åtgärder som startar av sig själva (/AA) när filen eller en sida "
        "öppnas eller ett formulärfält används",
        "en": "has actions that run by themselves (/AA) when the file or a page is opened or "
        "a form field is used",
    },
    "@pdf-active-embedded": {
        "fi": "tiedostoon on upotettu tiedostoja",
        "sv": "filen har inbäddade filer",
        "en": "has files embedded in it",
    },
    "@pdf-active-xfa": {
        "fi": "tiedostossa on XFA-lomake, joka voi suorittaa skriptejä",
        "sv": "filen har ett XFA-formulär, som kan köra skript",
        "en": "holds an XFA form, which can run scripts",
    },
    "@pdf-active-media": {
        "fi": "tiedostossa on mediaa, Flash-sisältöä tai 3D-malleja, jotka voivat suorittaa "
        "skriptejä",
        "sv": "filen innehåller media, Flash-innehåll eller 3D-modeller, som kan köra skript",
        "en": "holds media, Flash or 3D content, which can run scripts",
    },
    "@pdf-active-external": {
        "fi": "tiedosto lukee osan sisällöstään toisesta tiedostosta",
        "sv": "filen läser en del av sitt innehåll från en annan fil",
        "en": "reads part of its content from another file",
    },
    "@pdf-active-action": {
        "fi": "tiedostossa on toiminto {action}, joka käynnistää ohjelman, avaa toisen "
        "tiedoston, lähettää tietoja tai toistaa mediaa",
        "sv": "filen har åtgärden {action}, som startar ett program, öppnar en annan fil, "
        "skickar uppgifter eller spelar upp media",
        "en": "has a {action} action, which starts a program, opens another file, sends data "
        "or plays media",
    },
    "@pdf-active-on-open": {
        "fi": "tiedostossa on toiminto {action}, joka suoritetaan, kun tiedosto avataan",
        "sv": "filen har åtgärden {action}, som utförs när filen öppnas",
        "en": "has a {action} action that runs when the file is opened",
    },
    "@pdf-active-link": {
        "fi": "tiedostossa on linkki osoitteeseen '{address}'",
        "sv": "filen har en länk till '{address}'",
        "en": "has a link to '{address}'",
    },
    "@pdf-encrypted": {
        "fi": "tiedosto on salattu: salattua PDF-tiedostoa ei voi liittää "
        "neuvotteluaineistoon; liitä salaamaton tiedosto",
        "sv": "filen är krypterad: en krypterad PDF-fil kan inte fogas in i "
        "förhandlingsmaterialet; bifoga den okrypterade filen",
        "en": "is encrypted: encrypted PDFs cannot be drawn into a packet; attach the "
        "unencrypted file",
    },
    "@pdf-encrypted-link": {
        "fi": "tiedosto on salattu: salatun PDF-tiedoston sisältöä ei voi tarkistaa "
        "skriptien varalta; linkitä salaamaton tiedosto",
        "sv": "filen är krypterad: innehållet i en krypterad PDF-fil kan inte kontrolleras "
        "för skript; länka den okrypterade filen",
        "en": "is encrypted: what an encrypted PDF holds cannot be checked for scripts; link "
        "the unencrypted file",
    },
    "@pdf-too-many-objects": {
        "fi": "tiedostossa on {count} objektia, enemmän kuin skriptien varalta "
        "tarkistettavat {limit}",
        "sv": "filen har {count} objekt, fler än de {limit} som kontrolleras för skript",
        "en": "has {count} objects, more than the {limit} that are checked for scripts",
    },
    "@pdf-unreadable": {
        "fi": "tiedostoa ei voi lukea PDF-tiedostona ({detail})",
        "sv": "filen kan inte läsas som PDF ({detail})",
        "en": "cannot be read as a PDF ({detail})",
    },
    "@pdf-no-pages": {
        "fi": "tiedostossa ei ole sivuja",
        "sv": "filen har inga sidor",
        "en": "has no pages",
    },
    "@pdf-pages-expand": {
        "fi": "sivujen sisältö kasvaa purettaessa yhteensä yli rajan {limit} sivulla {page}",
        "sv": "sidornas innehåll växer vid uppackning sammanlagt över gränsen {limit} på sida "
        "{page}",
        "en": "has pages whose contents grow past {limit} in all when decompressed, on page {page}",
    },
    "@pdf-objects-expand": {
        "fi": "sen ristiviittaus- ja objektivirrat kasvavat purettaessa yli rajojen ({one} "
        "yksi, {all} yhteensä)",
        "sv": "dess korsreferens- och objektströmmar växer vid uppackning över gränserna "
        "({one} en, {all} sammanlagt)",
        "en": "has cross-reference and object streams that grow past the limits when "
        "decompressed ({one} one, {all} in all)",
    },
    "@pdf-streams-damaged": {
        "fi": "sen ristiviittaus- tai objektivirran pakattu sisältö on vioittunut (zlib ei "
        "pysty purkamaan sitä)",
        "sv": "det komprimerade innehållet i dess korsreferens- eller objektström är skadat "
        "(zlib kan inte packa upp det)",
        "en": "has a cross-reference or object stream whose compressed data is damaged (zlib "
        "cannot decompress it)",
    },
    "@pdf-page": {
        "fi": "sivu {page}: {fault}",
        "sv": "sida {page}: {fault}",
        "en": "page {page} {fault}",
    },
    # What is wrong with one page, after "page N" ("sivu N:", "sida N:").
    "@pdf-page-unreadable": {
        "fi": "sitä ei voi lukea ({detail})",
        "sv": "den kan inte läsas ({detail})",
        "en": "cannot be read ({detail})",
    },
    "@pdf-no-mediabox": {
        "fi": "MediaBox (sivun koko) puuttuu",
        "sv": "MediaBox (sidans storlek) saknas",
        "en": "has no MediaBox (page size)",
    },
    "@pdf-box-not-numbers": {
        "fi": "{box}-alue ei ole neljä lukua: {value}",
        "sv": "{box} är inte fyra tal: {value}",
        "en": "has a {box} that is not four numbers: {value}",
    },
    "@pdf-box-zero": {
        "fi": "{box}-alueen {side} on nolla",
        "sv": "i {box} är {side} noll",
        "en": "has a {box} of zero {side}",
    },
    "@pdf-box-negative": {
        "fi": "{box}-alueen {side} on negatiivinen (sen kulmat ovat väärässä järjestyksessä)",
        "sv": "i {box} är {side} negativ (hörnen står i omvänd ordning)",
        "en": "has a {box} of negative {side} (its corners are in reverse order)",
    },
    "@pdf-box-too-small": {
        "fi": "{box}-alueen {side} on vain {size} pistettä, liian vähän piirrettäväksi",
        "sv": "i {box} är {side} bara {size} punkter, för lite för att ritas",
        "en": "has a {box} {size} points in {side}, too small to draw",
    },
    "@pdf-width": {"fi": "leveys", "sv": "bredden", "en": "width"},
    "@pdf-height": {"fi": "korkeus", "sv": "höjden", "en": "height"},
    "@pdf-rotate": {
        "fi": "/Rotate on {value}: sivua voi kääntää vain 90 asteen kerrannaisina",
        "sv": "/Rotate är {value}: en sida kan bara vridas i multipler av 90 grader",
        "en": "has /Rotate {value}: a page turns only by multiples of 90 degrees",
    },
    "@pdf-contents-not-stream": {
        "fi": "sen sisältö ei ole virta (stream)",
        "sv": "dess innehåll är inte en ström (stream)",
        "en": "has contents that are not a stream",
    },
    "@pdf-brotli": {
        "fi": "se käyttää Brotli-suodatinta, jota ei voi lukea: se ei kuulu PDF-standardiin, "
        "eivätkä useimmat lukuohjelmat osaa näyttää sitä (tallenna tiedosto uudelleen "
        "standardin mukaisena PDF-tiedostona)",
        "sv": "den använder Brotli-filtret, som inte kan läsas: det hör inte till "
        "standard-PDF och de flesta läsprogram kan inte visa det (spara filen på nytt som "
        "standard-PDF)",
        "en": "uses the Brotli filter, which cannot be read: it is not standard PDF and most "
        "readers cannot show it (save the file again as standard PDF)",
    },
    "@pdf-filter": {
        "fi": "se käyttää suodatinta {name}, jota ei voi lukea",
        "sv": "den använder filtret {name}, som inte kan läsas",
        "en": "uses the filter {name}, which cannot be read",
    },
    "@pdf-damaged-flate": {
        "fi": "sen pakattu sisältö on vioittunut (zlib ei pysty purkamaan sitä)",
        "sv": "dess komprimerade innehåll är skadat (zlib kan inte packa upp det)",
        "en": "has damaged compressed contents (zlib cannot decompress them)",
    },
    "@pdf-page-expands": {
        "fi": "sen sisältö kasvaa purettaessa yli rajan {limit} (pakattuna {packed}); "
        "näin suuri sivu on purkupommi",
        "sv": "dess innehåll växer vid uppackning över gränsen {limit} (packat {packed}); en "
        "så stor sida är en dekomprimeringsbomb",
        "en": "has contents that grow past the limit of {limit} when decompressed ({packed} "
        "compressed): a page that large is a decompression bomb",
    },
    "@pdf-undecodable": {
        "fi": "sen sisältöä ei voi purkaa ({detail})",
        "sv": "dess innehåll kan inte avkodas ({detail})",
        "en": "has contents that cannot be decoded ({detail})",
    },
    # --- SVG images (content/svg.py) ----------------------------------------------------
    "unsafe-svg": {
        "fi": "'{file}' rivi {line}: {finding}{more}; SVG-kuva julkaistaan vain, jos siinä "
        "on pelkkiä piirtoelementtejä: ei skriptejä, tapahtumankäsittelijöitä, tyylejä, "
        "HTML:ää eikä viittauksia kuvan ulkopuolelle",
        "sv": "'{file}' rad {line}: {finding}{more}; en SVG-bild publiceras bara om den "
        "består av ritelement: inga skript, händelsehanterare, stilar, HTML eller "
        "hänvisningar utanför bilden",
        "en": "'{file}' line {line}: {finding}{more}; an SVG is published only with drawing "
        "elements: no scripts, event handlers, styles, HTML or references outside itself",
    },
    "unsafe-svg.unplaced": {
        "fi": "'{file}': {finding}{more}; SVG-kuva julkaistaan vain, jos siinä on pelkkiä "
        "piirtoelementtejä: ei skriptejä, tapahtumankäsittelijöitä, tyylejä, HTML:ää eikä "
        "viittauksia kuvan ulkopuolelle",
        "sv": "'{file}': {finding}{more}; en SVG-bild publiceras bara om den består av "
        "ritelement: inga skript, händelsehanterare, stilar, HTML eller hänvisningar "
        "utanför bilden",
        "en": "'{file}': {finding}{more}; an SVG is published only with drawing elements: no "
        "scripts, event handlers, styles, HTML or references outside itself",
    },
    "unsafe-svg:hint": {
        "fi": "vie kuva PNG-muotoon tai tallenna se tavallisena SVG-tiedostona (Plain SVG)",
        "sv": "exportera bilden som PNG eller spara den som vanlig SVG (Plain SVG)",
        "en": "export it as PNG, or save it as plain SVG",
    },
    "svg-too-large": {
        "fi": "'{file}' rivi {line}: kun <use>-viittaukset puretaan, kuvassa on {count} "
        "elementtiä, ja raja {limit} ylittyy tämän <{element}>-elementin kohdalla; selain "
        "tai tulostin käyttäisi sen piirtämiseen minuutteja ja gigatavuja muistia",
        "sv": "'{file}' rad {line}: när <use>-hänvisningarna ersätts med det de hänvisar "
        "till har bilden {count} element, och gränsen {limit} överskrids vid det här "
        "<{element}>-elementet; en webbläsare eller skrivaren skulle lägga minuter och "
        "gigabyte minne på att rita den",
        "en": "'{file}' line {line}: with its <use> references expanded the drawing has "
        "{count} elements, and this <{element}> takes it over the limit of {limit}; a "
        "browser or the printer would spend minutes and gigabytes drawing it",
    },
    "svg-too-large.cycle": {
        "fi": "'{file}' rivi {line}: <{element}> viittaa tunnisteeseen #{id}, jonka sisällä "
        "se itse on (suoraan tai muiden viittausten kautta); tällainen viittaus toistaisi "
        "itseään loputtomiin",
        "sv": "'{file}' rad {line}: <{element}> hänvisar till #{id}, som innehåller den själv "
        "(direkt eller via andra hänvisningar); en sådan hänvisning skulle upprepa sig utan "
        "slut",
        "en": "'{file}' line {line}: <{element}> refers to #{id}, which holds it (itself or "
        "through other references); such a reference would repeat itself without end",
    },
    "svg-too-large:hint": {
        "fi": "yksinkertaista kuvaa tai vie se PNG-muotoon",
        "sv": "förenkla bilden eller exportera den som PNG",
        "en": "simplify the drawing, or export it as PNG",
    },
    "@svg-count-over": {
        "fi": "yli {count}",
        "sv": "över {count}",
        "en": "more than {count}",
    },
    "@svg-more": {
        "fi": " (muita kohtia: {count})",
        "sv": " (och {count} till)",
        "en": " (and {count} more)",
    },
    "@svg-more-at-least": {
        "fi": " (muita kohtia: vähintään {count})",
        "sv": " (och minst {count} till)",
        "en": " (and {count}+ more)",
    },
    "@svg-root": {
        "fi": "juurielementti on {element}; SVG-tiedoston pitää alkaa elementillä <svg "
        'xmlns="{namespace}">',
        "sv": 'rotelementet är {element}; en SVG-fil börjar med <svg xmlns="{namespace}">',
        "en": 'the root element is {element}; an SVG file starts with <svg xmlns="{namespace}">',
    },
    "@svg-in-namespace": {
        "fi": "<{name}> (nimiavaruus {namespace})",
        "sv": "<{name}> (namnrymden {namespace})",
        "en": "<{name}> ({namespace} namespace)",
    },
    "@svg-in-no-namespace": {
        "fi": "<{name}> (ei nimiavaruutta)",
        "sv": "<{name}> (utan namnrymd)",
        "en": "<{name}> (in no namespace)",
    },
    "@svg-element": {
        "fi": "elementti {element} ei ole sallittu",
        "sv": "elementet {element} är inte tillåtet",
        "en": "element {element} is not allowed",
    },
    "@svg-metadata-attribute": {
        "fi": "määrite '{attribute}' ei ole sallittu <metadata>-elementissä",
        "sv": "attributet '{attribute}' i <metadata> är inte tillåtet",
        "en": "attribute '{attribute}' in <metadata> is not allowed",
    },
    "@svg-event-handler": {
        "fi": "elementin <{element}> määrite '{attribute}' on tapahtumankäsittelijä (skripti)",
        "sv": "attributet '{attribute}' på <{element}> är en händelsehanterare (ett skript)",
        "en": "attribute '{attribute}' on <{element}> is an event handler (a script)",
    },
    "@svg-href-outside": {
        "fi": "elementin <{element}> määrite '{attribute}' viittaa kuvan ulkopuolelle: '{value}'",
        "sv": "attributet '{attribute}' på <{element}> pekar utanför bilden: '{value}'",
        "en": "attribute '{attribute}' on <{element}> points outside the image: '{value}'",
    },
    "@svg-attribute": {
        "fi": "elementin <{element}> määrite '{attribute}' ei ole sallittu",
        "sv": "attributet '{attribute}' på <{element}> är inte tillåtet",
        "en": "attribute '{attribute}' on <{element}> is not allowed",
    },
    "@svg-attribute-value": {
        "fi": "elementin <{element}> määrite '{attribute}' {problem}",
        "sv": "attributet '{attribute}' på <{element}> {problem}",
        "en": "attribute '{attribute}' on <{element}> {problem}",
    },
    # What is wrong with a value, after "attribute 'x' on <y>".
    "@svg-value-address": {
        "fi": "sisältää skripti- tai data-osoitteen: '{value}'",
        "sv": "innehåller en skript- eller dataadress: '{value}'",
        "en": "holds a script or data address: '{value}'",
    },
    "@svg-value-backslash": {
        "fi": "sisältää kenoviivan (CSS:n escape-merkintä)",
        "sv": "innehåller ett omvänt snedstreck (en CSS-escape)",
        "en": "holds a backslash (a CSS escape)",
    },
    "@svg-value-url": {
        "fi": "sisältää url()-viittauksen kuvan ulkopuolelle: '{value}'",
        "sv": "innehåller url() som pekar utanför bilden: '{value}'",
        "en": "holds url() that points outside the image: '{value}'",
    },
    "@svg-value-function": {
        "fi": "sisältää funktion {name}(), joka ei ole sallittu",
        "sv": "innehåller funktionen {name}(), som inte är tillåten",
        "en": "holds the function {name}(), which is not allowed",
    },
    "@svg-style-property": {
        "fi": "asettaa ominaisuuden '{property}', joka ei ole sallittu",
        "sv": "sätter egenskapen '{property}', som inte är tillåten",
        "en": "sets '{property}', which is not allowed",
    },
    "@svg-style-value": {
        "fi": "(ominaisuus {property}) {problem}",
        "sv": "(egenskapen {property}) {problem}",
        "en": "({property}) {problem}",
    },
    "@svg-processing-instruction": {
        "fi": "käsittelyohje <?{target}?> ei ole sallittu",
        "sv": "bearbetningsinstruktionen <?{target}?> är inte tillåten",
        "en": "processing instruction <?{target}?> is not allowed",
    },
    "@svg-doctype": {
        "fi": "siinä on DOCTYPE-määrittely, joka voisi määritellä entiteettejä",
        "sv": "den har en DOCTYPE, som kunde deklarera entiteter",
        "en": "it has a DOCTYPE, which could declare entities",
    },
    "@svg-encoding": {
        "fi": "se on kirjoitettu merkistökoodauksella '{encoding}'; käytä UTF-8:aa",
        "sv": "den är skriven i teckenkodningen '{encoding}'; använd UTF-8",
        "en": "it is written in the encoding '{encoding}'; use UTF-8",
    },
    "@svg-not-xml": {
        "fi": "sitä ei voi lukea XML-muodossa: {reason}",
        "sv": "den kan inte läsas som XML: {reason}",
        "en": "it cannot be read as XML: {reason}",
    },
    # A reason expat gives that has no entry below, or a decoder's error: quoted.
    "@svg-not-xml-detail": {
        "fi": "sitä ei voi lukea XML-muodossa: '{detail}'",
        "sv": "den kan inte läsas som XML: '{detail}'",
        "en": "it cannot be read as XML: {detail}",
    },
    # The reasons expat gives for a hand-edited or damaged file (xml.parsers.expat).
    "@xml-syntax-error": {"fi": "syntaksivirhe", "sv": "syntaxfel", "en": "syntax error"},
    "@xml-no-element": {
        "fi": "elementtiä ei löytynyt",
        "sv": "inget element hittades",
        "en": "no element found",
    },
    "@xml-invalid-token": {
        "fi": "ei ole oikein muodostettu (virheellinen merkki)",
        "sv": "inte välformad (ogiltig symbol)",
        "en": "not well-formed (invalid token)",
    },
    "@xml-unclosed-token": {
        "fi": "keskeneräinen merkintä",
        "sv": "oavslutad symbol",
        "en": "unclosed token",
    },
    "@xml-partial-character": {
        "fi": "vajaa merkki",
        "sv": "ofullständigt tecken",
        "en": "partial character",
    },
    "@xml-mismatched-tag": {
        "fi": "alku- ja lopputagi eivät täsmää",
        "sv": "start- och sluttaggen stämmer inte överens",
        "en": "mismatched tag",
    },
    "@xml-duplicate-attribute": {
        "fi": "sama määrite kahdesti",
        "sv": "samma attribut två gånger",
        "en": "duplicate attribute",
    },
    "@xml-junk-after-root": {
        "fi": "ylimääräistä sisältöä juurielementin jälkeen",
        "sv": "överflödigt innehåll efter rotelementet",
        "en": "junk after document element",
    },
    "@xml-undefined-entity": {
        "fi": "määrittelemätön entiteetti",
        "sv": "odefinierad entitet",
        "en": "undefined entity",
    },
    "@xml-invalid-character-number": {
        "fi": "viittaus virheelliseen merkkinumeroon",
        "sv": "referens till ett ogiltigt teckennummer",
        "en": "reference to invalid character number",
    },
    "@xml-misplaced-declaration": {
        "fi": "XML-määrittely ei ole tiedoston alussa",
        "sv": "XML-deklarationen står inte i början",
        "en": "XML or text declaration not at start of entity",
    },
    "@xml-unknown-encoding": {
        "fi": "tuntematon merkistökoodaus",
        "sv": "okänd teckenkodning",
        "en": "unknown encoding",
    },
    "@xml-wrong-encoding": {
        "fi": "XML-määrittelyssä ilmoitettu merkistökoodaus on väärä",
        "sv": "teckenkodningen som anges i XML-deklarationen är fel",
        "en": "encoding specified in XML declaration is incorrect",
    },
    "@xml-unclosed-cdata": {
        "fi": "keskeneräinen CDATA-osio",
        "sv": "oavslutat CDATA-avsnitt",
        "en": "unclosed CDATA section",
    },
    "@xml-unbound-prefix": {
        "fi": "etuliitteelle ei ole määritelty nimiavaruutta",
        "sv": "prefixet saknar namnrymd",
        "en": "unbound prefix",
    },
    "@xml-bad-declaration": {
        "fi": "XML-määrittely on virheellinen",
        "sv": "XML-deklarationen är felaktig",
        "en": "XML declaration not well-formed",
    },
}
