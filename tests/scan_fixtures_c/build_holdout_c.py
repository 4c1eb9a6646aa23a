"""Build hold-out database C for `understudy scan-eval`.

The database imitates five unrelated production systems, none of them a shop:

- ``kyc``     a retail bank's know-your-customer store (English, PascalCase / camelCase)
- ``lohn``    a German payroll bureau (German, UPPER and abbreviated names)
- ``viajes``  a Spanish ride-hailing app (Spanish, snake_case and camelCase)
- ``support`` a French help desk whose tickets arrive in four languages
- ``ref``     reference data with no people in it at all (mixed languages)

Everything is generated from fixed seeds and fixed date ranges, so two builds with the same
arguments give the same rows. The class of every column is in ``labels_c.csv`` next to this
file.

Usage::

    .venv/bin/python tests/scan_fixtures_c/build_holdout_c.py /tmp/holdout_c.duckdb
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import unicodedata
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
from faker import Faker

# ---------------------------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------------------------

LOCALES = {"GB": "en_GB", "US": "en_US", "FR": "fr_FR", "DE": "de_DE", "ES": "es_ES"}


def _fakers(seed: int) -> dict[str, Faker]:
    """One Faker per country, each seeded on its own so tables do not disturb each other."""
    out = {}
    for i, (country, locale) in enumerate(LOCALES.items()):
        f = Faker(locale)
        f.seed_instance(seed * 100 + i)
        out[country] = f
    return out


def _ascii(text: str) -> str:
    """Drop accents and anything that does not belong in a mailbox name."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch in ".-")


def _email(rng: random.Random, first: str, last: str, domains: list[str]) -> str:
    first, last = _ascii(first.split()[0]), _ascii(last.split()[0])
    pattern = rng.randrange(4)
    if pattern == 0:
        local = f"{first}.{last}"
    elif pattern == 1:
        local = f"{first[:1]}{last}"
    elif pattern == 2:
        local = f"{last}.{first}{rng.randint(1, 99)}"
    else:
        local = f"{first}{last[:1]}{rng.randint(1960, 2005)}"
    return f"{local}@{rng.choice(domains)}"


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def _card_number(rng: random.Random) -> str:
    prefix = rng.choice(["4", "51", "52", "53", "54", "55", "2221"])
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(15 - len(prefix)))
    return body + _luhn_digit(body)


def _imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01", "49"]) + "".join(str(rng.randrange(10)) for _ in range(12))
    return body + _luhn_digit(body)


def _ean13(rng: random.Random) -> int:
    body = rng.choice(["400", "300", "840", "500"]) + "".join(str(rng.randrange(10)) for _ in range(9))
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return int(body + str((10 - total % 10) % 10))


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _moment(rng: random.Random, start: datetime, end: datetime) -> datetime:
    seconds = int((end - start).total_seconds())
    return start + timedelta(seconds=rng.randrange(seconds))


def _yyyymmdd(d: date | None) -> int | None:
    return None if d is None else d.year * 10000 + d.month * 100 + d.day


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _public_ip(rng: random.Random) -> str:
    first = rng.choice([31, 37, 46, 62, 77, 78, 80, 81, 82, 83, 85, 88, 90, 91, 92, 95, 176, 178, 188, 212, 213, 217])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _mobile(country: str, rng: random.Random) -> int:
    """A mobile number as digits with the country prefix, the way some systems store it."""
    if country == "GB":
        return int(f"447{rng.randint(100000000, 999999999)}")
    if country == "US":
        return int(f"1{rng.randint(201, 989)}{rng.randint(2000000, 9999999)}")
    if country == "FR":
        return int(f"33{rng.choice('67')}{rng.randint(10000000, 99999999)}")
    if country == "DE":
        return int(f"49{rng.choice(['151', '160', '170', '171', '176'])}{rng.randint(1000000, 99999999)}")
    return int(f"34{rng.choice('67')}{rng.randint(10000000, 99999999)}")


def _insert(con: duckdb.DuckDBPyConnection, table: str, data: dict[str, list]) -> None:
    """Insert column lists through a pyarrow table (much faster than row inserts)."""
    arrow = pa.table(data)
    con.register("_staging", arrow)
    cols = ", ".join(f'"{c}"' for c in data)
    con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _staging")
    con.unregister("_staging")


# ---------------------------------------------------------------------------------------------
# ref: reference data, no people
# ---------------------------------------------------------------------------------------------

CURRENCIES = [
    # iso, numeric, name, rate to EUR, introduced
    ("EUR", 978, "Euro", 1.0, date(1999, 1, 1)),
    ("USD", 840, "US Dollar", 0.9238, date(1792, 4, 2)),
    ("GBP", 826, "Pound Sterling", 1.1654, date(1971, 2, 15)),
    ("CHF", 756, "Swiss Franc", 1.0412, date(1850, 5, 7)),
    ("JPY", 392, "Yen", 0.006213, date(1871, 6, 27)),
    ("SEK", 752, "Swedish Krona", 0.08745, date(1873, 1, 1)),
    ("DKK", 208, "Danish Krone", 0.13409, date(1875, 1, 1)),
    ("PLN", 985, "Zloty", 0.2301, date(1995, 1, 1)),
    ("CZK", 203, "Czech Koruna", 0.04012, date(1993, 2, 8)),
    ("MXN", 484, "Mexican Peso", 0.05381, date(1993, 1, 1)),
    ("ARS", 32, "Argentine Peso", 0.001042, date(1992, 1, 1)),
    ("COP", 170, "Colombian Peso", 0.0002317, date(1810, 1, 1)),
    ("CLP", 152, "Chilean Peso", 0.0009934, date(1975, 9, 29)),
    ("CAD", 124, "Canadian Dollar", 0.6812, date(1858, 1, 1)),
    ("MAD", 504, "Moroccan Dirham", 0.09187, date(1960, 10, 17)),
    ("NOK", 578, "Norwegian Krone", 0.08621, date(1875, 1, 1)),
]

COUNTRIES = [
    # iso2, French name, dialling code, currency, EU member, capital
    ("FR", "France", "+33", "EUR", True, "Paris"),
    ("DE", "Allemagne", "+49", "EUR", True, "Berlin"),
    ("ES", "Espagne", "+34", "EUR", True, "Madrid"),
    ("GB", "Royaume-Uni", "+44", "GBP", False, "London"),
    ("US", "États-Unis", "+1", "USD", False, "Washington"),
    ("IT", "Italie", "+39", "EUR", True, "Roma"),
    ("PT", "Portugal", "+351", "EUR", True, "Lisboa"),
    ("BE", "Belgique", "+32", "EUR", True, "Bruxelles"),
    ("NL", "Pays-Bas", "+31", "EUR", True, "Amsterdam"),
    ("AT", "Autriche", "+43", "EUR", True, "Wien"),
    ("CH", "Suisse", "+41", "CHF", False, "Bern"),
    ("IE", "Irlande", "+353", "EUR", True, "Dublin"),
    ("LU", "Luxembourg", "+352", "EUR", True, "Luxembourg"),
    ("PL", "Pologne", "+48", "PLN", True, "Warszawa"),
    ("SE", "Suède", "+46", "SEK", True, "Stockholm"),
    ("DK", "Danemark", "+45", "DKK", True, "København"),
    ("CZ", "Tchéquie", "+420", "CZK", True, "Praha"),
    ("NO", "Norvège", "+47", "NOK", False, "Oslo"),
    ("MX", "Mexique", "+52", "MXN", False, "Ciudad de México"),
    ("AR", "Argentine", "+54", "ARS", False, "Buenos Aires"),
    ("CO", "Colombie", "+57", "COP", False, "Bogotá"),
    ("CL", "Chili", "+56", "CLP", False, "Santiago"),
    ("MA", "Maroc", "+212", "MAD", False, "Rabat"),
    ("CA", "Canada", "+1", "CAD", False, "Ottawa"),
    ("JP", "Japon", "+81", "JPY", False, "Tokyo"),
]

