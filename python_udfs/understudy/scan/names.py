"""Column names: normalization and the dictionary of names that point to a class.

A name is normalized before matching: quotes dropped, accents folded, camelCase split, every
run of non-alphanumeric characters made one separator, lower case. `"E-Mail Address"`,
`EmailAddress` and `email_address` all become the tokens `email address`.

The dictionary covers English, French, German and Spanish names and the usual abbreviations.
A term matches when it is the whole name (strongest), a run of whole tokens inside the name
(`billing_email`), or, for terms of five letters or more, a part of a token written without
separators (`customeremail`). A name whose last token is a modifier (`email_verified`,
`phone_type`, `zip_count`) says something *about* the value, not the value itself, and only
counts as a weak hint.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# class -> terms. Terms are written normalized, tokens separated by one space.
TERMS: dict[str, tuple[str, ...]] = {
    "email": (
        "pec", "posta elettronica", "indirizzo email", "correio eletronico", "e mailadres",
        "email", "e mail", "mail", "email address", "mail address", "emailaddress", "courriel",
        "adresse mail", "adresse email", "adresse electronique", "mel", "correo", "correo electronico",
        "email adresse", "emailadresse", "e post", "mailadresse",
    ),
    "first_name": (
        "nome", "voornaam", "primeiro nome", "roepnaam", "first nm", "fst nm",
        "first name", "firstname", "fname", "first", "given name", "givenname", "forename", "prenom",
        "vorname", "nombre", "nombre de pila", "middle name", "middlename",
    ),
    "last_name": (
        "nom naissance", "nom de naissance", "birth name", "apellido de soltera", "nom d usage",
        "cognome", "achternaam", "sobrenome", "apelido", "tussenvoegsel", "familienaam", "ultimo nome",
        "last name", "lastname", "lname", "last", "surname", "family name", "familyname", "nom",
        "nom de famille", "nom famille", "nachname", "familienname", "zuname", "apellido", "apellidos",
        "primer apellido", "segundo apellido", "maiden", "maiden name", "geburtsname", "nom de jeune fille",
    ),
    "full_name": (
        "nome completo", "nome mae", "nome pai", "mother name", "father name", "mothers name", "fathers name", "volledige naam", "emergency contact", "next of kin", "nombre madre", "nom mere",
        "full name", "fullname", "contact name", "contact", "owner name", "ownername", "person name",
        "customer name", "client name", "patient name", "employee name", "holder name", "cardholder",
        "account holder", "nom complet", "nombre completo", "vollstandiger name", "display name",
        "recipient", "beneficiary", "signatory",
    ),
    "username": (
        "nome utente", "gebruikersnaam", "nome de usuario", "nome usuario", "user id name",
        "username", "user name", "login", "login name", "handle", "screen name", "screenname",
        "nickname", "benutzername", "nom utilisateur", "nom d utilisateur", "identifiant", "usuario",
        "nombre de usuario", "nombre usuario", "pseudo", "user login",
    ),
    "phone": (
        "ligne directe", "direct line", "durchwahl", "linea directa", "telephone direct",
        "cellulare", "telefoon", "telefoonnummer", "mobiel", "telefone", "numero di telefono", "home phone", "work phone", "business phone", "ph", "phn", "tel nr",
        "phone", "phone number", "phonenumber", "telephone", "tel", "tel no", "mobile", "mobile number",
        "cell", "cellphone", "cell phone", "msisdn", "fax", "telefax", "telefono", "telefon",
        "telefonnummer", "handy", "handynummer", "mobilnummer", "movil", "celular", "portable",
        "numero de telephone", "numero telephone", "numero de telefono", "e164", "landline", "contact number",
        "mobil", "mobiltelefon", "telefono movil", "telefono fijo", "festnetz", "gsm",
    ),
    "street_address": (
        "indirizzo", "straatnaam", "straat", "huisnummer", "huisnummer toevoeging", "adres", "endereco", "logradouro", "numero civico", "house number", "housenumber", "house no", "street number", "address line", "toevoeging", "complemento", "bairro", "hausnr",
        "address", "street", "street address", "streetaddress", "addr", "address line", "address line1",
        "address line 1", "address line 2", "address1", "address2", "adresse", "rue", "voie", "strasse",
        "anschrift", "hausnummer", "direccion", "calle", "domicilio", "full address", "mailing address",
        "home address", "postal address", "residence",
    ),
    "city": (
        "commune naissance", "commune de naissance", "ville de naissance", "ville naissance", "birth city", "city of birth", "municipio de nacimiento",
        "comune", "citta", "luogo di nascita", "luogo nascita", "luogo", "woonplaats", "plaats", "cidade", "localidade", "naturalidade", "geboorteplaats", "municipality", "hometown",
        "city", "town", "ville", "commune", "localite", "stadt", "ort", "wohnort", "ciudad", "localidad",
        "municipio", "poblacion", "birthplace", "place of birth", "birth place", "lieu de naissance",
        "lieu naissance", "geburtsort", "lugar de nacimiento", "lugar nacimiento",
    ),
    "postcode": (
        "cap", "cep", "codice postale", "zip5", "zip 5", "zip4", "postnummer",
        "postcode", "postal code", "postalcode", "post code", "zip", "zipcode", "zip code", "zip4",
        "code postal", "codepostal", "cp", "plz", "postleitzahl", "codigo postal", "cod postal",
        "postal",
    ),
    "national_id": (
        "doc no", "document number", "document no", "numero de documento", "numero documento", "id document number", "ausweis nr", "ausweisnr",
        "tax identifier", "tax identification", "tax identification number", "licencia", "numero licencia", "licencia de conducir", "permiso de conducir", "fuhrerscheinnummer", "numero permis", "kennzeichen", "plate", "placa",
        "codice fiscale", "partita iva", "burgerservicenummer", "rg", "numero documento", "documento", "carta identita", "carta d identita", "patente", "rijbewijs", "paspoort", "passaporto", "license plate", "licence plate", "plate number", "kenteken", "targa", "matricula veiculo", "social security no", "ssn no", "tax code", "tax number", "fiscal code", "nif number", "aadhaar", "nric",
        "ssn", "social security", "social security number", "social security no", "sin", "nir", "insee",
        "numero de securite sociale", "numero securite sociale", "securite sociale", "secu",
        "sozialversicherungsnummer", "svnr", "steuer id", "steuerid", "steueridentifikationsnummer",
        "steuernummer", "dni", "nif", "nie", "nss", "numero de seguridad social", "seguridad social",
        "passport", "passport no", "passport number", "passeport", "reisepass", "pasaporte", "drivers",
        "drivers license", "driver license", "drivers licence", "driving licence", "licence number",
        "license number", "permis de conduire", "fuhrerschein", "carnet de conducir", "tax id", "taxid",
        "vat", "vat id", "vat number", "tin", "national id", "nationalid", "id card", "id number",
        "personalausweis", "ausweisnummer", "cni", "carte d identite", "curp", "rfc", "nino",
        "national insurance", "national insurance number", "cpf", "pesel", "bsn", "badge", "badge code",
        "medicare", "medicaid", "member number", "mrn", "medical record number",
    ),
    "card_number": (
        "card number", "cardnumber", "card", "card no", "pan", "cc", "ccnum", "cc number", "credit card",
        "creditcard", "debit card", "numero de carte", "numero carte", "carte bancaire", "carte bleue",
        "carte de credit", "kreditkarte", "kreditkartennummer", "kartennummer", "tarjeta",
        "numero de tarjeta", "numero tarjeta", "tarjeta de credito",
    ),
    "bank_account": (
        "conto corrente", "rekeningnummer", "conta bancaria", "numero conta", "iban code",
        "iban", "account number", "accountnumber", "account no", "bank account",
        "bankaccount", "rib", "compte bancaire", "numero de compte",
        "kontonummer", "bankverbindung", "cuenta bancaria", "numero de cuenta", "cuenta",
    ),
    "ip_address": (
        "ip", "ip address", "ipaddress", "ip addr", "ipaddr", "ipv4", "ipv6", "client ip", "remote addr",
        "remote ip", "source ip", "adresse ip", "ip adresse", "direccion ip",
    ),
    "device_id": (
        "wearable", "wearable id", "wearable serial", "tracker id", "app install id", "install id", "installation id",
        "key card", "keycard", "key card uid", "rfid", "rfid tag", "zaehler nr", "zahler nr", "zaehlernummer", "zahlernummer", "meter number", "meter no", "meter id", "meter serial", "numero compteur", "numero de contador", "advertising id",
        "ad id", "gaid", "aaid", "push token", "device token",
        "iccid", "sim", "sim number", "serial number", "device serial", "numero serie",
        "mac", "mac address", "macaddress", "adresse mac", "device id", "deviceid", "imei", "imsi",
        "udid", "advertising id", "idfa",
    ),
    "date_of_birth": (
        "date naiss", "naiss", "dt naiss", "fecha nac", "geb datum", "gebdat", "dob date",
        "data di nascita", "data nascita", "nascita", "geboortedatum", "geboren", "data de nascimento", "data nascimento", "nascimento", "birth dt", "dob yyyymmdd",
        "dob", "birth date", "birthdate", "date of birth", "birthday", "born", "born on", "birth",
        "date de naissance", "date naissance", "naissance", "datenaissance", "geburtsdatum", "geburtstag",
        "fecha de nacimiento", "fecha nacimiento", "nacimiento", "fec nac",
    ),
    "geo_coordinate": (
        "geohash", "laengengrad", "breitengrad", "lat lng", "latlng", "lat lon", "latlon",
        "lat", "latitude", "lon", "lng", "long", "longitude", "geo", "geolocation", "coordinates",
        "gps", "breitengrad", "langengrad", "latitud", "longitud",
    ),
    "money": (
        "monthly fee", "membership fee", "salary expectation", "expected salary", "pretension salariale", "gehaltsvorstellung", "expectativa salarial",
        "abschlag", "abschlagszahlung", "instalment", "installment", "monthly instalment", "mensualite", "cuota", "cuota mensual", "lifetime spend", "lifetime value",
        "earnings", "earning", "ganancia", "ganancias", "ganancia conductor", "verdienst", "lohnsteuer", "income tax", "tax amount", "impuesto", "impot", "imposta", "contribution", "contributions", "beitrag", "beitraege", "sv beitraege", "sozialversicherungsbeitrag", "deposit", "cash deposit", "largest cash deposit", "turnover", "monthly turnover", "expected monthly turnover", "assets", "loan", "mortgage", "pension", "rente", "commission", "provision", "available balance", "overdraft", "debt amount", "payout", "allowance",
        "premio annuo", "premium", "annual premium", "saldo", "openstaand saldo", "stipendio", "reddito", "salaris", "inkomen", "renda", "balance", "account balance", "running balance", "gross pay", "net salary", "brutto", "netto", "lohnsumme", "sueldo bruto", "credit line",
        "salary", "wage", "wages", "income", "pay", "payroll", "bonus", "compensation", "net worth",
        "salaire", "remuneration", "gehalt", "einkommen", "lohn", "salario",
        "sueldo", "ingresos", "expenses", "healthcare expenses", "healthcare coverage", "credit limit",
        "credit score", "debt", "umsatz", "total spend", "lifetime value", "ltv", "spend", "gasto total",
        "chiffre d affaires", "net pay", "gross pay",
    ),
    "company": (
        "firmenkunde", "firmenname", "nombre empresa", "nom entreprise", "company customer",
        "mandant", "client company", "employer id name",
        "datore di lavoro", "werkgever", "empregador", "azienda", "bedrijf", "employer nm",
        "company", "company name", "employer", "employer name", "organization", "organisation",
        "org name", "societe", "entreprise", "employeur", "raison sociale", "firma", "unternehmen",
        "arbeitgeber", "empresa", "empleador", "business name",
    ),
    "quasi_identifier": (
        "poids", "poids kg", "taille cm", "masse grasse", "tour de taille", "frequence cardiaque", "freq cardiaque", "freq cardiaque repos", "peso", "altura", "estatura", "gewicht", "groesse", "korpergrosse", "blood pressure", "bmi", "heart rate", "resting heart rate", "body fat", "waist", "seat", "seat number", "sitzplatz", "asiento", "siege", "birth year", "year of birth", "annee naissance", "ano nacimiento", "geburtsjahr",
        "seccion censal", "census tract", "census block", "precinct", "voting precinct", "wahlbezirk", "bureau de vote", "anrede", "civility",
        "titel", "civilite", "tratamiento", "steuerklasse", "tax class", "taetigkeit", "tatigkeit", "beziehung", "relation", "parentesco", "lien de parente", "relacion", "verwandtschaft", "risk band", "risk class", "risk rating", "segment", "konfession", "confession",
        "sesso", "geslacht", "stato civile", "burgerlijke staat", "cor raca", "raca", "uf", "regione", "titulacao", "nazionalita", "nationaliteit", "nacionalidade", "professione", "beroep", "profissao", "marital status code", "risk score", "pep", "religione",
        "gender", "sex", "genre", "sexe", "geschlecht", "sexo", "genero", "state", "province",
        "state province", "county", "country", "pays", "land", "pais", "marital", "marital status",
        "etat civil", "familienstand", "estado civil", "race", "ethnicity", "ethnic", "nationality",
        "nationalite", "nationalitat", "nacionalidad", "religion", "job title", "occupation",
        "profession", "beruf", "metier", "profesion", "prefix", "suffix", "salutation", "relationship",
        "height", "weight", "hair", "eyes", "eye colour", "eye color", "size", "blood type",
        "blood group", "groupe sanguin", "grupo sanguineo", "blutgruppe", "age", "asthma", "speciality",
        "specialty", "specialite", "especialidad", "fachgebiet", "fachrichtung", "ownership", "title",
        "department", "provincia", "provinz", "bundesland", "departement", "situation familiale",
        "poste", "puesto", "cargo", "fonction", "position", "job", "stelle", "berufsbezeichnung",
        "zip prefix",
    ),
    "free_text": (
        "mentions", "mentions marginales", "vermerk", "sperrvermerk", "hinweis", "hinweise", "anmerkung",
        "objet", "subject", "betreff", "asunto", "oggetto", "assunto", "nom fichier", "file name", "filename", "dateiname", "nombre archivo", "nom du fichier",
        "note interne", "notities", "opmerking", "opmerkingen", "observacoes", "observacao", "descrizione sinistro", "transaction description", "memo line",
        "notes", "note", "comment", "comments", "message", "remarks", "remark", "bio", "biography",
        "about", "memo", "body", "text", "free text", "commentaire", "commentaires", "remarque",
        "observations", "bemerkung", "bemerkungen", "kommentar", "notiz", "notizen", "comentario",
        "comentarios", "observaciones", "nota", "notas", "feedback", "review", "complaint",
    ),
    "natural_key": (
        "match key", "matchcode", "match code", "dedup key", "person hash",
        "email hash", "email md5", "email sha256", "hashed email", "ssn hash", "phone hash",
        "holder key", "person key", "customer key", "natural key", "sha256", "sha1", "md5",
        "fingerprint", "schluessel", "schlussel", "kundenschluessel", "cle naturelle", "clave natural",
    ),
}

# Terms that only say something when the table holds people (see classify): "name" alone is a
# band's name in one table and a patient's in another.
CONTEXT_TERMS: dict[str, tuple[str, ...]] = {
    "full_name": ("name", "nom", "nombre", "nome", "naam", "name des kunden"),
}

# A last token like these makes the name describe a property of the value, not the value.
# A first token like these makes the name describe a kind of value (`tipo_documento`).
PREFIX_MODIFIERS = frozenset({"tipo", "type", "kind", "typ", "art", "clase", "categoria", "category"})
MODIFIERS = frozenset({
    "rate", "ratio", "percent", "pct", "share", "rank",
    "verified", "confirmed", "type", "kind", "count", "flag", "status", "format", "enabled",
    "opt", "optin", "consent", "valid", "length", "len", "domain", "provider", "country",
    "code", "prefix", "ext", "extension", "category", "id", "key", "hash", "md5", "sha",
    "sha1", "sha256", "token", "changed", "updated", "at", "source", "preference", "visible",
    "public", "allowed", "masked", "template", "label", "pattern", "year", "month",
})

# Identifier-like names: `id`, `*_id`, `*_key`, `uuid`, `guid`, `*_no`, `pk`.
_ID_LAST = frozenset({"id", "key", "uuid", "guid", "pk", "no", "nr", "num", "ref", "reference",
                      "referenz", "referencia"})
# Columns that point at another person row: `referred_by`, `reports_to`, `manager`.
_PERSON_REFERENCES = frozenset({
    "referred by", "referrer", "reports to", "manager", "supervisor", "sponsor", "parent",
    "created by", "updated by", "owner", "assignee", "approved by", "matricule", "matricula",
    "matricola", "personalnummer", "personnel number", "employee number", "klantnummer",
    "kundennummer", "numero cliente", "customer number", "client number", "member number",
    "policy number", "numero polizza", "polisnummer",
})
_NOT_ID = frozenset({"invalid", "liquid", "android", "humid", "rapid", "prepaid", "unpaid", "postpaid"})
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Abbreviations of legacy schemas (`CUST_NM`, `ADDR_LN1`, `MRTL_STS_CD`), expanded before a
# second round of matching.
ABBREVIATIONS = {
    "nm": "name", "nme": "name", "fst": "first", "frst": "first", "lst": "last", "addr": "address",
    "adr": "address", "ln": "line", "st": "state", "strt": "street", "cty": "city",
    "ph": "phone", "phn": "phone", "mob": "mobile", "mbl": "mobile", "cd": "code", "dt": "date",
    "brth": "birth", "bth": "birth", "mrtl": "marital", "sts": "status", "gndr": "gender",
    "sx": "sex", "emplr": "employer", "empr": "employer", "cr": "credit", "lmt": "limit",
    "bal": "balance", "amt": "amount", "sal": "salary", "desc": "description", "txn": "transaction",
    "trx": "transaction", "acct": "account", "acc": "account", "cust": "customer",
    "clnt": "client", "natl": "national", "eml": "email", "pstl": "postal", "pc": "postcode",
    "cntry": "country", "ctry": "country", "prov": "province", "occ": "occupation",
    "occp": "occupation", "hm": "home", "wk": "work", "wrk": "work", "usr": "user",
    "uname": "username", "lic": "license", "licno": "license number", "pspt": "passport",
    "ppt": "passport", "emp": "employee", "mtch": "match", "nbr": "number",
}
_TRAILING_DIGITS = re.compile(r"^([a-z]{2,})(\d+)$")
# Last tokens that qualify a class without changing it (`state_code`, `marital_status_cd`).
_CODE_OK = {"quasi_identifier": {"code", "cd", "pct", "percent"}, "postcode": {"code"}}
_FOLD = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "đ": "d"})


def fold(text: str) -> str:
    """Accents off: NFKD, combining marks dropped, a few letters without a decomposition mapped."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)
