"""What the command line says besides problems: every `--help`, argparse's own words,
usage errors, and the lines of `new`, `translated`, `status`, `schema` and `serve`.

Option names (`--root`), values to type (`draft: true`, `human`) and file names are the
same in every language; the words around them are not. argparse's own messages are
keyed `@argparse.…`; cli/words.py maps argparse's English originals to them.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # The program and its commands.
    "@cli.description": {
        "fi": "Tarkistaa ja julkaisee STM:n ja alueiden neuvotteluasiakirjat.",
        "sv": "Kontrollerar och publicerar förhandlingsdokumenten mellan SHM och områdena.",
        "en": "Validate and publish the STM–region negotiation documents.",
    },
    "@cli.epilog": {
        "fi": "Paluuarvot: 0 onnistui, 1 sisällössä on virheitä, 2 virhe komennossa tai "
        "asetuksissa.",
        "sv": "Slutkoder: 0 lyckades, 1 fel i innehållet, 2 fel i kommandot eller inställningarna.",
        "en": "Exit codes: 0 success, 1 content problems, 2 usage or configuration error.",
    },
    "@cli.metavar.command": {"fi": "KOMENTO", "sv": "KOMMANDO", "en": "COMMAND"},
    "@cli.metavar.folder": {"fi": "KANSIO", "sv": "MAPP", "en": "DIR"},
    "@cli.metavar.file": {"fi": "TIEDOSTO", "sv": "FIL", "en": "FILE"},
    "@cli.metavar.time": {"fi": "HETKI", "sv": "TIDPUNKT", "en": "TIME"},
    "@cli.metavar.type": {"fi": "TYYPPI", "sv": "TYP", "en": "TYPE"},
    "@cli.metavar.round": {"fi": "KIERROS", "sv": "OMGÅNG", "en": "ROUND"},
    "@cli.metavar.region": {"fi": "ALUE", "sv": "OMRÅDE", "en": "REGION"},
    "@cli.metavar.title": {"fi": "OTSIKKO", "sv": "RUBRIK", "en": "TITLE"},
    "@cli.metavar.slug": {"fi": "NIMI", "sv": "NAMN", "en": "SLUG"},
    "@cli.metavar.date": {"fi": "PÄIVÄ", "sv": "DATUM", "en": "DATE"},
    "@cli.metavar.issuer": {"fi": "ANTAJA", "sv": "UTFÄRDARE", "en": "ISSUER"},
    "@cli.metavar.host": {"fi": "OSOITE", "sv": "ADRESS", "en": "HOST"},
    "@cli.metavar.repo": {"fi": "OMISTAJA/NIMI", "sv": "ÄGARE/NAMN", "en": "OWNER/NAME"},
    "@cli.metavar.port": {"fi": "PORTTI", "sv": "PORTNUMMER", "en": "PORT"},
    # Options many commands share.
    "@cli.root": {
        "fi": "projektin kansio (oletus: nykyinen kansio)",
        "sv": "projektets mapp (standard: den aktuella mappen)",
        "en": "the project folder (default: the current folder)",
    },
    "@cli.format": {
        "fi": "ongelmien tulostusmuoto: {choices} (oletus: human)",
        "sv": "hur problemen skrivs ut: {choices} (standard: human)",
        "en": "how problems are printed: {choices} (default: human)",
    },
    "@cli.lang": {
        "fi": "ilmoitusten kieli: {choices} (oletus: site.yaml-tiedoston default_lang); "
        "ongelmien koodit ovat samat kaikilla kielillä",
        "sv": "meddelandenas språk: {choices} (standard: default_lang i site.yaml); "
        "problemkoderna är desamma på alla språk",
        "en": "the language of the messages: {choices} (default: default_lang in site.yaml); "
        "problem codes stay the same in every language",
    },
    "@cli.now": {
        "fi": "hetki, johon julkaisuaikoja (publish_at) verrataan, esimerkiksi "
        "2030-01-01T09:00 (Suomen aikaa, ellei aikaeroa anneta); oletus: kello. "
        "SOURCE_DATE_EPOCH-muuttujaa ei käytetä tähän: se on muutoksen (commit) "
        "päivämäärä, jonka muutoksen tekijä on itse valinnut. Annettu hetki on myös "
        "neuvotteluaineistojen kansien tulostuspäivä",
        "sv": "tidpunkten som publiceringstider (publish_at) jämförs med, t.ex. "
        "2030-01-01T09:00 (finsk tid om ingen tidsskillnad anges); standard: klockan. "
        "SOURCE_DATE_EPOCH används inte för detta: det är datumet för en ändring "
        "(commit), som ändringens författare själv har valt. En angiven tidpunkt är också "
        "utskriftsdagen på förhandlingsmaterialens pärmar",
        "en": "the moment embargoes (publish_at) are judged against, e.g. 2030-01-01T09:00 "
        "(Helsinki time unless it names its offset); default: the clock. "
        "SOURCE_DATE_EPOCH is not used for this: it is a commit's date, which its "
        "author chose. A moment given is also the print date on the packets' covers",
    },
    # check
    "@cli.check.help": {
        "fi": "tarkista sisältö, data ja linkit; mitään ei kirjoiteta",
        "sv": "kontrollera innehåll, data och länkar; ingenting skrivs",
        "en": "validate content, data and links; write nothing",
    },
    "@cli.check.description": {
        "fi": "Tarkistaa jokaisen asiakirjan, datatiedoston ja site.yaml-tiedoston sekä "
        "jokaisen linkin sellaisena kuin koonti sen julkaisee, ja ilmoittaa kaikki ongelmat "
        "kerralla. site.yaml-tiedostossa nimettyjen tulostusfonttien on oltava asennettuina "
        "kuten PDF-tiedostot tekevässä koonnissa, ellei valitsinta --no-pdf anneta.",
        "sv": "Kontrollerar varje dokument, varje datafil och site.yaml samt varje länk så "
        "som bygget publicerar den, och rapporterar alla problem på en gång. Typsnitten "
        "för utskrift som site.yaml anger måste vara installerade, som för ett bygge med "
        "PDF-filer, om inte --no-pdf anges.",
        "en": "Validate every document, data file and site.yaml, and every link as the "
        "build will publish it, and report all problems at once. The print fonts site.yaml "
        "names must be installed, as for a build with PDFs, unless --no-pdf is given.",
    },
    "@cli.check.no-pdf": {
        "fi": "tarkista koontia varten, jossa ei tehdä PDF-tiedostoja: tulostusfontteja "
        "ei tarvitse olla asennettuina",
        "sv": "kontrollera för ett bygge utan PDF-filer: typsnitten för utskrift behöver "
        "inte vara installerade",
        "en": "validate for a build without PDFs: the print fonts need not be installed",
    },
    # build
    "@cli.build.help": {
        "fi": "tarkista ja kokoa sitten sivusto",
        "sv": "kontrollera och bygg sedan webbplatsen",
        "en": "validate, then build the static site",
    },
    "@cli.build.description": {
        "fi": "Tarkistaa projektin ja kokoaa sivuston tulostekansioon. Vain edellisen "
        "koonnin jälkeen muuttunut tehdään uudelleen; edellisen koonnin tiedot ovat "
        "käyttäjän välimuistikansiossa ({cache}), eivät projektissa. Mitään ei kirjoiteta, "
        "ellei jokainen tarkistus mene läpi.",
        "sv": "Kontrollerar projektet och bygger webbplatsen i utdatamappen. Bara det som "
        "har ändrats sedan förra bygget görs om; uppgifterna om förra bygget finns i "
        "användarens cachemapp ({cache}), inte i projektet. Ingenting skrivs om inte "
        "varje kontroll går igenom.",
        "en": "Validate the project and build the site into the output folder. Only what "
        "changed since the last build is redone; what the last build made is kept in the "
        "user's cache folder ({cache}), never in the project. Nothing is written unless "
        "every check passed.",
    },
    "@cli.out": {
        "fi": "tulostekansio (oletus: site.yaml-tiedoston kenttä 'output', tavallisesti _site)",
        "sv": "utdatamapp (standard: fältet 'output' i site.yaml, vanligen _site)",
        "en": "output folder (default: 'output' in site.yaml, normally _site)",
    },
    "@cli.drafts": {
        "fi": "ota mukaan myös luonnokset (draft: true)",
        "sv": "ta med även utkasten (draft: true)",
        "en": "include documents with draft: true",
    },
    "@cli.build.no-pdf": {
        "fi": "kokoa vain HTML-sivusto ilman PDF-tiedostoja",
        "sv": "bygg bara HTML-webbplatsen utan PDF-filer",
        "en": "build the HTML site only",
    },
    "@cli.no-search": {
        "fi": "älä tee Pagefind-hakemistoa",
        "sv": "bygg inte sökindexet med Pagefind",
        "en": "do not build the Pagefind search index",
    },
    "@cli.jobs": {
        "fi": "sivuja ja PDF-tiedostoja tekevien prosessien määrä (oletus: kaikki ytimet)",
        "sv": "antal processer som gör sidor och skriver ut PDF-filer (standard: alla kärnor)",
        "en": "processes for rendering pages and printing PDFs (default: all cores)",
    },
    "@cli.shard": {
        "fi": "tulosta vain N:stä yhtä suuresta PDF-tiedostojen osasta osa K (CI:n "
        "rinnakkaisia töitä varten; HTML-sivusto kootaan kokonaan ja linkittää jokaiseen "
        "PDF-tiedostoon)",
        "sv": "skriv bara ut del K av N lika stora delar av PDF-filerna (för parallella "
        "jobb i CI; HTML-webbplatsen byggs hel och länkar till varje PDF-fil)",
        "en": "print only the K-th of N equal shares of the PDFs (for a CI job matrix; "
        "the HTML site is built whole and links to every PDF)",
    },
    # serve
    "@cli.serve.help": {
        "fi": "esikatselu, joka päivittyy jokaisen tallennuksen jälkeen",
        "sv": "förhandsvisning som uppdateras efter varje sparning",
        "en": "live-reloading preview for editors",
    },
    "@cli.serve.description": {
        "fi": "Kokoaa sivuston luonnoksineen, näyttää sen selaimessa ja kokoaa sen "
        "uudelleen ja päivittää selaimen jokaisen tallennuksen jälkeen. Ongelmat "
        "näytetään sivun päällä.",
        "sv": "Bygger webbplatsen med utkasten, visar den i webbläsaren och bygger om den "
        "och uppdaterar webbläsaren efter varje sparning. Problemen visas ovanpå sidan.",
        "en": "Build the site (drafts included), serve it, and rebuild and reload the "
        "browser on every save. Problems are shown over the page.",
    },
    "@cli.host": {
        "fi": "osoite, jossa esikatselu kuuntelee (oletus: 127.0.0.1)",
        "sv": "adressen där förhandsvisningen lyssnar (standard: 127.0.0.1)",
        "en": "address to listen on (default: 127.0.0.1)",
    },
    "@cli.port": {
        "fi": "portti (oletus: 8000)",
        "sv": "portnummer (standard: 8000)",
        "en": "port (default: 8000)",
    },
    "@cli.public": {
        "fi": "salli --host-osoite, johon muut koneet voivat ottaa yhteyden",
        "sv": "tillåt en --host som andra datorer kan nå",
        "en": "allow a --host that other machines can reach",
    },
    # new
    "@cli.new.help": {
        "fi": "kirjoita uuden asiakirjan pohja",
        "sv": "skriv en stomme till ett nytt dokument",
        "en": "write a new document's skeleton",
    },
    "@cli.new.description": {
        "fi": "Kirjoittaa uuden asiakirjan: metatiedot, joissa on draft: true, ja "
        "kierroksen asiakirjaan kierroksen teemaosiot järjestyksessä, kukin korvattavine "
        "teksteineen. check varoittaa julkaistavasta asiakirjasta niin kauan kuin "
        "korvattavaa tekstiä on jäljellä. Olemassa olevaa tiedostoa ei koskaan korvata.",
        "sv": "Skriver ett nytt dokument: metadata med draft: true och, för en omgångs "
        "dokument, omgångens temaavsnitt i ordning, vart och ett med text som ska "
        "ersättas. check varnar för ett dokument som ska publiceras så länge sådan text "
        "finns kvar. En befintlig fil skrivs aldrig över.",
        "en": "Write a new document: front matter with draft: true and, for a round's "
        "documents, the round's theme sections in order, each with text to replace. check "
        "warns about a published document while such text remains. Never overwrites an "
        "existing file.",
    },
    "@cli.new.type": {
        "fi": "asiakirjatyyppi: {choices}",
        "sv": "dokumenttyp: {choices}",
        "en": "the document type: {choices}",
    },
    "@cli.new.round": {
        "fi": "kierroksen tunnus, esimerkiksi 2018-syksy",
        "sv": "omgångens id, t.ex. 2018-syksy",
        "en": "round id, e.g. 2018-syksy",
    },
    "@cli.new.region": {
        "fi": "alueen tunnus, esimerkiksi uusimaa",
        "sv": "områdets id, t.ex. uusimaa",
        "en": "region id, e.g. uusimaa",
    },
    "@cli.new.lang": {
        "fi": "asiakirjan kieli ja samalla komennon ilmoitusten kieli: {choices} "
        "(oletus: site.yaml-tiedoston default_lang)",
        "sv": "dokumentets språk, och språket i det kommandot skriver ut: {choices} "
        "(standard: default_lang i site.yaml)",
        "en": "the document's language, and the language of what the command says: "
        "{choices} (default: default_lang in site.yaml)",
    },
    "@cli.new.issuer": {
        "fi": "arvion antaja: asiantuntijaelimen tunnus tiedostossa parties.yaml, esimerkiksi "
        "avi (oletus: kierroksen ensimmäinen asiantuntijaelin)",
        "sv": "bedömningens utfärdare: sakkunnigorganets id i parties.yaml, t.ex. avi "
        "(standard: omgångens första sakkunnigorgan)",
        "en": "who issues the assessment: an expert body's id in parties.yaml, e.g. avi "
        "(default: the round's first expert body)",
    },
    "@cli.new.title": {
        "fi": "otsikko (oletus: alueen ja kierroksen nimistä)",
        "sv": "rubrik (standard: av områdets och omgångens namn)",
        "en": "title (default: from the region and round)",
    },
    "@cli.new.slug": {
        "fi": "tiedotteen tai sivun tiedostonimi (oletus: otsikosta)",
        "sv": "filnamn för ett pressmeddelande eller en sida (standard: av rubriken)",
        "en": "file name for news and pages (default: from the title)",
    },
    "@cli.new.date": {
        "fi": "päivämäärä muodossa 2018-10-15 (oletus: kierroksen aikana oleva päivä; "
        "tiedotteelle ja sivulle kuluva päivä)",
        "sv": "datum i formen 2018-10-15 (standard: en dag under omgången; för "
        "pressmeddelanden och sidor dagens datum)",
        "en": "date as 2018-10-15 (default: a day within the round; today for news and pages)",
    },
    # schema
    "@cli.schema.help": {
        "fi": "kirjoita JSON Schema -tiedostot editoreja varten",
        "sv": "skriv JSON Schema-filer för editorer",
        "en": "write JSON Schema files for editors",
    },
    "@cli.schema.description": {
        "fi": "Kirjoittaa JSON Schema -skeemat kullekin asiakirjatyypille, datatiedostoille "
        "ja site.yaml-tiedostolle; projektin tunnukset ovat niissä sallittuina arvoina.",
        "sv": "Skriver JSON Schema för varje dokumenttyp, datafilerna och site.yaml, med "
        "projektets id:n som tillåtna värden.",
        "en": "Write JSON Schema for each document type, the data files and site.yaml, "
        "with the project's ids as allowed values.",
    },
    "@cli.schema.out": {
        "fi": "kansio, johon skeemat kirjoitetaan (oletus: schema/)",
        "sv": "mappen där schemana skrivs (standard: schema/)",
        "en": "where to write the schemas (default: schema/)",
    },
    # translated
    "@cli.translated.help": {
        "fi": "merkitse käännös alkuperäisen tekstin tasalle",
        "sv": "markera en översättning som aktuell i förhållande till originalet",
        "en": "mark a translation as up to date with its original",
    },
    "@cli.translated.description": {
        "fi": "Kirjoittaa käännöksen {file} metatietoihin (original_version), mistä "
        "alkuperäisen tekstin versiosta se nyt on tehty. check varoittaa, jos alkuperäistä "
        "muutetaan sen jälkeen. Muuta tiedostossa ei muuteta.",
        "sv": "Skriver i översättningens {file} metadata (original_version) vilken version "
        "av originalet den nu översätter. check varnar om originalet ändras efteråt. "
        "Inget annat i filen ändras.",
        "en": "Write into {file}'s front matter (original_version) which version of its "
        "original it now translates. check warns when the original changes afterwards. "
        "Nothing else in the file changes.",
    },
    "@cli.translated.file": {
        "fi": "käännös, esimerkiksi content/kierrokset/2018-syksy/uusimaa.sv.md",
        "sv": "översättningen, t.ex. content/kierrokset/2018-syksy/uusimaa.sv.md",
        "en": "the translation, e.g. content/kierrokset/2018-syksy/uusimaa.sv.md",
    },
    # status
    "@cli.status.help": {
        "fi": "luettele käännökset: ajan tasalla, vanhentuneet ja puuttuvat",
        "sv": "lista översättningarna: aktuella, föråldrade och saknade",
        "en": "list translations: up to date, outdated or missing",
    },
    "@cli.status.description": {
        "fi": "Kertoo jokaisesta alkuperäisestä tekstistä ja sivuston jokaisesta muusta "
        "kielestä, onko käännös ajan tasalla, vanhentunut (alkuperäistä on muutettu "
        "merkitsemisen jälkeen), merkitsemätön (komentoa soteneg translated ei ole ajettu) "
        "vai puuttuuko se.",
        "sv": "Visar för varje original och varje annat språk på webbplatsen om "
        "översättningen är aktuell, föråldrad (originalet har ändrats sedan den "
        "markerades), omarkerad (soteneg translated har inte körts) eller saknas.",
        "en": "For every original and every other language of the site: whether its "
        "translation is up to date, outdated (the original changed since it was "
        "stamped), unknown (never stamped with soteneg translated) or missing.",
    },
    "@cli.status.translations": {
        "fi": "käännösten tila (ainoa tila, joka komennolla on nyt)",
        "sv": "översättningarnas status (den enda status kommandot har i dag)",
        "en": "the translations' state (the only status there is today)",
    },
    "@cli.status.format": {
        "fi": "tulostusmuoto: {choices} (oletus: human); json nimeää tilat englanniksi "
        "kuten ohjeet: up-to-date, outdated, unknown, missing",
        "sv": "format: {choices} (standard: human); json namnger tillstånden på engelska "
        "som i anvisningarna: up-to-date, outdated, unknown, missing",
        "en": "output format: {choices} (default: human); json names the states as the "
        "guides do: up-to-date, outdated, unknown, missing",
    },
    # cms
    "@cli.serve.cms": {
        "fi": "avaa myös selaimessa toimiva muokkain osoitteessa /admin/ ja tallenna sen "
        "muutokset tähän projektiin (Decap CMS:n paikallinen palvelin, npm:stä)",
        "sv": "öppna också redigeraren i webbläsaren på /admin/ och spara dess ändringar "
        "i det här projektet (Decap CMS lokala server, från npm)",
        "en": "also serve the browser editor at /admin/, saving its changes into this "
        "project (Decap CMS's local server, from npm)",
    },
    "@cli.cms.help": {
        "fi": "kirjoita selaimessa toimivan muokkaimen (Decap CMS) asetukset",
        "sv": "skriv inställningarna för redigeraren i webbläsaren (Decap CMS)",
        "en": "write the configuration of the browser editor (Decap CMS)",
    },
    "@cli.cms.description": {
        "fi": "Kirjoittaa kansioon {folder} selaimessa toimivan muokkaimen sivun ja sen "
        "asetukset (config.yml): kokoelma kullekin asiakirjatyypille kenttineen sekä "
        "alueiden, kierrosten, teemojen ja henkilöiden valintalistat datatiedostoista. "
        "Aja komento uudelleen, kun datatiedostot muuttuvat.",
        "sv": "Skriver redigerarens sida och dess inställningar (config.yml) i mappen "
        "{folder}: en samling för varje dokumenttyp med dess fält, och listor över "
        "områden, omgångar, teman och personer ur datafilerna. Kör kommandot igen när "
        "datafilerna ändras.",
        "en": "Write the browser editor's page and its configuration (config.yml) into "
        "{folder}: one collection per document type with its fields, and lists of "
        "regions, rounds, themes and people from the data files. Run it again when the "
        "data files change.",
    },
    "@cli.cms.out": {
        "fi": "kansio, johon muokkain kirjoitetaan (oletus: admin/)",
        "sv": "mappen där redigeraren skrivs (standard: admin/)",
        "en": "where to write the editor (default: admin/)",
    },
    "@cli.cms.github": {
        "fi": "tallenna muutokset GitHub-säilöön OMISTAJA/NIMI (julkaistua sivustoa varten) "
        "eikä tämän koneen projektiin",
        "sv": "spara ändringarna i GitHub-arkivet ÄGARE/NAMN (för den publicerade "
        "webbplatsen), inte i projektet på den här datorn",
        "en": "save changes to the GitHub repository OWNER/NAME (for the published site) "
        "rather than into this machine's project",
    },
    "@cli.cms.wrote": {
        "fi": "muokkain kirjoitettu kansioon {folder}: kokoelmia {collections}",
        "sv": "redigeraren skrevs i mappen {folder}: samlingar {collections}",
        "en": "wrote the editor into {folder}: {collections} collections",
    },
    "@cli.cms-needs-config": {
        "fi": "muokkain tarvitsee kelvollisen site.yaml-tiedoston; korjaa yllä luetellut ongelmat",
        "sv": "redigeraren behöver en giltig site.yaml; rätta problemen ovan",
        "en": "the editor needs a valid site.yaml; fix the problems above",
    },
    "@cli.editor-at": {
        "fi": "muokkain osoitteessa {url} (tallentaa tähän projektiin)",
        "sv": "redigeraren på {url} (sparar i det här projektet)",
        "en": "editor at {url} (saves into this project)",
    },
    # What the commands say.
    "@cli.usage-error": {
        "fi": "soteneg: virhe: {message}",
        "sv": "soteneg: fel: {message}",
        "en": "soteneg: error: {message}",
    },
    "@cli.no-such-folder": {
        "fi": "--root '{value}': kansiota ei ole",
        "sv": "--root '{value}': mappen finns inte",
        "en": "--root '{value}': no such folder",
    },
    "@cli.now-invalid": {
        "fi": "--now '{value}': anna päivä tai hetki muodossa 2030-01-01 tai 2030-01-01T09:00",
        "sv": "--now '{value}': ange ett datum eller en tidpunkt i formen 2030-01-01 eller "
        "2030-01-01T09:00",
        "en": "--now '{value}': write a date or a moment as 2030-01-01 or 2030-01-01T09:00",
    },
    "@cli.not-a-number": {
        "fi": "{value} ei ole kokonaisluku",
        "sv": "{value} är inte ett heltal",
        "en": "{value} is not a whole number",
    },
    "@cli.jobs-invalid": {
        "fi": "--jobs '{value}': prosesseja on oltava vähintään 1",
        "sv": "--jobs '{value}': antalet processer måste vara minst 1",
        "en": "--jobs '{value}': at least 1 process is needed",
    },
    "@cli.shard-invalid": {
        "fi": "--shard '{value}': anna osa muodossa K/N, jossa 1 ≤ K ≤ N, esimerkiksi 1/4",
        "sv": "--shard '{value}': ange delen i formen K/N där 1 ≤ K ≤ N, t.ex. 1/4",
        "en": "--shard '{value}': write the share as K/N with 1 ≤ K ≤ N, e.g. 1/4",
    },
    "@cli.shard-without-pdf": {
        "fi": "--shard jakaa PDF-tiedostojen tulostuksen; sitä ei voi käyttää yhdessä "
        "valitsimen --no-pdf kanssa",
        "sv": "--shard delar upp utskriften av PDF-filerna; den kan inte användas "
        "tillsammans med --no-pdf",
        "en": "--shard splits the PDFs; it makes no sense with --no-pdf",
    },
    "@cli.host-not-public": {
        "fi": "--host {host} näyttäisi julkaisemattomat luonnokset muille koneille; "
        "esikatselu kuuntelee vain tätä konetta, ellei myös valitsinta --public anneta",
        "sv": "--host {host} skulle visa opublicerade utkast för andra datorer; "
        "förhandsvisningen lyssnar bara på den här datorn om inte --public också anges",
        "en": "--host {host} would show unpublished drafts to other machines; the "
        "preview listens on loopback only unless you also pass --public",
    },
    "@cli.port-invalid": {
        "fi": "--port {port}: portin numero on 1–65535",
        "sv": "--port {port}: ett portnummer är 1–65535",
        "en": "--port {port}: a port number is 1–65535",
    },
    "@cli.cannot-listen": {
        "fi": "osoitteessa {address} ei voi kuunnella: {reason}",
        "sv": "kan inte lyssna på {address}: {reason}",
        "en": "cannot listen on {address}: {reason}",
    },
    "@cli.port-in-use": {
        "fi": "toinen ohjelma käyttää jo porttia; valitse toinen valitsimella --port",
        "sv": "ett annat program använder redan porten; välj en annan med --port",
        "en": "another program uses the port; choose another with --port",
    },
    "@cli.os-error": {
        "fi": "käyttöjärjestelmän virhe {code}",
        "sv": "fel {code} från operativsystemet",
        "en": "the operating system's error {code}",
    },
    "@cli.preview-at": {
        "fi": "esikatselu osoitteessa {url} (luonnokset näkyvät; Ctrl+C lopettaa)",
        "sv": "förhandsvisning på {url} (utkasten visas; Ctrl+C avslutar)",
        "en": "preview at {url} (drafts shown; Ctrl+C stops)",
    },
    "@cli.printing-pdfs": {
        "fi": "tulostetaan PDF-tiedostoja",
        "sv": "PDF-filer skrivs ut",
        "en": "printing PDFs",
    },
    "@cli.wrote-schemas": {
        "fi": "skeemat kirjoitettu kansioon {out}/: {count}",
        "sv": "scheman skrevs i mappen {out}/: {count}",
        "en": "wrote {count} schemas to {out}/",
    },
    "@cli.cannot-create": {
        "fi": "kansiota {folder}/ ei voi luoda: {reason}",
        "sv": "mappen {folder}/ kan inte skapas: {reason}",
        "en": "cannot create {folder}/: {reason}",
    },
    "@cli.cannot-write": {
        "fi": "tiedostoon {file} ei voi kirjoittaa: {reason}",
        "sv": "filen {file} kan inte skrivas: {reason}",
        "en": "cannot write {file}: {reason}",
    },
    "@cli.cannot-read": {
        "fi": "tiedostoa {file} ei voi lukea: {reason}",
        "sv": "filen {file} kan inte läsas: {reason}",
        "en": "cannot read {file}: {reason}",
    },
    "@cli.not-utf8": {
        "fi": "tiedosto ei ole UTF-8-muodossa",
        "sv": "filen är inte i UTF-8",
        "en": "the file is not UTF-8",
    },
    "@cli.no-permission": {
        "fi": "ei oikeutta",
        "sv": "behörighet saknas",
        "en": "permission denied",
    },
    "@cli.exists": {
        "fi": "samanniminen tiedosto on jo olemassa",
        "sv": "en fil med samma namn finns redan",
        "en": "a file of that name exists",
    },
    "@cli.not-found": {
        "fi": "tiedostoa tai kansiota ei ole",
        "sv": "filen eller mappen finns inte",
        "en": "no such file or folder",
    },
    "@cli.not-a-folder": {
        "fi": "polun varrella on tiedosto kansion paikalla",
        "sv": "en fil står där en mapp borde vara",
        "en": "a file stands where a folder should be",
    },
    "@cli.is-a-folder": {
        "fi": "se on kansio",
        "sv": "det är en mapp",
        "en": "it is a folder",
    },
    "@cli.disk-full": {
        "fi": "levy on täynnä",
        "sv": "disken är full",
        "en": "the disk is full",
    },
    "@cli.read-only": {
        "fi": "tiedostojärjestelmä on kirjoitussuojattu",
        "sv": "filsystemet är skrivskyddat",
        "en": "the file system is read-only",
    },
    # new
    "@new.wrote": {
        "fi": "uusi asiakirja: {file}",
        "sv": "nytt dokument: {file}",
        "en": "new document: {file}",
    },
    "@new.next": {
        "fi": "Kirjoita teksti [hakasulkeissa olevien ohjeiden] tilalle ja aja "
        "soteneg check. Asiakirja on luonnos (draft: true): se julkaistaan, kun poistat "
        "rivin draft: true.",
        "sv": "Skriv texten i stället för [anvisningarna inom hakparentes] och kör "
        "soteneg check. Dokumentet är ett utkast (draft: true): det publiceras när du tar "
        "bort raden draft: true.",
        "en": "Write the text in place of the [instructions in brackets] and run soteneg "
        "check. The document is a draft (draft: true): it is published once you remove "
        "the line draft: true.",
    },
    "@new.exists": {
        "fi": "{file} on jo olemassa, eikä soteneg new korvaa tiedostoja",
        "sv": "{file} finns redan, och soteneg new skriver inte över filer",
        "en": "{file} already exists; soteneg new never overwrites a file",
    },
    "@new.exists:hint": {
        "fi": "muokkaa olemassa olevaa tiedostoa tai anna toinen nimi",
        "sv": "redigera den befintliga filen eller ange ett annat namn",
        "en": "edit the existing file, or give another name",
    },
    "@new.required": {
        "fi": "asiakirjatyyppi {type} tarvitsee valitsimen {flag}",
        "sv": "dokumenttypen {type} behöver {flag}",
        "en": "the document type {type} needs {flag}",
    },
    "@new.issuer-only-assessment": {
        "fi": "--issuer koskee vain arvioita (assessment)",
        "sv": "--issuer gäller bara bedömningar (assessment)",
        "en": "--issuer is for assessments only",
    },
    "@new.slug-or-title": {
        "fi": "asiakirjatyyppi {type} tarvitsee valitsimen --title tai --slug",
        "sv": "dokumenttypen {type} behöver --title eller --slug",
        "en": "the document type {type} needs --title or --slug",
    },
    "@new.title-length": {
        "fi": "--title: otsikossa on {length} merkkiä; otsikossa on 1–{limit} merkkiä, "
        "eivätkä kaikki saa olla välilyöntejä",
        "sv": "--title: rubriken har {length} tecken; en rubrik har 1–{limit} tecken, "
        "och alla får inte vara blanksteg",
        "en": "--title: {length} characters; a title has 1 to {limit} characters, not "
        "all of them blank",
    },
    "@new.slug-invalid": {
        "fi": "--slug '{slug}': käytä vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä, "
        "enintään {limit} merkkiä",
        "sv": "--slug '{slug}': använd bara små bokstäver a–z, siffror och bindestreck, "
        "högst {limit} tecken",
        "en": "--slug '{slug}': use lowercase letters a–z, digits and hyphens, at most "
        "{limit} characters",
    },
    "@new.slug-shortened": {
        "fi": "{start}… ({length} merkkiä)",
        "sv": "{start}… ({length} tecken)",
        "en": "{start}… ({length} characters)",
    },
    "@new.date-invalid": {
        "fi": "--date '{value}': ei ole päivämäärä; anna se muodossa 2018-10-15",
        "sv": "--date '{value}': är inte ett datum; ange det i formen 2018-10-15",
        "en": "--date '{value}': not a date; write it as 2018-10-15",
    },
    "@new.known": {
        "fi": "tunnetut: {options}",
        "sv": "kända: {options}",
        "en": "known: {options}",
    },
    # translated
    "@translated.not-a-document": {
        "fi": "{file} ei ole tämän projektin kelvollinen asiakirja (aja soteneg check)",
        "sv": "{file} är inte ett giltigt dokument i det här projektet (kör soteneg check)",
        "en": "{file} is not a valid document of this project (run soteneg check)",
    },
    "@translated.not-a-translation": {
        "fi": "{file} ei ole käännös: siinä ei ole kenttää translation_of",
        "sv": "{file} är inte en översättning: den har inget translation_of",
        "en": "{file} is not a translation: it has no translation_of",
    },
    "@translated.original-invalid": {
        "fi": "{file}: sen alkuperäinen teksti {original} ei ole kelvollinen asiakirja",
        "sv": "{file}: dess original {original} är inte ett giltigt dokument",
        "en": "{file}: its original {original} is not valid",
    },
    "@translated.no-front-matter": {
        "fi": "tiedosto ei ala metatiedoilla (---)",
        "sv": "filen börjar inte med metadata (---)",
        "en": "the file does not start with front matter (---)",
    },
    "@translated.unterminated": {
        "fi": "metatiedoista puuttuu loppurivi '---'",
        "sv": "metadata saknar den avslutande raden '---'",
        "en": "the front matter has no closing '---'",
    },
    "@translated.no-translation-of": {
        "fi": "metatiedoissa ei ole riviä translation_of",
        "sv": "metadata har ingen rad translation_of",
        "en": "the front matter has no translation_of line",
    },
    "@translated.value-below": {
        "fi": "kirjoita kentän {key} arvo samalle riville ({key}: …) ja yritä uudelleen",
        "sv": "skriv värdet för {key} på samma rad ({key}: …) och försök igen",
        "en": "write {key}'s value on its own line ({key}: …), then try again",
    },
    "@translated.already": {
        "fi": "{file} on jo merkitty vastaamaan tekstiä {original} sellaisena kuin se nyt on",
        "sv": "{file} är redan markerad som översättning av {original} i dess nuvarande form",
        "en": "{file} already says it translates {original} as it is now",
    },
    "@translated.stamped": {
        "fi": "{file}: merkitty vastaamaan tekstiä {original} sellaisena kuin se nyt on "
        "(versio {version})",
        "sv": "{file}: markerad som översättning av {original} i dess nuvarande form "
        "(version {version})",
        "en": "{file}: translates {original} as it is now ({version})",
    },
    # status
    "@status.up-to-date": {"fi": "ajan tasalla", "sv": "aktuell", "en": "up to date"},
    "@status.outdated": {"fi": "vanhentunut", "sv": "föråldrad", "en": "outdated"},
    "@status.unknown": {"fi": "merkitsemätön", "sv": "omarkerad", "en": "never stamped"},
    "@status.missing": {"fi": "puuttuu", "sv": "saknas", "en": "missing"},
    "@status.summary": {
        "fi": "ajan tasalla: {up}; vanhentuneita: {outdated}; merkitsemättömiä: {unknown}; "
        "puuttuvia: {missing}",
        "sv": "aktuella: {up}; föråldrade: {outdated}; omarkerade: {unknown}; saknade: {missing}",
        "en": "up to date: {up}; outdated: {outdated}; never stamped: {unknown}; "
        "missing: {missing}",
    },
    # argparse's own words (cli/words.py maps its English originals to these keys).
    "@argparse.usage": {"fi": "käyttö: ", "sv": "användning: ", "en": "usage: "},
    "@argparse.options": {"fi": "valitsimet", "sv": "flaggor", "en": "options"},
    "@argparse.positionals": {
        "fi": "argumentit",
        "sv": "argument",
        "en": "positional arguments",
    },
    "@argparse.help": {
        "fi": "näytä tämä ohje ja lopeta",
        "sv": "visa den här hjälpen och avsluta",
        "en": "show this help message and exit",
    },
    "@argparse.error": {
        "fi": "%(prog)s: virhe: %(message)s\n",
        "sv": "%(prog)s: fel: %(message)s\n",
        "en": "%(prog)s: error: %(message)s\n",
    },
    "@argparse.warning": {
        "fi": "%(prog)s: varoitus: %(message)s\n",
        "sv": "%(prog)s: varning: %(message)s\n",
        "en": "%(prog)s: warning: %(message)s\n",
    },
    "@argparse.argument": {
        "fi": "%(argument_name)s: %(message)s",
        "sv": "%(argument_name)s: %(message)s",
        "en": "argument %(argument_name)s: %(message)s",
    },
    "@argparse.required": {
        "fi": "nämä puuttuvat: %s",
        "sv": "följande saknas: %s",
        "en": "the following arguments are required: %s",
    },
    "@argparse.one-required": {
        "fi": "jokin näistä tarvitaan: %s",
        "sv": "ett av dessa behövs: %s",
        "en": "one of the arguments %s is required",
    },
    "@argparse.invalid-choice": {
        "fi": "%(value)r ei käy (valitse jokin näistä: %(choices)s)",
        "sv": "%(value)r går inte (välj ett av: %(choices)s)",
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
    },
    "@argparse.invalid-value": {
        "fi": "%(value)r ei käy arvoksi",
        "sv": "%(value)r duger inte som värde",
        "en": "invalid %(type)s value: %(value)r",
    },
    "@argparse.unrecognized": {
        "fi": "tuntemattomia valitsimia tai arvoja: %s",
        "sv": "okända flaggor eller värden: %s",
        "en": "unrecognized arguments: %s",
    },
    "@argparse.ambiguous": {
        "fi": "%(option)s on monitulkintainen; se voi tarkoittaa näitä: %(matches)s",
        "sv": "%(option)s är tvetydig; den kan betyda: %(matches)s",
        "en": "ambiguous option: %(option)s could match %(matches)s",
    },
    "@argparse.not-allowed-with": {
        "fi": "ei käy yhdessä valitsimen %s kanssa",
        "sv": "går inte tillsammans med %s",
        "en": "not allowed with argument %s",
    },
    "@argparse.ignored": {
        "fi": "ylimääräinen arvo %r",
        "sv": "överflödigt värde %r",
        "en": "ignored explicit argument %r",
    },
    "@argparse.expected-one": {
        "fi": "arvo puuttuu",
        "sv": "ett värde saknas",
        "en": "expected one argument",
    },
    "@argparse.expected-at-least-one": {
        "fi": "vähintään yksi arvo puuttuu",
        "sv": "minst ett värde saknas",
        "en": "expected at least one argument",
    },
    "@argparse.expected-at-most-one": {
        "fi": "enintään yksi arvo käy",
        "sv": "högst ett värde går",
        "en": "expected at most one argument",
    },
    "@argparse.expected-n": {
        "fi": "arvoja tarvitaan %s",
        "sv": "antal värden som behövs: %s",
        "en": "expected %s arguments",
    },
    "@argparse.unknown-command": {
        "fi": "tuntematon komento %(parser_name)r (komennot: %(choices)s)",
        "sv": "okänt kommando %(parser_name)r (kommandon: %(choices)s)",
        "en": "unknown parser %(parser_name)r (choices: %(choices)s)",
    },
}
