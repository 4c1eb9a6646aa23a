"""Build hold-out database D for `understudy scan-eval`.

This database exists only to measure the scanner. Nothing in the scanner may be tuned
against it; its labels are in labels_d.csv next to this file.

Five schemas, 17 tables:

- hotel       a hotel booking system: guests, bookings, travel documents, payments
- social      a dating app: profiles, messages, a follower graph, device tokens, check-ins
- versorgung  a German utility: account holders, supply points with smart meters, readings
- registro    a public registry of residents and French birth certificates
- ref         reference data only, nothing about any person

About half of the tables declare their keys; in the other half the keys and foreign keys
exist in the data but are not declared. Everything is generated from `seed`: Faker
instances are seeded one per table and locale, all other choices come from
`random.Random`, and every date lies in a fixed range, so two builds with the same
arguments hold the same rows.

Usage: python build_holdout_d.py PATH [ROWS] [SEED]
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow as pa
from faker import Faker

# --------------------------------------------------------------------------------------
# fixed ranges (never today's date)

BIRTH_FIRST = date(1938, 1, 1)
BIRTH_LAST = date(2005, 12, 31)
EVENT_FIRST = datetime(2019, 1, 1)
EVENT_LAST = datetime(2024, 12, 31, 23, 59, 59)

LOCALES = ["en_GB", "fr_FR", "de_DE", "es_ES", "en_US"]
COUNTRY = {"en_GB": "GB", "fr_FR": "FR", "de_DE": "DE", "es_ES": "ES", "en_US": "US"}
ISO3 = {"GB": "GBR", "FR": "FRA", "DE": "DEU", "ES": "ESP", "US": "USA"}


# Faker's es_ES and fr_FR city() give province names or invented places; real towns instead.
TOWNS = {
    "es_ES": [
        "Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Murcia", "Palma",
        "Bilbao", "Alicante", "Córdoba", "Valladolid", "Vigo", "Gijón", "Hospitalet de Llobregat",
        "Vitoria-Gasteiz", "A Coruña", "Granada", "Elche", "Oviedo", "Badalona", "Cartagena",
        "Terrassa", "Jerez de la Frontera", "Sabadell", "Móstoles", "Alcalá de Henares",
        "Pamplona", "Fuenlabrada", "Almería", "Leganés", "San Sebastián", "Santander",
        "Castellón de la Plana", "Burgos", "Albacete", "Getafe", "Salamanca", "Logroño",
        "Huelva", "Marbella", "León", "Tarragona", "Cádiz", "Lleida", "Jaén", "Ourense",
        "Girona", "Lugo", "Cáceres", "Segovia", "Ávila", "Cuenca", "Toledo", "Talavera de la Reina",
    ],
    "fr_FR": [
        "Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Montpellier", "Strasbourg",
        "Bordeaux", "Lille", "Rennes", "Reims", "Saint-Étienne", "Le Havre", "Toulon", "Grenoble",
        "Dijon", "Angers", "Nîmes", "Villeurbanne", "Clermont-Ferrand", "Le Mans", "Aix-en-Provence",
        "Brest", "Tours", "Amiens", "Limoges", "Annecy", "Perpignan", "Boulogne-Billancourt",
        "Metz", "Besançon", "Orléans", "Saint-Denis", "Rouen", "Argenteuil", "Mulhouse", "Montreuil",
        "Caen", "Nancy", "Roubaix", "Tourcoing", "Avignon", "Poitiers", "Pau", "La Rochelle",
        "Béziers", "Colmar", "Quimper", "Valence", "Chambéry", "Saint-Malo", "Bayonne", "Ajaccio",
    ],
}


def town(f: Faker, loc: str, rng: random.Random) -> str:
    if loc in TOWNS:
        return rng.choice(TOWNS[loc])
    return f.city()


def fakers(seed: int, table_no: int, locales: list[str]) -> dict[str, Faker]:
    """One Faker per locale for one table, each with its own fixed seed."""
    out = {}
    for i, loc in enumerate(locales):
        f = Faker(loc)
        f.seed_instance(seed * 1000 + table_no * 10 + i)
        out[loc] = f
    return out


def rand_date(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def rand_ts(rng: random.Random, first: datetime = EVENT_FIRST, last: datetime = EVENT_LAST) -> datetime:
    return first + timedelta(seconds=rng.randint(0, int((last - first).total_seconds())))


def yyyymmdd(d: date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def one_line(text: str) -> str:
    return ", ".join(part.strip() for part in text.splitlines() if part.strip())


# --------------------------------------------------------------------------------------
# values with check digits


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def imei(rng: random.Random) -> str:
    body = rng.choice(["35", "86", "01"]) + "".join(str(rng.randint(0, 9)) for _ in range(12))
    return body + luhn_digit(body)


def ean13(rng: random.Random, prefix: str) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(12 - len(prefix)))
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def german_tax_id(rng: random.Random) -> str:
    """An 11-digit Steuer-IdNr: one digit twice in the first ten, ISO 7064 MOD 11,10 check."""
    while True:
        digits = rng.sample(range(10), 9)
        twice = rng.choice(digits)
        pos = rng.randint(0, 9)
        body = digits[:pos] + [twice] + digits[pos:]
        if body[0] == 0:
            continue
        if any(body[i] == body[i + 1] for i in range(9)):
            continue
        product = 10
        for d in body:
            s = (d + product) % 10
            if s == 0:
                s = 10
            product = (s * 2) % 11
        check = 11 - product
        if check == 10:
            check = 0
        return "".join(map(str, body)) + str(check)


def uk_nino(rng: random.Random) -> str:
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        prefix = rng.choice(first) + rng.choice(second)
        if prefix not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    nums = "".join(str(rng.randint(0, 9)) for _ in range(6))
    return f"{prefix} {nums[:2]} {nums[2:4]} {nums[4:]} {rng.choice('ABCD')}"


def spanish_dni(rng: random.Random) -> str:
    n = rng.randint(10_000_000, 99_999_999)
    return f"{n:08d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]


def spanish_nie(rng: random.Random) -> str:
    lead = rng.randint(0, 2)
    n = rng.randint(0, 9_999_999)
    return "XYZ"[lead] + f"{n:07d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[int(f"{lead}{n:07d}") % 23]


def passport_number(rng: random.Random, country: str) -> str:
    digits = "0123456789"
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if country == "FR":
        return "".join(rng.choice(digits) for _ in range(2)) + "".join(rng.choice(letters) for _ in range(2)) + "".join(
            rng.choice(digits) for _ in range(5)
        )
    if country == "DE":
        return rng.choice("CFGHJK") + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
    if country == "ES":
        return "".join(rng.choice(letters) for _ in range(3)) + "".join(rng.choice(digits) for _ in range(6))
    if country == "US":
        return rng.choice(["A", "C", "E", ""]) + "".join(rng.choice(digits) for _ in range(8))
    return "".join(rng.choice(digits) for _ in range(9))


def id_card_number(rng: random.Random, country: str) -> str:
    if country == "ES":
        return spanish_dni(rng)
    if country == "FR":
        return "".join(str(rng.randint(0, 9)) for _ in range(12))
    if country == "DE":
        return rng.choice("LMNPRT") + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
    return rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + "".join(str(rng.randint(0, 9)) for _ in range(7))


def e164_number(rng: random.Random, country: str) -> int:
    if country == "GB":
        return int("447" + "".join(str(rng.randint(0, 9)) for _ in range(9)))
    if country == "FR":
        return int("33" + rng.choice("67") + "".join(str(rng.randint(0, 9)) for _ in range(8)))
    if country == "DE":
        return int("4915" + rng.choice("1279") + "".join(str(rng.randint(0, 9)) for _ in range(8)))
    if country == "ES":
        return int("346" + "".join(str(rng.randint(0, 9)) for _ in range(8)))
    return int("1" + str(rng.randint(201, 989)) + str(rng.randint(200, 999)) + f"{rng.randint(0, 9999):04d}")


def scientific(n: int) -> str:
    """A whole number written the way spreadsheets export long numbers: 4.915123456789E12."""
    text = str(n)
    mantissa = (text[0] + "." + text[1:]).rstrip("0").rstrip(".")
    return f"{mantissa}E{len(text) - 1}"


def kwh_scientific(value: float) -> str:
    """A reading written as scientific-notation text: 1234.5 -> 1.2345E3."""
    mantissa, exponent = f"{value:.4E}".split("E")
    return f"{mantissa}E{int(exponent)}"


_GEOHASH = "0123456789bcdefghjkmnpqrstuvwxyz"


def geohash(lat: float, lon: float, precision: int = 8) -> str:
    lat_lo, lat_hi, lon_lo, lon_hi = -90.0, 90.0, -180.0, 180.0
    bits, bit, ch, even, out = [16, 8, 4, 2, 1], 0, 0, True, []
    while len(out) < precision:
        if even:
            mid = (lon_lo + lon_hi) / 2
            if lon > mid:
                ch |= bits[bit]
                lon_lo = mid
            else:
                lon_hi = mid
        else:
            mid = (lat_lo + lat_hi) / 2
            if lat > mid:
                ch |= bits[bit]
                lat_lo = mid
            else:
                lat_hi = mid
        even = not even
        if bit < 4:
            bit += 1
        else:
            out.append(_GEOHASH[ch])
            bit, ch = 0, 0
    return "".join(out)


def rand_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# --------------------------------------------------------------------------------------
# table writer


class Writer:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def table(
        self,
        schema: str,
        name: str,
        columns: list[tuple[str, str, pa.DataType]],
        rows: list[tuple],
        constraints: list[str] = (),
    ) -> None:
        col_sql = [f'"{c}" {t}' for c, t, _ in columns]
        ddl = f'CREATE TABLE "{schema}"."{name}" (' + ", ".join(col_sql + list(constraints)) + ")"
        self.con.execute(ddl)
        arrays = {}
        for i, (c, _, pt) in enumerate(columns):
            arrays[c] = pa.array([r[i] for r in rows], type=pt)
        data = pa.table(arrays)
        self.con.register("_incoming", data)
        self.con.execute(f'INSERT INTO "{schema}"."{name}" SELECT * FROM _incoming')
        self.con.unregister("_incoming")


# --------------------------------------------------------------------------------------
# reference data (schema ref)

ROOM_TYPES = [
    ("STD", "Standard double", "Chambre double standard", 2, 119.0, "wifi,tv"),
    ("SUP", "Superior double", "Chambre double supérieure", 2, 149.0, "wifi,tv,minibar"),
    ("DLX", "Deluxe king", "Chambre deluxe lit king", 2, 189.0, "wifi,tv,minibar,bathtub"),
    ("FAM", "Family room", "Chambre familiale", 4, 209.0, "wifi,tv,sofa bed"),
    ("ACC", "Accessible double", "Chambre double accessible", 2, 119.0, "wifi,tv,roll-in shower"),
    ("JSU", "Junior suite", "Suite junior", 3, 259.0, "wifi,tv,minibar,lounge"),
    ("EXE", "Executive room", "Chambre exécutive", 2, 229.0, "wifi,tv,minibar,lounge access"),
    ("PRS", "Presidential suite", "Suite présidentielle", 4, 890.0, "wifi,tv,minibar,butler,terrace"),
]

# (municipality code, municipality, province, centre latitude, centre longitude)
MUNICIPIOS = [
    ("28079", "Madrid", "Madrid", 40.4168, -3.7038),
    ("08019", "Barcelona", "Barcelona", 41.3874, 2.1686),
    ("46250", "Valencia", "Valencia", 39.4699, -0.3763),
    ("41091", "Sevilla", "Sevilla", 37.3891, -5.9845),
    ("50297", "Zaragoza", "Zaragoza", 41.6488, -0.8891),
    ("29067", "Málaga", "Málaga", 36.7213, -4.4214),
    ("48020", "Bilbao", "Bizkaia", 43.2630, -2.9350),
]

CATALOGUE = [
    # sku, ean prefix, name, category, price, vat, valid from, supplier
    ("STROM-BASIS", "400", "Strom Basis", "tariff", 0.3890, 0.19, 20230101, "Rheinwerk Energie AG"),
    ("STROM-GRUEN-24", "400", "Strom Grün 24", "tariff", 0.3590, 0.19, 20240101, "Rheinwerk Energie AG"),
    ("STROM-FLEX", "401", "Strom Flex dynamisch", "tariff", 0.3120, 0.19, 20240401, "Rheinwerk Energie AG"),
    ("STROM-WP", "401", "Wärmepumpenstrom", "tariff", 0.2890, 0.19, 20230701, "Rheinwerk Energie AG"),
    ("GAS-FIX-12", "402", "Erdgas Fix 12", "tariff", 0.1190, 0.07, 20230101, "Nordgas Handel GmbH"),
    ("GAS-OEKO", "402", "Erdgas Öko", "tariff", 0.1290, 0.07, 20240101, "Nordgas Handel GmbH"),
    ("WAERME-FERN", "403", "Fernwärme Stadt", "tariff", 0.1450, 0.07, 20220101, "Stadtwerke Wärme GmbH"),
    ("MB-EAU-50", "376", "Eau minérale 50 cl", "minibar", 3.50, 0.10, 20230301, "Source des Alpes SA"),
    ("MB-COLA-33", "544", "Cola 33 cl", "minibar", 4.00, 0.10, 20230301, "Boissons Européennes SA"),
    ("MB-BIER-33", "400", "Pils 0,33 l", "minibar", 5.50, 0.20, 20230301, "Brauerei Hanse KG"),
    ("MB-VIN-ROUGE", "376", "Vin rouge Bordeaux 37,5 cl", "minibar", 18.00, 0.20, 20230301, "Domaine du Pont SARL"),
    ("MB-CHIPS", "841", "Patatas fritas 45 g", "minibar", 3.00, 0.10, 20230301, "Snacks Ibéricos SL"),
    ("MB-NUTS", "500", "Salted almonds 40 g", "minibar", 4.50, 0.10, 20230301, "Orchard Foods Ltd"),
    ("MB-CHOC", "761", "Schokolade Vollmilch 100 g", "minibar", 4.00, 0.10, 20230301, "Chocolaterie Lac SA"),
    ("SPA-MASSAGE-60", "376", "Massage 60 min", "spa", 95.00, 0.20, 20220601, "Spa Sérénité SARL"),
    ("SPA-HAMMAM", "376", "Hammam accès journée", "spa", 35.00, 0.20, 20220601, "Spa Sérénité SARL"),
    ("BRK-BUFFET", "376", "Petit-déjeuner buffet", "breakfast", 24.00, 0.10, 20230101, "Hôtel Opéra Services"),
    ("BRK-CONT", "376", "Petit-déjeuner continental", "breakfast", 16.00, 0.10, 20230101, "Hôtel Opéra Services"),
    ("PARK-DAY", "376", "Parking 24 h", "parking", 32.00, 0.20, 20220101, "ParkCité SAS"),
    ("LATE-CO", "376", "Late check-out 16:00", "service", 40.00, 0.10, 20230101, "Hôtel Opéra Services"),
]

VENUES = [
    ("Café de Flore", "Paris", 48.8541, 2.3326),
    ("Le Comptoir Général", "Paris", 48.8716, 2.3654),
    ("Shakespeare and Company", "Paris", 48.8526, 2.3471),
    ("Mercado de San Miguel", "Madrid", 40.4154, -3.7090),
    ("Parque del Retiro", "Madrid", 40.4153, -3.6845),
    ("Café Gijón", "Madrid", 40.4213, -3.6929),
    ("Mauerpark", "Berlin", 52.5437, 13.4026),
    ("Café Einstein Stammhaus", "Berlin", 52.5027, 13.3531),
    ("Markthalle Neun", "Berlin", 52.5021, 13.4318),
    ("Borough Market", "London", 51.5055, -0.0910),
    ("Monmouth Coffee", "London", 51.5143, -0.1268),
    ("Primrose Hill", "London", 51.5396, -0.1607),
    ("Les Halles de Lyon Paul Bocuse", "Lyon", 45.7630, 4.8507),
    ("Mercat de la Boqueria", "Barcelona", 41.3817, 2.1716),
    ("Park Güell", "Barcelona", 41.4145, 2.1527),
    ("Viktualienmarkt", "München", 48.1351, 11.5762),
    ("Englischer Garten", "München", 48.1642, 11.6056),
]


def build_ref(w: Writer, seed: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed * 7919 + 1)
    w.con.execute("CREATE SCHEMA ref")

    w.table(
        "ref",
        "room_types",
        [
            ("code", "VARCHAR", pa.string()),
            ("label_en", "VARCHAR", pa.string()),
            ("label_fr", "VARCHAR", pa.string()),
            ("max_occupancy", "SMALLINT", pa.int16()),
            ("base_rate_eur", "DECIMAL(8,2)", pa.float64()),
            ("amenities", "VARCHAR", pa.string()),
        ],
        ROOM_TYPES,
        ["PRIMARY KEY (code)"],
    )

    precincts = []
    codes = []
    pid = 1
    for mcode, muni, prov, lat, lon in MUNICIPIOS:
        for district in range(1, rng.randint(2, 3) + 1):
            for section in range(1, rng.randint(2, 3) + 1):
                code = f"{mcode}{district:02d}{section:03d}"
                clat = round(lat + rng.uniform(-0.04, 0.04), 5)
                clon = round(lon + rng.uniform(-0.05, 0.05), 5)
                d = 0.004
                ring = [
                    [round(clon - d, 5), round(clat - d, 5)],
                    [round(clon + d, 5), round(clat - d, 5)],
                    [round(clon + d, 5), round(clat + d, 5)],
                    [round(clon - d, 5), round(clat + d, 5)],
                    [round(clon - d, 5), round(clat - d, 5)],
                ]
                boundary = json.dumps(
                    {"type": "Polygon", "coordinates": [ring]}, separators=(",", ":")
                )
                precincts.append((pid, code, muni, prov, rng.randint(600, 2400), clat, clon, boundary))
                codes.append(code)
                pid += 1
    w.table(
        "ref",
        "precincts",
        [
            ("precinct_id", "INTEGER", pa.int32()),
            ("codigo", "VARCHAR", pa.string()),
            ("municipio", "VARCHAR", pa.string()),
            ("provincia", "VARCHAR", pa.string()),
            ("electores", "INTEGER", pa.int32()),
            ("centroid_lat", "DOUBLE", pa.float64()),
            ("centroid_lon", "DOUBLE", pa.float64()),
            ("boundary_geojson", "VARCHAR", pa.string()),
        ],
        precincts,
    )

    catalogue = [
        (sku, ean13(rng, prefix), name, cat, price, vat, valid, supplier)
        for sku, prefix, name, cat, price, vat, valid, supplier in CATALOGUE
    ]
    w.table(
        "ref",
        "catalogue",
        [
            ("sku", "VARCHAR", pa.string()),
            ("ean13", "VARCHAR", pa.string()),
            ("product_name", "VARCHAR", pa.string()),
            ("category", "VARCHAR", pa.string()),
            ("unit_price", "DECIMAL(10,4)", pa.float64()),
            ("vat_rate", "DECIMAL(4,2)", pa.float64()),
            ("valid_from", "INTEGER", pa.int32()),
            ("supplier", "VARCHAR", pa.string()),
        ],
        catalogue,
        ["PRIMARY KEY (sku)"],
    )
    tariffs = [c[0] for c in CATALOGUE if c[3] == "tariff"]
    return codes, tariffs


# --------------------------------------------------------------------------------------
# hotel

REQUESTS = [
    "Late arrival, around 23:30. Please keep the room.",
    "Quiet room away from the lift please",
    "Allergic to feathers - synthetic pillows",
    "Chambre calme sur cour si possible",
    "Allergie aux arachides, merci de prévenir le restaurant",
    "Ruhiges Zimmer bitte, wir reisen mit Baby",
    "Habitación alta con vistas, por favor",
    "Anniversary trip - champagne on arrival",
    "Please call me on {phone} when the room is ready",
    "Merci d'envoyer la facture à {email}",
    "Bitte Rechnung an {email} schicken",
    "Llegaremos tarde, mi móvil es {phone}",
    "Twin beds, not a double",
]

SALUTATIONS = {
    ("en_GB", "M"): ["Mr", "Mr", "Dr"],
    ("en_GB", "F"): ["Mrs", "Ms", "Miss", "Dr"],
    ("en_US", "M"): ["Mr.", "Mr.", "Dr."],
    ("en_US", "F"): ["Mrs.", "Ms.", "Dr."],
    ("fr_FR", "M"): ["M."],
    ("fr_FR", "F"): ["Mme"],
    ("de_DE", "M"): ["Herr", "Herr", "Dr."],
    ("de_DE", "F"): ["Frau", "Frau", "Dr."],
    ("es_ES", "M"): ["Sr."],
    ("es_ES", "F"): ["Sra."],
}


def build_hotel(w: Writer, rows: int, seed: int) -> None:
    w.con.execute("CREATE SCHEMA hotel")

    # guests ---------------------------------------------------------------------------
    fk = fakers(seed, 1, LOCALES)
    rng = random.Random(seed * 7919 + 11)
    guests = []
    guest_info = {}
    ids = rng.sample(range(100_000, 999_999), rows)
    for gid in ids:
        loc = rng.choices(LOCALES, weights=[3, 3, 2, 2, 2])[0]
        f = fk[loc]
        sex = rng.choice(["F", "M"])
        first = f.first_name_female() if sex == "F" else f.first_name_male()
        last = f.last_name()
        email = f.email()
        phone = f.phone_number()
        dob = rand_date(rng, BIRTH_FIRST, BIRTH_LAST)
        spend = round(rng.lognormvariate(7.0, 1.0), 2)
        prefs = {
            "pillow": rng.choice(["soft", "firm", "synthetic", "memory foam"]),
            "floor": rng.choice(["high", "low", "any"]),
            "newspaper": rng.choice([None, "Le Monde", "The Times", "El País", "FAZ"]),
            "diet": rng.choice([None, "vegetarian", "vegan", "gluten-free", "halal"]),
        }
        req = None
        if rng.random() < 0.45:
            req = rng.choice(REQUESTS).format(phone=phone, email=email)
        guests.append(
            (
                gid,
                rng.choice(SALUTATIONS[(loc, sex)]) if rng.random() < 0.9 else None,
                first,
                last,
                email,
                phone,
                None,
                dob,
                COUNTRY[loc],
                one_line(f.street_address()),
                town(f, loc, rng),
                f.postcode(),
                f"HTL|{email}",
                spend,
                json.dumps(prefs, ensure_ascii=False),
                rand_ts(rng, datetime(2019, 1, 1), datetime(2023, 12, 31)),
                req,
            )
        )
        guest_info[gid] = (loc, first, last, email, sex)
    w.table(
        "hotel",
        "guests",
        [
            ("guest_id", "INTEGER", pa.int32()),
            ("salutation", "VARCHAR", pa.string()),
            ("first_nm", "VARCHAR", pa.string()),
            ("last_nm", "VARCHAR", pa.string()),
            ("email_addr", "VARCHAR", pa.string()),
            ("mobile_no", "VARCHAR", pa.string()),
            ("fax", "VARCHAR", pa.string()),
            ("dob", "DATE", pa.date32()),
            ("nationality", "VARCHAR", pa.string()),
            ("addr_line1", "VARCHAR", pa.string()),
            ("addr_city", "VARCHAR", pa.string()),
            ("addr_zip", "VARCHAR", pa.string()),
            ("loyalty_key", "VARCHAR", pa.string()),
            ("lifetime_spend_eur", "DECIMAL(12,2)", pa.float64()),
            ("prefs_json", "VARCHAR", pa.string()),
            ("created_ts", "TIMESTAMP", pa.timestamp("us")),
            ("special_requests", "VARCHAR", pa.string()),
        ],
        guests,
        ["PRIMARY KEY (guest_id)"],
    )

    # bookings -------------------------------------------------------------------------
    rng = random.Random(seed * 7919 + 12)
    properties = ["PAR-OPE", "PAR-MTM", "BER-MIT", "MAD-SOL", "LON-KEN", "BCN-GOT"]
    bookings = []
    booking_refs = []
    guest_ids = list(guest_info)
    seqs = rng.sample(range(1, 999_999), rows)
    for seq in seqs:
        gid = rng.choice(guest_ids)
        arrival = rand_date(rng, date(2021, 1, 1), date(2024, 12, 20))
        nights = rng.choices([1, 2, 3, 4, 5, 7, 10], weights=[5, 6, 4, 2, 2, 1, 1])[0]
        booked = arrival - timedelta(days=rng.randint(0, 180))
        ref = f"BK{arrival.year % 100:02d}-{seq:06d}"
        rt = rng.choices(ROOM_TYPES, weights=[8, 6, 4, 3, 2, 2, 2, 1])[0]
        cancelled = None
        if rng.random() < 0.08:
            cancelled = datetime.combine(booked, datetime.min.time()) + timedelta(
                days=rng.randint(0, max(0, (arrival - booked).days)), seconds=rng.randint(0, 86399)
            )
        email = guest_info[gid][3]
        bookings.append(
            (
                ref,
                gid,
                rng.choice(properties),
                rt[0],
                f"{rng.randint(1, 9)}{rng.randint(1, 40):02d}".zfill(4),
                arrival,
                arrival + timedelta(days=nights),
                yyyymmdd(booked),
                round(rt[4] * nights * rng.uniform(0.8, 1.3), 2),
                rng.choice(["web", "mobile_app", "phone", "OTA", "walk_in", "travel_agent"]),
                "04" + "".join(rng.choice("0123456789ABCDEF") for _ in range(12)),
                cancelled,
                hashlib.sha256(email.strip().lower().encode()).hexdigest(),
            )
        )
        booking_refs.append(ref)
    w.table(
        "hotel",
        "bookings",
        [
            ("booking_ref", "VARCHAR", pa.string()),
            ("guest_id", "INTEGER", pa.int32()),
            ("property_code", "VARCHAR", pa.string()),
            ("room_type", "VARCHAR", pa.string()),
            ("room_no", "VARCHAR", pa.string()),
            ("arrival", "DATE", pa.date32()),
            ("departure", "DATE", pa.date32()),
            ("booked_on", "INTEGER", pa.int32()),
            ("total_eur", "DECIMAL(10,2)", pa.float64()),
            ("channel", "VARCHAR", pa.string()),
            ("key_card_uid", "VARCHAR", pa.string()),
            ("cancelled_at", "TIMESTAMP", pa.timestamp("us")),
            ("booker_email_sha256", "VARCHAR", pa.string()),
        ],
        bookings,
        ["PRIMARY KEY (booking_ref)", "FOREIGN KEY (guest_id) REFERENCES hotel.guests (guest_id)"],
    )

    # passports (travel documents scanned at check-in) ---------------------------------
    fk = fakers(seed, 3, LOCALES)
    rng = random.Random(seed * 7919 + 13)
    docs = []
    for gid in guest_ids:
        if rng.random() < 0.25:
            continue
        loc, first, last, _, sex = guest_info[gid]
        country = COUNTRY[loc]
        kinds = ["P"]
        if country != "GB" and rng.random() < 0.35:
            kinds.append("ID")
        birthplace = town(fk[loc], loc, rng)
        for kind in kinds:
            number = passport_number(rng, country) if kind == "P" else id_card_number(rng, country)
            holder = f"{first} {last}".upper()
            if loc in ("fr_FR", "es_ES") and rng.random() < 0.3:
                holder = f"{last} {first}".upper()
            docs.append(
                (
                    gid,
                    kind,
                    number,
                    ISO3[country],
                    holder,
                    birthplace,
                    sex,
                    rand_date(rng, date(2025, 1, 1), date(2034, 12, 31)),
                    rand_ts(rng, datetime(2021, 1, 1), datetime(2024, 12, 31)),
                )
            )
    w.table(
        "hotel",
        "passports",
        [
            ("guest_id", "INTEGER", pa.int32()),
            ("doc_type", "VARCHAR", pa.string()),
            ("doc_no", "VARCHAR", pa.string()),
            ("issuing_state", "VARCHAR", pa.string()),
            ("holder_name", "VARCHAR", pa.string()),
            ("place_of_birth", "VARCHAR", pa.string()),
            ("sex", "VARCHAR", pa.string()),
            ("date_of_expiry", "DATE", pa.date32()),
            ("scanned_at", "TIMESTAMP", pa.timestamp("us")),
        ],
        docs,
        ["PRIMARY KEY (guest_id, doc_no)", "FOREIGN KEY (guest_id) REFERENCES hotel.guests (guest_id)"],
    )

    # payments (no declared keys) ------------------------------------------------------
    fk = fakers(seed, 4, LOCALES)
    rng = random.Random(seed * 7919 + 14)
    booking_guest = {b[0]: b[1] for b in bookings}
    payments = []
    pay_ids = rng.sample(range(10_000_000_000, 99_999_999_999), rows)
    for pid in pay_ids:
        ref = rng.choice(booking_refs)
        loc, first, last, _, _ = guest_info[booking_guest[ref]]
        f = fk[loc]
        if rng.random() < 0.8:
            kind = rng.choice(["visa16", "mastercard", "visa16", "amex"])
            pan = int(f.credit_card_number(card_type=kind))
            holder = f"{first} {last}" if rng.random() < 0.85 else f"{f.first_name()} {last}"
            iban = None
        else:
            pan, holder = None, None
            iban = f.iban()
        payments.append(
            (
                pid,
                ref,
                round(rng.uniform(40, 2500), 2),
                "GBP" if loc == "en_GB" and rng.random() < 0.5 else ("USD" if loc == "en_US" and rng.random() < 0.5 else "EUR"),
                pan,
                holder,
                iban,
                f.ipv4_public(),
                rand_ts(rng, datetime(2021, 1, 1), datetime(2024, 12, 31)),
                "PSP" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(13)),
            )
        )
    w.table(
        "hotel",
        "payments",
        [
            ("payment_id", "BIGINT", pa.int64()),
            ("booking_ref", "VARCHAR", pa.string()),
            ("amount", "DECIMAL(10,2)", pa.float64()),
            ("currency", "VARCHAR", pa.string()),
            ("card_pan", "BIGINT", pa.int64()),
            ("card_holder", "VARCHAR", pa.string()),
            ("payer_iban", "VARCHAR", pa.string()),
            ("payer_ip", "VARCHAR", pa.string()),
            ("paid_at", "TIMESTAMP", pa.timestamp("us")),
            ("psp_reference", "VARCHAR", pa.string()),
        ],
        payments,
    )


# --------------------------------------------------------------------------------------
# social (a dating app)

BIOS = [
    "Love hiking, bad puns and Sunday markets.",
    "Coffee first. Then adventures.",
    "Looking for someone to share tapas and terrible karaoke with",
    "Passionnée de cuisine, de randonnée et de cinéma d'auteur.",
    "Ich liebe Berge, guten Kaffee und lange Spaziergänge.",
    "Me encanta viajar y descubrir restaurantes nuevos.",
    "Not much of a texter, more of a caller: {phone}",
    "Insta is better than this app, or write to {email}",
    "Écris-moi plutôt sur {email}",
    "Schreib mir auf WhatsApp: {phone}",
    "Escríbeme al {phone} 😊",
    "Dog person. Will judge your playlist.",
    "Nurse by day, salsa dancer by night",
    "",
]

MESSAGES = [
    "Hey! How's your week going?",
    "Haha that's amazing",
    "Are you free on Saturday?",
    "Salut ! Tu fais quoi ce week-end ?",
    "Wie war dein Tag?",
    "¿Quedamos para un café?",
    "Here's my number, text me: {phone}",
    "Mon numéro : {phone}",
    "Meine Nummer ist {phone}",
    "Mi correo es {email} por si acaso",
    "Send me the tickets at {email}",
    "I'll pay you back, my IBAN is {iban}",
    "Sorry, I just saw this!",
    "See you at 8 then",
    "😂😂",
]

JOB_FALLBACK = ["Nurse", "Teacher", "Software developer", "Architect", "Barista", "Lawyer"]


def build_social(w: Writer, rows: int, seed: int) -> None:
    w.con.execute("CREATE SCHEMA social")
    locales = ["en_GB", "en_US", "fr_FR", "es_ES", "de_DE"]

    # profiles -------------------------------------------------------------------------
    fk = fakers(seed, 5, locales)
    rng = random.Random(seed * 7919 + 21)
    profiles = []
    handles = set()
    user_ids = rng.sample(range(1_000_000, 9_999_999), rows)
    user_loc = {}
    for uid in user_ids:
        loc = rng.choice(locales)
        f = fk[loc]
        gender = rng.choices(["woman", "man", "non-binary"], weights=[47, 47, 6])[0]
        first = f.first_name_female() if gender == "woman" else (f.first_name_male() if gender == "man" else f.first_name())
        handle = f.user_name()
        while handle in handles:
            handle = f"{handle}{rng.randint(0, 99)}"
        handles.add(handle)
        email = f.email()
        phone_num = e164_number(rng, COUNTRY[loc])
        bio = rng.choice(BIOS).format(phone=f.phone_number(), email=email)
        ip = f.ipv4_public() if rng.random() < 0.7 else f.ipv6()
        created = rand_ts(rng, datetime(2019, 1, 1), datetime(2024, 6, 30))
        premium = None
        if rng.random() < 0.15:
            premium = created.date() + timedelta(days=rng.choice([30, 90, 180, 365]))
        try:
            job = f.job()
        except AttributeError:
            job = rng.choice(JOB_FALLBACK)
        profiles.append(
            (
                uid,
                handle,
                first,
                email,
                phone_num,
                rand_date(rng, date(1960, 1, 1), date(2005, 12, 31)),
                gender,
                bio,
                rng.randint(152, 198),
                job if rng.random() < 0.8 else None,
                f.company() if rng.random() < 0.6 else None,
                town(f, loc, rng),
                ip,
                created,
                rng.random() < 0.4,
                premium,
            )
        )
        user_loc[uid] = loc
    w.table(
        "social",
        "profiles",
        [
            ("userId", "BIGINT", pa.int64()),
            ("handle", "VARCHAR", pa.string()),
            ("displayName", "VARCHAR", pa.string()),
            ("emailAddress", "VARCHAR", pa.string()),
            ("phoneNumber", "BIGINT", pa.int64()),
            ("birthDate", "DATE", pa.date32()),
            ("gender", "VARCHAR", pa.string()),
            ("bio", "VARCHAR", pa.string()),
            ("heightCm", "SMALLINT", pa.int16()),
            ("jobTitle", "VARCHAR", pa.string()),
            ("employer", "VARCHAR", pa.string()),
            ("homeTown", "VARCHAR", pa.string()),
            ("signupIp", "VARCHAR", pa.string()),
            ("createdAt", "TIMESTAMP", pa.timestamp("us")),
            ("isVerified", "BOOLEAN", pa.bool_()),
            ("premiumUntil", "DATE", pa.date32()),
        ],
        profiles,
        ['PRIMARY KEY ("userId")'],
    )

    # messages (no declared keys) ------------------------------------------------------
    fk = fakers(seed, 6, locales)
    rng = random.Random(seed * 7919 + 22)
    threads = {}
    messages = []
    msg_ids = rng.sample(range(10**11, 10**12), rows)
    msg_ids.sort()
    for mid in msg_ids:
        a, b = rng.sample(user_ids, 2)
        pair = (min(a, b), max(a, b))
        if pair not in threads:
            threads[pair] = rand_uuid(rng)
        f = fk[user_loc[a]]
        body = rng.choice(MESSAGES).format(phone=f.phone_number(), email=f.email(), iban=f.iban())
        sent = rand_ts(rng, datetime(2022, 1, 1), datetime(2024, 12, 31))
        read = sent + timedelta(seconds=rng.randint(5, 86400)) if rng.random() < 0.6 else None
        reaction = rng.choice(["❤️", "😂", "👍", "🔥"]) if rng.random() < 0.1 else None
        messages.append((mid, threads[pair], a, b, body, sent, read, reaction))
    w.table(
        "social",
        "messages",
        [
            ("messageId", "BIGINT", pa.int64()),
            ("threadId", "UUID", pa.string()),
            ("senderId", "BIGINT", pa.int64()),
            ("recipientId", "BIGINT", pa.int64()),
            ("body", "VARCHAR", pa.string()),
            ("sentAt", "TIMESTAMP", pa.timestamp("us")),
            ("readAt", "TIMESTAMP", pa.timestamp("us")),
            ("reaction", "VARCHAR", pa.string()),
        ],
        messages,
    )

    # follows (composite key, declared) ------------------------------------------------
    rng = random.Random(seed * 7919 + 23)
    pairs = set()
    follows = []
    while len(follows) < rows:
        a, b = rng.sample(user_ids, 2)
        if (a, b) in pairs:
            continue
        pairs.add((a, b))
        follows.append([a, b, rand_ts(rng, datetime(2022, 1, 1), datetime(2024, 12, 31)), rng.choice(["swipe", "search", "suggested", "qr_code"]), False])
    for row in follows:
        row[4] = (row[1], row[0]) in pairs
    w.table(
        "social",
        "follows",
        [
            ("follower_id", "BIGINT", pa.int64()),
            ("followee_id", "BIGINT", pa.int64()),
            ("followed_at", "TIMESTAMP", pa.timestamp("us")),
            ("via", "VARCHAR", pa.string()),
            ("is_mutual", "BOOLEAN", pa.bool_()),
        ],
        [tuple(r) for r in follows],
        [
            "PRIMARY KEY (follower_id, followee_id)",
            'FOREIGN KEY (follower_id) REFERENCES social.profiles ("userId")',
            'FOREIGN KEY (followee_id) REFERENCES social.profiles ("userId")',
        ],
    )

    # DeviceTokens (no declared keys) --------------------------------------------------
    fk = fakers(seed, 8, locales)
    rng = random.Random(seed * 7919 + 24)
    tokens = []
    b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    for tid in range(1, rows + 1):
        uid = rng.choice(user_ids)
        f = fk[user_loc[uid]]
        platform = rng.choice(["ios", "android"])
        if platform == "ios":
            push = "".join(rng.choice("0123456789abcdef") for _ in range(64))
            adid = rand_uuid(rng).upper()
            dev_imei = ""
            model = rng.choice(["iPhone13,2", "iPhone14,5", "iPhone15,3", "iPhone16,1"])
        else:
            push = "".join(rng.choice(b64) for _ in range(22)) + ":APA91b" + "".join(rng.choice(b64) for _ in range(134))
            adid = rand_uuid(rng)
            dev_imei = imei(rng) if rng.random() < 0.3 else ""
            model = rng.choice(["SM-G991B", "SM-A546B", "Pixel 7", "Pixel 8 Pro", "M2101K6G"])
        tokens.append(
            (
                tid,
                uid,
                platform,
                push,
                adid,
                dev_imei,
                f"{rng.randint(4, 6)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
                model,
                f.ipv4_public(),
                rand_ts(rng, datetime(2021, 1, 1), datetime(2024, 12, 31)),
            )
        )
    w.table(
        "social",
        "DeviceTokens",
        [
            ("TokenId", "INTEGER", pa.int32()),
            ("UserId", "BIGINT", pa.int64()),
            ("Platform", "VARCHAR", pa.string()),
            ("PushToken", "VARCHAR", pa.string()),
            ("AdvertisingId", "VARCHAR", pa.string()),
            ("Imei", "VARCHAR", pa.string()),
            ("AppVersion", "VARCHAR", pa.string()),
            ("DeviceModel", "VARCHAR", pa.string()),
            ("LastSeenIp", "VARCHAR", pa.string()),
            ("RegisteredAt", "TIMESTAMP", pa.timestamp("us")),
        ],
        tokens,
    )

    # CheckIns (no declared keys) ------------------------------------------------------
    rng = random.Random(seed * 7919 + 25)
    checkins = []
    for cid in range(1, rows + 1):
        uid = rng.choice(user_ids)
        name, city, vlat, vlon = rng.choice(VENUES)
        lat = round(vlat + rng.uniform(-0.0015, 0.0015), 6)
        lon = round(vlon + rng.uniform(-0.0015, 0.0015), 6)
        checkins.append(
            (
                cid + 700_000,
                uid,
                lat,
                lon,
                geohash(lat, lon, 8),
                name,
                city,
                rand_ts(rng, datetime(2022, 1, 1), datetime(2024, 12, 31)),
            )
        )
    w.table(
        "social",
        "CheckIns",
        [
            ("CheckInId", "INTEGER", pa.int32()),
            ("UserId", "BIGINT", pa.int64()),
            ("Lat", "DOUBLE", pa.float64()),
            ("Lng", "DOUBLE", pa.float64()),
            ("Geohash", "VARCHAR", pa.string()),
            ("VenueName", "VARCHAR", pa.string()),
            ("VenueCity", "VARCHAR", pa.string()),
            ("CheckedInAt", "TIMESTAMP", pa.timestamp("us")),
        ],
        checkins,
    )


# --------------------------------------------------------------------------------------
# versorgung (a German utility)


def build_versorgung(w: Writer, rows: int, seed: int, tariffs: list[str]) -> None:
    w.con.execute("CREATE SCHEMA versorgung")

    # KUNDEN ---------------------------------------------------------------------------
    fk = fakers(seed, 9, ["de_DE", "de_AT", "nl_NL"])
    de = fk["de_DE"]
    rng = random.Random(seed * 7919 + 31)
    kunden = []
    kundennr = rng.sample(range(2_000_000, 2_999_999), rows)
    for nr in kundennr:
        anrede = rng.choices(["Herr", "Frau", "Divers", None], weights=[45, 45, 2, 8])[0]
        if anrede == "Herr":
            vor = de.first_name_male()
        elif anrede == "Frau":
            vor = de.first_name_female()
        else:
            vor = de.first_name()
        nach = de.last_name()
        mobile = int("4915" + rng.choice("1279") + "".join(str(rng.randint(0, 9)) for _ in range(8)))
        r = rng.random()
        email = de.email() if r < 0.8 else (None if r < 0.9 else "")
        firma = de.company() if rng.random() < 0.1 else None
        iban_f = fk[rng.choices(["de_DE", "de_AT", "nl_NL"], weights=[88, 7, 5])[0]]
        holder = f"{vor} {nach}" if rng.random() < 0.85 else f"{de.first_name()} {nach}"
        kunden.append(
            (
                nr,
                anrede,
                vor,
                nach.upper(),
                yyyymmdd(rand_date(rng, BIRTH_FIRST, BIRTH_LAST)),
                de.phone_number(),
                scientific(mobile) if rng.random() < 0.7 else None,
                email,
                german_tax_id(rng),
                firma,
                iban_f.iban(),
                iban_f.swift(length=rng.choice([8, 11])),
                holder,
                round(rng.uniform(35, 260), 2),
                rand_date(rng, date(2005, 1, 1), date(2024, 6, 30)),
                None,
            )
        )
    w.table(
        "versorgung",
        "KUNDEN",
        [
            ("KUNDENNR", "INTEGER", pa.int32()),
            ("ANREDE", "VARCHAR", pa.string()),
            ("VORNAME", "VARCHAR", pa.string()),
            ("NACHNAME", "VARCHAR", pa.string()),
            ("GEBURTSDATUM", "INTEGER", pa.int32()),
            ("TELEFON", "VARCHAR", pa.string()),
            ("MOBIL_EXPORT", "VARCHAR", pa.string()),
            ("EMAIL", "VARCHAR", pa.string()),
            ("STEUER_ID", "VARCHAR", pa.string()),
            ("FIRMA", "VARCHAR", pa.string()),
            ("IBAN", "VARCHAR", pa.string()),
            ("BIC", "VARCHAR", pa.string()),
            ("KONTOINHABER", "VARCHAR", pa.string()),
            ("ABSCHLAG_EUR", "DECIMAL(8,2)", pa.float64()),
            ("KUNDE_SEIT", "DATE", pa.date32()),
            ("SPERRVERMERK", "VARCHAR", pa.string()),
        ],
        kunden,
        ["PRIMARY KEY (KUNDENNR)"],
    )

    # verbrauchsstellen (supply points; no declared keys) ------------------------------
    fk = fakers(seed, 10, ["de_DE"])
    f = fk["de_DE"]
    rng = random.Random(seed * 7919 + 32)
    stellen = []
    owners = list(kundennr)
    rng.shuffle(owners)
    owners = owners[: max(1, rows - rows // 8)]
    owners += rng.sample(owners, rows - len(owners))
    for i, nr in enumerate(owners):
        vs_id = 500_001 + i
        einzug = rand_date(rng, date(2005, 1, 1), date(2024, 6, 30))
        auszug = rand_date(rng, einzug, date(2024, 12, 31)) if rng.random() < 0.12 else None
        mac = ":".join(f"{rng.randint(0, 255):02X}" for _ in range(6))
        stellen.append(
            (
                vs_id,
                nr,
                one_line(f.street_address()),
                f.postcode(),
                f.city(),
                "1" + rng.choice(["ESY", "EMH", "ITF", "LGZ"]) + "11" + f"{rng.randint(0, 99_999_999):08d}",
                mac if rng.random() < 0.6 else mac.replace(":", "-"),
                rng.choice(tariffs),
                einzug,
                auszug,
                round(rng.uniform(47.4, 54.8), 6),
                round(rng.uniform(6.1, 14.9), 6),
            )
        )
    w.table(
        "versorgung",
        "verbrauchsstellen",
        [
            ("vs_id", "INTEGER", pa.int32()),
            ("kundennr", "INTEGER", pa.int32()),
            ("strasse_hausnr", "VARCHAR", pa.string()),
            ("plz", "VARCHAR", pa.string()),
            ("ort", "VARCHAR", pa.string()),
            ("zaehler_nr", "VARCHAR", pa.string()),
            ("gateway_mac", "VARCHAR", pa.string()),
            ("tarif", "VARCHAR", pa.string()),
            ("einzug", "DATE", pa.date32()),
            ("auszug", "DATE", pa.date32()),
            ("breitengrad", "DOUBLE", pa.float64()),
            ("laengengrad", "DOUBLE", pa.float64()),
        ],
        stellen,
    )

    # zaehlerstaende (meter readings; key (vs_id, ablesedatum) not declared) -----------
    fk = fakers(seed, 11, ["de_DE"])
    f = fk["de_DE"]
    rng = random.Random(seed * 7919 + 33)
    readers = [f.name() for _ in range(12)]
    readings = []
    target = rows * 2
    points = [s[0] for s in stellen]
    while len(readings) < target:
        vs = rng.choice(points)
        points.remove(vs)
        if not points:
            points = [s[0] for s in stellen]
        stand = round(rng.uniform(1000, 60000), 1)
        day = rand_date(rng, date(2020, 1, 1), date(2021, 12, 31))
        for _ in range(rng.randint(1, 4)):
            if len(readings) >= target:
                break
            used = round(rng.uniform(300, 5200), 1)
            stand = round(stand + used, 1)
            art = rng.choices(["Kunde", "Ableser", "Fernauslesung", "Schätzung"], weights=[4, 3, 4, 1])[0]
            readings.append(
                (
                    vs,
                    yyyymmdd(day),
                    stand,
                    kwh_scientific(used),
                    art,
                    rng.choice(readers) if art == "Ableser" else None,
                    rng.random() < 0.95,
                )
            )
            day = day + timedelta(days=rng.randint(80, 370))
    # the readings table keys on (vs_id, ablesedatum); drop any accidental repeat
    seen, unique_readings = set(), []
    for r in readings:
        if (r[0], r[1]) not in seen:
            seen.add((r[0], r[1]))
            unique_readings.append(r)
    w.table(
        "versorgung",
        "zaehlerstaende",
        [
            ("vs_id", "INTEGER", pa.int32()),
            ("ablesedatum", "INTEGER", pa.int32()),
            ("zaehlerstand_kwh", "DECIMAL(12,1)", pa.float64()),
            ("verbrauch_sci", "VARCHAR", pa.string()),
            ("ableseart", "VARCHAR", pa.string()),
            ("abgelesen_von", "VARCHAR", pa.string()),
            ("plausibel", "BOOLEAN", pa.bool_()),
        ],
        unique_readings,
    )


# --------------------------------------------------------------------------------------
# registro (residents and birth certificates)

ESTADO_CIVIL = ["soltero/a", "casado/a", "divorciado/a", "viudo/a", "pareja de hecho"]

MENTIONS = [
    "Mariée le {d} à Lyon avec {n}",
    "Marié le {d} à Paris (15e) avec {n}",
    "Divorce prononcé le {d} par jugement du tribunal judiciaire de Nantes",
    "Reconnu par son père le {d}",
    "Décédé(e) le {d} à Bordeaux",
]


def build_registro(w: Writer, rows: int, seed: int, precinct_codes: list[str]) -> None:
    w.con.execute("CREATE SCHEMA registro")
    locales = ["es_ES", "fr_FR", "en_US", "en_GB", "de_DE"]

    fk = fakers(seed, 12, locales)
    es = fk["es_ES"]
    rng = random.Random(seed * 7919 + 41)
    people = []
    ids = rng.sample(range(1, 9_999_999), rows)
    french = []
    for pid in ids:
        loc = rng.choices(locales, weights=[45, 30, 9, 9, 7])[0]
        f = fk[loc]
        sexo = rng.choice(["H", "M"])
        nombre = f.first_name_male() if sexo == "H" else f.first_name_female()
        apellidos = f"{es.last_name()} {es.last_name()}" if loc == "es_ES" else f.last_name()
        if loc == "es_ES":
            tipo, doc = "DNI", spanish_dni(rng)
        elif loc == "fr_FR":
            tipo, doc = "NIR", f.ssn()
        elif loc == "en_US":
            tipo, doc = "SSN", f.ssn()
        elif loc == "en_GB":
            tipo, doc = "NINO", uk_nino(rng)
        else:
            tipo, doc = "STEUER-ID", german_tax_id(rng)
        if loc != "es_ES" and rng.random() < 0.3:
            tipo, doc = "NIE", spanish_nie(rng)
        born = rand_date(rng, BIRTH_FIRST, BIRTH_LAST)
        died = rand_date(rng, max(born + timedelta(days=365 * 40), date(2015, 1, 1)), date(2024, 12, 31)) if (
            rng.random() < 0.08 and born < date(1970, 1, 1)
        ) else None
        people.append(
            (
                pid,
                nombre,
                apellidos,
                tipo,
                doc,
                COUNTRY[loc],
                f"{doc}#{yyyymmdd(born)}",
                born,
                sexo,
                rng.choice(ESTADO_CIVIL),
                one_line(es.street_address()),
                es.postcode(),
                town(es, "es_ES", rng),
                rng.choice(precinct_codes),
                died,
            )
        )
        if loc == "fr_FR":
            french.append((pid, nombre, apellidos, born, sexo))
    w.table(
        "registro",
        "ciudadanos",
        [
            ("id_ciudadano", "INTEGER", pa.int32()),
            ("nombre", "VARCHAR", pa.string()),
            ("apellidos", "VARCHAR", pa.string()),
            ("tipo_documento", "VARCHAR", pa.string()),
            ("num_documento", "VARCHAR", pa.string()),
            ("pais_documento", "VARCHAR", pa.string()),
            ("clave_registro", "VARCHAR", pa.string()),
            ("fecha_nacimiento", "DATE", pa.date32()),
            ("sexo", "VARCHAR", pa.string()),
            ("estado_civil", "VARCHAR", pa.string()),
            ("domicilio", "VARCHAR", pa.string()),
            ("cod_postal", "VARCHAR", pa.string()),
            ("municipio", "VARCHAR", pa.string()),
            ("seccion_censal", "VARCHAR", pa.string()),
            ("fecha_defuncion", "DATE", pa.date32()),
        ],
        people,
        ["PRIMARY KEY (id_ciudadano)"],
    )

    # actes_naissance (French birth certificates; no declared keys) --------------------
    fk = fakers(seed, 13, ["fr_FR"])
    fr = fk["fr_FR"]
    rng = random.Random(seed * 7919 + 42)
    actes = []
    counters: dict[int, int] = {}
    for pid, nombre, apellidos, born, sexo in french:
        counters[born.year] = counters.get(born.year, 0) + rng.randint(1, 40)
        extra = [fr.first_name_male() if sexo == "H" else fr.first_name_female() for _ in range(rng.randint(0, 2))]
        mention = ""
        if rng.random() < 0.2:
            when = rand_date(rng, born + timedelta(days=365 * 18), date(2024, 12, 31))
            mention = rng.choice(MENTIONS).format(d=when.strftime("%d/%m/%Y"), n=f"{fr.first_name()} {fr.last_name().upper()}")
        actes.append(
            (
                f"{born.year}/{counters[born.year]:04d}",
                pid,
                apellidos.upper(),
                " ".join([nombre] + extra),
                yyyymmdd(born),
                town(fr, "fr_FR", rng),
                f"{fr.first_name_male()} {apellidos.upper()}",
                f"{fr.first_name_female()} {fr.last_name().upper()}",
                born + timedelta(days=rng.randint(1, 5)),
                mention,
            )
        )
    w.table(
        "registro",
        "actes_naissance",
        [
            ("numero_acte", "VARCHAR", pa.string()),
            ("id_ciudadano", "INTEGER", pa.int32()),
            ("nom_naissance", "VARCHAR", pa.string()),
            ("prenoms", "VARCHAR", pa.string()),
            ("date_naissance", "INTEGER", pa.int32()),
            ("commune_naissance", "VARCHAR", pa.string()),
            ("nom_pere", "VARCHAR", pa.string()),
            ("nom_mere", "VARCHAR", pa.string()),
            ("date_acte", "DATE", pa.date32()),
            ("mentions", "VARCHAR", pa.string()),
        ],
        actes,
    )


# --------------------------------------------------------------------------------------


def build_holdout_d(path: Path, rows: int = 300, seed: int = 53) -> None:
    """Write hold-out database D to `path` (replacing any file there)."""
    path = Path(path)
    if rows < 10:
        raise ValueError("rows must be at least 10")
    path.parent.mkdir(parents=True, exist_ok=True)
    for p in (path, Path(str(path) + ".wal")):
        if p.exists():
            p.unlink()
    con = duckdb.connect(str(path))
    try:
        w = Writer(con)
        precinct_codes, tariffs = build_ref(w, seed)
        build_hotel(w, rows, seed)
        build_social(w, rows, seed)
        build_versorgung(w, rows, seed, tariffs)
        build_registro(w, rows, seed, precinct_codes)
        con.execute("CHECKPOINT")
    finally:
        con.close()


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3, 4):
        sys.exit("usage: build_holdout_d.py PATH [ROWS] [SEED]")
    target = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    s = int(sys.argv[3]) if len(sys.argv) > 3 else 53
    build_holdout_d(target, n, s)
    print(f"wrote {target}")