def tokens(name: str) -> tuple[str, ...]:
    """The normalized tokens of a column name."""
    name = fold(name.strip().strip('"`[]'))
    name = _CAMEL.sub(" ", name)
    return tuple(t for t in _NON_ALNUM.split(name.lower()) if t)


@lru_cache(maxsize=4096)
def expanded(name: str) -> tuple[str, ...]:
    """The tokens with trailing digits split off and abbreviations written out, digits dropped."""
    out: list[str] = []
    for tok in tokens(name):
        m = _TRAILING_DIGITS.match(tok)
        if m:
            tok = m.group(1)
        if tok.isdigit():
            continue
        out.extend(ABBREVIATIONS.get(tok, tok).split())
    return tuple(out)


@dataclass(frozen=True)
class NameMatch:
    cls: str
    score: float     # 1.0 whole name, 0.9 whole tokens, 0.75 part of a token, halved after a modifier
    term: str
    modified: bool   # the name ends in a modifier (`email_verified`)

    @property
    def evidence(self) -> str:
        how = "matches" if self.score >= 0.95 else "contains" if self.score >= 0.7 else "mentions"
        return f"name {how} '{self.term}'" + (" (then a modifier)" if self.modified else "")


def _compiled() -> list[tuple[str, str, tuple[str, ...], str]]:
    out = []
    for cls, terms in TERMS.items():
        for term in terms:
            toks = tuple(term.split())
            out.append((cls, term, toks, "".join(toks)))
    return out