# standard and reduced VAT rates, with the date each took effect (None: still in force)
VAT = {
    "FR": [("normal", date(2000, 4, 1), date(2013, 12, 31), 0.196), ("normal", date(2014, 1, 1), None, 0.20),
           ("intermedio", date(2014, 1, 1), None, 0.10), ("reducido", date(1995, 1, 1), None, 0.055),
           ("superreducido", date(1995, 1, 1), None, 0.021)],
    "DE": [("normal", date(1998, 4, 1), date(2006, 12, 31), 0.16), ("normal", date(2007, 1, 1), date(2020, 6, 30), 0.19),
           ("normal", date(2020, 7, 1), date(2020, 12, 31), 0.16), ("normal", date(2021, 1, 1), None, 0.19),
           ("reducido", date(1983, 7, 1), None, 0.07)],
    "ES": [("normal", date(2010, 7, 1), date(2012, 8, 31), 0.18), ("normal", date(2012, 9, 1), None, 0.21),
           ("reducido", date(2012, 9, 1), None, 0.10), ("superreducido", date(1995, 1, 1), None, 0.04)],
    "IT": [("normal", date(2013, 10, 1), None, 0.22), ("reducido", date(1995, 1, 1), None, 0.10),
           ("superreducido", date(1995, 1, 1), None, 0.04)],
    "PT": [("normal", date(2011, 1, 1), None, 0.23), ("reducido", date(2011, 1, 1), None, 0.06)],
    "BE": [("normal", date(1996, 1, 1), None, 0.21), ("reducido", date(1996, 1, 1), None, 0.06)],
    "NL": [("normal", date(2019, 1, 1), None, 0.21), ("reducido", date(2019, 1, 1), None, 0.09)],
    "AT": [("normal", date(1995, 1, 1), None, 0.20), ("reducido", date(1995, 1, 1), None, 0.10)],
    "IE": [("normal", date(2012, 1, 1), None, 0.23), ("reducido", date(2012, 1, 1), None, 0.135)],
    "LU": [("normal", date(2015, 1, 1), None, 0.17), ("reducido", date(2015, 1, 1), None, 0.08)],
    "PL": [("normal", date(2011, 1, 1), None, 0.23), ("reducido", date(2011, 1, 1), None, 0.08)],
    "SE": [("normal", date(1990, 7, 1), None, 0.25), ("reducido", date(1996, 1, 1), None, 0.12)],
    "DK": [("normal", date(1992, 1, 1), None, 0.25)],
    "CZ": [("normal", date(2013, 1, 1), None, 0.21), ("reducido", date(2024, 1, 1), None, 0.12)],
}

OFFICES = [
    # name, street, house number, zip, city, country, phone, lat, lon
    ("Paris La Défense", "Parvis de la Défense", "4", "92800", "Puteaux", "FR", "+33 1 47 62 10 00", 48.8918, 2.2380),
    ("Lyon Part-Dieu", "Boulevard Marius Vivier Merle", "19", "69003", "Lyon", "FR", "+33 4 72 61 30 30", 45.7605, 4.8590),
    ("Bordeaux Chartrons", "Quai des Chartrons", "112", "33300", "Bordeaux", "FR", "+33 5 56 01 44 00", 44.8545, -0.5700),
    ("Berlin Mitte", "Friedrichstraße", "68", "10117", "Berlin", "DE", "+49 30 2094 5500", 52.5106, 13.3890),
    ("München Zentrale", "Leopoldstraße", "244", "80807", "München", "DE", "+49 89 3577 100", 48.1769, 11.5860),
    ("Hamburg Hafen", "Am Sandtorkai", "37", "20457", "Hamburg", "DE", "+49 40 3760 2200", 53.5430, 9.9890),
    ("Leipzig Service", "Brühl", "65", "04109", "Leipzig", "DE", "+49 341 2150 800", 51.3430, 12.3780),
    ("Madrid Castellana", "Paseo de la Castellana", "95", "28046", "Madrid", "ES", "+34 915 55 40 00", 40.4510, -3.6920),
    ("Barcelona Diagonal", "Avinguda Diagonal", "640", "08017", "Barcelona", "ES", "+34 933 66 82 00", 41.3920, 2.1300),
    ("Sevilla Cartuja", "Calle Leonardo da Vinci", "18", "41092", "Sevilla", "ES", "+34 954 46 01 20", 37.4100, -6.0050),
    ("London Canary Wharf", "Canada Square", "25", "E14 5LQ", "London", "GB", "+44 20 7946 0000", 51.5049, -0.0195),
    ("Manchester Spinningfields", "Hardman Street", "3", "M3 3HF", "Manchester", "GB", "+44 161 496 0000", 53.4800, -2.2510),
]

PRODUCT_KINDS = {
    "DE": ["Sessel", "Sofa", "Stehlampe", "Regal", "Kinderbett", "Schreibtisch", "Kommode"],
    "FR": ["Fauteuil", "Canapé", "Lampadaire", "Étagère", "Lit enfant", "Bureau", "Commode"],
    "ES": ["Sillón", "Sofá", "Lámpara", "Estantería", "Cuna", "Escritorio", "Cómoda"],
    "GB": ["Armchair", "Sofa", "Floor lamp", "Bookcase", "Cot", "Desk", "Chest of drawers"],
}
PRODUCT_NAMES = ["Emma", "Sofia", "Lucas", "Paul", "Clara", "Mateo", "Léa", "Oskar", "Lucía", "Hugo",
                 "Olivia", "Jonas", "Inès", "Martín", "Greta", "Noah", "Chloé", "Valentina", "Felix", "Camille"]
COLOURS = ["grau", "anthrazit", "beige", "natur", "weiß", "schwarz", "salbei", "terrakotta"]


