"""Fifth hold-out database for measuring the scanner: an airline, a fitness app, a recruitment
platform, a car-rental company and one schema of reference data with no personal data in it.

It is used only to measure the scan, never to tune it. Every value is made up. The build is
deterministic: each table has its own seeded Faker instances and its own random.Random, every
date is drawn from a fixed range, and nothing depends on today's date.

    .venv/bin/python tests/scan_fixtures_e/build_holdout_e.py /tmp/holdout_e.duckdb
"""

from __future__ import annotations

import argparse
import json
import random
import string
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa
from faker import Faker

LOCALES = ("fr_FR", "de_DE", "es_ES", "en_GB")

# ---------------------------------------------------------------------------------------------
# Reference data (real public facts, rounded)
# ---------------------------------------------------------------------------------------------

AIRPORTS = [
    # iata, name, city, country, lat, lon, elevation in feet
    ("CDG", "Paris Charles de Gaulle", "Paris", "FR", 49.0097, 2.5479, 392),
    ("ORY", "Paris Orly", "Paris", "FR", 48.7262, 2.3652, 291),
    ("LYS", "Lyon Saint-Exupéry", "Lyon", "FR", 45.7256, 5.0811, 821),
    ("NCE", "Nice Côte d'Azur", "Nice", "FR", 43.6584, 7.2159, 12),
    ("MRS", "Marseille Provence", "Marignane", "FR", 43.4393, 5.2214, 74),
    ("TLS", "Toulouse-Blagnac", "Blagnac", "FR", 43.6293, 1.3638, 499),
    ("FRA", "Frankfurt am Main", "Frankfurt", "DE", 50.0379, 8.5622, 364),
    ("MUC", "München Franz Josef Strauß", "München", "DE", 48.3538, 11.7861, 1487),
    ("BER", "Berlin Brandenburg Willy Brandt", "Schönefeld", "DE", 52.3667, 13.5033, 157),
    ("HAM", "Hamburg Helmut Schmidt", "Hamburg", "DE", 53.6304, 9.9882, 53),
    ("DUS", "Düsseldorf", "Düsseldorf", "DE", 51.2895, 6.7668, 147),
    ("STR", "Stuttgart", "Leinfelden-Echterdingen", "DE", 48.6899, 9.2220, 1276),
    ("CGN", "Köln/Bonn Konrad Adenauer", "Köln", "DE", 50.8659, 7.1427, 302),
    ("MAD", "Adolfo Suárez Madrid-Barajas", "Madrid", "ES", 40.4983, -3.5676, 1998),
    ("BCN", "Josep Tarradellas Barcelona-El Prat", "El Prat de Llobregat", "ES", 41.2974, 2.0833, 12),
    ("AGP", "Málaga-Costa del Sol", "Málaga", "ES", 36.6749, -4.4991, 53),
    ("PMI", "Palma de Mallorca", "Palma", "ES", 39.5517, 2.7388, 27),
    ("SVQ", "Sevilla", "Sevilla", "ES", 37.4180, -5.8931, 112),
    ("VLC", "Valencia", "Manises", "ES", 39.4893, -0.4816, 240),
    ("BIO", "Bilbao", "Loiu", "ES", 43.3011, -2.9106, 138),
    ("LHR", "London Heathrow", "London", "GB", 51.4700, -0.4543, 83),
    ("LGW", "London Gatwick", "Crawley", "GB", 51.1537, -0.1821, 202),
    ("MAN", "Manchester", "Manchester", "GB", 53.3537, -2.2750, 257),
    ("EDI", "Edinburgh", "Edinburgh", "GB", 55.9500, -3.3725, 135),
    ("LIS", "Humberto Delgado", "Lisboa", "PT", 38.7742, -9.1342, 374),
    ("FCO", "Roma Fiumicino Leonardo da Vinci", "Fiumicino", "IT", 41.8003, 12.2389, 13),
    ("AMS", "Amsterdam Schiphol", "Haarlemmermeer", "NL", 52.3105, 4.7683, -11),
    ("ZRH", "Zürich", "Kloten", "CH", 47.4647, 8.5492, 1416),
    ("GVA", "Genève Aéroport", "Genève", "CH", 46.2381, 6.1090, 1411),
    ("VIE", "Wien-Schwechat", "Schwechat", "AT", 48.1103, 16.5697, 600),
    ("JFK", "John F. Kennedy International", "New York", "US", 40.6413, -73.7781, 13),
    ("ORD", "Chicago O'Hare International", "Chicago", "US", 41.9742, -87.9073, 672),
    ("MIA", "Miami International", "Miami", "US", 25.7959, -80.2870, 8),
    ("YUL", "Montréal-Trudeau", "Dorval", "CA", 45.4706, -73.7408, 118),
]

AIRCRAFT_TYPES = [
    # type code, manufacturer, model, typical seats, MTOW in kg, first flight year
    ("A319", "Airbus", "A319-100", 144, 75500, 1995),
    ("A320", "Airbus", "A320-200", 180, 78000, 1987),
    ("A20N", "Airbus", "A320neo", 186, 79000, 2014),
    ("A321", "Airbus", "A321-200", 220, 93500, 1993),
    ("A21N", "Airbus", "A321neo", 232, 97000, 2016),
    ("A332", "Airbus", "A330-200", 260, 242000, 1997),
    ("A359", "Airbus", "A350-900", 315, 283000, 2013),
    ("B738", "Boeing", "737-800", 189, 79010, 1997),
    ("B38M", "Boeing", "737 MAX 8", 189, 82190, 2016),
    ("B789", "Boeing", "787-9 Dreamliner", 296, 254011, 2013),
    ("B77W", "Boeing", "777-300ER", 396, 351534, 2003),
    ("E190", "Embraer", "E190", 100, 51800, 2004),
    ("E195", "Embraer", "E195-E2", 132, 61500, 2017),
    ("AT76", "ATR", "ATR 72-600", 70, 23000, 2009),
    ("CRJ9", "Bombardier", "CRJ900", 90, 38330, 2001),
    ("DH8D", "De Havilland Canada", "Dash 8-400", 78, 29574, 1998),
]