_ENTRIES = _compiled()


def _find(toks: tuple[str, ...], term_toks: tuple[str, ...], joined_term: str) -> tuple[float, int] | None:
    """Score and end position of a term inside a name's tokens."""
    n, m = len(toks), len(term_toks)
    if toks == term_toks or "".join(toks) == joined_term:
        return 1.0, n
    for i in range(n - m + 1):
        if toks[i:i + m] == term_toks:
            return 0.9, i + m
    if len(joined_term) >= 5:
        for i, tok in enumerate(toks):
            if joined_term in tok and tok != joined_term:
                return 0.75, i + 1
    return None


@lru_cache(maxsize=4096)
def match(name: str) -> tuple[NameMatch, ...]:
    """Every class the name points to, best first (one match per class: its best term)."""
    plain = tokens(name)
    if not plain:
        return ()
    best: dict[str, NameMatch] = {}
    variants = [(plain, 1.0)]
    longer = expanded(name)
    if longer and longer != plain:
        variants.append((longer, 0.95))
    for toks, weight in variants:
        for cls, term, term_toks, joined in _ENTRIES:
            found = _find(toks, term_toks, joined)
            if found is None:
                continue
            score, end = found
            score *= weight
            if end == len(toks) and found[0] < 1.0:
                score += 0.01      # the term is the name's head noun (`addr_zip` is a zip code)
            modified = (end < len(toks) and toks[-1] in MODIFIERS and cls != "natural_key"
                        and toks[-1] not in _CODE_OK.get(cls, ()))
            if len(toks) > 1 and toks[0] in PREFIX_MODIFIERS and found[0] < 1.0:
                modified = True
            if modified:
                score /= 2
            if found[0] == 1.0:
                term = " ".join(toks)      # the whole name: say it as the column says it
            candidate = NameMatch(cls, score, term, modified)
            current = best.get(cls)
            if current is None or (score, len(term)) > (current.score, len(current.term)):
                best[cls] = candidate
    return tuple(sorted(best.values(), key=lambda m: (-m.score, -len(m.term), m.cls)))


