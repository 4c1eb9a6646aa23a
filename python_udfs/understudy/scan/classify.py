"""The built-in rules: from a column's name, values and place in the schema to a class.

Evidence comes from three places, and the rules weigh them in this order:

1. **Values** that a validator with a checksum or a strict format accepts (emails, card numbers
   with Luhn and a real IIN, IBANs with mod 97, national IDs with their check digits, IPs, UUIDs,
   MAC addresses, JSON documents). Most of the sample must pass.
2. **The name**, matched against a dictionary in English, French, German and Spanish. Weak
   validators (name lists, phone and postcode shapes, coordinates, plausible birth dates)
   confirm a name; alone they rarely decide.
3. **Structure**: declared or inferred primary and foreign keys, uniqueness, and the table's
   neighbours (a `name` column means a person's name only in a table about people).

A column with no evidence is `public` with a low confidence: it is listed as unsure, the
optional plug-ins are asked about it, and a human reviews it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import names, values
from .types import ColumnProfile, TableContext, ValueHit

CONFIDENT = 0.7

# Validators strict enough to decide on values alone.
_STRICT_KINDS = {
    "email", "card", "iban", "ipv4", "ipv6", "uuid", "mac", "us_ssn", "fr_nir", "es_dni", "es_nie",
    "uk_nino", "ca_sin", "de_steuer_id", "eu_vat",
}
# Classes of a person's data.
PERSON_CLASSES = {
    "email", "first_name", "last_name", "full_name", "username", "phone", "street_address",
    "national_id", "card_number", "bank_account", "date_of_birth", "device_id", "ip_address",
}
# Classes that make a table one about people (organisations have phones and addresses too).
PERSON_MARKERS = {
    "email", "first_name", "last_name", "full_name", "username", "national_id", "card_number",
    "bank_account", "date_of_birth",
}
PERSON_TABLE_WORDS = {
    "customer", "customers", "patient", "patients", "employee", "employees", "person", "persons",
    "people", "user", "users", "member", "members", "client", "clients", "contact", "contacts",
    "student", "students", "dependent", "dependents", "staff", "provider", "providers", "subscriber",
    "subscribers", "account", "accounts", "applicant", "applicants", "guest", "guests", "driver",
    "drivers", "passenger", "passengers", "traveller", "travellers", "visitor", "visitors",
    "sender", "recipient", "receiver", "author", "follower", "followee", "owner", "holder", "buyer",
    "seller", "host", "rider", "tenant", "resident", "residents", "citizen", "citizens", "voter",
    "voters", "profile", "profiles", "kunden", "kunde", "abonnee", "abonnees", "ciudadano",
    "ciudadanos", "huesped", "huespedes", "mitglied", "mitglieder", "beneficiary", "insured",
    "personne", "personnes", "kunde", "kunden", "mitarbeiter", "cliente", "clientes", "empleado",
    "empleados", "paciente", "pacientes", "utilisateur", "utilisateurs", "salarie", "salaries",
}
COMPANY_TABLE_WORDS = {
    "agency", "agencies", "agenzia", "agenzie", "branch", "branches", "office", "offices", "site",
    "sites", "store", "stores", "shop", "shops", "warehouse", "warehouses", "school", "schools",
    "escola", "escolas", "hospital", "hospitals", "clinic", "clinics", "bank", "banks", "payer",
    "payers", "insurer", "insurers", "location", "locations", "facility", "facilities", "brnch",
    "mstr", "cell",
    "company", "companies", "organization", "organizations", "organisation", "organisations",
    "employer", "employers", "supplier", "suppliers", "vendor", "vendors", "firm", "firms",
    "societe", "societes", "entreprise", "entreprises", "firma", "firmen", "empresa", "empresas",
}
# Names of quasi-identifying columns that only matter in a table about people or places people live.
_CONTEXT_QUASI = {"title", "job title", "occupation", "profession", "poste", "puesto", "cargo",
                  "fonction", "position", "job", "stelle", "specialite", "especialidad", "fachgebiet",
                  "fachrichtung", "size", "height", "weight", "hair", "eyes", "age", "department", "prefix",
                  "suffix", "relationship", "speciality", "specialty", "ownership", "asthma"}
_GENDER_VALUES = {"m", "f", "male", "female", "man", "woman", "homme", "femme", "mann", "frau",
                  "hombre", "mujer", "masculin", "feminin", "masculino", "femenino", "männlich",
                  "weiblich", "x", "nonbinary", "non-binary", "other", "u", "unknown"}
# Classes whose values a validator can confirm: a name that says one of them is not believed
# when the values clearly are something else ('c_c' holding names).
_VALIDATED = {"card_number", "email", "ip_address", "bank_account", "national_id", "phone"}
_KEY_PII = {"national_id", "email", "phone", "username", "card_number", "bank_account", "device_id"}
# A column about these is not a person's name, whatever its values look like (`model_name: Luna`).
_NOT_PERSON_WORDS = {"model", "product", "brand", "device", "plan", "song", "album", "track", "artist",
                     "file", "fichier", "datei", "archivo", "filename", "office", "branch", "school",
                     "venue", "place", "restaurant", "hotel", "station", "store", "shop",
                     "band", "item", "sku", "article", "artikel", "produkt", "produit", "producto",
                     "prodotto", "genre", "category", "tag", "label", "colour", "color", "team"}
_YMD = re.compile(r"^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
_YM = re.compile(r"^(19|20)\d\d(0[1-9]|1[0-2])$")
_MONTH_WORDS = {"month", "monat", "mes", "mois", "mese", "maand", "period", "periode", "periodo"}
_NUMBER_TEXT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_TEXT_TYPES = ("VARCHAR", "CHAR", "TEXT", "STRING", "BPCHAR")
_INT_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
              "UINTEGER", "UBIGINT", "INT")
_TIME_WORDS = {"time", "timestamp", "ts", "epoch", "date", "created", "updated", "modified", "started",
               "ended", "start", "end", "datum", "fecha", "data"}


def family(data_type: str) -> str:
    t = data_type.upper()
    if t.endswith("]") or t.startswith(("STRUCT", "MAP", "UNION", "LIST", "ENUM")):
        return "nested"
    if t.startswith(_TEXT_TYPES) or t == "UUID":
        return "uuid" if t == "UUID" else "text"
    if t == "JSON":
        return "json"
    if t.startswith(("DECIMAL", "NUMERIC", "DOUBLE", "FLOAT", "REAL")):
        return "numeric"
    if t.startswith(_INT_TYPES):
        return "integer"
    if t.startswith(("DATE", "TIMESTAMP", "TIME")):
        return "date"
    if t == "BOOLEAN":
        return "boolean"
    return "other"


@dataclass
class Verdict:
    cls: str
    confidence: float
    evidence: list[str] = field(default_factory=list)
    hits: list[ValueHit] = field(default_factory=list)

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


def _pct(hit: ValueHit) -> str:
    return hit.detail


def _strip_name_digits(sample: list[str]) -> list[str]:
    """`Maynard46 Mosciski958` -> `Maynard Mosciski`: generated data often numbers its names."""
    return [re.sub(r"(?<=[^\W\d_])\d+\b", "", v) for v in sample]


def name_hits(sample: list[str]) -> dict[str, ValueHit]:
    """Name-list matches, on distinct values, also after dropping digits glued to names."""
    distinct = list(dict.fromkeys(v.strip() for v in sample if v and v.strip()))[:2000]
    if not distinct:
        return {}
    found: dict[str, int] = {}
    for v in _strip_name_digits(distinct):
        if v.count(",") == 1:          # 'SMITH, JAMES': last name first
            last, first = (p.strip() for p in v.split(","))
            v = f"{first} {last}"
        kind = values.name_kind(v)
        if kind:
            found[kind] = found.get(kind, 0) + 1
    out = {}
    plural = {"first_name": "first names", "last_name": "last names", "full_name": "full names"}
    for kind, n in found.items():
        out[kind] = ValueHit(kind, kind, n, len(distinct),
                             f"{n:,} of {len(distinct):,} distinct sampled values are {plural[kind]} (name lists, accent-folded)")
    return out


_SSN_DIGITS = re.compile(r"^(?!000|666)\d{3}(?!00)\d{2}(?!0000)\d{4}$")
_STREET_WORDS = ("street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "boulevard", "blvd",
                 "drive", "dr", "way", "court", "ct", "place", "pl", "terrace", "parkway", "pkwy",
                 "circle", "cir", "square", "sq", "highway", "hwy", "trail", "crescent", "close",
                 "rue", "avenue", "chemin", "allee", "impasse", "boulevard", "via", "viale", "piazza",
                 "corso", "calle", "avenida", "paseo", "plaza", "carrera", "rua", "travessa", "strasse",
                 "str", "weg", "platz", "allee", "gasse", "ring", "damm", "straat", "laan", "plein",
                 "gracht", "apt", "unit", "suite", "apartment", "flat", "floor", "piso", "etage")
_STREET = re.compile(
    r"^(\d{1,6}[a-z]?[,\s]+(\S+\s+){0,5}(" + "|".join(_STREET_WORDS) + r")\b.*"
    r"|(\S+\s+){0,4}(" + "|".join(_STREET_WORDS) + r")\b\.?\s+(\S+\s+){0,4}\d{1,6}[a-z]?\b.*"
    r"|\S*(strasse|straße|str\.|weg|gasse|straat|laan)\s+\d{1,5}[a-z]?\b.*)$", re.IGNORECASE)
_DMY = re.compile(r"^(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-](19|20)\d\d$|"
                  r"^(0?[1-9]|1[0-2])[/.-](0?[1-9]|[12]\d|3[01])[/.-](19|20)\d\d$")
_GEO_PAIR = re.compile(r"^\(?\s*-?\d{1,2}\.\d{3,}\s*[,;]\s*-?\d{1,3}\.\d{3,}\s*\)?$")
_HANDLE = re.compile(r"^@[A-Za-z0-9_.]{2,30}$")
_LONG_DIGITS = re.compile(r"^\+?\d{10,15}$")


def _share(sample: list[str], pattern: re.Pattern[str]) -> tuple[int, int]:
    vals = [v.strip() for v in sample if v.strip()]
    return sum(1 for v in vals if pattern.match(v)), len(vals)


def shape_verdict(col: ColumnProfile, sample: list[str], fam: str, person_table: bool) -> tuple[str, float, str] | None:
    """Personal data recognised by the shape of most values, whatever the column is called."""
    if fam == "text":
        for pattern, cls, what, floor in (
            (_SSN_DIGITS, "national_id", "are 9-digit SSNs written without dashes", 0.9),
            (_STREET, "street_address", "are street addresses (a number and a street word)", 0.6),
            (_GEO_PAIR, "geo_coordinate", "are latitude,longitude pairs", 0.8),
            (_HANDLE, "username", "are @handles", 0.8),
            (_YMD, "event_date", "are dates written yyyymmdd", 0.9),
            (_DMY, "event_date", "are dates written dd/mm/yyyy or mm/dd/yyyy", 0.9),
        ):
            hit, total = _share(sample, pattern)
            if total >= 2 and hit >= floor * total:
                if cls == "national_id" and col.distinct < 0.5 * max(1, col.rows - col.nulls):
                    continue  # repeated 9-digit codes are not one SSN per person
                if cls == "event_date" and not person_table:
                    cls = "public"
                return cls, 0.8, f"{hit:,} of {total:,} sampled values {what}"
    if person_table and fam in ("text", "integer") and not names.is_identifier_name(col.name, col.table):
        hit, total = _share(sample, _LONG_DIGITS)
        if total >= 2 and hit >= 0.9 * total and col.distinct >= 0.5 * max(1, col.rows - col.nulls):
            return "phone", 0.6, (f"{hit:,} of {total:,} sampled values are 10 to 15 digit numbers in a "
                                  "table about people (phone numbers or IDs)")
    return None


def _value_evidence(col: ColumnProfile) -> tuple[list[ValueHit], dict[str, ValueHit]]:
    """The validators' hits and the name-list hits on the column's sample, computed once per
    column (the scanner classifies every column twice: the second pass knows which tables
    hold people)."""
    cached = col.__dict__.get("_value_evidence")
    if cached is None:
        hits = values.scan_values(col.sample, col.data_type) if col.sample else []
        cached = (hits, name_hits(col.sample))
        col.__dict__["_value_evidence"] = cached
    return cached


def _is_gender(sample: list[str]) -> bool:
    vals = {v.strip().lower() for v in sample if v and v.strip()}
    return 2 <= len(vals) <= 6 and vals <= _GENDER_VALUES


# A name column in a table about organisations names the organisation, unless its values are
# people's names. (Their addresses and phones stay masked: a table's name is not proof enough
# that no person is behind them.)
_PERSON_NAMES = {"first_name", "last_name", "full_name"}


def classify_column(col: ColumnProfile, table: TableContext, *, person_table: bool,
                    company_table: bool) -> Verdict:
    v = _classify_column(col, table, person_table=person_table, company_table=company_table)
    if company_table and not person_table and v.cls in _PERSON_NAMES and not col.references \
            and not any(h.cls in _PERSON_NAMES and h.fraction >= 0.5 for h in v.hits):
        return Verdict("public", 0.7, [f"{'; '.join(v.evidence) or v.cls}, but the table describes an "
                                       "organisation and the values are not people's names"], v.hits)
    return v


def _classify_column(col: ColumnProfile, table: TableContext, *, person_table: bool,
                     company_table: bool) -> Verdict:
    fam = family(col.data_type)
    if fam == "text" and _numbers_as_text(col.sample):
        fam = "numeric"   # amounts or codes exported as text ('4.5E3'): the number rules apply
    matches = names.match(col.name)
    best = matches[0] if matches and not matches[0].modified else None
    by_name = {m.cls: m for m in matches if not m.modified and m.score >= 0.75}
    sample = col.sample
    hits, people = _value_evidence(col)
    by_kind = {h.kind: h for h in hits}
    by_cls: dict[str, ValueHit] = {}
    for h in hits:
        if h.cls not in by_cls or h.fraction > by_cls[h.cls].fraction:
            by_cls[h.cls] = h
    if fam == "text":
        for kind, h in people.items():
            if kind not in by_cls or h.fraction > by_cls[kind].fraction:
                by_cls[kind] = h
    non_empty = sum(1 for v in sample if v.strip())
    evidence: list[str] = []

    def verdict(cls: str, conf: float, *why: str) -> Verdict:
        return Verdict(cls, round(min(conf, 0.99), 2), [w for w in (*evidence, *why) if w], hits)

    if fam == "nested":
        ent_hit = next((h for h in hits if h.kind == "free_text_entities"), None)
        return verdict("json", 0.5, f"type {col.data_type}: nested types and ENUMs "
                       "are not supported by the masking methods; expose it as text in a view, or "
                       "leave the table out", ent_hit.detail if ent_hit else "")

    if fam == "boolean":
        if "quasi_identifier" in by_name and person_table:
            return verdict("quasi_identifier", 0.75, by_name["quasi_identifier"].evidence)
        return verdict("public", 0.9, "boolean")

    # 0. JSON documents: redacted whole unless a human maps them.
    if fam == "json" or ("json" in by_kind and by_kind["json"].fraction >= 0.8):
        h = by_kind.get("json")
        return verdict("json", 0.95, h.detail if h else "JSON type")

    # 1. Strict validators on most of the sample (a key built around an email is not an email).
    composed = _composed_with_pii(sample) if "email" in by_kind else ""
    if composed:
        return verdict("natural_key", 0.9, composed)
    strict = [h for h in hits if h.kind in _STRICT_KINDS]
    if strict:
        h = max(strict, key=lambda x: x.fraction)
        agrees = h.cls in by_name or (h.cls == "identifier" and names.is_identifier_name(col.name))
        if h.fraction >= 0.8 or (agrees and h.fraction >= 0.5):
            if h.cls == "email" and "natural_key" in by_name:
                return verdict("natural_key", 0.9, by_name["natural_key"].evidence, h.detail)
            if h.cls == "identifier":
                return verdict("identifier", 0.95 if agrees else 0.85, h.detail)
            return verdict(h.cls, 0.97 if agrees else 0.9,
                           by_name[h.cls].evidence if agrees else "", h.detail)

    # 2. A key derived from personal data: a unique or key column with entities inside.
    if "email" not in by_kind:
        composed = _composed_with_pii(sample)
    if composed:
        return verdict("natural_key", 0.9, composed)
    ent = by_kind.get("free_text_entities")
    if "natural_key" in by_name and fam == "text":
        return verdict("natural_key", 0.85 if ent or by_kind.get("email") else 0.75,
                       by_name["natural_key"].evidence, ent.detail if ent else "")

    # 3. Free text with entities in it.
    text = by_kind.get("free_text")
    if ent and ent.matched >= 1 and (text and text.fraction >= 0.3 or "free_text" in by_name):
        return verdict("free_text", 0.95, ent.detail)
    if "free_text" in by_name and fam == "text" and (text is None or text.fraction >= 0.2 or non_empty == 0):
        return verdict("free_text", 0.8 if text else 0.7, by_name["free_text"].evidence,
                       text.detail if text else "")

    # 4. Dates.
    if fam == "date" or ("birth_date" in by_kind and by_kind["birth_date"].fraction >= 0.9 and fam == "text"):
        if "date_of_birth" in by_name:
            h = by_kind.get("birth_date")
            return verdict("date_of_birth", 0.95 if h and h.fraction >= 0.9 else 0.8,
                           by_name["date_of_birth"].evidence, h.detail if h else "")
        if person_table:
            return verdict("event_date", 0.75, "a date in a table about people")
        return verdict("public", 0.65, "a date in a table with no personal data")

    # 5. Numbers: PII stored as numbers, coordinates, money, epoch times.
    if fam in ("integer", "numeric"):
        for cls in ("card_number", "phone", "national_id", "postcode", "street_address", "bank_account"):
            if cls in by_name:
                h = by_cls.get(cls)
                if h and h.fraction >= 0.5:
                    return verdict(cls, 0.95, by_name[cls].evidence, h.detail + " (stored as numbers)")
                if col.references is None:
                    return verdict(cls, 0.75, by_name[cls].evidence, "numeric column")
        card = by_kind.get("card")
        if card and card.fraction >= 0.8:
            return verdict("card_number", 0.9, card.detail + " (stored as numbers)")
        years = sum(1 for v in sample if v.strip().isdigit() and 1900 <= int(v.strip()) <= 2030)
        if "date_of_birth" in by_name and sample and years >= 0.9 * len(sample):
            return verdict("quasi_identifier", 0.85, by_name["date_of_birth"].evidence,
                           "values are years: a birth year")
        ymd = sum(1 for v in sample if _YMD.match(v.strip()))
        ym = sum(1 for v in sample if _YM.match(v.strip()))
        if sample and ymd >= 0.9 * len(sample) and fam == "integer":
            what = f"{ymd:,} of {len(sample):,} sampled values are dates written as yyyymmdd numbers"
            if "date_of_birth" in by_name:
                return verdict("date_of_birth", 0.9, by_name["date_of_birth"].evidence, what)
            return verdict("event_date" if person_table else "public", 0.8, what,
                           "in a table about people" if person_table else "in a table with no personal data")
        joined = "".join(names.expanded(col.name))
        if sample and ym >= 0.9 * len(sample) and (set(names.expanded(col.name)) & (_MONTH_WORDS | _TIME_WORDS)
                                                   or joined.endswith(tuple(_MONTH_WORDS))):
            what = f"{ym:,} of {len(sample):,} sampled values are months written as yyyymm numbers"
            return verdict("event_date" if person_table else "public", 0.75, what)
        if "geo_coordinate" in by_name:
            h = by_cls.get("geo_coordinate")
            return verdict("geo_coordinate", 0.95 if h and h.fraction >= 0.8 else 0.75,
                           by_name["geo_coordinate"].evidence, h.detail if h else "")
        epoch = by_kind.get("unix_time")
        if epoch and epoch.fraction >= 0.9 and set(names.expanded(col.name)) & _TIME_WORDS:
            return verdict("event_date" if person_table else "public", 0.8, "name says time",
                           epoch.detail)
        if "money" in by_name and fam == "numeric" or "money" in by_name and not names.is_identifier_name(col.name):
            if person_table:
                return verdict("money", 0.8, by_name["money"].evidence, "an amount in a table about people")
            return verdict("public", 0.7, by_name["money"].evidence, "but the table holds no personal data")
        if "quasi_identifier" in by_name:
            q = by_name["quasi_identifier"]
            if q.term not in _CONTEXT_QUASI or person_table:
                return verdict("quasi_identifier", 0.75, q.evidence)
        if col.primary_key and len(table.primary_key) > 1 and col.references is None \
                and names.tokens(col.name)[-1:] != ("id",) and col.distinct <= 1000:
            return verdict("public", 0.75, "a small counter inside the composite key "
                           f"({', '.join(table.primary_key)})")
        if col.primary_key or col.references or names.is_identifier_name(col.name, col.table):
            return verdict("identifier", 0.9 if (col.primary_key or col.references) else 0.75,
                           _key_evidence(col) or "named like a key")
        shaped = shape_verdict(col, sample, fam, person_table)
        if shaped:
            return verdict(*shaped)
        return verdict("public", 0.8, "a number with no name or value evidence")

    # 6. Text: the name, confirmed or not by weak validators.
    quasi_any = next((m for m in matches if m.cls == "quasi_identifier"), None)
    if quasi_any and sample and all(len(v.strip()) <= 3 for v in sample) and col.distinct <= 300:
        return verdict("quasi_identifier", 0.8, quasi_any.evidence, "short codes")
    key_pii = next((m for m in matches if not m.modified and m.score >= 0.75 and m.cls in _KEY_PII), None)
    if col.primary_key and key_pii and col.references is None:
        h = by_cls.get(key_pii.cls)
        return verdict(key_pii.cls, 0.9, key_pii.evidence, _key_evidence(col), h.detail if h else "")
    if col.primary_key and len(table.primary_key) > 1 and col.references is None \
            and not names.is_identifier_name(col.name) and col.distinct <= 100 and not ent:
        return verdict("public", 0.7, f"a category inside the composite key ({', '.join(table.primary_key)})")
    if col.primary_key or col.references:
        cls_hit = by_cls.get("identifier")
        return verdict("identifier", 0.9, _key_evidence(col), cls_hit.detail if cls_hit else "")

    weak_confirm = {
        "phone": by_cls.get("phone"), "postcode": by_cls.get("postcode"),
        "first_name": by_cls.get("first_name"), "last_name": by_cls.get("last_name"),
        "full_name": by_cls.get("full_name"), "geo_coordinate": by_cls.get("geo_coordinate"),
        "national_id": by_cls.get("national_id"), "email": by_cls.get("email"),
        "ip_address": by_cls.get("ip_address"), "card_number": by_cls.get("card_number"),
    }
    order = [m for m in matches if not m.modified and m.score >= 0.75]
    strong_other = max((h for h in by_cls.values() if h.fraction >= 0.5), key=lambda h: h.fraction, default=None)
    for m in order:
        cls = m.cls
        own = by_cls.get(cls)
        if cls in _VALIDATED and non_empty >= 5 and (own is None or own.fraction < 0.2) \
                and strong_other is not None and strong_other.cls != cls:
            evidence.append(f"{m.evidence}, but the values say otherwise")
            continue
        if cls == "quasi_identifier":
            if m.term in _CONTEXT_QUASI and not person_table:
                continue
            return verdict("quasi_identifier", 0.8, m.evidence)
        if cls in ("money", "geo_coordinate") and fam == "text" and m.term not in ("geohash", "lat lng", "latlng", "lat lon", "latlon"):
            h = weak_confirm.get(cls)
            if not h or h.fraction < 0.5:
                continue
        if cls in ("first_name", "last_name") and m.term in ("first", "last", "nom", "nombre", "maiden"):
            h = by_cls.get(cls) or by_cls.get("first_name" if cls == "last_name" else "last_name")
            if not (h and h.fraction >= 0.3) and not person_table:
                continue
        if cls == "company" and m.term in ("organization", "organisation") and not company_table:
            continue
        if cls == "full_name" and m.term == "contact":
            h = by_cls.get("full_name")
            if not h or h.fraction < 0.3:
                continue
        h = weak_confirm.get(cls)
        full_h = by_cls.get("full_name")
        if cls in ("first_name", "last_name") and full_h and full_h.fraction >= 0.5 \
                and full_h.fraction > (h.fraction if h else 0):
            return verdict("full_name", 0.85, m.evidence, full_h.detail)
        if h is not None and h.fraction >= 0.5:
            return verdict(cls, 0.95, m.evidence, h.detail)
        if non_empty == 0:
            return verdict(cls, 0.6, m.evidence, "no values to confirm it (empty or NULL-only column)")
        return verdict(cls, 0.85 if m.score >= 0.9 else 0.75, m.evidence)

    shaped = shape_verdict(col, sample, fam, person_table)
    if shaped and not names.is_identifier_name(col.name, col.table):
        return verdict(*shaped)

    # Gender written as codes, without a telling name.
    if _is_gender(sample) and non_empty >= 2:
        return verdict("quasi_identifier", 0.75, "values are gender codes")

    if names.is_identifier_name(col.name, col.table) and col.unique:
        return verdict("identifier", 0.8, _key_evidence(col) or "unique, and named like a key")

    # 7. Values alone, weaker validators.
    phone = by_cls.get("phone")
    if phone and phone.kind == "phone" and phone.fraction >= 0.8:
        return verdict("phone", 0.85, phone.detail)
    full = by_cls.get("full_name")
    first = by_cls.get("first_name")
    last = by_cls.get("last_name")
    not_person = bool(set(names.expanded(col.name)) & _NOT_PERSON_WORDS)
    ctx = None if not_person else names.context_match(col.name)
    if ctx and company_table:
        return verdict("company", 0.8, f"name '{col.name}' in an organisation table")
    if ctx and person_table:
        return verdict("full_name", 0.85 if full and full.fraction >= 0.3 else 0.7,
                       f"name '{col.name}' in a table about people", full.detail if full else "")
    if full and full.fraction >= 0.6 and not not_person:
        return verdict("full_name", 0.8, full.detail)
    if first and first.fraction >= 0.8 and col.distinct >= 5 and not not_person:
        return verdict("first_name", 0.75, first.detail)
    if last and last.fraction >= 0.8 and col.distinct >= 5 and not not_person:
        return verdict("last_name", 0.7, last.detail)
    if ent and ent.matched >= 1:
        return verdict("free_text", 0.85, ent.detail)
    if names.is_identifier_name(col.name, col.table) and col.unique:
        return verdict("identifier", 0.8, _key_evidence(col) or "unique, and named like a key")
    if col.unique and _opaque_tokens(sample):
        return verdict("identifier", 0.7, "unique opaque codes (letters and digits mixed, no spaces)")
    if text and text.fraction >= 0.8 and col.distinct >= 0.5 * max(1, col.rows - col.nulls) and person_table:
        return verdict("free_text", 0.65, text.detail, "long, varied text in a table about people")
    if names.is_identifier_name(col.name, col.table):
        return verdict("identifier", 0.7, "named like a key")
    if person_table and col.unique and col.rows >= 10 and col.shapes and any(ch == "9" for ch in col.shapes[0][0]) \
            and sum(n for _, n in col.shapes[:1]) >= 0.9 * max(1, len(sample)):
        return verdict("identifier", 0.65, f"unique codes of one shape ({col.shapes[0][0]})")
    return verdict("public", 0.6, "no name or value evidence" if best is None else f"{best.evidence}, which does not fit its values or table")


_OPAQUE = re.compile(r"^(?=.*\d)(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9_-]{8,64}$|^(?=.*\d)(?=.*[a-f])[0-9a-f]{16,64}$")


def _numbers_as_text(sample: list[str]) -> bool:
    vals = [v.strip() for v in sample if v.strip()]
    return len(vals) >= 2 and all(_NUMBER_TEXT.match(v) for v in vals) and any(
        "e" in v.lower() or "." in v for v in vals)


_KEY_SEPARATORS = re.compile(r"[#|;]|::")


def _composed_with_pii(sample: list[str]) -> str:
    """Evidence when most values are parts joined by a separator, one part personal data
    (`ACME#ana.lima@example.test`): a natural key built from PII."""
    vals = [v for v in sample if v.strip()][:1000]
    if len(vals) < 2:
        return ""
    hits = 0
    for v in vals:
        parts = [p for p in _KEY_SEPARATORS.split(v) if p]
        if len(parts) >= 2 and any(values.is_email(p) or values.national_id_kind(p) or values.is_card_number(p)
                                   or values.is_phone(p) for p in parts):
            hits += 1
    if hits >= 0.8 * len(vals):
        return f"{hits:,} of {len(vals):,} sampled values join a key part to personal data (email, ID, card or phone)"
    return ""


_WORD_NUMBER = re.compile(r"^[A-Za-z]+[_-]?\d+$")


def _opaque_tokens(sample: list[str]) -> bool:
    """Random-looking codes (`Xk7pQ9nM3v`), not a word with a counter (`Category1`)."""
    vals = [v for v in sample if v.strip()]
    opaque = sum(1 for v in vals if _OPAQUE.match(v) and not _WORD_NUMBER.match(v))
    return len(vals) >= 2 and opaque >= 0.9 * len(vals)


def _key_evidence(col: ColumnProfile) -> str:
    parts = []
    if col.primary_key:
        parts.append("unique and never NULL: taken as the key" if col.key_inferred else "primary key")
    if col.references:
        parts.append(f"references {col.references}")
    if col.unique and not col.primary_key:
        parts.append("unique")
    if col.referenced_by:
        shown = ", ".join(col.referenced_by[:3]) + (" ..." if len(col.referenced_by) > 3 else "")
        parts.append(f"referenced by {shown}")
    return "; ".join(parts)


def person_signal(table: TableContext) -> bool:
    """The table's name is about people, or a column points at a person (`customer_id`, `PATIENT`)."""
    if set(names.tokens(table.table)) & PERSON_TABLE_WORDS:
        return True
    for col in table.columns:
        toks = names.tokens(col.name)
        if toks and (set(toks) & PERSON_TABLE_WORDS) and (names.is_identifier_name(col.name) or len(toks) == 1 or col.references):
            return True
    return False


def marks_people(cls: str, table: TableContext) -> bool:
    """A column of this class makes its table one about people."""
    return cls in PERSON_MARKERS or (cls in ("phone", "street_address", "device_id", "ip_address")
                                     and not company_signal(table))


def company_signal(table: TableContext) -> bool:
    return bool(set(names.tokens(table.table)) & COMPANY_TABLE_WORDS)