EXERCISES = [
    # code, name, muscle group, description, MET value
    ("EX-001", "Course à pied", "Cardio", "Outdoor running at a steady pace on road or trail.", 9.8),
    ("EX-002", "Vélo route", "Cardio", "Road cycling, moderate effort, flat to rolling terrain.", 8.0),
    ("EX-003", "Natación crol", "Cardio", "Front crawl swimming in a 25 m or 50 m pool.", 8.3),
    ("EX-004", "Rudern Ergometer", "Ganzkörper", "Indoor rowing machine, steady intervals of 500 m.", 7.0),
    ("EX-005", "Bulgarian split squat", "Legs", "Rear foot elevated on a bench, lower the back knee towards the floor.", 5.0),
    ("EX-006", "Romanian deadlift", "Posterior chain", "Hinge at the hips with a slight knee bend, bar close to the legs.", 6.0),
    ("EX-007", "Arnold press", "Shoulders", "Seated dumbbell press rotating the palms from facing in to facing forward.", 5.0),
    ("EX-008", "Russian twist", "Core", "Seated, feet off the floor, rotate the torso from side to side holding a plate.", 3.8),
    ("EX-009", "Turkish get-up", "Full body", "From lying to standing while holding a kettlebell overhead, then reverse.", 6.0),
    ("EX-010", "Cooper test", "Cardio", "Run as far as possible in twelve minutes on a 400 m track.", 10.0),
    ("EX-011", "Pompes", "Pectoraux", "Push-ups on the floor, body straight from head to heels.", 3.8),
    ("EX-012", "Klimmzüge", "Rücken", "Pull-ups on a fixed bar, full range of motion.", 8.0),
    ("EX-013", "Sentadilla goblet", "Piernas", "Squat holding a kettlebell at chest height, elbows inside the knees.", 5.0),
    ("EX-014", "Planche", "Gainage", "Forearm plank held for time, neutral spine.", 3.0),
    ("EX-015", "Zercher squat", "Legs", "Squat with the bar held in the crook of the elbows.", 6.0),
    ("EX-016", "Pilates", "Mobilité", "Mat Pilates class, breathing and core control.", 3.0),
    ("EX-017", "Yoga Vinyasa", "Mobility", "Flowing sequence of postures linked to the breath.", 4.0),
    ("EX-018", "HIIT Tabata", "Cardio", "Eight rounds of 20 s all-out effort and 10 s rest.", 8.0),
    ("EX-019", "Spinning", "Cardio", "Indoor cycling class with music, varied cadence and resistance.", 8.5),
    ("EX-020", "Nordic walking", "Cardio", "Brisk walking with poles, arms and legs working together.", 4.8),
    ("EX-021", "Marcha", "Cardio", "Paseo a paso ligero por terreno llano.", 3.5),
    ("EX-022", "Jefferson curl", "Mobility", "Slow segmental spinal flexion with a light weight.", 2.5),
]
OUTDOOR = {"EX-001", "EX-002", "EX-010", "EX-020", "EX-021"}

JOB_CATEGORIES = [
    # code, English label, French label, published median gross salary in EUR
    ("ENG-SW", "Software engineering", "Développement logiciel", 52000),
    ("ENG-DATA", "Data and analytics", "Données et analyse", 54000),
    ("OPS-LOG", "Logistics and supply chain", "Logistique", 38000),
    ("FIN-ACC", "Accounting", "Comptabilité", 41000),
    ("FIN-CTL", "Financial control", "Contrôle de gestion", 49000),
    ("HR-REC", "Recruitment", "Recrutement", 39000),
    ("MKT-DIG", "Digital marketing", "Marketing digital", 42000),
    ("SAL-B2B", "B2B sales", "Ventes B2B", 45000),
    ("HLT-NUR", "Nursing", "Soins infirmiers", 34000),
    ("LEG-COU", "Legal counsel", "Juriste", 56000),
    ("ADM-OFF", "Office administration", "Administration", 31000),
    ("CUS-SUP", "Customer support", "Support client", 29000),
    ("AVI-CRW", "Cabin crew", "Personnel navigant commercial", 30000),
    ("TRN-COA", "Sports coaching", "Coaching sportif", 27000),
]

BRANCHES = [
    # code, city, plate prefix, lat, lon
    ("MUC01", "München", "M", 48.1402, 11.5586),
    ("BER01", "Berlin", "B", 52.5251, 13.3694),
    ("FRA01", "Frankfurt am Main", "F", 50.1071, 8.6636),
    ("HAM01", "Hamburg", "HH", 53.5530, 10.0069),
    ("CGN01", "Köln", "K", 50.9430, 6.9589),
]

FLEET_MODELS = [
    ("Volkswagen", "Golf", "WVW"), ("Volkswagen", "Passat Variant", "WVW"), ("BMW", "320d Touring", "WBA"),
    ("BMW", "X1 sDrive18i", "WBA"), ("Mercedes-Benz", "C 200", "WDD"), ("Renault", "Clio", "VF1"),
    ("Peugeot", "308", "VF3"), ("Fiat", "500", "ZFA"), ("Skoda", "Octavia Combi", "TMB"),
    ("Opel", "Corsa", "W0L"), ("Tesla", "Model 3", "5YJ"),
]

WORKOUT_CITIES = [
    ("Paris", 48.8566, 2.3522), ("Lyon", 45.7640, 4.8357), ("Berlin", 52.5200, 13.4050),
    ("München", 48.1351, 11.5820), ("Madrid", 40.4168, -3.7038), ("Barcelona", 41.3874, 2.1686),
    ("London", 51.5072, -0.1276), ("Manchester", 53.4808, -2.2426),
]

COUNTRY = {"fr_FR": ("FR", "FRA", "33"), "de_DE": ("DE", "DEU", "49"),
           "es_ES": ("ES", "ESP", "34"), "en_GB": ("GB", "GBR", "44")}

# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def fakers(seed: int, table_no: int) -> dict[str, Faker]:
    """One seeded Faker per locale, with seeds that belong to this table only."""
    out = {}
    for i, loc in enumerate(LOCALES + ("en_US",)):
        f = Faker(loc)
        f.seed_instance(seed * 1000 + table_no * 10 + i)
        out[loc] = f
    return out


def ascii_fold(text: str) -> str:
    text = text.replace("ß", "ss").replace("Æ", "AE").replace("æ", "ae").replace("Ø", "O").replace("ø", "o")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text: str) -> str:
    return "".join(c for c in ascii_fold(text).lower() if c.isalnum())