def is_key_name(name: str, table: str = "") -> bool:
    """Named like a key, or like a code that can be one (`BRNCH_CD`, `country_code`): used to
    infer a primary key from a unique, never-NULL column."""
    last = (expanded(name) or ("",))[-1]
    return is_identifier_name(name, table) or last in ("code", "cd")


def context_match(name: str) -> NameMatch | None:
    """A class the name points to only in a table about people (`name` in `patients`)."""
    toks = tokens(name)
    for cls, terms in CONTEXT_TERMS.items():
        for term in terms:
            term_toks = tuple(term.split())
            if toks == term_toks or (len(toks) == 2 and toks[-1] == term_toks[-1] and len(term_toks) == 1):
                return NameMatch(cls, 0.6, term, False)
    return None


def is_identifier_name(name: str, table: str = "") -> bool:
    """`id`, `customer_id`, `CustomerID`, `order_no`, `uuid`, `fk_company_id`, or the table's own name + id."""
    toks = tokens(name)
    if not toks:
        return False
    if toks[-1] in _ID_LAST or toks[0] in ("id", "fk", "pk"):
        return True
    if " ".join(toks) in _PERSON_REFERENCES or " ".join(expanded(name)) in _PERSON_REFERENCES:
        return True
    last = toks[-1]
    return len(last) >= 6 and last.endswith("id") and last not in _NOT_ID
