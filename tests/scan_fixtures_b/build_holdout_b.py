"""Build hold-out database B for the PII scanner.

The database models four production systems that look nothing like a web shop:

* ``assicurazioni`` - an Italian insurer (policies, policy holders, claims, agencies);
* ``telecom`` - a Dutch mobile operator with mixed Dutch and English names
  (subscribers, call detail records, devices, cell sites, price plans);
* ``school`` - a Brazilian school network (pupils, grades, teachers, schools);
* ``legacy`` - an old mainframe unload with UPPER_SNAKE names and cryptic
  abbreviations (customer master, account history, customer documents, branches).

Every column has a hand-written class in ``labels_b.csv`` next to this file. The data is
fully deterministic: each table has its own seeded Faker instance and its own
``random.Random``, and no value depends on today's date.

Usage::

    .venv/bin/python tests/scan_fixtures_b/build_holdout_b.py /tmp/holdout_b.duckdb
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa
from faker import Faker

HERE = Path(__file__).resolve().parent
LABELS = HERE / "labels_b.csv"

# --------------------------------------------------------------------------------------
# reference data (real places, so the values look like production data)
# --------------------------------------------------------------------------------------

# comune, Belfiore cadastral code, province, first three CAP digits, latitude, longitude
COMUNI = [
    ("Roma", "H501", "RM", "001", 41.9028, 12.4964),
    ("Milano", "F205", "MI", "201", 45.4642, 9.1900),
    ("Napoli", "F839", "NA", "801", 40.8518, 14.2681),
    ("Torino", "L219", "TO", "101", 45.0703, 7.6869),
    ("Palermo", "G273", "PA", "901", 38.1157, 13.3615),
    ("Genova", "D969", "GE", "161", 44.4056, 8.9463),
    ("Bologna", "A944", "BO", "401", 44.4949, 11.3426),
    ("Firenze", "D612", "FI", "501", 43.7696, 11.2558),
    ("Bari", "A662", "BA", "701", 41.1171, 16.8719),
    ("Catania", "C351", "CT", "951", 37.5079, 15.0830),
    ("Venezia", "L736", "VE", "301", 45.4408, 12.3155),
    ("Verona", "L781", "VR", "371", 45.4384, 10.9916),
    ("Padova", "G224", "PD", "351", 45.4064, 11.8768),
    ("Trieste", "L424", "TS", "341", 45.6495, 13.7768),
    ("Brescia", "B157", "BS", "251", 45.5416, 10.2118),
    ("Parma", "G337", "PR", "431", 44.8015, 10.3279),
    ("Modena", "F257", "MO", "411", 44.6471, 10.9252),
    ("Perugia", "G478", "PG", "061", 43.1107, 12.3908),
    ("Cagliari", "B354", "CA", "091", 39.2238, 9.1217),
    ("Bergamo", "A794", "BG", "241", 45.6983, 9.6773),
]

PROFESSIONI = [
    "impiegato", "impiegata", "insegnante", "libero professionista", "commerciante",
    "operaio", "infermiera", "medico", "avvocato", "pensionato", "pensionata",
    "artigiano", "studente", "ingegnere", "farmacista", "agente di commercio",
]

# woonplaats, first two postcode digits range (low, high), latitude, longitude
PLAATSEN = [
    ("Amsterdam", (1011, 1109), 52.3676, 4.9041),
    ("Rotterdam", (3011, 3089), 51.9244, 4.4777),
    ("Den Haag", (2511, 2597), 52.0705, 4.3007),
    ("Utrecht", (3511, 3585), 52.0907, 5.1214),
    ("Eindhoven", (5611, 5658), 51.4416, 5.4697),
    ("Groningen", (9711, 9747), 53.2194, 6.5665),
    ("Tilburg", (5011, 5049), 51.5555, 5.0913),
    ("Almere", (1311, 1364), 52.3508, 5.2647),
    ("Breda", (4811, 4839), 51.5719, 4.7683),
    ("Nijmegen", (6511, 6546), 51.8126, 5.8372),
    ("Apeldoorn", (7311, 7339), 52.2112, 5.9699),
    ("Haarlem", (2011, 2037), 52.3874, 4.6462),
    ("Arnhem", (6811, 6846), 51.9851, 5.8987),
    ("Enschede", (7511, 7548), 52.2215, 6.8937),
    ("Amersfoort", (3811, 3829), 52.1561, 5.3878),
    ("Zwolle", (8011, 8046), 52.5168, 6.0830),
    ("Leiden", (2311, 2334), 52.1601, 4.4970),
    ("Maastricht", (6211, 6229), 50.8514, 5.6910),
    ("Delft", (2611, 2629), 52.0116, 4.3571),
    ("Leeuwarden", (8911, 8939), 53.2012, 5.7999),
]

TUSSENVOEGSELS = ("van der", "van den", "van de", "van 't", "in 't", "van", "de", "den", "ter", "te")

# cidade, uf, CEP range (first five digits)
CIDADES = [
    ("São Paulo", "SP", (1000, 5999)),
    ("Rio de Janeiro", "RJ", (20000, 23799)),
    ("Belo Horizonte", "MG", (30000, 31999)),
    ("Salvador", "BA", (40000, 42599)),
    ("Fortaleza", "CE", (60000, 61599)),
    ("Curitiba", "PR", (80000, 82999)),
    ("Recife", "PE", (50000, 52999)),
    ("Porto Alegre", "RS", (90000, 91999)),
    ("Manaus", "AM", (69000, 69099)),
    ("Belém", "PA", (66000, 66999)),
    ("Goiânia", "GO", (74000, 74899)),
    ("Campinas", "SP", (13000, 13139)),
    ("Florianópolis", "SC", (88000, 88099)),
    ("Natal", "RN", (59000, 59139)),
    ("João Pessoa", "PB", (58000, 58099)),
]

DDD = {"SP": 11, "RJ": 21, "MG": 31, "BA": 71, "CE": 85, "PR": 41, "PE": 81, "RS": 51,
       "AM": 92, "PA": 91, "GO": 62, "SC": 48, "RN": 84, "PB": 83}

# city, state, ZIP prefix, area code
US_CITIES = [
    ("COLUMBUS", "OH", "432", "614"), ("CHICAGO", "IL", "606", "312"),
    ("HOUSTON", "TX", "770", "713"), ("PHOENIX", "AZ", "850", "602"),
    ("PHILADELPHIA", "PA", "191", "215"), ("SAN ANTONIO", "TX", "782", "210"),
    ("DALLAS", "TX", "752", "214"), ("JACKSONVILLE", "FL", "322", "904"),
    ("INDIANAPOLIS", "IN", "462", "317"), ("CHARLOTTE", "NC", "282", "704"),
    ("DENVER", "CO", "802", "303"), ("DETROIT", "MI", "482", "313"),
    ("MEMPHIS", "TN", "381", "901"), ("LOUISVILLE", "KY", "402", "502"),
    ("MILWAUKEE", "WI", "532", "414"), ("OMAHA", "NE", "681", "402"),
    ("TULSA", "OK", "741", "918"), ("DES MOINES", "IA", "503", "515"),
    ("AKRON", "OH", "443", "330"), ("TOLEDO", "OH", "436", "419"),
]

# --------------------------------------------------------------------------------------
# check digits and formats
# --------------------------------------------------------------------------------------

_CF_ODD = {
    **dict(zip("0123456789", (1, 0, 5, 7, 9, 13, 15, 17, 19, 21))),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14,
                16, 10, 22, 25, 24, 23))),
}
_CF_EVEN = {**{d: int(d) for d in "0123456789"},
            **{c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}}
_CF_MONTHS = "ABCDEHLMPRST"


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _letters(text: str) -> str:
    return "".join(c for c in ascii_fold(text).upper() if c.isalpha())


def _cf_check(first15: str) -> str:
    total = sum((_CF_ODD if i % 2 == 0 else _CF_EVEN)[c] for i, c in enumerate(first15))
    return chr(ord("A") + total % 26)


def _cf_surname(surname: str) -> str:
    s = _letters(surname)
    cons = [c for c in s if c not in "AEIOU"]
    vow = [c for c in s if c in "AEIOU"]
    return ("".join(cons + vow) + "XXX")[:3]


def _cf_name(name: str) -> str:
    s = _letters(name)
    cons = [c for c in s if c not in "AEIOU"]
    vow = [c for c in s if c in "AEIOU"]
    if len(cons) >= 4:
        return cons[0] + cons[2] + cons[3]
    return ("".join(cons + vow) + "XXX")[:3]


def codice_fiscale(surname: str, name: str, born: dt.date, female: bool, belfiore: str) -> str:
    day = born.day + (40 if female else 0)
    body = (_cf_surname(surname) + _cf_name(name) + f"{born.year % 100:02d}"
            + _CF_MONTHS[born.month - 1] + f"{day:02d}" + belfiore)
    return body + _cf_check(body)


def _iban(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def iban_it(rng: random.Random) -> str:
    abi = rng.choice(["03069", "02008", "05034", "01030", "03111", "05696", "06230"])
    cab = f"{rng.randrange(1000, 99999):05d}"
    conto = f"{rng.randrange(10**11):012d}"
    body = abi + cab + conto
    cin = _cf_check(body)  # the CIN uses the same odd/even tables as the fiscal code
    return _iban("IT", cin + body)


def iban_nl(rng: random.Random) -> str:
    bank = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"])
    while True:  # Dutch account numbers pass the eleven test
        head = [rng.randrange(10) for _ in range(9)]
        rest = sum(d * (10 - i) for i, d in enumerate(head)) % 11
        last = (11 - rest) % 11
        if last < 10:
            account = "".join(map(str, head + [last]))
            return _iban("NL", bank + account)


def luhn_digit(payload: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def cpf(rng: random.Random, formatted: bool) -> str:
    d = [rng.randrange(10) for _ in range(9)]
    for n in (10, 11):
        r = sum(x * (n - i) for i, x in enumerate(d)) * 10 % 11
        d.append(0 if r == 10 else r)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}" if formatted else s


def ssn(rng: random.Random) -> str:
    while True:
        area = rng.randrange(1, 900)
        if area != 666:
            break
    return f"{area:03d}{rng.randrange(1, 100):02d}{rng.randrange(1, 10000):04d}"


def nanp(rng: random.Random, area: str) -> str:
    return f"{area}{rng.randrange(2, 10)}{rng.randrange(100):02d}{rng.randrange(10000):04d}"


def rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def rand_ts(rng: random.Random, start: dt.date, end: dt.date) -> dt.datetime:
    day = rand_date(rng, start, end)
    return dt.datetime(day.year, day.month, day.day) + dt.timedelta(seconds=rng.randrange(86400))


def money(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")


def faker_for(locale: str, seed: int) -> Faker:
    fk = Faker(locale)
    fk.seed_instance(seed)
    return fk


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Append rows (tuples in the table's column order) through an Arrow table."""
    if not rows:
        return
    columns = list(zip(*rows))
    batch = pa.table({f"c{i}": pa.array(list(col)) for i, col in enumerate(columns)})
    con.register("_batch", batch)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _batch")
    finally:
        con.unregister("_batch")