def rand_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def rand_ts(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + timedelta(seconds=rng.randrange(int((end - start).total_seconds())))


def ymd(d: date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def one_line(text: str) -> str:
    return ", ".join(part.strip() for part in text.splitlines() if part.strip())


def person(fk: dict[str, Faker], loc: str, rng: random.Random) -> tuple[str, str, str]:
    """(sex, first name, last name) from one locale's Faker."""
    f = fk[loc]
    if rng.random() < 0.5:
        return "F", f.first_name_female(), f.last_name()
    return "M", f.first_name_male(), f.last_name()


def mobile_digits(loc: str, rng: random.Random) -> int:
    """An international mobile number as a plain integer, e.g. 33612345678."""
    digits = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    if loc == "fr_FR":
        return int("33" + rng.choice("67") + digits(8))
    if loc == "de_DE":
        return int("49" + rng.choice(["151", "152", "157", "160", "170", "176"]) + digits(8))
    if loc == "es_ES":
        return int("34" + rng.choice("67") + digits(8))
    return int("447" + rng.choice(["4", "5", "7", "8", "9"]) + digits(8))


def pretty_phone(number: int) -> str:
    s = str(number)
    if s.startswith("33"):
        n = s[2:]
        return "+33 " + n[0] + " " + " ".join(n[i:i + 2] for i in range(1, 9, 2))
    if s.startswith("49"):
        return "+49 " + s[2:5] + " " + s[5:]
    if s.startswith("34"):
        n = s[2:]
        return "+34 " + n[:3] + " " + n[3:5] + " " + n[5:7] + " " + n[7:]
    return "+44 " + s[2:6] + " " + s[6:]


def email_for(first: str, last: str, f: Faker, rng: random.Random) -> str:
    style = rng.randrange(4)
    a, b = slug(first), slug(last)
    local = [f"{a}.{b}", f"{a[0]}{b}", f"{a}{b}{rng.randrange(10, 99)}", f"{b}.{a}"][style]
    return f"{local}@{f.free_email_domain()}"


def insert(con: duckdb.DuckDBPyConnection, table: str, columns: list[tuple[str, pa.DataType]],
           rows: list[tuple]) -> None:
    """Insert rows through a pyarrow table whose columns follow the DDL order."""
    arrays = [pa.array([r[i] for r in rows], type=t) for i, (_, t) in enumerate(columns)]
    tbl = pa.Table.from_arrays(arrays, names=[n for n, _ in columns])
    con.register("incoming_rows", tbl)
    con.execute(f"INSERT INTO {table} SELECT * FROM incoming_rows")
    con.unregister("incoming_rows")


STR, I16, I32, I64, F64, BOOL = pa.string(), pa.int16(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()
DATE, TS = pa.date32(), pa.timestamp("us")


def dec(p: int, s: int) -> pa.DataType:
    return pa.decimal128(p, s)


# ---------------------------------------------------------------------------------------------
# Schema DDL
# ---------------------------------------------------------------------------------------------

DDL = """
CREATE SCHEMA referentiel;
CREATE SCHEMA airline;
CREATE SCHEMA fitness;
CREATE SCHEMA recrutement;
CREATE SCHEMA autovermietung;

CREATE TABLE referentiel."airports" (
    "iata_code" VARCHAR PRIMARY KEY, "airport_name" VARCHAR, "city" VARCHAR, "country_code" VARCHAR,
    "latitude" DOUBLE, "longitude" DOUBLE, "elevation_ft" INTEGER);
CREATE TABLE referentiel."AircraftTypes" (
    "TypeCode" VARCHAR PRIMARY KEY, "Manufacturer" VARCHAR, "ModelName" VARCHAR, "TypicalSeats" INTEGER,
    "MtowKg" VARCHAR, "FirstFlightYear" INTEGER);
CREATE TABLE referentiel."catalogo_ejercicios" (
    "codigo" VARCHAR PRIMARY KEY, "nombre" VARCHAR, "grupo_muscular" VARCHAR, "descripcion" VARCHAR,
    "valor_met" DECIMAL(4,1));
CREATE TABLE referentiel."JOB_CATEGORIES" (
    "CODE" VARCHAR PRIMARY KEY, "LABEL_EN" VARCHAR, "LABEL_FR" VARCHAR, "MEDIAN_SALARY_EUR" INTEGER);

CREATE TABLE airline."passengers" (
    "pax_id" INTEGER PRIMARY KEY, "first_name" VARCHAR, "last_name" VARCHAR, "middle_name" VARCHAR,
    "date_of_birth" DATE, "gender" VARCHAR, "nationality" VARCHAR, "email" VARCHAR, "mobile" BIGINT,
    "home_city" VARCHAR, "pax_key" VARCHAR, "created_at" TIMESTAMP, "marketing_opt_in" BOOLEAN);
CREATE TABLE airline."PNR" (
    "RECORD_LOCATOR" VARCHAR PRIMARY KEY, "PAX_ID" INTEGER REFERENCES airline."passengers"("pax_id"),
    "BOOKED_AT" TIMESTAMP, "TRAVEL_DATE" INTEGER, "CONTACT_EMAIL" VARCHAR, "CONTACT_PHONE" VARCHAR,
    "FARE_TOTAL" DECIMAL(10,2), "BOOKING_CHANNEL" VARCHAR, "CARD_PAN" BIGINT, "SSR_REMARKS" VARCHAR);
CREATE TABLE airline."vielfliegerKonto" (
    "kontoNummer" VARCHAR PRIMARY KEY, "paxId" INTEGER, "statusStufe" VARCHAR, "meilenStand" INTEGER,
    "anmeldeDatum" DATE, "benutzerName" VARCHAR, "letzteIp" VARCHAR, "geburtsDatum" INTEGER,
    "strasse" VARCHAR, "plz" INTEGER, "ort" VARCHAR, "telefonFestnetz" VARCHAR);
CREATE TABLE airline."boarding_passes" (
    "record_locator" VARCHAR, "segment_no" SMALLINT, "flight_no" VARCHAR, "dep_airport" VARCHAR,
    "arr_airport" VARCHAR, "sched_departure" TIMESTAMP, "seat" VARCHAR, "gate" VARCHAR,
    "bcbp_data" VARCHAR, "bag_tag_no" VARCHAR, "checked_in_at" TIMESTAMP,
    PRIMARY KEY ("record_locator", "segment_no"));
CREATE TABLE airline."apis_datos" (
    "pax_id" INTEGER REFERENCES airline."passengers"("pax_id"), "numero_documento" VARCHAR,
    "apellidos" VARCHAR, "nombres" VARCHAR, "fecha_nacimiento" VARCHAR, "sexo" VARCHAR,
    "pais_emision" VARCHAR, "fecha_caducidad" DATE, "direccion_destino" VARCHAR,
    PRIMARY KEY ("pax_id", "numero_documento"));

CREATE TABLE fitness."Members" (
    "MemberId" INTEGER PRIMARY KEY, "FullName" VARCHAR, "Email" VARCHAR, "UserHandle" VARCHAR,
    "BirthYear" INTEGER, "Sex" VARCHAR, "PostCode" VARCHAR, "WearableSerial" VARCHAR,
    "AppInstallId" VARCHAR, "Iban" VARCHAR, "MonthlyFee" DECIMAL(6,2), "JoinedOn" DATE,
    "CancelledOn" DATE);
CREATE TABLE fitness."workouts" (
    "workout_id" BIGINT PRIMARY KEY, "member_id" INTEGER, "exercise_code" VARCHAR,
    "started_at" TIMESTAMP, "duration_s" INTEGER, "hr_series" JSON, "avg_hr" SMALLINT,
    "start_lat" DOUBLE, "start_lon" DOUBLE, "device_mac" VARCHAR, "notes" VARCHAR);
CREATE TABLE fitness."mesures_corporelles" (
    "membre_id" INTEGER REFERENCES fitness."Members"("MemberId"), "date_mesure" DATE,
    "poids_kg" DECIMAL(5,1), "taille_cm" SMALLINT, "masse_grasse_pct" DECIMAL(4,1),
    "tour_de_taille_cm" SMALLINT, "freq_cardiaque_repos" SMALLINT, "mesure_par" VARCHAR,
    "commentaire" VARCHAR, PRIMARY KEY ("membre_id", "date_mesure"));

CREATE TABLE recrutement."candidats" (
    "candidat_id" VARCHAR PRIMARY KEY, "prenom" VARCHAR, "nom" VARCHAR, "courriel" VARCHAR,
    "tel_portable" VARCHAR, "adresse" VARCHAR, "code_postal" VARCHAR, "ville" VARCHAR,
    "date_naiss" DATE, "numero_secu" BIGINT, "pseudo" VARCHAR, "cv_texte" VARCHAR,
    "employeur_actuel" VARCHAR, "poste_actuel" VARCHAR);
CREATE TABLE recrutement."bewerbungen" (
    "kandidatId" VARCHAR, "stellenId" INTEGER, "jobKategorie" VARCHAR, "eingereichtAm" TIMESTAMP,
    "gehaltsWunsch" INTEGER, "gehaltsWunschText" VARCHAR, "status" VARCHAR,
    "interviewNotizen" VARCHAR, "interviewer" VARCHAR, "interviewTermin" INTEGER,
    PRIMARY KEY ("kandidatId", "stellenId"));
CREATE TABLE recrutement."referencias" (
    "id_referencia" INTEGER PRIMARY KEY,
    "candidato_id" VARCHAR REFERENCES recrutement."candidats"("candidat_id"),
    "nombre_completo" VARCHAR, "empresa" VARCHAR, "telefono" BIGINT, "tel_export" VARCHAR,
    "correo_electronico" VARCHAR, "relacion" VARCHAR, "fecha_contacto" DATE);

CREATE TABLE autovermietung."kunden" (
    "kunden_nr" INTEGER PRIMARY KEY, "vorname" VARCHAR, "nachname" VARCHAR, "geburtsdatum" DATE,
    "fuehrerschein_nr" VARCHAR, "strasse_hausnr" VARCHAR, "plz" VARCHAR, "stadt" VARCHAR,
    "handy" VARCHAR, "email" VARCHAR, "firmenkunde" VARCHAR, "kreditkarte" VARCHAR,
    "kunden_schluessel" VARCHAR);
CREATE TABLE autovermietung."fahrzeuge" (
    "fin" VARCHAR PRIMARY KEY, "kennzeichen" VARCHAR, "marke" VARCHAR, "modell" VARCHAR,
    "baujahr" SMALLINT, "kilometerstand" INTEGER, "standort_filiale" VARCHAR, "letzte_wartung" DATE);
CREATE TABLE autovermietung."mietvertraege" (
    "vertrag_id" INTEGER PRIMARY KEY,
    "kunden_nr" INTEGER REFERENCES autovermietung."kunden"("kunden_nr"), "fin" VARCHAR,
    "abholung_zeit" TIMESTAMP, "rueckgabe_zeit" TIMESTAMP, "abholung_filiale" VARCHAR,
    "km_start" INTEGER, "km_ende" INTEGER, "gesamtpreis" DECIMAL(8,2), "schadensbericht" VARCHAR,
    "zweitfahrer_name" VARCHAR, "letzte_gps_position" VARCHAR);
"""

# ---------------------------------------------------------------------------------------------
# Reference schema
# ---------------------------------------------------------------------------------------------


def build_reference(con: duckdb.DuckDBPyConnection) -> None:
    insert(con, 'referentiel."airports"',
           [("iata_code", STR), ("airport_name", STR), ("city", STR), ("country_code", STR),
            ("latitude", F64), ("longitude", F64), ("elevation_ft", I32)], AIRPORTS)
    insert(con, 'referentiel."AircraftTypes"',
           [("TypeCode", STR), ("Manufacturer", STR), ("ModelName", STR), ("TypicalSeats", I32),
            ("MtowKg", STR), ("FirstFlightYear", I32)],
           # the maximum take-off weight came from a spreadsheet export, in scientific notation
           [(c, m, mo, s, f"{w:.2E}", y) for c, m, mo, s, w, y in AIRCRAFT_TYPES])
    insert(con, 'referentiel."catalogo_ejercicios"',
           [("codigo", STR), ("nombre", STR), ("grupo_muscular", STR), ("descripcion", STR),
            ("valor_met", dec(4, 1))],
           [(c, n, g, d, Decimal(str(m))) for c, n, g, d, m in EXERCISES])
    insert(con, 'referentiel."JOB_CATEGORIES"',
           [("CODE", STR), ("LABEL_EN", STR), ("LABEL_FR", STR), ("MEDIAN_SALARY_EUR", I32)],
           JOB_CATEGORIES)


# ---------------------------------------------------------------------------------------------
# Airline
# ---------------------------------------------------------------------------------------------

SSR_TEMPLATES = [
    "WCHR requested at {dep}, passenger cannot walk long distances",
    "VGML special meal. Allergic to nuts, informed crew",
    "Travelling with infant {child}, bassinet seat requested",
    "Emergency contact {contact} {phone}",
    "UMNR unaccompanied minor, collected at arrival by {contact}",
    "Name correction from {old} to {new} done by call centre",
    "PETC small dog in cabin, carrier under seat",
    "Pax called: rebooked after missed connection, waived change fee",
    "",
]


def build_airline(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> list[tuple]:
    # passengers ------------------------------------------------------------------------------
    fk = fakers(seed, 1)
    rng = random.Random(seed * 7 + 1)
    passengers = []
    for i in range(rows):
        loc = rng.choice(LOCALES)
        f = fk[loc]
        sex, first, last = person(fk, loc, rng)
        dob = rand_date(rng, date(1940, 1, 1), date(2010, 12, 31))
        nat = COUNTRY[loc][0] if rng.random() < 0.85 else rng.choice(["PT", "IT", "NL", "BE", "CH", "US", "MA"])
        title = ("MRS" if rng.random() < 0.5 else "MS") if sex == "F" else "MR"
        if dob > date(2006, 1, 1):
            title = "MISS" if sex == "F" else "MSTR"
        key = f"{ascii_fold(last).upper()}/{ascii_fold(first).upper()} {title} {dob:%Y%m%d}"
        shown_first, shown_last = first, last
        if rng.random() < 0.12:  # loaded from an old reservation system in capitals
            shown_first, shown_last = first.upper(), last.upper()
        passengers.append(dict(
            pax_id=10001 + i, loc=loc, sex=sex, first=first, last=last, dob=dob, nat=nat,
            email=email_for(first, last, f, rng), mobile=mobile_digits(loc, rng),
            row=(10001 + i, shown_first, shown_last, None, dob, sex, nat, None, None,
                 f.city(), key, rand_ts(rng, datetime(2018, 1, 1), datetime(2024, 6, 30)),
                 rng.random() < 0.4)))
    pax_rows = []
    for p in passengers:
        r = list(p["row"])
        r[7], r[8] = p["email"], p["mobile"]
        pax_rows.append(tuple(r))
    insert(con, 'airline."passengers"',
           [("pax_id", I32), ("first_name", STR), ("last_name", STR), ("middle_name", STR),
            ("date_of_birth", DATE), ("gender", STR), ("nationality", STR), ("email", STR),
            ("mobile", I64), ("home_city", STR), ("pax_key", STR), ("created_at", TS),
            ("marketing_opt_in", BOOL)], pax_rows)

    # PNR -------------------------------------------------------------------------------------
    fk = fakers(seed, 2)
    rng = random.Random(seed * 7 + 2)
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    seen: set[str] = set()
    pnrs = []
    for _ in range(rows):
        while True:
            loc_code = "".join(rng.choice(alphabet) for _ in range(6))
            if loc_code not in seen:
                seen.add(loc_code)
                break
        p = rng.choice(passengers)
        f = fk[p["loc"]]
        booked = rand_ts(rng, datetime(2023, 1, 1), datetime(2024, 10, 31))
        travel = booked.date() + timedelta(days=rng.randint(1, 200))
        email = p["email"] if rng.random() < 0.8 else email_for(*person(fk, p["loc"], rng)[1:], f, rng)
        card_type = rng.choice(["visa16", "mastercard", "visa16", "maestro"])
        pan = int(fk["en_US"].credit_card_number(card_type=card_type))
        tpl = rng.choice(SSR_TEMPLATES)
        _, cf, cl = person(fk, p["loc"], rng)
        remark = tpl.format(dep=rng.choice(AIRPORTS)[0], child=f.first_name(), contact=f"{cf} {cl}",
                            phone=pretty_phone(mobile_digits(p["loc"], rng)),
                            old=ascii_fold(p["last"]).upper()[:-1], new=ascii_fold(p["last"]).upper())
        pnrs.append(dict(locator=loc_code, pax=p, travel=travel,
                         row=(loc_code, p["pax_id"], booked, ymd(travel), email,
                              pretty_phone(p["mobile"]) if rng.random() < 0.9 else f.phone_number(),
                              Decimal(rng.randint(4900, 240000)) / 100,
                              rng.choice(["WEB", "APP", "GDS", "CALLCENTER"]), pan, remark or None)))
    insert(con, 'airline."PNR"',
           [("RECORD_LOCATOR", STR), ("PAX_ID", I32), ("BOOKED_AT", TS), ("TRAVEL_DATE", I32),
            ("CONTACT_EMAIL", STR), ("CONTACT_PHONE", STR), ("FARE_TOTAL", dec(10, 2)),
            ("BOOKING_CHANNEL", STR), ("CARD_PAN", I64), ("SSR_REMARKS", STR)],
           [p["row"] for p in pnrs])

    # frequent-flyer accounts (no declared foreign key) -----------------------------------
    fk = fakers(seed, 3)
    rng = random.Random(seed * 7 + 3)
    accounts = []
    used: set[str] = set()
    for p in passengers:
        if rng.random() > 0.7:
            continue
        while True:
            number = "UQ" + "".join(rng.choice(string.digits) for _ in range(9))
            if number not in used:
                used.add(number)
                break
        addr_loc = p["loc"] if p["loc"] != "en_GB" else "de_DE"
        f = fk[addr_loc]
        handle = rng.choice([f"{slug(p['first'])}{slug(p['last'])[:3]}{p['dob'].year % 100:02d}",
                             f"{slug(p['first'])}_{rng.randrange(100, 999)}", f.user_name()])
        ip = fk["en_US"].ipv4_public() if rng.random() < 0.8 else fk["en_US"].ipv6()
        postcode = int(f.postcode())
        landline = f.phone_number() if rng.random() < 0.12 else ""
        accounts.append((number, p["pax_id"], rng.choice(["Basis", "Basis", "Silber", "Gold", "Platin"]),
                         rng.randint(0, 480000), rand_date(rng, date(2010, 1, 1), date(2024, 6, 30)),
                         handle, ip, ymd(p["dob"]), one_line(f.street_address()), postcode, f.city(),
                         landline))
    insert(con, 'airline."vielfliegerKonto"',
           [("kontoNummer", STR), ("paxId", I32), ("statusStufe", STR), ("meilenStand", I32),
            ("anmeldeDatum", DATE), ("benutzerName", STR), ("letzteIp", STR), ("geburtsDatum", I32),
            ("strasse", STR), ("plz", I32), ("ort", STR), ("telefonFestnetz", STR)], accounts)

    # boarding passes (composite key, foreign key not declared) ---------------------------
    rng = random.Random(seed * 7 + 4)
    passes = []
    for pnr in pnrs:
        p = pnr["pax"]
        n_seg = 2 if rng.random() < 0.45 else 1
        dep = rng.choice(AIRPORTS)[0]
        when = datetime.combine(pnr["travel"], datetime.min.time()) + timedelta(minutes=rng.randrange(360, 1380, 5))
        for seg in range(1, n_seg + 1):
            arr = rng.choice([a[0] for a in AIRPORTS if a[0] != dep])
            flight = f"UQ{rng.randint(100, 9899)}"
            seat = f"{rng.randint(1, 42)}{rng.choice('ABCDEF')}"
            seq = rng.randint(1, 220)
            name = f"{ascii_fold(p['last']).upper()}/{ascii_fold(p['first']).upper()}"[:20].ljust(20)
            julian = when.timetuple().tm_yday
            bcbp = (f"M1{name}E{pnr['locator']:<7}{dep}{arr}UQ {flight[2:]:>5}{julian:03d}Y"
                    f"{int(seat[:-1]):03d}{seat[-1]}{seq:04d} 100")
            bag = f"0615{rng.randint(0, 999999):06d}" if rng.random() < 0.4 else None
            checked = when - timedelta(minutes=rng.randint(45, 1440))
            passes.append((pnr["locator"], seg, flight, dep, arr, when, seat,
                           f"{rng.choice('ABCDKLM')}{rng.randint(1, 60)}", bcbp, bag, checked))
            dep = arr
            when = when + timedelta(minutes=rng.randint(70, 300))
    insert(con, 'airline."boarding_passes"',
           [("record_locator", STR), ("segment_no", I16), ("flight_no", STR), ("dep_airport", STR),
            ("arr_airport", STR), ("sched_departure", TS), ("seat", STR), ("gate", STR),
            ("bcbp_data", STR), ("bag_tag_no", STR), ("checked_in_at", TS)], passes)

    # APIS passport data (composite key, declared foreign key) ----------------------------
    fk = fakers(seed, 5)
    rng = random.Random(seed * 7 + 5)
    us = fk["en_US"]
    apis = []
    for p in passengers:
        if rng.random() > 0.75:
            continue
        country2, country3, _ = COUNTRY[p["loc"]]
        up = lambda n: "".join(rng.choice(string.ascii_uppercase) for _ in range(n))  # noqa: E731
        dg = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
        if country2 == "FR":
            doc = dg(2) + up(2) + dg(5)
        elif country2 == "DE":
            doc = "C" + "".join(rng.choice("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
        elif country2 == "ES":
            doc = "PA" + up(1) + dg(6)
        else:
            doc = dg(9)
        address = None
        if rng.random() < 0.5:
            address = f"{one_line(us.street_address())}, {us.city()}, {us.state_abbr()} {us.zipcode()}"
        apis.append((p["pax_id"], doc, ascii_fold(p["last"]).upper(), ascii_fold(p["first"]).upper(),
                     p["dob"].strftime("%y%m%d"), p["sex"], country3,
                     rand_date(rng, date(2025, 1, 1), date(2034, 12, 31)), address))
    insert(con, 'airline."apis_datos"',
           [("pax_id", I32), ("numero_documento", STR), ("apellidos", STR), ("nombres", STR),
            ("fecha_nacimiento", STR), ("sexo", STR), ("pais_emision", STR),
            ("fecha_caducidad", DATE), ("direccion_destino", STR)], apis)
    return passengers


# ---------------------------------------------------------------------------------------------
# Fitness app
# ---------------------------------------------------------------------------------------------

WORKOUT_NOTES = [
    "Felt dizzy after the third interval, stopped early.",
    "Knee pain again on the descent, will see the physio on Thursday.",
    "Séance avec Julien, bonne allure sur les 5 derniers km.",
    "New PB! Legs heavy from yesterday though.",
    "Douleur au mollet gauche, à surveiller.",
    "Ran with my sister, easy pace, chatting the whole way.",
    "Watch lost GPS in the tunnel, distance is wrong.",
    "Mal dormido, pulsaciones altas desde el principio.",
]


def build_fitness(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    fk = fakers(seed, 6)
    rng = random.Random(seed * 7 + 6)
    members = []
    for i in range(rows):
        loc = rng.choice(LOCALES)
        f = fk[loc]
        sex, first, last = person(fk, loc, rng)
        joined = rand_date(rng, date(2018, 1, 1), date(2024, 9, 30))
        cancelled = joined + timedelta(days=rng.randint(30, 900)) if rng.random() < 0.15 else None
        if cancelled and cancelled > date(2024, 12, 31):
            cancelled = date(2024, 12, 31)
        brand = rng.choice(["GRM", "FBT", "POL", "WHP"])
        serial = f"{brand}-" + "-".join(f"{rng.randrange(16 ** 4):04X}" for _ in range(3))
        handle = rng.choice([f"{slug(first)}_runs{rng.randrange(10, 99)}", f"{slug(first)[:4]}{slug(last)[:4]}",
                             f.user_name(), f"{slug(last)}.fit"])
        members.append(dict(
            id=5001 + i, loc=loc, sex=sex,
            row=(5001 + i, f"{first} {last}", email_for(first, last, f, rng), handle,
                 rng.randint(1950, 2006), sex if rng.random() < 0.95 else "X", f.postcode(),
                 serial, fk["en_US"].uuid4(), f.iban(),
                 Decimal(rng.choice(["19.99", "24.90", "29.99", "39.00", "44.90"])), joined, cancelled)))
    insert(con, 'fitness."Members"',
           [("MemberId", I32), ("FullName", STR), ("Email", STR), ("UserHandle", STR),
            ("BirthYear", I32), ("Sex", STR), ("PostCode", STR), ("WearableSerial", STR),
            ("AppInstallId", STR), ("Iban", STR), ("MonthlyFee", dec(6, 2)), ("JoinedOn", DATE),
            ("CancelledOn", DATE)], [m["row"] for m in members])

    # workouts: heart-rate series as JSON, foreign keys not declared ---------------------
    fk = fakers(seed, 7)
    rng = random.Random(seed * 7 + 7)
    macs = {m["id"]: fk["en_US"].mac_address() for m in members}
    homes = {m["id"]: rng.choice(WORKOUT_CITIES) for m in members}
    workouts = []
    for i in range(rows * 2):
        m = rng.choice(members)
        code = rng.choice(EXERCISES)[0]
        start = rand_ts(rng, datetime(2024, 1, 1), datetime(2024, 12, 31))
        duration = rng.randrange(900, 7200, 30)
        base = rng.randint(105, 150)
        samples = [max(60, min(200, base + rng.randint(-12, 25))) for _ in range(rng.randint(8, 20))]
        series = json.dumps({"unit": "bpm", "interval_s": duration // len(samples),
                             "samples": [{"t": k * (duration // len(samples)), "bpm": b}
                                         for k, b in enumerate(samples)]})
        lat = lon = None
        if code in OUTDOOR:
            _, clat, clon = homes[m["id"]]
            lat = round(clat + rng.uniform(-0.08, 0.08), 6)
            lon = round(clon + rng.uniform(-0.12, 0.12), 6)
        note = rng.choice(WORKOUT_NOTES) if rng.random() < 0.25 else None
        workouts.append((9000001 + i, m["id"], code, start, duration, series,
                         round(sum(samples) / len(samples)), lat, lon, macs[m["id"]], note))
    insert(con, 'fitness."workouts"',
           [("workout_id", I64), ("member_id", I32), ("exercise_code", STR), ("started_at", TS),
            ("duration_s", I32), ("hr_series", STR), ("avg_hr", I16), ("start_lat", F64),
            ("start_lon", F64), ("device_mac", STR), ("notes", STR)], workouts)

    # body measurements (composite key, declared foreign key) ----------------------------
    fk = fakers(seed, 8)
    rng = random.Random(seed * 7 + 8)
    coaches = [f"{fk['fr_FR'].first_name()} {fk['fr_FR'].last_name()}" for _ in range(6)]
    coaches += [f"{fk['de_DE'].first_name()} {fk['de_DE'].last_name()}" for _ in range(3)]
    measures = []
    for m in members:
        if rng.random() < 0.2:
            continue
        height = rng.randint(160, 195) if m["sex"] == "M" else rng.randint(150, 182)
        weight = rng.uniform(0.0019, 0.0030) * height * height
        days = sorted(rng.sample(range(0, 700), rng.randint(1, 3)))
        fat = rng.uniform(10, 36)
        for d in days:
            weight += rng.uniform(-2.5, 1.5)
            fat += rng.uniform(-1.5, 1.0)
            measures.append((m["id"], date(2023, 1, 2) + timedelta(days=d),
                             Decimal(f"{weight:.1f}"), height, Decimal(f"{fat:.1f}"),
                             int(0.38 * height + 0.45 * weight + 0.4 * fat - 25 + rng.randint(-4, 4)),
                             rng.randint(48, 88),
                             rng.choice(coaches), None))
    insert(con, 'fitness."mesures_corporelles"',
           [("membre_id", I32), ("date_mesure", DATE), ("poids_kg", dec(5, 1)), ("taille_cm", I16),
            ("masse_grasse_pct", dec(4, 1)), ("tour_de_taille_cm", I16),
            ("freq_cardiaque_repos", I16), ("mesure_par", STR), ("commentaire", STR)], measures)


# ---------------------------------------------------------------------------------------------
# Recruitment platform
# ---------------------------------------------------------------------------------------------

SKILLS = ["SQL", "Python", "Excel avancé", "SAP", "gestion de projet", "anglais courant", "allemand B2",
          "Power BI", "comptabilité analytique", "négociation", "Java", "management d'équipe"]


def nir(sex: str, dob: date, rng: random.Random) -> int:
    """A French social security number (13 digits plus the 2-digit key) as an integer."""
    dept = rng.choice(["75", "69", "13", "33", "59", "31", "44", "67", "92", "93"])
    body = f"{1 if sex == 'M' else 2}{dob.year % 100:02d}{dob.month:02d}{dept}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    return int(body + f"{97 - int(body) % 97:02d}")


def cv_text(first: str, last: str, p: dict, rng: random.Random, f: Faker) -> str:
    years = rng.randint(1, max(1, min(20, 2024 - p['dob'].year - 21)))
    y = 2024
    jobs = []
    for _ in range(rng.randint(1, 3)):
        start = y - rng.randint(2, 6)
        jobs.append(f"{start}–{y} : {f.job()} chez {f.company()}, {f.city()}")
        y = start
    lang = rng.random()
    if lang < 0.7:
        head = (f"{first} {last}\n{p['address']}, {p['postcode']} {p['city']}\n"
                f"Tél. {p['phone']} – {p['email']}\n")
        if rng.random() < 0.4:
            head += f"Né(e) le {p['dob']:%d/%m/%Y}\n"
        return (head + f"\nPROFIL\n{p['job']} avec {years} ans d'expérience.\n\nEXPÉRIENCE\n"
                + "\n".join(jobs) + f"\n\nFORMATION\n{y - 1} : Master, Université de {f.city()}\n\n"
                + "COMPÉTENCES\n" + ", ".join(rng.sample(SKILLS, 4)))
    if lang < 0.85:
        return (f"Curriculum vitae – {first} {last}\nMobile: {p['phone']}\nEmail: {p['email']}\n\n"
                f"Summary: {years} years of experience, currently {p['job']} at {p['employer']}.\n"
                f"Experience:\n" + "\n".join(jobs) + "\nLanguages: French (native), English (C1)")
    return (f"Lebenslauf {first} {last}\nAnschrift: {p['address']}, {p['postcode']} {p['city']}\n"
            f"Telefon: {p['phone']}\n\nBerufserfahrung:\n" + "\n".join(jobs)
            + f"\n\nKenntnisse: " + ", ".join(rng.sample(SKILLS, 3)))


NOTES_TEMPLATES = [
    "Gespräch mit {first}: starke SQL-Kenntnisse, Gehaltsvorstellung {k}k, kann ab {start} anfangen.",
    "{first} {last} wirkte gut vorbereitet, Referenz bei der früheren Chefin einholen.",
    "Phone screen with {first}. Notice period three months, wants remote two days a week.",
    "Second round: {first} was late, technical test average, not convinced about team fit.",
    "Entretien avec {first} {last} : très bon relationnel, prétentions à {k} k€, mobile sur Lyon.",
    "Kandidat hat Rückfragen zur Probezeit; nächster Termin mit Fachbereich vereinbart.",
]


def build_recruitment(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    fk = fakers(seed, 9)
    rng = random.Random(seed * 7 + 9)
    fr = fk["fr_FR"]
    candidates = []
    for _ in range(rows):
        name_loc = "fr_FR" if rng.random() < 0.75 else rng.choice(["de_DE", "es_ES"])
        sex, first, last = person(fk, name_loc, rng)
        dob = rand_date(rng, date(1960, 1, 1), date(2003, 12, 31))
        mob = mobile_digits("fr_FR", rng)
        phone = "0" + str(mob)[2:3] + " " + " ".join(str(mob)[i:i + 2] for i in range(3, 11, 2))
        if rng.random() < 0.3:
            phone = pretty_phone(mob)
        p = dict(id=fk["en_US"].uuid4(), first=first, last=last, dob=dob, phone=phone,
                 email=email_for(first, last, fr, rng), address=one_line(fr.street_address()),
                 postcode=fr.postcode(), city=fr.city(), employer=fr.company(), job=fr.job())
        p["cv"] = cv_text(first, last, p, rng, fr)
        handle = rng.choice([f"{slug(first)}-{slug(last)}", f"{slug(first)[0]}{slug(last)}{dob.year % 100}",
                             fr.user_name()])
        shown_last = last.upper() if rng.random() < 0.3 else last
        p["row"] = (p["id"], first, shown_last, p["email"], phone, p["address"], p["postcode"], p["city"],
                    dob, nir(sex, dob, rng), handle, p["cv"], p["employer"], p["job"])
        candidates.append(p)
    insert(con, 'recrutement."candidats"',
           [("candidat_id", STR), ("prenom", STR), ("nom", STR), ("courriel", STR),
            ("tel_portable", STR), ("adresse", STR), ("code_postal", STR), ("ville", STR),
            ("date_naiss", DATE), ("numero_secu", I64), ("pseudo", STR), ("cv_texte", STR),
            ("employeur_actuel", STR), ("poste_actuel", STR)], [c["row"] for c in candidates])

    # applications (composite key, foreign keys not declared) ----------------------------
    fk = fakers(seed, 10)
    rng = random.Random(seed * 7 + 10)
    de = fk["de_DE"]
    recruiters = [f"{de.first_name()} {de.last_name()}" for _ in range(5)]
    recruiters += [f"{fk['en_GB'].first_name()} {fk['en_GB'].last_name()}" for _ in range(2)]
    pairs: set[tuple[str, int]] = set()
    applications = []
    while len(applications) < int(rows * 1.3):
        c = rng.choice(candidates)
        job = rng.randint(4000, 4199)
        if (c["id"], job) in pairs:
            continue
        pairs.add((c["id"], job))
        sent = rand_ts(rng, datetime(2024, 1, 1), datetime(2024, 11, 30))
        wish = rng.randrange(26000, 96000, 500)
        status = rng.choice(["eingegangen", "eingegangen", "Interview", "Absage", "Angebot"])
        notes = interviewer = when = None
        if status != "eingegangen":
            interview_day = sent.date() + timedelta(days=rng.randint(5, 30))
            notes = rng.choice(NOTES_TEMPLATES).format(first=c["first"], last=c["last"], k=wish // 1000,
                                                       start=f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.")
            interviewer = rng.choice(recruiters)
            when = ymd(interview_day)
        applications.append((c["id"], job, rng.choice(JOB_CATEGORIES)[0], sent, wish, f"{wish:.2E}",
                             status, notes, interviewer, when))
    insert(con, 'recrutement."bewerbungen"',
           [("kandidatId", STR), ("stellenId", I32), ("jobKategorie", STR), ("eingereichtAm", TS),
            ("gehaltsWunsch", I32), ("gehaltsWunschText", STR), ("status", STR),
            ("interviewNotizen", STR), ("interviewer", STR), ("interviewTermin", I32)], applications)

    # references with contact details (declared foreign key) -----------------------------
    fk = fakers(seed, 11)
    rng = random.Random(seed * 7 + 11)
    refs = []
    for i, c in enumerate(rng.sample(candidates, min(len(candidates), rows * 3 // 4))):
        for _ in range(rng.randint(1, 2)):
            loc = rng.choice(["es_ES", "fr_FR", "fr_FR", "de_DE"])
            f = fk[loc]
            _, first, last = person(fk, loc, rng)
            phone = mobile_digits(loc, rng)
            refs.append((len(refs) + 1, c["id"], f"{first} {last}", f.company(), phone, f"{phone:.5E}",
                         email_for(first, last, f, rng),
                         rng.choice(["antiguo jefe", "compañero de trabajo", "cliente", "tutor de prácticas"]),
                         rand_date(rng, date(2024, 1, 15), date(2024, 12, 20))))
    insert(con, 'recrutement."referencias"',
           [("id_referencia", I32), ("candidato_id", STR), ("nombre_completo", STR), ("empresa", STR),
            ("telefono", I64), ("tel_export", STR), ("correo_electronico", STR), ("relacion", STR),
            ("fecha_contacto", DATE)], refs)


# ---------------------------------------------------------------------------------------------
# Car rental
# ---------------------------------------------------------------------------------------------

DAMAGE_TEMPLATES = [
    "Kratzer an der Stoßstange hinten links, ca. 10 cm. Kunde gibt an, beim Einparken passiert.",
    "Steinschlag Windschutzscheibe Beifahrerseite, bei Übernahme nicht dokumentiert.",
    "Delle in der Fahrertür. Fahrer {name} sagt, auf dem Parkplatz angefahren worden, "
    "Unfallgegner unbekannt.",
    "Felge vorne rechts beschädigt (Bordstein). Foto im System, Rückruf unter {phone}.",
    "Innenraum stark verschmutzt, Hundehaare. Reinigungspauschale berechnet.",
    "Außenspiegel links abgebrochen, Polizeibericht liegt vor. Zweitfahrer {name} war am Steuer.",
    "Rauchgeruch im Fahrzeug, Kunde bestreitet.",
]


def vin(rng: random.Random, wmi: str, year: int) -> str:
    chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    year_code = "KLMNPRS"[year - 2019]
    return wmi + "".join(rng.choice(chars) for _ in range(6)) + year_code + rng.choice(chars) + \
        "".join(rng.choice(string.digits) for _ in range(6))


def build_car_rental(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    fk = fakers(seed, 12)
    rng = random.Random(seed * 7 + 12)
    customers = []
    for i in range(rows):
        loc = "de_DE" if rng.random() < 0.7 else rng.choice(["fr_FR", "es_ES"])
        f = fk[loc]
        de = fk["de_DE"]
        _, first, last = person(fk, loc, rng)
        dob = rand_date(rng, date(1950, 1, 1), date(2005, 6, 30))
        if loc == "de_DE":
            letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
            licence = (rng.choice("BFJKMN") + f"{rng.randint(0, 999):03d}"
                       + "".join(rng.choice(letters) for _ in range(3)) + rng.choice(string.digits)
                       + rng.choice(letters) + f"{rng.randint(0, 99):02d}")
        elif loc == "fr_FR":
            licence = f"{dob.year % 100:02d}{rng.randint(1, 95):02d}{rng.randint(0, 99999999):08d}"
        else:
            num = rng.randint(10000000, 99999999)
            licence = f"{num}{'TRWAGMYFPDXBNJZSQVHLCKE'[num % 23]}"
        plz = de.postcode()
        mob = mobile_digits("de_DE", rng)
        handy = rng.choice([pretty_phone(mob), "0" + str(mob)[2:5] + " " + str(mob)[5:], de.phone_number()])
        card = fk["en_US"].credit_card_number(card_type=rng.choice(["visa16", "mastercard"]))
        card = " ".join(card[k:k + 4] for k in range(0, len(card), 4))
        company = de.company() if rng.random() < 0.15 else None
        key = f"{ascii_fold(last).upper()}-{dob:%Y%m%d}-{plz}"
        customers.append((100001 + i, first, last, dob, licence, one_line(de.street_address()), plz, de.city(),
                          handy, email_for(first, last, f, rng), company, card, key))
    insert(con, 'autovermietung."kunden"',
           [("kunden_nr", I32), ("vorname", STR), ("nachname", STR), ("geburtsdatum", DATE),
            ("fuehrerschein_nr", STR), ("strasse_hausnr", STR), ("plz", STR), ("stadt", STR),
            ("handy", STR), ("email", STR), ("firmenkunde", STR), ("kreditkarte", STR),
            ("kunden_schluessel", STR)], customers)

    # the company's own fleet -----------------------------------------------------------
    rng = random.Random(seed * 7 + 13)
    fleet = []
    plates: set[str] = set()
    for _ in range(max(20, rows // 5)):
        marke, modell, wmi = rng.choice(FLEET_MODELS)
        year = rng.randint(2019, 2024)
        branch = rng.choice(BRANCHES)
        while True:
            plate = f"{branch[2]}-{''.join(rng.choice('ABCDEFGHKLMNPRSTUVXYZ') for _ in range(2))} {rng.randint(1, 9999)}"
            if plate not in plates:
                plates.add(plate)
                break
        if modell == "Model 3":
            plate += "E"
        fleet.append(dict(vin=vin(rng, wmi, year), branch=branch, km=rng.randint(3000, 90000),
                          row=[None, plate, marke, modell, year, None, branch[1],
                               rand_date(rng, date(2024, 1, 1), date(2024, 12, 15))]))

    # rentals (customer key declared, vehicle key not declared) -------------------------
    fk = fakers(seed, 14)
    rng = random.Random(seed * 7 + 14)
    de = fk["de_DE"]
    rentals = []
    for i in range(rows):
        c = rng.choice(customers)
        v = rng.choice(fleet)
        pickup = rand_ts(rng, datetime(2024, 1, 1), datetime(2024, 12, 20))
        back = pickup + timedelta(hours=rng.randint(20, 14 * 24), minutes=rng.randrange(0, 60, 5))
        driven = rng.randint(40, 3500)
        km_start = v["km"]
        v["km"] += driven + rng.randint(0, 300)
        second = f"{de.first_name()} {de.last_name()}" if rng.random() < 0.15 else None
        report = None
        if rng.random() < 0.22:
            report = rng.choice(DAMAGE_TEMPLATES).format(
                name=second or f"{c[1]} {c[2]}", phone=c[8])
        _, _, _, blat, blon = rng.choice(BRANCHES)
        gps = f"{blat + rng.uniform(-0.3, 0.3):.5f},{blon + rng.uniform(-0.4, 0.4):.5f}"
        days = max(1, (back - pickup).days)
        rentals.append((700001 + i, c[0], v["vin"], pickup, back, v["branch"][0], km_start,
                        km_start + driven, Decimal(days * rng.randint(39, 129)) + Decimal("0.90"),
                        report, second, gps))
    fleet_rows = []
    for v in fleet:
        r = v["row"]
        r[0], r[5] = v["vin"], v["km"]
        fleet_rows.append(tuple(r))
    insert(con, 'autovermietung."fahrzeuge"',
           [("fin", STR), ("kennzeichen", STR), ("marke", STR), ("modell", STR), ("baujahr", I16),
            ("kilometerstand", I32), ("standort_filiale", STR), ("letzte_wartung", DATE)], fleet_rows)
    insert(con, 'autovermietung."mietvertraege"',
           [("vertrag_id", I32), ("kunden_nr", I32), ("fin", STR), ("abholung_zeit", TS),
            ("rueckgabe_zeit", TS), ("abholung_filiale", STR), ("km_start", I32), ("km_ende", I32),
            ("gesamtpreis", dec(8, 2)), ("schadensbericht", STR), ("zweitfahrer_name", STR),
            ("letzte_gps_position", STR)], rentals)


# ---------------------------------------------------------------------------------------------


def build_holdout_e(path: Path, rows: int = 300, seed: int = 71) -> None:
    """Write the hold-out database to PATH, replacing any file already there."""
    path = Path(path)
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    try:
        con.execute(DDL)
        build_reference(con)
        build_airline(con, rows, seed)
        build_fitness(con, rows, seed)
        build_recruitment(con, rows, seed)
        build_car_rental(con, rows, seed)
        con.execute("CHECKPOINT")
    finally:
        con.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Build the fifth scan hold-out database.")
    parser.add_argument("path", type=Path, help="DuckDB file to write (replaced if it exists)")
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--seed", type=int, default=71)
    args = parser.parse_args()
    build_holdout_e(args.path, args.rows, args.seed)
    print(f"wrote {args.path}")