def _build_ref(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    con.execute("CREATE SCHEMA ref")
    con.execute("""
        CREATE TABLE ref.currencies (
            currency_id  SMALLINT PRIMARY KEY,
            iso_code     VARCHAR(3) NOT NULL,
            numeric_code SMALLINT,
            name         VARCHAR,
            rate_to_eur  VARCHAR,        -- exported from a spreadsheet in scientific notation
            introduced   INTEGER         -- yyyymmdd
        )""")
    _insert(con, "ref.currencies", {
        "currency_id": [i + 1 for i in range(len(CURRENCIES))],
        "iso_code": [c[0] for c in CURRENCIES],
        "numeric_code": [c[1] for c in CURRENCIES],
        "name": [c[2] for c in CURRENCIES],
        "rate_to_eur": [f"{c[3]:.4E}" for c in CURRENCIES],
        "introduced": [_yyyymmdd(c[4]) for c in CURRENCIES],
    })
    currency_id = {c[0]: i + 1 for i, c in enumerate(CURRENCIES)}

    con.execute("""
        CREATE TABLE ref.pays (
            PAYS_ID     SMALLINT PRIMARY KEY,
            ISO2        VARCHAR(2) NOT NULL,
            NOM_FR      VARCHAR,
            INDICATIF   VARCHAR,
            CURRENCY_ID SMALLINT REFERENCES ref.currencies (currency_id),
            UE_MEMBRE   BOOLEAN,
            CAPITALE    VARCHAR
        )""")
    _insert(con, "ref.pays", {
        "PAYS_ID": [i + 1 for i in range(len(COUNTRIES))],
        "ISO2": [c[0] for c in COUNTRIES],
        "NOM_FR": [c[1] for c in COUNTRIES],
        "INDICATIF": [c[2] for c in COUNTRIES],
        "CURRENCY_ID": [currency_id[c[3]] for c in COUNTRIES],
        "UE_MEMBRE": [c[4] for c in COUNTRIES],
        "CAPITALE": [c[5] for c in COUNTRIES],
    })
    pays_id = {c[0]: i + 1 for i, c in enumerate(COUNTRIES)}

    # composite key, foreign key to ref.pays left undeclared
    con.execute("""
        CREATE TABLE ref.tipos_iva (
            pais_id       SMALLINT NOT NULL,
            categoria     VARCHAR NOT NULL,
            vigente_desde DATE NOT NULL,
            vigente_hasta DATE,
            tipo          DECIMAL(5, 4),
            tipo_txt      VARCHAR,
            PRIMARY KEY (pais_id, categoria, vigente_desde)
        )""")
    data: dict[str, list] = {k: [] for k in ["pais_id", "categoria", "vigente_desde", "vigente_hasta", "tipo", "tipo_txt"]}
    for iso, rates in VAT.items():
        for cat, start, end, rate in rates:
            data["pais_id"].append(pays_id[iso])
            data["categoria"].append(cat)
            data["vigente_desde"].append(start)
            data["vigente_hasta"].append(end)
            data["tipo"].append(rate)
            data["tipo_txt"].append(f"{rate:.3e}")
    _insert(con, "ref.tipos_iva", data)

    rng = random.Random(seed * 1000 + 5)
    fake = Faker("de_DE")
    fake.seed_instance(seed * 1000 + 5)
    makers = [fake.company() for _ in range(12)]
    n = max(40, rows // 3)
    con.execute("""
        CREATE TABLE ref."Produktkatalog" (
            "ProduktId"    INTEGER PRIMARY KEY,
            "SKU"          VARCHAR,
            "EAN"          BIGINT,
            "Bezeichnung"  VARCHAR,
            "Listenpreis"  DECIMAL(10, 2),
            "Hersteller"   VARCHAR,
            "Attribute"    JSON
        )""")
    data = {k: [] for k in ["ProduktId", "SKU", "EAN", "Bezeichnung", "Listenpreis", "Hersteller", "Attribute"]}
    seen: set[str] = set()
    for i in range(n):
        lang = rng.choice(list(PRODUCT_KINDS))
        k = rng.randrange(len(PRODUCT_KINDS[lang]))
        kind = PRODUCT_KINDS[lang][k]
        first = rng.choice(PRODUCT_NAMES)
        label = f"{kind} {first}"
        if label in seen:
            label = f"{label} {rng.choice(['II', 'XL', 'Mini', 'Plus', '2.0'])}"
        seen.add(label)
        colour = rng.choice(COLOURS)
        data["ProduktId"].append(1000 + i)
        data["SKU"].append(f"{_ascii(kind)[:3].upper()}-{rng.randint(1, 9999):04d}-{colour[:2].upper()}")
        data["EAN"].append(_ean13(rng))
        data["Bezeichnung"].append(label)
        data["Listenpreis"].append(round(rng.uniform(19, 1899), 2) - 0.01 if rng.random() < 0.7 else float(rng.randint(20, 1500)))
        data["Hersteller"].append(rng.choice(makers))
        data["Attribute"].append(json.dumps({
            "farbe": colour,
            "breite_cm": rng.randint(30, 260),
            "tiefe_cm": rng.randint(30, 110),
            "gewicht_kg": round(rng.uniform(1.5, 95), 1),
            "montage": rng.choice([True, False]),
        }, ensure_ascii=False))
    _insert(con, 'ref."Produktkatalog"', data)

    con.execute("""
        CREATE TABLE ref.offices (
            office_id     SMALLINT PRIMARY KEY,
            office_name   VARCHAR,
            street        VARCHAR,
            house_no      VARCHAR,
            zip           VARCHAR,
            city          VARCHAR,
            phone         VARCHAR,
            fax           VARCHAR,      -- the fax lines were switched off: always NULL
            latitude      DOUBLE,
            longitude     DOUBLE,
            contact_email VARCHAR
        )""")
    _insert(con, "ref.offices", {
        "office_id": [i + 1 for i in range(len(OFFICES))],
        "office_name": [o[0] for o in OFFICES],
        "street": [o[1] for o in OFFICES],
        "house_no": [o[2] for o in OFFICES],
        "zip": [o[3] for o in OFFICES],
        "city": [o[4] for o in OFFICES],
        "phone": [o[6] for o in OFFICES],
        "fax": [None for _ in OFFICES],
        "latitude": [o[7] for o in OFFICES],
        "longitude": [o[8] for o in OFFICES],
        "contact_email": [f"{_ascii(o[4])}.{o[5].lower()}@helpdesk-contoso.example" for o in OFFICES],
    })


# ---------------------------------------------------------------------------------------------
# kyc: know-your-customer store of a retail bank
# ---------------------------------------------------------------------------------------------

BICS = {"GB": ["BARCGB22", "LOYDGB2L", "NWBKGB2L"], "US": ["BARCGB22"], "FR": ["BNPAFRPP", "SOGEFRPP", "CRLYFRPP"],
        "DE": ["DEUTDEFF", "COBADEFF", "GENODEM1GLS"], "ES": ["CAIXESBB", "BBVAESMM", "BSCHESMM"]}
MAIL_DOMAINS = {"GB": ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"],
                "US": ["gmail.com", "yahoo.com", "icloud.com", "hotmail.com"],
                "FR": ["orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr"],
                "DE": ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de"],
                "ES": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"]}
NOTES = [
    "Source of funds verified against last three payslips from {employer}.",
    "Name screening returned a possible match with {name}; cleared after DOB comparison.",
    "Customer declared rental income, documents on file.",
    "Large cash deposit explained as sale of a car, invoice provided.",
    "Periodic review, no change in profile.",
    "Address proof expired, new utility bill requested by email to {email}.",
    "Politically exposed through family member, enhanced due diligence applied.",
    "Inconsistent employer details, called customer on {phone} to confirm.",
]


def _passport(country: str, rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if country == "FR":
        return f"{rng.randint(10, 99)}{rng.choice(letters)}{rng.choice(letters)}{rng.randint(10000, 99999)}"
    if country == "DE":
        return "C" + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
    if country == "ES":
        return "".join(rng.choice(letters) for _ in range(3)) + f"{rng.randint(100000, 999999)}"
    return f"{rng.randint(100000000, 999999999)}"


def _tax_id(country: str, fake: Faker, rng: random.Random) -> str | None:
    if country == "FR":
        return f"{rng.randint(0, 3)}{rng.randint(0, 999999999999):012d}"
    if country == "DE":
        return f"{rng.randint(1, 9)}{rng.randint(0, 9999999999):010d}"
    if country == "ES":
        return fake.nif()
    if country == "GB":
        return f"{rng.randint(1000000000, 9999999999)}"
    return None


def _build_kyc(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    con.execute("CREATE SCHEMA kyc")
    con.execute("""
        CREATE TABLE kyc."Customers" (
            "CustomerId"      INTEGER PRIMARY KEY,
            "CustomerKey"     VARCHAR UNIQUE,   -- surname + birth date + nationality
            "GivenName"       VARCHAR,
            "FamilyName"      VARCHAR,
            "MaidenName"      VARCHAR,          -- never filled in by the onboarding form
            "BirthDate"       DATE,
            "Nationality"     VARCHAR(2),
            "PassportNumber"  VARCHAR,
            "TaxIdentifier"   VARCHAR,
            "SSN"             INTEGER,          -- US persons only; leading zeros are lost
            "EmailAddress"    VARCHAR,
            "MobileNo"        BIGINT,
            "Occupation"      VARCHAR,
            "EmployerName"    VARCHAR,
            "AnnualIncome"    DECIMAL(12, 2),
            "PEP"             BOOLEAN,
            "OnboardedAt"     TIMESTAMP
        )""")
    fakers = _fakers(seed * 10 + 1)
    rng = random.Random(seed * 1000 + 1)
    cols = ["CustomerId", "CustomerKey", "GivenName", "FamilyName", "MaidenName", "BirthDate", "Nationality",
            "PassportNumber", "TaxIdentifier", "SSN", "EmailAddress", "MobileNo", "Occupation", "EmployerName",
            "AnnualIncome", "PEP", "OnboardedAt"]
    data: dict[str, list] = {c: [] for c in cols}
    customers = []
    keys: set[str] = set()
    for i in range(rows):
        country = rng.choices(["GB", "FR", "DE", "ES", "US"], weights=[30, 22, 20, 20, 8])[0]
        fake = fakers[country]
        first, last = fake.first_name(), fake.last_name()
        if country == "FR" and rng.random() < 0.35:
            last = last.upper()  # French forms often write the surname in capitals
        dob = _day(rng, date(1938, 1, 1), date(2004, 12, 31))
        key = f"{_ascii(last).upper().replace('.', '')[:8]}-{dob:%Y%m%d}-{country}"
        while key in keys:
            key += "X"
        keys.add(key)
        retired = dob.year < 1958 and rng.random() < 0.7
        occupation = "Retired" if retired else fake.job()
        employer = None if retired or rng.random() < 0.08 else fake.company()
        income = round(rng.lognormvariate(10.4, 0.55), 2) if not retired else round(rng.uniform(9000, 42000), 2)
        email = _email(rng, first, last, MAIL_DOMAINS[country])
        phone = _mobile(country, rng)
        customers.append({"id": 10000 + i, "country": country, "name": f"{first} {last}", "employer": employer,
                          "email": email, "phone": phone, "onboarded": None})
        adult = datetime(dob.year + 18, dob.month, min(dob.day, 28))
        onboarded = _moment(rng, max(datetime(2014, 1, 1), adult), datetime(2023, 12, 31))
        customers[-1]["onboarded"] = onboarded
        data["CustomerId"].append(10000 + i)
        data["CustomerKey"].append(key)
        data["GivenName"].append(first)
        data["FamilyName"].append(last)
        data["MaidenName"].append(None)
        data["BirthDate"].append(dob)
        data["Nationality"].append(country)
        data["PassportNumber"].append(_passport(country, rng) if rng.random() < 0.92 else None)
        data["TaxIdentifier"].append(_tax_id(country, fake, rng))
        data["SSN"].append(int(f"{rng.randint(1, 899):03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}")
                           if country == "US" else None)
        data["EmailAddress"].append(email)
        data["MobileNo"].append(phone)
        data["Occupation"].append(occupation)
        data["EmployerName"].append(employer)
        data["AnnualIncome"].append(income)
        data["PEP"].append(rng.random() < 0.03)
        data["OnboardedAt"].append(onboarded)
    _insert(con, 'kyc."Customers"', data)

    # accounts: foreign key declared
    con.execute("""
        CREATE TABLE kyc."Accounts" (
            "AccountId"        BIGINT PRIMARY KEY,
            "CustomerId"       INTEGER NOT NULL REFERENCES kyc."Customers" ("CustomerId"),
            "IBAN"             VARCHAR,
            "BIC"              VARCHAR,
            "Currency"         VARCHAR(3),
            "LedgerBalance"    DECIMAL(14, 2),
            "AvailableBalance" VARCHAR,          -- written by a batch job in scientific notation
            "CreditLimit"      INTEGER,
            "OpenedOn"         INTEGER,          -- yyyymmdd
            "ClosedOn"         INTEGER,          -- yyyymmdd
            "DebitCardNumber"  VARCHAR
        )""")
    cols = ["AccountId", "CustomerId", "IBAN", "BIC", "Currency", "LedgerBalance", "AvailableBalance", "CreditLimit",
            "OpenedOn", "ClosedOn", "DebitCardNumber"]
    data = {c: [] for c in cols}
    account_id = 70010000000
    for c in customers:
        fake = fakers["GB" if c["country"] == "US" else c["country"]]
        for k in range(rng.choices([1, 2, 3], weights=[55, 35, 10])[0]):
            account_id += rng.randint(1, 97)
            current = k == 0 or rng.random() < 0.3
            balance = round(rng.lognormvariate(7.5, 1.4) * (1 if rng.random() < 0.9 else -0.2), 2)
            opened = _day(rng, c["onboarded"].date(), date(2024, 3, 31))
            closed = _day(rng, opened, date(2024, 6, 30)) if rng.random() < 0.1 else None
            data["AccountId"].append(account_id)
            data["CustomerId"].append(c["id"])
            data["IBAN"].append(fake.iban())
            data["BIC"].append(rng.choice(BICS[c["country"]]))
            data["Currency"].append({"GB": "GBP", "US": "USD"}.get(c["country"], "EUR") if rng.random() < 0.9 else rng.choice(["EUR", "USD", "CHF"]))
            data["LedgerBalance"].append(balance)
            data["AvailableBalance"].append(f"{balance - rng.choice([0, 0, 0, 25.5, 120.0]):.6e}")
            data["CreditLimit"].append(rng.choice([0, 500, 1000, 1500, 2500, 5000]) if current else 0)
            data["OpenedOn"].append(_yyyymmdd(opened))
            data["ClosedOn"].append(_yyyymmdd(closed))
            data["DebitCardNumber"].append(_card_number(rng) if current else "")
    _insert(con, 'kyc."Accounts"', data)

    # risk assessments: composite key, foreign key undeclared, camelCase columns
    con.execute("""
        CREATE TABLE kyc."RiskAssessments" (
            "CustomerId"              INTEGER NOT NULL,
            "AssessmentNo"            SMALLINT NOT NULL,
            "assessedOn"              DATE,
            "riskScore"               DOUBLE,
            "riskBand"                VARCHAR,
            "pepMatch"                BOOLEAN,
            "expectedMonthlyTurnover" DECIMAL(12, 2),
            "largestCashDeposit"      DOUBLE,
            "analystNotes"            VARCHAR,
            PRIMARY KEY ("CustomerId", "AssessmentNo")
        )""")
    cols = ["CustomerId", "AssessmentNo", "assessedOn", "riskScore", "riskBand", "pepMatch",
            "expectedMonthlyTurnover", "largestCashDeposit", "analystNotes"]
    data = {c: [] for c in cols}
    for c in customers:
        day = c["onboarded"].date()
        for k in range(rng.choice([1, 1, 2, 3])):
            day = day + timedelta(days=rng.randint(0 if k == 0 else 300, 20 if k == 0 else 800))
            if day > date(2024, 6, 30):
                break
            score = round(min(100.0, max(0.0, rng.gauss(28, 18))), 1)
            note = None
            if rng.random() < 0.55:
                note = rng.choice(NOTES).format(employer=c["employer"] or "a former employer",
                                                name=fakers[c["country"]].name(), email=c["email"],
                                                phone=f"+{c['phone']}")
            data["CustomerId"].append(c["id"])
            data["AssessmentNo"].append(k + 1)
            data["assessedOn"].append(day)
            data["riskScore"].append(score)
            data["riskBand"].append("LOW" if score < 35 else "MEDIUM" if score < 65 else "HIGH")
            data["pepMatch"].append(rng.random() < 0.04)
            data["expectedMonthlyTurnover"].append(round(rng.lognormvariate(7.8, 0.8), 2))
            data["largestCashDeposit"].append(round(rng.lognormvariate(6.5, 1.2), 2) if rng.random() < 0.6 else 0.0)
            data["analystNotes"].append(note)
    _insert(con, 'kyc."RiskAssessments"', data)


# ---------------------------------------------------------------------------------------------
# lohn: German payroll bureau
# ---------------------------------------------------------------------------------------------

FAMILIENSTAND = ["ledig", "verheiratet", "geschieden", "verwitwet", "eingetragene Lebenspartnerschaft"]
BEZIEHUNG = ["Ehefrau", "Ehemann", "Mutter", "Vater", "Tochter", "Sohn", "Schwester", "Bruder", "Lebensgefährte", "Nachbarin"]
BEMERKUNG = ["Nachzahlung Urlaubsgeld", "Korrektur Steuerklasse rückwirkend", "Pfändung berücksichtigt",
             "Elternzeit ab Monatsmitte", "Krankengeld ab 43. Tag", "Einmalzahlung Inflationsausgleich"]


def _sv_nummer(rng: random.Random, dob: date, surname: str) -> str:
    initial = (_ascii(surname)[:1] or "X").upper()
    return f"{rng.randint(10, 89)} {dob:%d%m%y} {initial} {rng.randint(0, 99):02d}{rng.randint(0, 9)}"


def _build_lohn(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    con.execute("CREATE SCHEMA lohn")
    con.execute("""
        CREATE TABLE lohn."MITARBEITER" (
            PERS_NR       INTEGER PRIMARY KEY,
            TITEL         VARCHAR,        -- mostly empty
            VORNAME       VARCHAR,
            NACHNAME      VARCHAR,        -- kept in capitals by the old payroll software
            GEBURTSDATUM  INTEGER,        -- yyyymmdd
            GESCHLECHT    VARCHAR(1),
            FAMILIENSTAND VARCHAR,
            STRASSE       VARCHAR,
            HAUSNR        VARCHAR,
            PLZ           INTEGER,        -- leading zeros lost (Dresden 01067 -> 1067)
            ORT           VARCHAR,
            BUNDESLAND    VARCHAR,
            STEUER_ID     BIGINT,
            SV_NR         VARCHAR,
            STEUERKLASSE  SMALLINT,
            IBAN          VARCHAR,
            EINTRITT      DATE,
            TAETIGKEIT    VARCHAR,
            FAX           VARCHAR,        -- never used: always NULL
            EMAIL_PRIVAT  VARCHAR,
            MANDANT       VARCHAR         -- the client company that employs the person
        )""")
    fake = Faker("de_DE")
    fake.seed_instance(seed * 1000 + 2)
    rng = random.Random(seed * 1000 + 2)
    mandanten = [fake.company() for _ in range(max(6, rows // 25))]
    cols = ["PERS_NR", "TITEL", "VORNAME", "NACHNAME", "GEBURTSDATUM", "GESCHLECHT", "FAMILIENSTAND", "STRASSE",
            "HAUSNR", "PLZ", "ORT", "BUNDESLAND", "STEUER_ID", "SV_NR", "STEUERKLASSE", "IBAN", "EINTRITT",
            "TAETIGKEIT", "FAX", "EMAIL_PRIVAT", "MANDANT"]
    data: dict[str, list] = {c: [] for c in cols}
    staff = []
    for i in range(rows):
        female = rng.random() < 0.5
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name()
        dob = _day(rng, date(1958, 1, 1), date(2006, 6, 30))
        married = rng.random() < 0.45
        hausnr = str(rng.randint(1, 180)) + (rng.choice("abc") if rng.random() < 0.12 else "")
        klasse = rng.choice([3, 4, 5]) if married else rng.choice([1, 1, 1, 2, 6])
        hired = _day(rng, max(date(dob.year + 16, 9, 1), date(1990, 1, 1)), date(2023, 10, 1))
        pers_nr = 4000 + i * 3 + rng.randint(0, 2)
        data["PERS_NR"].append(pers_nr)
        data["TITEL"].append(rng.choice(["Dr.", "Dr.", "Prof. Dr.", "Dipl.-Ing."]) if rng.random() < 0.07 else "")
        data["VORNAME"].append(first)
        data["NACHNAME"].append(last.upper())
        data["GEBURTSDATUM"].append(_yyyymmdd(dob))
        data["GESCHLECHT"].append("w" if female else ("d" if rng.random() < 0.02 else "m"))
        data["FAMILIENSTAND"].append("verheiratet" if married else rng.choice(FAMILIENSTAND[:1] * 4 + FAMILIENSTAND[2:]))
        data["STRASSE"].append(fake.street_name())
        data["HAUSNR"].append(hausnr)
        data["PLZ"].append(int(fake.postcode()))
        data["ORT"].append(fake.city())
        data["BUNDESLAND"].append(fake.state())
        data["STEUER_ID"].append(rng.randint(10000000000, 99999999999))
        data["SV_NR"].append(_sv_nummer(rng, dob, last))
        data["STEUERKLASSE"].append(klasse)
        data["IBAN"].append(fake.iban())
        data["EINTRITT"].append(hired)
        data["TAETIGKEIT"].append(fake.job())
        data["FAX"].append(None)
        data["EMAIL_PRIVAT"].append(_email(rng, first, last, MAIL_DOMAINS["DE"]) if rng.random() < 0.8 else None)
        data["MANDANT"].append(rng.choice(mandanten))
        staff.append((pers_nr, hired, married, klasse))
    _insert(con, 'lohn."MITARBEITER"', data)

    # payslips: composite key, foreign key declared
    con.execute("""
        CREATE TABLE lohn.lohnabrechnung (
            pers_nr          INTEGER NOT NULL REFERENCES lohn."MITARBEITER" (PERS_NR),
            abrechnungsmonat INTEGER NOT NULL,   -- yyyymm
            auszahlungsdatum DATE,
            brutto           DECIMAL(10, 2),
            netto            DECIMAL(10, 2),
            lohnsteuer       DECIMAL(10, 2),
            sv_beitraege     DECIMAL(10, 2),
            waehrung         VARCHAR(3),
            bemerkung        VARCHAR,            -- usually empty
            PRIMARY KEY (pers_nr, abrechnungsmonat)
        )""")
    cols = ["pers_nr", "abrechnungsmonat", "auszahlungsdatum", "brutto", "netto", "lohnsteuer", "sv_beitraege",
            "waehrung", "bemerkung"]
    data = {c: [] for c in cols}
    for pers_nr, hired, married, klasse in staff:
        monthly = round(rng.lognormvariate(8.2, 0.35), 2)
        start = max(hired.replace(day=1), date(2023, 1, 1))
        year, month = start.year, start.month
        for _ in range(rng.randint(3, 6)):
            if (year, month) > (2024, 6):
                break
            extra = round(monthly * rng.choice([0, 0, 0, 0, 0.5, 1.0]), 2) if month in (6, 11) else 0.0
            brutto = round(monthly + extra, 2)
            steuer = round(brutto * (0.09 if klasse == 3 else 0.21 if klasse == 5 else 0.15) * rng.uniform(0.9, 1.1), 2)
            sv = round(brutto * 0.2065, 2)
            data["pers_nr"].append(pers_nr)
            data["abrechnungsmonat"].append(year * 100 + month)
            data["auszahlungsdatum"].append(date(year, month, 28) - timedelta(days=rng.randint(0, 3)))
            data["brutto"].append(brutto)
            data["netto"].append(round(brutto - steuer - sv, 2))
            data["lohnsteuer"].append(steuer)
            data["sv_beitraege"].append(sv)
            data["waehrung"].append("EUR")
            data["bemerkung"].append(rng.choice(BEMERKUNG) if rng.random() < 0.06 else "")
            month += 1
            if month == 13:
                year, month = year + 1, 1
    _insert(con, "lohn.lohnabrechnung", data)

    # emergency contacts: no declared key, foreign key undeclared, PascalCase
    con.execute("""
        CREATE TABLE lohn."Notfallkontakte" (
            "PersNr"    INTEGER,
            "LfdNr"     SMALLINT,
            "Name"      VARCHAR,
            "Beziehung" VARCHAR,
            "Telefon"   BIGINT,       -- digits only, with the country code
            "Mobil"     VARCHAR       -- often left empty
        )""")
    cols = ["PersNr", "LfdNr", "Name", "Beziehung", "Telefon", "Mobil"]
    data = {c: [] for c in cols}
    for pers_nr, _hired, _married, _klasse in staff:
        for k in range(rng.choices([0, 1, 2], weights=[20, 55, 25])[0]):
            data["PersNr"].append(pers_nr)
            data["LfdNr"].append(k + 1)
            data["Name"].append(f"{fake.first_name()} {fake.last_name()}")
            data["Beziehung"].append(rng.choice(BEZIEHUNG))
            data["Telefon"].append(int(f"49{rng.choice(['30', '40', '89', '221', '69', '711', '351'])}{rng.randint(1000000, 9999999)}"))
            data["Mobil"].append(f"0{rng.choice(['151', '160', '170', '176'])} {rng.randint(1000000, 99999999)}" if rng.random() < 0.45 else "")
    _insert(con, 'lohn."Notfallkontakte"', data)


# ---------------------------------------------------------------------------------------------
# viajes: Spanish ride-hailing app
# ---------------------------------------------------------------------------------------------

CITY_CENTRES = {"Madrid": (40.4168, -3.7038), "Barcelona": (41.3874, 2.1686), "Valencia": (39.4699, -0.3763),
                "Sevilla": (37.3891, -5.9845), "Bilbao": (43.2630, -2.9350), "Málaga": (36.7213, -4.4214)}
PROMOS = ["VERANO23", "BIENVENIDO10", "NAVIDAD5", "AMIGO-7H2K", "BLACKFRIDAY"]


def _build_viajes(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    con.execute("CREATE SCHEMA viajes")
    con.execute("""
        CREATE TABLE viajes.conductores (
            id_conductor      INTEGER PRIMARY KEY,
            nombre            VARCHAR,
            apellido1         VARCHAR,
            apellido2         VARCHAR,
            dni               VARCHAR,
            numero_licencia   VARCHAR,
            fecha_nacimiento  DATE,
            matricula         VARCHAR,   -- the driver's own car
            telefono          VARCHAR,
            "imeiDispositivo" VARCHAR,
            "fechaAlta"       TIMESTAMP,
            ciudad_residencia VARCHAR
        )""")
    fake = Faker("es_ES")
    fake.seed_instance(seed * 1000 + 3)
    rng = random.Random(seed * 1000 + 3)
    n_drivers = max(20, rows // 2)
    cols = ["id_conductor", "nombre", "apellido1", "apellido2", "dni", "numero_licencia", "fecha_nacimiento",
            "matricula", "telefono", "imeiDispositivo", "fechaAlta", "ciudad_residencia"]
    data: dict[str, list] = {c: [] for c in cols}
    drivers = []
    letters = "BCDFGHJKLMNPRSTVWXYZ"
    for i in range(n_drivers):
        city = rng.choice(list(CITY_CENTRES))
        dni = fake.nif() if rng.random() < 0.8 else fake.nie()
        data["id_conductor"].append(i + 1)
        data["nombre"].append(fake.first_name())
        data["apellido1"].append(fake.last_name())
        data["apellido2"].append(fake.last_name() if rng.random() < 0.9 else None)
        data["dni"].append(dni)
        data["numero_licencia"].append(f"{rng.randint(10000000, 99999999)}-{rng.choice(letters)}{rng.choice(letters)}")
        data["fecha_nacimiento"].append(_day(rng, date(1960, 1, 1), date(2003, 12, 31)))
        data["matricula"].append(f"{rng.randint(0, 9999):04d} {''.join(rng.choice(letters) for _ in range(3))}")
        data["telefono"].append(f"+34 6{rng.randint(0, 99):02d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}"
                                if rng.random() < 0.6 else f"6{rng.randint(0, 99999999):08d}")
        data["imeiDispositivo"].append(_imei(rng))
        data["fechaAlta"].append(_moment(rng, datetime(2018, 1, 1), datetime(2023, 6, 30)))
        data["ciudad_residencia"].append(city if rng.random() < 0.7 else fake.city())
        drivers.append((i + 1, city))
    _insert(con, "viajes.conductores", data)

    con.execute("""
        CREATE TABLE viajes.pasajeros (
            "pasajeroId"     VARCHAR PRIMARY KEY,
            "nombreCompleto" VARCHAR,
            correo           VARCHAR,
            movil            BIGINT,
            "adId"           VARCHAR,
            "fechaRegistro"  TIMESTAMP,
            "codigoPromo"    VARCHAR    -- mostly empty
        )""")
    fakers = _fakers(seed * 10 + 3)
    cols = ["pasajeroId", "nombreCompleto", "correo", "movil", "adId", "fechaRegistro", "codigoPromo"]
    data = {c: [] for c in cols}
    riders = []
    for _ in range(rows):
        country = rng.choices(["ES", "FR", "GB", "DE", "US"], weights=[70, 10, 9, 7, 4])[0]
        f = fakers[country]
        first, last = f.first_name(), f.last_name()
        if country == "ES" and rng.random() < 0.6:
            last = f"{last} {f.last_name()}"
        full = f"{first} {last}"
        if rng.random() < 0.12:
            full = full.upper()
        rid = _uuid(rng)
        data["pasajeroId"].append(rid)
        data["nombreCompleto"].append(full)
        data["correo"].append(_email(rng, first, last, MAIL_DOMAINS[country]))
        data["movil"].append(_mobile(country, rng))
        data["adId"].append(_uuid(rng) if rng.random() < 0.85 else None)
        data["fechaRegistro"].append(_moment(rng, datetime(2019, 1, 1), datetime(2023, 12, 31)))
        data["codigoPromo"].append(rng.choice(PROMOS) if rng.random() < 0.1 else "")
        riders.append(rid)
    _insert(con, "viajes.pasajeros", data)

    # trips: both foreign keys declared
    con.execute("""
        CREATE TABLE viajes.viajes (
            viaje_id           BIGINT PRIMARY KEY,
            id_conductor       INTEGER REFERENCES viajes.conductores (id_conductor),
            pasajero_id        VARCHAR REFERENCES viajes.pasajeros ("pasajeroId"),
            recogida_ts        TIMESTAMP,
            llegada_ts         TIMESTAMP,
            origen_lat         DOUBLE,
            origen_lon         DOUBLE,
            destino_lat        DOUBLE,
            destino_lon        DOUBLE,
            direccion_destino  VARCHAR,
            tarifa_eur         DECIMAL(8, 2),
            ganancia_conductor DECIMAL(8, 2),
            version_app        VARCHAR,
            ip_solicitud       VARCHAR
        )""")
    cols = ["viaje_id", "id_conductor", "pasajero_id", "recogida_ts", "llegada_ts", "origen_lat", "origen_lon",
            "destino_lat", "destino_lon", "direccion_destino", "tarifa_eur", "ganancia_conductor", "version_app",
            "ip_solicitud"]
    data = {c: [] for c in cols}
    trips = []
    trip_id = 880000000
    for _ in range(rows * 2):
        trip_id += rng.randint(1, 40)
        driver, city = rng.choice(drivers)
        clat, clon = CITY_CENTRES[city]
        olat, olon = clat + rng.gauss(0, 0.03), clon + rng.gauss(0, 0.04)
        dlat, dlon = clat + rng.gauss(0, 0.04), clon + rng.gauss(0, 0.05)
        km = max(0.8, ((olat - dlat) ** 2 + ((olon - dlon) * 0.77) ** 2) ** 0.5 * 111 * 1.3)
        pickup = _moment(rng, datetime(2023, 1, 1), datetime(2024, 6, 30))
        arrival = pickup + timedelta(seconds=int(km / rng.uniform(14, 32) * 3600))
        fare = round(3.2 + km * 1.15 + rng.uniform(0, 2), 2)
        data["viaje_id"].append(trip_id)
        data["id_conductor"].append(driver)
        data["pasajero_id"].append(rng.choice(riders))
        data["recogida_ts"].append(pickup)
        data["llegada_ts"].append(arrival)
        data["origen_lat"].append(round(olat, 6))
        data["origen_lon"].append(round(olon, 6))
        data["destino_lat"].append(round(dlat, 6))
        data["destino_lon"].append(round(dlon, 6))
        data["direccion_destino"].append(f"{fake.street_name()}, {rng.randint(1, 140)}, {city}")
        data["tarifa_eur"].append(fare)
        data["ganancia_conductor"].append(round(fare * 0.75, 2))
        data["version_app"].append(f"{rng.randint(4, 6)}.{rng.randint(0, 19)}.{rng.randint(0, 9)}.{rng.randint(100, 480)}")
        data["ip_solicitud"].append(_public_ip(rng))
        trips.append((trip_id, pickup, arrival, olat, olon, dlat, dlon))
    _insert(con, "viajes.viajes", data)

    # GPS traces: composite key not declared, foreign key undeclared
    con.execute("""
        CREATE TABLE viajes.trazas_gps (
            "viajeId"      BIGINT,
            tramo          SMALLINT,
            inicio         TIMESTAMP,
            puntos         JSON,
            mac_telematica VARCHAR
        )""")
    cols = ["viajeId", "tramo", "inicio", "puntos", "mac_telematica"]
    data = {c: [] for c in cols}
    for trip_id, pickup, arrival, olat, olon, dlat, dlon in trips:
        if rng.random() < 0.25:
            continue
        mac = "a4:5e:60:" + ":".join(f"{rng.randrange(256):02x}" for _ in range(3))
        legs = rng.randint(1, 4)
        span = (arrival - pickup) / legs
        for leg in range(legs):
            start = (pickup + span * leg).replace(microsecond=0)
            points = []
            for p in range(rng.randint(3, 6)):
                share = (leg + p / 6) / legs
                points.append({"lat": round(olat + (dlat - olat) * share + rng.gauss(0, 0.0004), 6),
                               "lon": round(olon + (dlon - olon) * share + rng.gauss(0, 0.0004), 6),
                               "t": (start + timedelta(seconds=20 * p)).isoformat(),
                               "kmh": rng.randint(0, 70)})
            data["viajeId"].append(trip_id)
            data["tramo"].append(leg + 1)
            data["inicio"].append(start)
            data["puntos"].append(json.dumps(points))
            data["mac_telematica"].append(mac)
    _insert(con, "viajes.trazas_gps", data)


# ---------------------------------------------------------------------------------------------
# support: French help desk, tickets in four languages
# ---------------------------------------------------------------------------------------------

EQUIPES = ["Niveau 1", "Niveau 2", "Facturation", "Fraude", "Comptes professionnels"]
STATUTS = ["nouveau", "en_cours", "en_attente_client", "resolu", "ferme"]

TICKET_TEXT = {
    "fr": {
        "subjects": ["Problème de connexion", "Facture incorrecte", "Virement non reçu", "Changement d'adresse",
                     "Carte bloquée", "Demande de remboursement", "Réclamation"],
        "open": ["Bonjour,", "Madame, Monsieur,", "Bonjour à l'équipe,"],
        "body": ["je n'arrive plus à me connecter à mon espace client depuis {day}.",
                 "ma facture de {month} est fausse, on m'a prélevé {amount} € au lieu de {amount2} €.",
                 "le virement annoncé n'est jamais arrivé sur mon compte.",
                 "je viens de déménager et je souhaite mettre à jour mon adresse.",
                 "ma carte a été bloquée après trois essais au distributeur."],
        "pii": ["Vous pouvez me joindre au {phone}.", "Mon adresse mail est {email}.",
                "Voici mon IBAN pour le remboursement : {iban}.", "Merci de répondre à {email} plutôt qu'à l'ancienne adresse."],
        "close": ["Cordialement,\n{name}", "Merci d'avance.\n{name}", "Bien à vous,\n{name}", "Merci."],
        "months": ["janvier", "février", "mars", "avril", "mai", "juin"], "days": ["lundi", "hier", "ce matin", "la semaine dernière"],
    },
    "en": {
        "subjects": ["Cannot log in", "Wrong invoice", "Transfer missing", "Change of address", "Card blocked",
                     "Refund request", "Complaint"],
        "open": ["Hello,", "Hi there,", "Dear support team,"],
        "body": ["I have not been able to log in since {day}.",
                 "my {month} invoice is wrong: I was charged {amount} instead of {amount2}.",
                 "the transfer you promised never reached my account.",
                 "I have moved house and need to update my address.",
                 "my card was blocked after three attempts at the cash machine."],
        "pii": ["You can call me on {phone}.", "My email is {email}.", "Please refund to IBAN {iban}.",
                "Please reply to {email}, not to my old address."],
        "close": ["Kind regards,\n{name}", "Thanks,\n{name}", "Best,\n{name}", "Thank you."],
        "months": ["January", "February", "March", "April", "May", "June"], "days": ["Monday", "yesterday", "this morning", "last week"],
    },
    "de": {
        "subjects": ["Anmeldung nicht möglich", "Rechnung falsch", "Überweisung fehlt", "Adressänderung", "Karte gesperrt",
                     "Erstattung", "Beschwerde"],
        "open": ["Guten Tag,", "Hallo,", "Sehr geehrte Damen und Herren,"],
        "body": ["seit {day} kann ich mich nicht mehr anmelden.",
                 "meine Rechnung für {month} ist falsch, abgebucht wurden {amount} € statt {amount2} €.",
                 "die angekündigte Überweisung ist nie auf meinem Konto eingegangen.",
                 "ich bin umgezogen und möchte meine Adresse ändern.",
                 "meine Karte wurde nach drei Versuchen am Automaten gesperrt."],
        "pii": ["Sie erreichen mich unter {phone}.", "Meine E-Mail-Adresse lautet {email}.",
                "Bitte erstatten Sie den Betrag auf meine IBAN {iban}.", "Bitte antworten Sie an {email}."],
        "close": ["Mit freundlichen Grüßen\n{name}", "Viele Grüße\n{name}", "Danke!\n{name}", "Danke."],
        "months": ["Januar", "Februar", "März", "April", "Mai", "Juni"], "days": ["Montag", "gestern", "heute früh", "letzter Woche"],
    },
    "es": {
        "subjects": ["No puedo acceder", "Factura incorrecta", "Transferencia no recibida", "Cambio de dirección",
                     "Tarjeta bloqueada", "Solicitud de reembolso", "Reclamación"],
        "open": ["Hola,", "Buenos días,", "Estimado equipo,"],
        "body": ["no puedo entrar en mi cuenta desde {day}.",
                 "la factura de {month} está mal, me cobraron {amount} € en vez de {amount2} €.",
                 "la transferencia que me indicaron nunca llegó a mi cuenta.",
                 "me he mudado y necesito cambiar mi dirección.",
                 "mi tarjeta se bloqueó tras tres intentos en el cajero."],
        "pii": ["Pueden llamarme al {phone}.", "Mi correo es {email}.", "Mi IBAN para el reembolso es {iban}.",
                "Por favor respondan a {email}."],
        "close": ["Saludos,\n{name}", "Gracias de antemano,\n{name}", "Un saludo,\n{name}", "Gracias."],
        "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio"], "days": ["el lunes", "ayer", "esta mañana", "la semana pasada"],
    },
}
LANG_COUNTRY = {"fr": "FR", "en": "GB", "de": "DE", "es": "ES"}
BROWSERS = ["Firefox 121", "Chrome 120", "Safari 17.2", "Edge 120", "Samsung Internet 23"]
SYSTEMS = ["Windows 11", "Windows 10", "macOS 14.2", "Android 14", "iOS 17.2", "Ubuntu 22.04"]


def _local_phone(country: str, rng: random.Random) -> str:
    if country == "FR":
        return f"0{rng.choice('67')} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    if country == "DE":
        return f"+49 {rng.choice(['151', '160', '176'])} {rng.randint(1000000, 9999999)}"
    if country == "ES":
        return f"+34 6{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    return f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"


def _build_support(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    con.execute("CREATE SCHEMA support")
    # agents: site_id points at ref.offices, undeclared (DuckDB cannot declare it across schemas anyway)
    con.execute("""
        CREATE TABLE support.agents (
            agent_id      SMALLINT PRIMARY KEY,
            identifiant   VARCHAR UNIQUE,
            nom_complet   VARCHAR,
            courriel_pro  VARCHAR,
            ligne_directe BIGINT,
            equipe        VARCHAR,
            date_entree   DATE,
            derniere_ip   VARCHAR,
            site_id       SMALLINT
        )""")
    fakers = _fakers(seed * 10 + 4)
    rng = random.Random(seed * 1000 + 4)
    n_agents = max(12, rows // 20)
    cols = ["agent_id", "identifiant", "nom_complet", "courriel_pro", "ligne_directe", "equipe", "date_entree",
            "derniere_ip", "site_id"]
    data: dict[str, list] = {c: [] for c in cols}
    logins: set[str] = set()
    for i in range(n_agents):
        country = rng.choice(["FR", "FR", "FR", "DE", "ES", "GB"])
        f = fakers[country]
        first, last = f.first_name(), f.last_name()
        style = rng.randrange(3)
        login = (f"{_ascii(first)[:1]}{_ascii(last)}" if style == 0 else
                 f"{_ascii(first)}.{_ascii(last)}" if style == 1 else f"{_ascii(last)[:6]}{rng.randint(1, 99)}")
        while login in logins:
            login += str(rng.randint(0, 9))
        logins.add(login)
        data["agent_id"].append(i + 1)
        data["identifiant"].append(login)
        data["nom_complet"].append(f"{first} {last}")
        data["courriel_pro"].append(f"{_ascii(first)}.{_ascii(last)}@helpdesk-contoso.example")
        data["ligne_directe"].append(int(f"33{rng.choice(['1', '4', '5'])}{rng.randint(40000000, 79999999)}"))
        data["equipe"].append(rng.choice(EQUIPES))
        data["date_entree"].append(_day(rng, date(2012, 1, 1), date(2023, 9, 30)))
        data["derniere_ip"].append(f"10.{rng.randint(0, 40)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
                                   if rng.random() < 0.5 else _public_ip(rng))
        data["site_id"].append(rng.randint(1, len(OFFICES)))
    _insert(con, "support.agents", data)

    # tickets: foreign key to agents declared
    con.execute("""
        CREATE TABLE support.tickets (
            ticket_id                INTEGER PRIMARY KEY,
            numero                   VARCHAR UNIQUE,
            agent_id                 SMALLINT REFERENCES support.agents (agent_id),
            client_email             VARCHAR,
            cc_email                 VARCHAR,     -- mostly empty
            requester_hash           VARCHAR,     -- md5 of the lower-cased email, to group tickets
            client_nom               VARCHAR,
            client_telephone         VARCHAR,
            statut                   VARCHAR,
            objet                    VARCHAR,
            corps                    VARCHAR,
            cree_le                  TIMESTAMP,
            ip_client                VARCHAR,
            commentaire_satisfaction VARCHAR,     -- survey never launched: always NULL
            meta                     JSON
        )""")
    cols = ["ticket_id", "numero", "agent_id", "client_email", "cc_email", "requester_hash", "client_nom",
            "client_telephone", "statut", "objet", "corps", "cree_le", "ip_client", "commentaire_satisfaction", "meta"]
    data = {c: [] for c in cols}
    tickets = []
    for i in range(rows):
        lang = rng.choices(["fr", "en", "de", "es"], weights=[40, 20, 20, 20])[0]
        text = TICKET_TEXT[lang]
        country = LANG_COUNTRY[lang]
        f = fakers[country]
        first, last = f.first_name(), f.last_name()
        email = _email(rng, first, last, MAIL_DOMAINS[country])
        phone = _local_phone(country, rng)
        created = _moment(rng, datetime(2023, 1, 1), datetime(2024, 6, 30))
        amount = rng.randint(12, 300)
        topic = rng.randrange(len(text["body"]))
        body = " ".join([
            rng.choice(text["open"]),
            text["body"][topic].format(day=rng.choice(text["days"]), month=rng.choice(text["months"]),
                                            amount=f"{amount},{rng.randint(0, 99):02d}", amount2=f"{amount - rng.randint(1, 10)},00"),
        ])
        roll = rng.random()
        if roll < 0.35:
            body += " " + rng.choice(text["pii"]).format(phone=phone, email=email, iban=f.iban())
        if rng.random() < 0.3:
            body += "\n" + (fakers["US"] if lang == "en" else f).paragraph(nb_sentences=2)
        body += "\n" + rng.choice(text["close"]).format(name=f"{first} {last}")
        name = f"{first} {last}"
        if rng.random() < 0.1:
            name = name.upper()
        elif rng.random() < 0.08:
            name = ""
        data["ticket_id"].append(500000 + i)
        data["numero"].append(f"TCK-{created.year}-{i + 1:06d}")
        data["agent_id"].append(rng.randint(1, n_agents) if rng.random() < 0.9 else None)
        data["client_email"].append(email)
        data["cc_email"].append(_email(rng, f.first_name(), last, MAIL_DOMAINS[country]) if rng.random() < 0.12 else "")
        data["requester_hash"].append(hashlib.md5(email.lower().encode()).hexdigest())
        data["client_nom"].append(name)
        data["client_telephone"].append(phone if rng.random() < 0.4 else "")
        data["statut"].append(rng.choice(STATUTS))
        # the customer picks the subject from a list, not always the right one
        subject = text["subjects"][topic] if rng.random() < 0.8 else rng.choice(text["subjects"])
        if rng.random() < 0.2:
            subject += f" - {rng.choice(['réf.', 'ref', 'Nr.', 'n.º'])} {rng.randint(100000, 999999)}"
        data["objet"].append(subject)
        data["corps"].append(body)
        data["cree_le"].append(created)
        data["ip_client"].append(_public_ip(rng))
        data["commentaire_satisfaction"].append(None)
        data["meta"].append(json.dumps({"navigateur": rng.choice(BROWSERS), "os": rng.choice(SYSTEMS),
                                        "canal": rng.choice(["web", "app", "email"]), "langue": lang}))
        tickets.append((500000 + i, created, first, last))
    _insert(con, "support.tickets", data)

    # attachments: composite key, foreign key undeclared
    con.execute("""
        CREATE TABLE support.pieces_jointes (
            ticket_id     INTEGER NOT NULL,
            no_piece      SMALLINT NOT NULL,
            nom_fichier   VARCHAR,
            taille_octets BIGINT,
            sha256        VARCHAR,
            televerse_le  TIMESTAMP,
            PRIMARY KEY (ticket_id, no_piece)
        )""")
    cols = ["ticket_id", "no_piece", "nom_fichier", "taille_octets", "sha256", "televerse_le"]
    data = {c: [] for c in cols}
    for ticket_id, created, first, last in tickets:
        for k in range(rng.choices([0, 1, 2, 3], weights=[65, 25, 7, 3])[0]):
            style = rng.randrange(6)
            if style == 0:
                name = f"capture_ecran_{rng.randint(1, 999)}.png"
            elif style == 1:
                name = f"facture_{created.year}_{rng.randint(1, 9999):04d}.pdf"
            elif style == 2:
                name = f"IMG_{rng.randint(1000, 9999)}.JPG"
            elif style == 3:
                name = f"passeport_{_ascii(first)}_{_ascii(last).upper()}.pdf"
            elif style == 4:
                name = f"Kontoauszug {last} {created:%m-%Y}.pdf"
            else:
                name = f"Screenshot {created:%Y-%m-%d} at {rng.randint(8, 20)}.{rng.randint(10, 59)}.png"
            data["ticket_id"].append(ticket_id)
            data["no_piece"].append(k + 1)
            data["nom_fichier"].append(name)
            data["taille_octets"].append(rng.randint(18000, 9500000))
            data["sha256"].append(hashlib.sha256(f"{seed}-{ticket_id}-{k}".encode()).hexdigest())
            data["televerse_le"].append(created + timedelta(minutes=rng.randint(0, 3000)))
    _insert(con, "support.pieces_jointes", data)


# ---------------------------------------------------------------------------------------------


def build_holdout_c(path: Path, rows: int = 300, seed: int = 37) -> None:
    """Write hold-out database C to ``path`` (replacing any file already there)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + ".wal")):
        if stale.exists():
            stale.unlink()
    con = duckdb.connect(str(path))
    try:
        _build_ref(con, rows, seed)
        _build_kyc(con, rows, seed)
        _build_lohn(con, rows, seed)
        _build_viajes(con, rows, seed)
        _build_support(con, rows, seed)
        con.execute("CHECKPOINT")
    finally:
        con.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_holdout_c.py PATH")
    build_holdout_c(Path(sys.argv[1]))