# --------------------------------------------------------------------------------------
# assicurazioni - Italian insurance
# --------------------------------------------------------------------------------------

def _it_mobile(rng: random.Random, style: int) -> str:
    prefix = rng.choice([320, 324, 328, 329, 333, 334, 338, 339, 340, 345, 347, 348, 349,
                         366, 368, 380, 388, 389, 391, 392])
    num = f"{rng.randrange(10**7):07d}"
    if style == 0:
        return f"+39 {prefix} {num}"
    if style == 1:
        return f"{prefix} {num[:3]} {num[3:]}"
    return f"{prefix}{num}"


def build_assicurazioni(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    con.execute("CREATE SCHEMA assicurazioni")
    con.execute("""
        CREATE TABLE assicurazioni.agenzie (
            codice_agenzia VARCHAR(6) PRIMARY KEY,
            ragione_sociale VARCHAR,
            comune VARCHAR,
            telefono VARCHAR,
            paese CHAR(2),
            latitudine DOUBLE,
            longitudine DOUBLE,
            data_apertura DATE
        )""")
    con.execute("""
        CREATE TABLE assicurazioni.assicurati (
            id_assicurato INTEGER PRIMARY KEY,
            codice_fiscale CHAR(16) NOT NULL,
            cognome VARCHAR NOT NULL,
            nome VARCHAR NOT NULL,
            sesso CHAR(1),
            data_di_nascita DATE,
            luogo_di_nascita VARCHAR,
            indirizzo VARCHAR,
            cap CHAR(5),
            comune VARCHAR,
            provincia CHAR(2),
            cellulare VARCHAR,
            pec VARCHAR,
            iban CHAR(27),
            professione VARCHAR,
            datore_di_lavoro VARCHAR,
            note_interne VARCHAR
        )""")
    con.execute("""
        CREATE TABLE assicurazioni.polizze (
            numero_polizza VARCHAR(12) PRIMARY KEY,
            id_assicurato INTEGER NOT NULL REFERENCES assicurazioni.assicurati (id_assicurato),
            codice_agenzia VARCHAR(6) REFERENCES assicurazioni.agenzie (codice_agenzia),
            codice_prodotto VARCHAR(7),
            ramo VARCHAR,
            data_decorrenza DATE,
            data_scadenza DATE,
            premio_annuo DECIMAL(10, 2),
            codice_convenzione VARCHAR
        )""")
    con.execute("""
        CREATE TABLE assicurazioni.sinistri (
            id_sinistro INTEGER PRIMARY KEY,
            numero_pratica VARCHAR(16) NOT NULL,
            numero_polizza VARCHAR(12) NOT NULL REFERENCES assicurazioni.polizze (numero_polizza),
            data_sinistro DATE,
            luogo_sinistro VARCHAR,
            latitudine DOUBLE,
            longitudine DOUBLE,
            descrizione VARCHAR,
            importo_liquidato DECIMAL(12, 2),
            perito VARCHAR
        )""")

    # agenzie: offices, no people in the table
    fk = faker_for("it_IT", seed + 11)
    rng = random.Random(seed * 1000 + 11)
    agenzie = []
    for i in range(max(8, rows // 12)):
        comune = rng.choice(COMUNI)
        titolare = fk.last_name()
        forma = rng.choice(["S.r.l.", "S.a.s.", "S.n.c.", "S.p.A."])
        nome = rng.choice([f"Agenzia {titolare} {forma}", f"{titolare} & Partners {forma}",
                           f"Assiservice {comune[0]} {forma}", f"Studio Assicurativo {titolare}"])
        tel = f"0{rng.randrange(10, 99)} {rng.randrange(100000, 9999999)}"
        agenzie.append((
            f"AG{rng.randrange(100, 999)}{i % 10}",
            nome,
            comune[0],
            tel,
            "IT",
            round(comune[4] + rng.uniform(-0.03, 0.03), 6),
            round(comune[5] + rng.uniform(-0.03, 0.03), 6),
            rand_date(rng, dt.date(1968, 1, 1), dt.date(2019, 12, 31)),
        ))
    # keep codes unique
    seen: set[str] = set()
    uniq = []
    for a in agenzie:
        if a[0] not in seen:
            seen.add(a[0])
            uniq.append(a)
    agenzie = uniq
    insert(con, "assicurazioni.agenzie", agenzie)

    # assicurati: policy holders
    fk = faker_for("it_IT", seed + 12)
    rng = random.Random(seed * 1000 + 12)
    assicurati = []
    persone = {}
    for i in range(rows):
        female = rng.random() < 0.5
        nome = fk.first_name_female() if female else fk.first_name_male()
        cognome = fk.last_name()
        born = rand_date(rng, dt.date(1938, 1, 1), dt.date(2004, 12, 31))
        nascita = rng.choice(COMUNI)
        residenza = nascita if rng.random() < 0.55 else rng.choice(COMUNI)
        cf = codice_fiscale(cognome, nome, born, female, nascita[1])
        local = ascii_fold(f"{nome}.{cognome}").lower().replace(" ", "").replace("'", "")
        pec = f"{local}{rng.choice(['', '', str(born.year % 100)])}@{rng.choice(['pec.it', 'legalmail.it', 'postecert.it', 'arubapec.it'])}"
        indirizzo = f"{fk.street_name()} {rng.randrange(1, 180)}{rng.choice(['', '', '', '/A', '/B', ' bis'])}"
        professione = rng.choice(PROFESSIONI)
        datore = None
        if professione in ("impiegato", "impiegata", "operaio", "infermiera", "ingegnere", "insegnante"):
            datore = fk.company()
        idn = 100000 + i * 7 + rng.randrange(7)
        persone[idn] = (cognome, nome, cf)
        assicurati.append((
            idn, cf, cognome, nome, "F" if female else "M", born, nascita[0], indirizzo,
            residenza[3] + f"{rng.randrange(100):02d}", residenza[0], residenza[2],
            _it_mobile(rng, rng.randrange(3)) if rng.random() < 0.92 else None,
            pec, iban_it(rng) if rng.random() < 0.85 else None, professione, datore, None,
        ))
    insert(con, "assicurazioni.assicurati", assicurati)

    # polizze
    rng = random.Random(seed * 1000 + 13)
    rami = {"IT-3300": "RC Auto", "IT-3310": "RC Auto", "IT-4100": "Casa e Famiglia",
            "IT-5200": "Vita Temporanea", "IT-6010": "Infortuni", "IT-7700": "Salute"}
    polizze = []
    owners = {}
    ids = list(persone)
    for n in range(int(rows * 1.3)):
        idn = ids[n] if n < len(ids) else rng.choice(ids)
        prodotto = rng.choice(list(rami))
        start = rand_date(rng, dt.date(2015, 1, 1), dt.date(2024, 6, 30))
        numero = f"P{start.year}/{n + 1:06d}"
        owners[numero] = idn
        premio = {"RC Auto": 380, "Casa e Famiglia": 210, "Vita Temporanea": 540,
                  "Infortuni": 160, "Salute": 890}[rami[prodotto]]
        polizze.append((
            numero, idn, rng.choice(agenzie)[0] if rng.random() < 0.9 else None, prodotto,
            rami[prodotto], start, start + dt.timedelta(days=365 * rng.choice([1, 1, 1, 3, 5])),
            money(premio * rng.uniform(0.6, 2.4)), None,
        ))
    insert(con, "assicurazioni.polizze", polizze)

    # sinistri: claims, with free-text descriptions
    fk = faker_for("it_IT", seed + 14)
    rng = random.Random(seed * 1000 + 14)
    periti = [f"{fk.first_name()} {fk.last_name()}" for _ in range(9)]
    sinistri = []
    counters: dict[tuple[str, int], int] = {}
    for i in range(rows // 2):
        numero = rng.choice(polizze)[0]
        cognome, nome, cf = persone[owners[numero]]
        when = rand_date(rng, dt.date(2016, 1, 1), dt.date(2024, 11, 30))
        luogo = rng.choice(COMUNI)
        key = (cf[:6], when.year)
        counters[key] = counters.get(key, 0) + 1
        via = fk.street_name()
        email = ascii_fold(f"{nome[0]}{cognome}").lower().replace(" ", "").replace("'", "") + "@" + rng.choice(
            ["libero.it", "gmail.com", "virgilio.it", "tiscali.it", "hotmail.it"])
        testo = rng.choice([
            f"Tamponamento al semaforo di {via}. Controparte assicurata con altra compagnia.",
            f"Danni da acqua nel bagno per rottura di un tubo. L'assicurato chiede un sopralluogo, tel. {_it_mobile(rng, 1)}.",
            f"Furto del veicolo parcheggiato in {via}. Denuncia presentata ai Carabinieri di {luogo[0]}.",
            f"Grandinata del {when.strftime('%d/%m/%Y')}: ammaccature su cofano e tetto.",
            f"Caduta dalle scale condominiali, prognosi di {rng.randrange(5, 40)} giorni. Inviare la documentazione a {email}",
            "Vetro anteriore incrinato da un sasso in autostrada.",
            f"Incendio della canna fumaria. Referente: {fk.first_name()} {fk.last_name()}, cell. {_it_mobile(rng, 2)}",
            f"Cliente irreperibile, richiamare. Email alternativa {email}",
            "Sinistro in fase di istruttoria, in attesa della perizia.",
            "Urto contro un palo durante la retromarcia nel parcheggio del supermercato.",
        ])
        liquidato = money(rng.uniform(150, 18000)) if rng.random() < 0.7 else None
        sinistri.append((
            5000 + i, f"{cf[:6]}-{when.year % 100:02d}-{counters[key]:04d}", numero, when, luogo[0],
            round(luogo[4] + rng.uniform(-0.08, 0.08), 6), round(luogo[5] + rng.uniform(-0.08, 0.08), 6),
            testo, liquidato, rng.choice(periti),
        ))
    insert(con, "assicurazioni.sinistri", sinistri)


# --------------------------------------------------------------------------------------
# telecom - Dutch mobile operator, Dutch and English names mixed
# --------------------------------------------------------------------------------------

_NL_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


def _nl_postcode(rng: random.Random, span: tuple[int, int]) -> str:
    while True:
        letters = rng.choice(_NL_LETTERS) + rng.choice(_NL_LETTERS)
        if letters not in ("SA", "SD", "SS"):
            return f"{rng.randrange(span[0], span[1] + 1)} {letters}"


def _split_surname(full: str) -> tuple[str, str]:
    for tv in TUSSENVOEGSELS:
        if full.startswith(tv + " "):
            return tv, full[len(tv) + 1:]
    return "", full


def build_telecom(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    con.execute("CREATE SCHEMA telecom")
    con.execute("""
        CREATE TABLE telecom.tarieven (
            plan_code VARCHAR PRIMARY KEY,
            naam VARCHAR,
            maandprijs DECIMAL(6, 2),
            data_gb INTEGER,
            valuta CHAR(3),
            geldig_vanaf DATE
        )""")
    con.execute("""
        CREATE TABLE telecom.abonnees (
            klantnummer BIGINT PRIMARY KEY,
            voornaam VARCHAR,
            tussenvoegsel VARCHAR,
            achternaam VARCHAR,
            geboortedatum DATE,
            geslacht CHAR(1),
            nationaliteit CHAR(2),
            straatnaam VARCHAR,
            huisnummer INTEGER,
            huisnummer_toevoeging VARCHAR,
            postcode VARCHAR(7),
            woonplaats VARCHAR,
            msisdn BIGINT,
            imsi VARCHAR(15),
            iccid VARCHAR(20),
            email VARCHAR,
            gebruikersnaam VARCHAR,
            iban VARCHAR(18),
            plan_code VARCHAR REFERENCES telecom.tarieven (plan_code),
            ingeschreven_op TIMESTAMP,
            openstaand_saldo DECIMAL(8, 2),
            voorkeuren VARCHAR
        )""")
    con.execute("""
        CREATE TABLE telecom.cdr (
            call_id BIGINT,
            caller_msisdn BIGINT,
            callee_msisdn BIGINT,
            started TIMESTAMP,
            duration_s INTEGER,
            call_type VARCHAR,
            cell_id BIGINT,
            bytes_up BIGINT
        )""")
    con.execute("""
        CREATE TABLE telecom.devices (
            imei VARCHAR(15),
            mac VARCHAR(17),
            klantnummer BIGINT,
            merk VARCHAR,
            model_name VARCHAR,
            firmware VARCHAR,
            kleur VARCHAR,
            aangeschaft_op DATE,
            laatste_ip VARCHAR
        )""")
    con.execute("""
        CREATE TABLE telecom.cell_sites (
            cell_id BIGINT,
            plaats VARCHAR,
            lat DOUBLE,
            lon DOUBLE,
            technology VARCHAR,
            sector_count INTEGER,
            in_service_since DATE
        )""")

    # tarieven: price plans
    rng = random.Random(seed * 1000 + 21)
    tarieven = [
        ("NL-BASIS-5", "Basis", money(9.50), 5), ("NL-FLEX-20", "Flex", money(17.00), 20),
        ("NL-MAX-50", "Max", money(25.00), 50), ("NL-UNL-00", "Unlimited", money(35.00), 999),
        ("NL-JONG-10", "Jong", money(12.50), 10), ("NL-ZAK-40", "Zakelijk", money(29.95), 40),
        ("NL-SIM-1", "Sim Only Start", money(6.00), 1), ("NL-FAM-30", "Familie", money(22.00), 30),
    ]
    tarieven_rows = [(c, n, p, g, "EUR", rand_date(rng, dt.date(2019, 1, 1), dt.date(2023, 12, 31)))
                     for c, n, p, g in tarieven]
    insert(con, "telecom.tarieven", tarieven_rows)

    # cell_sites: network infrastructure, no people in the table
    rng = random.Random(seed * 1000 + 22)
    cells = []
    used: set[int] = set()
    for _ in range(max(20, rows // 5)):
        plaats = rng.choice(PLAATSEN)
        while True:
            eci = rng.randrange(10_000_000, 268_435_455)
            if eci not in used:
                used.add(eci)
                break
        cells.append((
            eci, plaats[0], round(plaats[2] + rng.uniform(-0.04, 0.04), 6),
            round(plaats[3] + rng.uniform(-0.06, 0.06), 6),
            rng.choice(["LTE", "LTE", "5G NR", "UMTS", "GSM"]), rng.choice([1, 2, 3, 3, 3, 6]),
            rand_date(rng, dt.date(2004, 1, 1), dt.date(2023, 12, 31)),
        ))
    insert(con, "telecom.cell_sites", cells)

    # abonnees: subscribers
    fk = faker_for("nl_NL", seed + 23)
    rng = random.Random(seed * 1000 + 23)
    abonnees = []
    msisdns = []
    for i in range(rows):
        female = rng.random() < 0.5
        voornaam = fk.first_name_female() if female else fk.first_name_male()
        tv, achternaam = _split_surname(fk.last_name())
        plaats = rng.choice(PLAATSEN)
        mnc = rng.choice(["08", "04", "16"])
        msisdn = 31600000000 + rng.randrange(10**8)
        msisdns.append(msisdn)
        imsi = f"204{mnc}{rng.randrange(10**10):010d}"
        iccid_body = f"8931{mnc}{rng.randrange(10**12):012d}"
        local = ascii_fold(f"{voornaam}.{tv}{achternaam}").lower().replace(" ", "").replace("'", "")
        if rng.random() < 0.3:
            local = ascii_fold(f"{voornaam[0]}{achternaam}").lower().replace(" ", "").replace("'", "") + str(rng.randrange(1, 99))
        email = f"{local}@{rng.choice(['ziggo.nl', 'kpnmail.nl', 'gmail.com', 'hotmail.nl', 'outlook.com', 'xs4all.nl', 'planet.nl'])}"
        prefs = {"taal": rng.choice(["nl", "nl", "nl", "en"]), "nieuwsbrief": rng.random() < 0.4,
                 "factuur": rng.choice(["email", "email", "papier"]), "belverbod": rng.random() < 0.2}
        handle = rng.choice([
            ascii_fold(f"{voornaam}{achternaam[:1]}").lower(),
            ascii_fold(f"{voornaam[0]}{tv.replace(' ', '')}{achternaam}").lower().replace("'", ""),
            ascii_fold(voornaam).lower() + str(rng.randrange(1960, 2010)),
            ascii_fold(f"{voornaam}_{achternaam}").lower().replace(" ", ""),
        ]).replace(" ", "")
        toevoeging = rng.choice(["A", "B", "bis", "1", "2", "hs", "III"]) if rng.random() < 0.12 else ""
        saldo = money(rng.uniform(0, 240)) if rng.random() < 0.25 else money(0)
        abonnees.append((
            70_000_000 + i * 13 + rng.randrange(13), voornaam, tv, achternaam,
            rand_date(rng, dt.date(1940, 1, 1), dt.date(2008, 12, 31)),
            "V" if female else rng.choice(["M", "M", "M", "M", "M", "M", "X"]),
            rng.choice(["NL"] * 14 + ["BE", "DE", "TR", "MA", "PL", "SR"]),
            fk.street_name(), rng.randrange(1, 260), toevoeging, _nl_postcode(rng, plaats[1]), plaats[0],
            msisdn, imsi, iccid_body + luhn_digit(iccid_body), email,
            handle if rng.random() < 0.7 else None, iban_nl(rng) if rng.random() < 0.8 else None,
            rng.choice(tarieven)[0], rand_ts(rng, dt.date(2012, 1, 1), dt.date(2024, 10, 31)), saldo,
            json.dumps(prefs),
        ))
    insert(con, "telecom.abonnees", abonnees)

    # cdr: call detail records (no key declared)
    rng = random.Random(seed * 1000 + 24)
    cdr = []
    for i in range(rows * 4):
        call_type = rng.choice(["VOICE", "VOICE", "VOICE", "SMS", "SMS", "DATA"])
        if rng.random() < 0.6:
            callee = rng.choice(msisdns)
        elif rng.random() < 0.5:
            callee = 31600000000 + rng.randrange(10**8)
        else:
            callee = rng.choice([32470000000, 491510000000, 447700000000, 33600000000]) + rng.randrange(10**7)
        if call_type == "DATA":
            callee = None
        cdr.append((
            9_000_000_000 + i * 17 + rng.randrange(17), rng.choice(msisdns), callee,
            rand_ts(rng, dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
            rng.randrange(1, 3600) if call_type == "VOICE" else 0, call_type, rng.choice(cells)[0],
            rng.randrange(200, 80_000_000) if call_type == "DATA" else rng.randrange(0, 2000),
        ))
    insert(con, "telecom.cdr", cdr)

    # devices (no key declared)
    fk = faker_for("nl_NL", seed + 25)
    rng = random.Random(seed * 1000 + 25)
    brands = {
        "Samsung": ("35693803", "f4:7b:09", ["Galaxy A54", "Galaxy S23", "Galaxy A14"]),
        "Apple": ("35332510", "a4:5e:60", ["iPhone 13", "iPhone 14", "iPhone SE"]),
        "Nokia": ("35290611", "c0:38:96", ["Nokia G21", "Nokia 105"]),
        "Fairphone": ("35875411", "9c:b2:b2", ["Fairphone 4", "Fairphone 5"]),
        "Doro": ("35430912", "00:1e:42", ["Doro 8100"]),
        "Teltonika": ("86484306", "00:1e:42", ["Luna", "Aria", "Nova", "Mia", "Leo", "Iris", "Stella", "Max"]),
    }
    devices = []
    klanten = [a[0] for a in abonnees]
    for i in range(rows):
        merk = rng.choice(list(brands))
        tac, oui, models = brands[merk]
        body = tac + f"{rng.randrange(10**6):06d}"
        mac = oui + ":" + ":".join(f"{rng.randrange(256):02x}" for _ in range(3))
        if rng.random() < 0.3:
            mac = mac.upper().replace(":", "-")
        model = rng.choice(models)
        if merk == "Teltonika":  # IoT routers and trackers sold under first-name model names
            firmware = f"RUT_R_00.07.{rng.randrange(1, 9):02d}.{rng.randrange(0, 5)}"
        else:
            firmware = f"{rng.randrange(10, 18)}.{rng.randrange(0, 8)}.{rng.randrange(0, 4)}"
        devices.append((
            body + luhn_digit(body), mac, klanten[i] if i < len(klanten) and rng.random() < 0.95 else rng.choice(klanten),
            merk, model, firmware,
            rng.choice(["Zwart", "Wit", "Zilver", "Blauw", "Groen", "Rood", "Paars", "Goud", "Grijs"]),
            rand_date(rng, dt.date(2018, 1, 1), dt.date(2024, 9, 30)),
            fk.ipv4_public() if rng.random() < 0.85 else None,
        ))
    insert(con, "telecom.devices", devices)


# --------------------------------------------------------------------------------------
# school - Brazilian school network
# --------------------------------------------------------------------------------------

DISCIPLINAS = ["Matemática", "Língua Portuguesa", "História", "Geografia", "Ciências",
               "Inglês", "Educação Física", "Artes", "Física", "Química", "Biologia"]


def _br_phone(rng: random.Random, uf: str) -> str:
    ddd = DDD[uf]
    if rng.random() < 0.8:
        return f"({ddd}) 9{rng.randrange(6000, 10000)}-{rng.randrange(10000):04d}"
    return f"({ddd}) {rng.randrange(2000, 6000)}-{rng.randrange(10000):04d}"


def _cep(rng: random.Random, span: tuple[int, int]) -> str:
    return f"{rng.randrange(span[0], span[1] + 1):05d}-{rng.randrange(1000):03d}"


def build_school(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    con.execute("CREATE SCHEMA school")
    con.execute("""
        CREATE TABLE school.escolas (
            codigo_inep VARCHAR(8),
            nome_escola VARCHAR,
            cidade VARCHAR,
            uf CHAR(2),
            telefone VARCHAR,
            num_alunos INTEGER
        )""")
    con.execute("""
        CREATE TABLE school.alunos (
            id_aluno INTEGER PRIMARY KEY,
            matricula VARCHAR(11) NOT NULL,
            codigo_inep_escola VARCHAR(8),
            cpf VARCHAR(14),
            nome_completo VARCHAR NOT NULL,
            nome_social VARCHAR,
            data_nascimento DATE,
            sexo CHAR(1),
            cor_raca VARCHAR,
            nome_mae VARCHAR,
            nome_pai VARCHAR,
            telefone VARCHAR,
            email_responsavel VARCHAR,
            endereco VARCHAR,
            cep CHAR(9),
            cidade VARCHAR,
            uf CHAR(2)
        )""")
    con.execute("""
        CREATE TABLE school.notas (
            id_aluno INTEGER NOT NULL REFERENCES school.alunos (id_aluno),
            disciplina VARCHAR NOT NULL,
            ano_letivo SMALLINT NOT NULL,
            bimestre SMALLINT NOT NULL,
            nota DECIMAL(4, 2),
            faltas SMALLINT,
            observacao VARCHAR,
            PRIMARY KEY (id_aluno, disciplina, ano_letivo, bimestre)
        )""")
    con.execute("""
        CREATE TABLE school.professores (
            id_professor INTEGER,
            nome VARCHAR,
            cpf CHAR(11),
            data_nascimento VARCHAR(10),
            email_institucional VARCHAR,
            login VARCHAR,
            disciplina VARCHAR,
            titulacao VARCHAR,
            salario DECIMAL(9, 2),
            data_admissao DATE
        )""")

    # escolas: schools, no people in the table (the names honour famous people)
    rng = random.Random(seed * 1000 + 31)
    patronos = ["Machado de Assis", "Cecília Meireles", "Monteiro Lobato", "Anísio Teixeira",
                "Paulo Freire", "Rui Barbosa", "Tiradentes", "Castro Alves", "Carlos Drummond de Andrade",
                "Clarice Lispector", "Dom Pedro II", "Princesa Isabel", "Santos Dumont", "Oswaldo Cruz",
                "Zumbi dos Palmares", "Chico Mendes", "Darcy Ribeiro", "Cora Coralina"]
    escolas = []
    for i, patrono in enumerate(patronos):
        cidade = rng.choice(CIDADES)
        rede = rng.choice(["Escola Estadual", "Escola Municipal", "E.M.E.F.", "Colégio"])
        escolas.append((
            f"{rng.randrange(11, 53)}{rng.randrange(10**6):06d}", f"{rede} {patrono}", cidade[0], cidade[1],
            _br_phone(rng, cidade[1]) if rng.random() < 0.3 else f"({DDD[cidade[1]]}) 3{rng.randrange(100, 999)}-{rng.randrange(10000):04d}",
            rng.randrange(180, 1800),
        ))
    insert(con, "school.escolas", escolas)

    # alunos: pupils
    fk = faker_for("pt_BR", seed + 32)
    rng = random.Random(seed * 1000 + 32)
    alunos = []
    for i in range(rows):
        female = rng.random() < 0.5
        mae_sobrenome = fk.last_name()
        pai_sobrenome = fk.last_name()
        mae = f"{fk.first_name_female()} {fk.last_name()} {mae_sobrenome}"
        pai = f"{fk.first_name_male()} {fk.last_name()} {pai_sobrenome}"
        primeiro = fk.first_name_female() if female else fk.first_name_male()
        nome = f"{primeiro} {mae_sobrenome} {pai_sobrenome}"
        social = ""
        if rng.random() < 0.03:
            social = f"{fk.first_name_male() if female else fk.first_name_female()} {pai_sobrenome}"
        born = rand_date(rng, dt.date(2006, 1, 1), dt.date(2017, 12, 31))
        cidade = rng.choice(CIDADES)
        resp = mae if rng.random() < 0.75 else pai
        parts = ascii_fold(resp).lower().split()
        email = f"{parts[0]}.{parts[-1]}{rng.choice(['', '', str(rng.randrange(1, 99))])}@{rng.choice(['gmail.com', 'hotmail.com', 'yahoo.com.br', 'uol.com.br', 'bol.com.br', 'outlook.com'])}"
        ano = rng.choice([2019, 2020, 2021, 2022, 2023])
        alunos.append((
            20000 + i, f"{ano}-{i + 1:06d}", rng.choice(escolas)[0],
            cpf(rng, True) if rng.random() < 0.9 else None, nome, social, born,
            "F" if female else "M", rng.choice(["parda", "parda", "branca", "branca", "preta", "amarela", "indígena", "não declarada"]),
            mae, pai if rng.random() < 0.8 else None, _br_phone(rng, cidade[1]),
            email if rng.random() < 0.9 else None, fk.street_address(), _cep(rng, cidade[2]), cidade[0], cidade[1],
        ))
    insert(con, "school.alunos", alunos)

    # notas: grades, composite key
    rng = random.Random(seed * 1000 + 33)
    notas = []
    comentarios = [
        "Participa bem das aulas.",
        "Precisa melhorar a pontualidade na entrega dos trabalhos.",
        "Conversar com a responsável, {mae}, sobre as faltas.",
        "Aluno transferido de outra escola no meio do bimestre.",
        "Recuperação paralela recomendada.",
        "Mãe ligou pelo {tel} justificando a ausência.",
        "Excelente desempenho na feira de ciências.",
        "Entregou a prova em branco; avisar a coordenação.",
        "Dificuldade de leitura, encaminhado ao reforço com a prof. {prof}.",
    ]
    fk = faker_for("pt_BR", seed + 33)
    for a in alunos:
        for disciplina in rng.sample(DISCIPLINAS, 2):
            ano = rng.choice([2022, 2023])
            for bimestre in rng.sample([1, 2, 3, 4], rng.randrange(1, 3)):
                obs = None
                if rng.random() < 0.3:
                    obs = rng.choice(comentarios).format(mae=a[9], tel=a[11], prof=fk.first_name_female())
                notas.append((a[0], disciplina, ano, bimestre, money(round(rng.uniform(2, 10) * 2) / 2),
                              rng.choice([0, 0, 0, 1, 2, 3, 5, 8]), obs))
    insert(con, "school.notas", notas)

    # professores: teachers (no key declared)
    fk = faker_for("pt_BR", seed + 34)
    rng = random.Random(seed * 1000 + 34)
    professores = []
    for i in range(max(12, rows // 5)):
        female = rng.random() < 0.65
        primeiro = fk.first_name_female() if female else fk.first_name_male()
        sobrenome = fk.last_name()
        nome = f"{primeiro} {fk.last_name()} {sobrenome}"
        base = ascii_fold(f"{primeiro}.{sobrenome}").lower().replace(" ", "")
        born = rand_date(rng, dt.date(1958, 1, 1), dt.date(1998, 12, 31))
        professores.append((
            300 + i, nome, cpf(rng, False), born.strftime("%d/%m/%Y"),
            f"{base}@prof.educacao.sp.gov.br",
            ascii_fold(primeiro[0] + sobrenome).lower().replace(" ", "") + (str(rng.randrange(2, 9)) if rng.random() < 0.3 else ""),
            rng.choice(DISCIPLINAS), rng.choice(["Licenciatura", "Licenciatura", "Especialização", "Mestrado", "Doutorado"]),
            money(rng.uniform(3200, 11500)), rand_date(rng, dt.date(1995, 2, 1), dt.date(2024, 2, 1)),
        ))
    insert(con, "school.professores", professores)


# --------------------------------------------------------------------------------------
# legacy - mainframe unload
# --------------------------------------------------------------------------------------

MERCHANTS = ["KROGER", "WALMART", "SHELL OIL", "TARGET", "CVS PHARMACY", "HOME DEPOT",
             "MEIJER", "SPEEDWAY", "WALGREENS", "ALDI", "COSTCO WHSE", "BP"]


def build_legacy(con: duckdb.DuckDBPyConnection, rows: int, seed: int) -> None:
    con.execute("CREATE SCHEMA legacy")
    con.execute("""
        CREATE TABLE legacy."BRNCH_MSTR" (
            "BRNCH_CD" CHAR(4),
            "BRNCH_NM" VARCHAR(30),
            "CTY" VARCHAR(20),
            "ST_CD" CHAR(2),
            "PHN_NO" CHAR(10),
            "EMP_CNT" SMALLINT,
            "OPN_DT" INTEGER,
            "CNTRY_CD" CHAR(2)
        )""")
    con.execute("""
        CREATE TABLE legacy."CUSTMAST" (
            "CUST_NO" CHAR(10),
            "MTCH_KEY" CHAR(12),
            "CUST_NM" VARCHAR(40),
            "MTHR_MDN_NM" VARCHAR(20),
            "ADDR_LN1" VARCHAR(30),
            "ADDR_LN2" VARCHAR(30),
            "CTY" VARCHAR(20),
            "ST_CD" CHAR(2),
            "ZIP5" CHAR(5),
            "ZIP4" CHAR(4),
            "HOME_PH" CHAR(10),
            "WORK_PH" CHAR(10),
            "SSN_NO" CHAR(9),
            "DOB_YYYYMMDD" INTEGER,
            "GNDR_CD" CHAR(1),
            "MRTL_STS_CD" CHAR(1),
            "EMPLR_NM" VARCHAR(30),
            "CR_LMT" DECIMAL(9, 2),
            "ACCT_OPN_DT" DATE,
            "BRNCH_CD" CHAR(4),
            "LST_UPD_TS" TIMESTAMP
        )""")
    con.execute("""
        CREATE TABLE legacy."ACCTHIST" (
            "ACCT_NO" CHAR(12),
            "CUST_NO" CHAR(10),
            "TXN_DT" INTEGER,
            "TXN_SEQ" SMALLINT,
            "TXN_CD" CHAR(3),
            "TXN_AMT" DECIMAL(11, 2),
            "RUN_BAL" DECIMAL(11, 2),
            "CARD_NO" CHAR(16),
            "TXN_DESC" VARCHAR(60)
        )""")
    con.execute("""
        CREATE TABLE legacy."CUST_DOCS" (
            "DOC_ID" INTEGER,
            "CUST_NO" CHAR(10),
            "DOC_TYPE" VARCHAR(12),
            "RCVD_DT" DATE,
            "DOC_BODY" VARCHAR,
            "PAGE_CNT" SMALLINT
        )""")

    # BRNCH_MSTR: bank branches, no people in the table
    rng = random.Random(seed * 1000 + 41)
    branches = []
    for i, city in enumerate(rng.sample(US_CITIES, 12)):
        branches.append((
            f"{(i + 1) * 7:04d}", f"{city[0]} {rng.choice(['MAIN', 'DOWNTOWN', 'NORTH', 'EAST', 'MALL'])}",
            city[0], city[1], nanp(rng, city[3]), rng.randrange(4, 60),
            int(rand_date(rng, dt.date(1952, 1, 1), dt.date(2001, 12, 31)).strftime("%Y%m%d")), "US",
        ))
    insert(con, "legacy.\"BRNCH_MSTR\"", branches)

    # CUSTMAST: customer master
    fk = faker_for("en_US", seed + 42)
    rng = random.Random(seed * 1000 + 42)
    custs = []
    for i in range(rows):
        female = rng.random() < 0.5
        first = (fk.first_name_female() if female else fk.first_name_male()).upper()
        last = fk.last_name().upper()
        middle = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.7 else ""
        city = rng.choice(US_CITIES)
        born = rand_date(rng, dt.date(1931, 1, 1), dt.date(2001, 12, 31))
        opened = rand_date(rng, max(born + dt.timedelta(days=18 * 366), dt.date(1978, 1, 1)), dt.date(2023, 12, 31))
        addr2 = ""
        if rng.random() < 0.22:
            addr2 = rng.choice([f"APT {rng.randrange(1, 400)}", f"UNIT {rng.randrange(1, 40)}{rng.choice('ABCD')}",
                                f"STE {rng.randrange(100, 900)}", f"PO BOX {rng.randrange(10, 9999)}"])
        street = f"{rng.randrange(10, 9999)} {fk.street_name().upper()}"[:30]
        custs.append((
            f"{4_000_000 + i * 31 + rng.randrange(31):010d}",
            (_letters(last) + "XXXX")[:4] + born.strftime("%y%m%d") + first[0] + (middle or "X"),
            f"{last}, {first}{' ' + middle if middle else ''}"[:40],
            fk.last_name().upper() if rng.random() < 0.85 else "",
            street, addr2, city[0], city[1], f"{city[2]}{rng.randrange(1, 100):02d}",
            f"{rng.randrange(1, 10000):04d}" if rng.random() < 0.6 else "",
            nanp(rng, city[3]) if rng.random() < 0.93 else "",
            nanp(rng, rng.choice(US_CITIES)[3]) if rng.random() < 0.3 else "",
            ssn(rng) if rng.random() < 0.97 else "000000000",
            int(born.strftime("%Y%m%d")), "F" if female else rng.choice(["M"] * 12 + ["U"]),
            rng.choice(["S", "M", "M", "D", "W", " "]),
            fk.company().upper()[:30] if rng.random() < 0.7 else "",
            money(rng.choice([500, 1000, 1500, 2500, 3000, 5000, 7500, 10000, 15000, 25000])),
            opened, rng.choice(branches)[0],
            rand_ts(rng, dt.date(2021, 1, 1), dt.date(2024, 12, 31)),
        ))
    insert(con, "legacy.\"CUSTMAST\"", custs)

    # ACCTHIST: account history (no key declared; ACCT_NO, TXN_DT, TXN_SEQ is unique)
    rng = random.Random(seed * 1000 + 43)
    fk = faker_for("en_US", seed + 43)
    hist = []
    for n in range(rows):
        cust = custs[n]
        for a in range(1 if rng.random() < 0.7 else 2):
            acct = f"{rng.randrange(10**11, 10**12)}"
            card = "4" + "".join(str(rng.randrange(10)) for _ in range(14)) if rng.random() < 0.7 else \
                f"5{rng.randrange(1, 6)}" + "".join(str(rng.randrange(10)) for _ in range(13))
            card += luhn_digit(card)
            bal = rng.uniform(50, 6000)
            day = rand_date(rng, dt.date(2023, 1, 1), dt.date(2023, 12, 1))
            seq = 0
            for _ in range(rng.randrange(1, 5)):
                gap = rng.randrange(0, 9)
                if gap:
                    day += dt.timedelta(days=gap)
                    seq = 0
                seq += 1
                code = rng.choice(["POS", "POS", "POS", "ACH", "ATM", "CHK", "XFR", "FEE", "INT"])
                city = rng.choice(US_CITIES)
                if code == "POS":
                    amt = -rng.uniform(3, 250)
                    desc = f"POS PURCHASE {rng.choice(MERCHANTS)} #{rng.randrange(100, 9999):04d} {city[0]} {city[1]}"
                elif code == "ACH":
                    amt = rng.uniform(400, 3800)
                    desc = f"ACH DEPOSIT PAYROLL {cust[16] or 'SSA TREAS 310'}"
                elif code == "ATM":
                    amt = -float(rng.choice([20, 40, 60, 100, 200]))
                    desc = f"ATM WITHDRAWAL {city[0]} {city[1]}"
                elif code == "CHK":
                    amt = -rng.uniform(20, 1200)
                    desc = f"CHECK {rng.randrange(1001, 1999)}"
                elif code == "XFR":
                    amt = -rng.uniform(10, 900)
                    desc = rng.choice([
                        f"TRANSFER TO {fk.first_name().upper()} {fk.last_name().upper()} REF {rng.randrange(10**6)}",
                        f"CUST REQ STOP PMT - CALLED FROM {nanp(rng, city[3])}",
                        f"XFR TO SAV PER CUST VIA PHONE, CONF {rng.randrange(10**5)}",
                    ])
                elif code == "FEE":
                    amt = -rng.choice([5.0, 12.0, 35.0])
                    desc = rng.choice(["SVC CHG MONTHLY", "NSF FEE", "OVERDRAFT FEE - WAIVED PER MGR"])
                else:
                    amt = rng.uniform(0.01, 4)
                    desc = "INTEREST CREDIT"
                bal += amt
                hist.append((
                    acct, cust[0], int(day.strftime("%Y%m%d")), seq, code, money(amt), money(bal),
                    card if code in ("POS", "ATM") else "", desc[:60],
                ))
    insert(con, "legacy.\"ACCTHIST\"", hist)

    # CUST_DOCS: scanned customer correspondence kept as JSON text
    rng = random.Random(seed * 1000 + 44)
    fk = faker_for("en_US", seed + 44)
    docs = []
    for i in range(rows // 2):
        cust = rng.choice(custs)
        kind = rng.choice(["ADDR_CHG", "CONTACT", "MKTG_PREF", "STMT_REQ", "COMPLAINT"])
        last, _, first = cust[2].partition(", ")
        if kind == "ADDR_CHG":
            body = {"doc": "address_change", "requested_by": f"{first.title()} {last.title()}",
                    "new_address": {"line1": f"{rng.randrange(10, 9999)} {fk.street_name()}",
                                    "city": cust[6].title(), "zip": cust[8]}, "signed": True}
        elif kind == "CONTACT":
            body = {"doc": "contact_update",
                    "email": ascii_fold(f"{first.split()[0]}.{last}").lower() + "@" + rng.choice(["aol.com", "yahoo.com", "gmail.com", "comcast.net"]),
                    "phone": cust[10], "preferred": rng.choice(["phone", "email"])}
        elif kind == "MKTG_PREF":
            body = {"doc": "marketing_pref", "channel": rng.choice(["mail", "email", "phone"]),
                    "opt_in": rng.random() < 0.3}
        elif kind == "STMT_REQ":
            body = {"doc": "statement_request", "months": sorted(rng.sample(range(1, 13), 3)),
                    "format": rng.choice(["paper", "pdf"])}
        else:
            body = {"doc": "complaint", "agent": rng.choice(["JDOE", "MSMITH", "KPATEL", "RLOPEZ"]),
                    "text": rng.choice(["Card declined at the store although balance was fine.",
                                        f"Please stop calling my work number {cust[10]}.",
                                        "Statement arrived late two months in a row."])}
        text = json.dumps(body)
        if i == 7:  # one document was cut off when the record was unloaded
            text = '{"doc": "complaint", "agent": "KPATEL", "text": "Card declined at the pump, call me back at ' + cust[10]
        docs.append((
            800000 + i, cust[0], kind, rand_date(rng, dt.date(2019, 1, 1), dt.date(2024, 12, 31)), text,
            rng.randrange(1, 6),
        ))
    insert(con, "legacy.\"CUST_DOCS\"", docs)


# --------------------------------------------------------------------------------------
# entry points
# --------------------------------------------------------------------------------------

def build_holdout_b(path: Path, rows: int = 300, seed: int = 23) -> None:
    """Write hold-out database B to ``path``, replacing any file already there."""
    path = Path(path)
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    try:
        build_assicurazioni(con, rows, seed)
        build_telecom(con, rows, seed)
        build_school(con, rows, seed)
        build_legacy(con, rows, seed)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def read_labels(labels: Path = LABELS) -> list[dict[str, str]]:
    with open(labels, newline="", encoding="utf-8") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#") and line.strip()]
    return list(csv.DictReader(lines))


def label_mismatches(path: Path, labels: Path = LABELS) -> list[str]:
    """Differences between the database's columns and the labels file (empty when one to one)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        cols = con.execute(
            "SELECT table_schema, table_name, column_name FROM information_schema.columns "
            "WHERE table_catalog = current_database() ORDER BY ALL").fetchall()
    finally:
        con.close()
    have = {tuple(c) for c in cols}
    problems = []
    seen: set[tuple[str, str, str]] = set()
    for row in read_labels(labels):
        key = (row["schema"], row["table"], row["column"])
        if key in seen:
            problems.append(f"labelled twice: {'.'.join(key)}")
        seen.add(key)
        if key not in have:
            problems.append(f"labelled but not in the database: {'.'.join(key)}")
    for key in sorted(have - seen):
        problems.append(f"column without a label: {'.'.join(key)}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: build_holdout_b.py PATH", file=sys.stderr)
        return 2
    path = Path(argv[0])
    build_holdout_b(path)
    if LABELS.exists():
        problems = label_mismatches(path)
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            return 1
        print(f"{path}: labels match columns one to one ({len(read_labels())} columns)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
