"""Build the hold-out database for evaluating the PII scanner.

The database imitates four production systems written by different teams in different
languages:

    rh       French HR system (employees, departments, absences)
    crm      German CRM (customers, orders, notes, products)
    clinica  Spanish clinic (patients, appointments, doctors)
    app      English web application (users, roles, payments, billing, events, sessions)

The true class of every column is in holdout_labels.csv next to this file. Values that carry a
check digit (French NIR, French IBAN, German tax id, Spanish DNI, card numbers, IMEI) are valid.
Some columns are deliberately awkward: numbers stored as BIGINT, phone numbers exported in
scientific notation, an all-NULL column, a mostly-empty column, a composite key, a key built
from an email address, and public columns whose values look personal.

About half of the tables declare PRIMARY KEY / FOREIGN KEY constraints; the others do not, so
their keys have to be inferred from the data.

The output depends only on `rows` and `seed`: every table has its own Faker instance seeded with
`seed + n` and its own random.Random, and nothing is derived from the current date.

Usage:
    python tests/scan_fixtures/build_holdout.py /tmp/holdout.duckdb [--rows 400] [--seed 11]
"""

from __future__ import annotations

import argparse
import json
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
from faker import Faker

# --------------------------------------------------------------------------------------------
# Check-digit helpers
# --------------------------------------------------------------------------------------------


def luhn_check_digit(body: str) -> int:
    """The digit that makes `body + digit` pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def luhn_valid(number: str) -> bool:
    return number.isdigit() and luhn_check_digit(number[:-1]) == int(number[-1])


def _iban_numeric(text: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in text))


def iban_valid(iban: str) -> bool:
    compact = iban.replace(" ", "").upper()
    return _iban_numeric(compact[4:] + compact[:4]) % 97 == 1


def french_iban(rng: random.Random) -> str:
    """A French IBAN: 5-digit bank code, 5-digit branch, 11-digit account, RIB key."""
    bank = rng.choice(["30004", "30002", "30003", "10107", "20041", "30066", "10278", "11306", "18206"])
    branch = f"{rng.randint(0, 99999):05d}"
    account = f"{rng.randint(0, 10**11 - 1):011d}"
    rib_key = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97)
    bban = f"{bank}{branch}{account}{rib_key:02d}"
    check = 98 - _iban_numeric(bban + "FR00") % 97
    return f"FR{check:02d}{bban}"


def french_nir(rng: random.Random, sex: int, birth: date) -> tuple[str, int]:
    """A French social security number (13 digits + 2-digit key) and the department used."""
    dept = rng.choice([d for d in range(1, 96) if d != 20])
    commune = rng.randint(1, 990)
    order = rng.randint(1, 999)
    body = f"{sex}{birth.year % 100:02d}{birth.month:02d}{dept:02d}{commune:03d}{order:03d}"
    key = 97 - int(body) % 97
    return f"{body}{key:02d}", dept


def nir_valid(nir: str) -> bool:
    compact = nir.replace(" ", "")
    return len(compact) == 15 and 97 - int(compact[:13]) % 97 == int(compact[13:])


def steuer_id_check_digit(first10: str) -> int:
    """ISO 7064 MOD 11,10 check digit of the German tax identification number."""
    product = 10
    for ch in first10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def german_steuer_id(rng: random.Random) -> str:
    """First ten digits: no leading zero, exactly one digit twice, one digit missing."""
    while True:
        digits = list(range(10))
        rng.shuffle(digits)
        digits.pop()
        digits.append(rng.choice(digits))
        rng.shuffle(digits)
        if digits[0] != 0:
            break
    first10 = "".join(map(str, digits))
    return first10 + str(steuer_id_check_digit(first10))


def steuer_id_valid(value: str) -> bool:
    compact = value.replace(" ", "")
    return len(compact) == 11 and steuer_id_check_digit(compact[:10]) == int(compact[10])


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def spanish_dni(rng: random.Random) -> str:
    n = rng.randint(1_000_000, 99_999_999)
    return f"{n:08d}{DNI_LETTERS[n % 23]}"


def dni_valid(value: str) -> bool:
    compact = value.replace("-", "")
    return len(compact) == 9 and DNI_LETTERS[int(compact[:8]) % 23] == compact[8]


KNOWN_TEST_CARDS = [
    "4111111111111111",
    "4242424242424242",
    "4012888888881881",
    "5555555555554444",
    "5105105105105100",
    "378282246310005",
    "371449635398431",
    "6011111111111117",
]


def card_number(rng: random.Random) -> str:
    """A Luhn-valid card number in a real issuer range (Visa, Mastercard, Amex, Discover)."""
    roll = rng.random()
    if roll < 0.05:
        return rng.choice(KNOWN_TEST_CARDS)
    if roll < 0.50:
        prefix, length = "4", 16
    elif roll < 0.68:
        prefix, length = str(rng.randint(51, 55)), 16
    elif roll < 0.80:
        prefix, length = str(rng.randint(2221, 2720)), 16
    elif roll < 0.92:
        prefix, length = rng.choice(["34", "37"]), 15
    else:
        prefix, length = rng.choice(["6011", "65"]), 16
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    return body + str(luhn_check_digit(body))


def imei(rng: random.Random) -> str:
    tac = rng.choice(["35", "86", "01", "99"]) + "".join(str(rng.randint(0, 9)) for _ in range(6))
    body = tac + "".join(str(rng.randint(0, 9)) for _ in range(6))
    return body + str(luhn_check_digit(body))


MAC_OUIS = ["f0:18:98", "a4:5e:60", "3c:5a:b4", "dc:a6:32", "00:1a:11", "b8:27:eb", "ac:de:48", "44:65:0d"]


def mac_address(rng: random.Random) -> str:
    tail = ":".join(f"{rng.randint(0, 255):02x}" for _ in range(3))
    mac = f"{rng.choice(MAC_OUIS)}:{tail}"
    roll = rng.random()
    if roll < 0.15:
        return mac.upper().replace(":", "-")
    if roll < 0.35:
        return mac.upper()
    return mac


def us_ssn_int(rng: random.Random) -> int:
    """A US SSN as an integer; about one in five has an area below 100 (fewer than 9 digits)."""
    if rng.random() < 0.2:
        area = rng.randint(1, 99)
    else:
        area = rng.choice([a for a in range(100, 900) if a != 666])
    group = rng.randint(1, 99)
    serial = rng.randint(1, 9999)
    return area * 1_000_000 + group * 10_000 + serial


def java_scientific(n: int) -> str:
    """How a Java/Excel export writes a large integer held in a double: '4.915112345678E12'."""
    s = str(n)
    mantissa = s[1:].rstrip("0") or "0"
    return f"{s[0]}.{mantissa}E{len(s) - 1}"


# --------------------------------------------------------------------------------------------
# Small value helpers
# --------------------------------------------------------------------------------------------


def ascii_slug(text: str) -> str:
    """Lower-case ASCII form of a name, for building email addresses."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("ß", "ss")
    return "".join(ch for ch in plain.lower() if ch.isalnum() or ch in "-.")


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def random_ts(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + timedelta(seconds=rng.randint(0, int((end - start).total_seconds())))


def money(value: float) -> Decimal:
    return Decimal(f"{value:.2f}")


def unique_email(local: str, domain: str, seen: set[str]) -> str:
    candidate = f"{local}@{domain}"
    n = 1
    while candidate in seen:
        n += 1
        candidate = f"{local}{n}@{domain}"
    seen.add(candidate)
    return candidate


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


@dataclass
class Table:
    schema: str
    name: str
    ddl: str  # column definitions and constraints, inside the parentheses
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    @property
    def qualified(self) -> str:
        return f'{self.schema}."{self.name}"'


class Builder:
    def __init__(self, rows: int, seed: int) -> None:
        self.n_rows = rows
        self.seed = seed
        self.tables: list[Table] = []
        self._n = 0

    def generators(self, locale: str) -> tuple[Faker, random.Random]:
        """A fresh, seeded Faker and random.Random for the next table."""
        self._n += 1
        fake = Faker(locale)
        fake.seed_instance(self.seed + self._n)
        rng = random.Random(self.seed * 1000 + self._n)
        return fake, rng

    def add(self, table: Table) -> Table:
        self.tables.append(table)
        return table

    # ---- rh: French HR ---------------------------------------------------------------------

    def build_rh(self) -> None:
        services = [
            (1, "Direction générale", "DG"),
            (2, "Ressources humaines", "RH"),
            (3, "Comptabilité", "CPT"),
            (4, "Informatique", "DSI"),
            (5, "Logistique", "LOG"),
            (6, "Commercial", "COM"),
            (7, "Production", "PRD"),
            (8, "Juridique", "JUR"),
        ]
        postes = {
            1: ["Directeur général", "Assistante de direction", "Directrice financière"],
            2: ["Chargée de recrutement", "Responsable paie", "Gestionnaire RH"],
            3: ["Comptable", "Contrôleur de gestion", "Aide-comptable"],
            4: ["Développeur", "Administrateur systèmes", "Cheffe de projet informatique", "Technicien support"],
            5: ["Cariste", "Préparateur de commandes", "Responsable entrepôt"],
            6: ["Commercial terrain", "Chargée de clientèle", "Responsable grands comptes"],
            7: ["Opérateur de production", "Chef d'équipe", "Technicienne qualité", "Régleur"],
            8: ["Juriste", "Assistante juridique"],
        }

        # rh.services is built first so that its Faker/random seeds come first.
        fake_s, rng_s = self.generators("fr_FR")
        service_rows = [
            [sid, label, code, random_date(rng_s, date(1992, 1, 1), date(2016, 12, 31)), 0]
            for sid, label, code in services
        ]
        services_t = self.add(
            Table(
                "rh",
                "services",
                """service_id INTEGER PRIMARY KEY,
                   libelle VARCHAR NOT NULL,
                   code_service VARCHAR(4) NOT NULL,
                   date_creation DATE,
                   effectif INTEGER""",
            )
        )

        fake, rng = self.generators("fr_FR")
        salaries_t = self.add(
            Table(
                "rh",
                "salaries",
                """matricule VARCHAR(8) PRIMARY KEY,
                   nom VARCHAR NOT NULL,
                   prenom VARCHAR NOT NULL,
                   date_naissance DATE,
                   numero_securite_sociale VARCHAR(21),
                   adresse VARCHAR,
                   code_postal VARCHAR(5),
                   ville VARCHAR,
                   telephone VARCHAR,
                   fax VARCHAR,
                   courriel VARCHAR,
                   iban VARCHAR(34),
                   salaire DECIMAL(10,2),
                   sexe VARCHAR(1),
                   situation_familiale VARCHAR,
                   poste VARCHAR,
                   date_embauche DATE,
                   service_id INTEGER REFERENCES rh.services (service_id)""",
            )
        )
        seen_emails: set[str] = set()
        matricules = rng.sample(range(10000, 99999), self.n_rows)
        employees = []
        for i in range(self.n_rows):
            female = rng.random() < 0.48
            prenom = fake.first_name_female() if female else fake.first_name_male()
            nom = fake.last_name()
            birth = random_date(rng, date(1958, 1, 1), date(2003, 12, 31))
            nir, dept = french_nir(rng, 2 if female else 1, birth)
            if rng.random() < 0.2:
                nir = f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
            commune_code = rng.choice([0, 0, 0, 100, 200, 300, 400, 500, 600, 700]) + rng.choice([0, 10, 20, 30, 40, 50, 60, 70])
            code_postal = f"{dept:02d}{commune_code:03d}"
            domain = rng.choice(["gmail.com", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "hotmail.fr", "wanadoo.fr"])
            courriel = unique_email(f"{ascii_slug(prenom)}.{ascii_slug(nom)}", domain, seen_emails)
            iban = french_iban(rng)
            if rng.random() < 0.3:
                iban = " ".join(iban[k : k + 4] for k in range(0, len(iban), 4))
            service_id = rng.choices(range(1, 9), weights=[1, 2, 3, 4, 5, 6, 8, 1])[0]
            salaire = money(rng.gauss(38000, 9000) if service_id != 1 else rng.uniform(70000, 140000))
            hire_from = max(date(birth.year + 18, birth.month, min(birth.day, 28)), date(1990, 1, 1))
            embauche = random_date(rng, hire_from, date(2024, 6, 30))
            employees.append((f"M{matricules[i]}", fake.phone_number(), courriel, prenom, embauche))
            salaries_t.rows.append(
                (
                    f"M{matricules[i]}",
                    nom.upper(),
                    prenom,
                    birth,
                    nir,
                    fake.street_address(),
                    code_postal,
                    fake.city(),
                    employees[-1][1],
                    None,
                    courriel,
                    iban,
                    max(salaire, Decimal("21203.00")),
                    "F" if female else "H",
                    rng.choices(
                        ["célibataire", "marié(e)", "pacsé(e)", "divorcé(e)", "veuf(ve)"],
                        weights=[35, 35, 15, 12, 3],
                    )[0],
                    rng.choice(postes[service_id]),
                    embauche,
                    service_id,
                )
            )
            service_rows[service_id - 1][4] += 1
        services_t.rows = [tuple(r) for r in service_rows]

        fake, rng = self.generators("fr_FR")
        absences_t = self.add(
            Table(
                "rh",
                "absences",
                """id INTEGER PRIMARY KEY,
                   matricule VARCHAR(8) NOT NULL REFERENCES rh.salaries (matricule),
                   debut DATE NOT NULL,
                   fin DATE NOT NULL,
                   nb_jours INTEGER,
                   motif VARCHAR""",
            )
        )
        plain_motifs = [
            "Congés payés",
            "RTT",
            "Arrêt maladie",
            "Congé maternité",
            "Congé paternité",
            "Enfant malade",
            "Formation externe",
            "Accident du travail",
            "Récupération heures supplémentaires",
            "Congé sans solde",
            "Événement familial (mariage)",
            "Décès d'un proche",
        ]
        for i in range(self.n_rows):
            mat, tel, mail, prenom, embauche = rng.choice(employees)
            debut = random_date(rng, max(embauche, date(2021, 1, 1)), date(2024, 12, 15))
            fin = debut + timedelta(days=rng.choice([0, 0, 1, 2, 4, 4, 6, 13, 20]))
            roll = rng.random()
            if roll < 0.08:
                motif = f"Arrêt maladie, joignable au {tel}"
            elif roll < 0.14:
                motif = f"Congé parental - en cas d'urgence écrire à {mail}"
            elif roll < 0.18:
                motif = f"Formation à Lyon, contact : {fake.phone_number()}"
            elif roll < 0.21:
                motif = f"Absence signalée par {prenom}, voir mail du {debut:%d/%m}"
            elif roll < 0.25:
                motif = None
            else:
                motif = rng.choice(plain_motifs)
            absences_t.rows.append((i + 1, mat, debut, fin, (fin - debut).days + 1, motif))

    # ---- crm: German CRM -------------------------------------------------------------------

    def build_crm(self) -> None:
        fake, rng = self.generators("de_DE")
        produkte_t = self.add(
            Table(
                "crm",
                "Produkte",
                """"ProduktId" INTEGER PRIMARY KEY,
                   "SKU" VARCHAR(8) NOT NULL,
                   "Bezeichnung" VARCHAR NOT NULL,
                   "Farbe" VARCHAR,
                   "Preis" DECIMAL(8,2),
                   "Version" VARCHAR,
                   "Lagerbestand" INTEGER,
                   "Jahr" INTEGER""",
            )
        )
        product_names = [
            "Aurora", "Nova", "Orion", "Vega", "Atlas", "Polaris", "Luna", "Sirius", "Helios",
            "Merlin", "Jasper", "Florian", "Greta", "Emil", "Frieda", "Linus", "Ida", "Hugo",
        ]
        suffixes = ["", "", " Pro", " Mini", " Max", " Plus", " 2", " Lite"]
        colours = ["Rot", "Blau", "Grün", "Schwarz", "Weiß", "Silber", "Anthrazit", "Gelb", "Rosé", "Türkis"]
        prices: dict[int, Decimal] = {}
        used_skus: set[str] = set()
        for pid in range(1, 61):
            while True:
                sku = f"{rng.choice('ABCDEFGHKLMNPRSTUVWXZ')}{rng.choice('ABCDEFGHKLMNPRSTUVWXZ')}-{rng.randint(10000, 99999)}"
                if sku not in used_skus:
                    used_skus.add(sku)
                    break
            prices[pid] = money(rng.choice([9.99, 14.99, 19.99, 29.0, 49.5, 79.0, 99.0, 149.0, 249.0, 499.0, 1299.0]))
            produkte_t.rows.append(
                (
                    pid,
                    sku,
                    rng.choice(product_names) + rng.choice(suffixes),
                    rng.choice(colours),
                    prices[pid],
                    f"{rng.randint(1, 4)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}",
                    rng.randint(0, 2500),
                    rng.randint(2015, 2024),
                )
            )

        fake, rng = self.generators("de_DE")
        kunden_t = self.add(
            Table(
                "crm",
                "Kunden",
                """"KundenNr" INTEGER PRIMARY KEY,
                   "Vorname" VARCHAR,
                   "Nachname" VARCHAR,
                   "Geburtsdatum" DATE,
                   "Strasse" VARCHAR,
                   "PLZ" VARCHAR(5),
                   "Ort" VARCHAR,
                   "Land" VARCHAR(2),
                   "Telefon" VARCHAR,
                   "Mobil" VARCHAR,
                   "E_Mail" VARCHAR,
                   "Geschlecht" VARCHAR(1),
                   "Firma" VARCHAR,
                   "Steuer_ID" VARCHAR(14),
                   "ErstelltAm" TIMESTAMP,
                   "Umsatz" DECIMAL(12,2),
                   "Newsletter" BOOLEAN,
                   kunden_schluessel VARCHAR UNIQUE""",
            )
        )
        seen_emails: set[str] = set()
        kunden_nrs = sorted(rng.sample(range(100000, 999999), self.n_rows))
        customers = []
        for i in range(self.n_rows):
            sex = rng.choices(["m", "w", "d"], weights=[49, 49, 2])[0]
            vorname = fake.first_name_female() if sex == "w" else fake.first_name_male()
            nachname = fake.last_name()
            land = rng.choices(["DE", "AT", "CH"], weights=[80, 12, 8])[0]
            domain = rng.choice(["web.de", "gmx.de", "gmx.net", "t-online.de", "gmail.com", "posteo.de", "outlook.de"])
            local = rng.choice(
                [
                    f"{ascii_slug(vorname)}.{ascii_slug(nachname)}",
                    f"{ascii_slug(vorname)[0]}{ascii_slug(nachname)}",
                    f"{ascii_slug(nachname)}{rng.randint(1, 99)}",
                ]
            )
            email = unique_email(local, domain, seen_emails)
            mobile_prefix = rng.choice(["151", "152", "157", "160", "162", "170", "171", "176", "179"])
            mobil_number = int(f"49{mobile_prefix}{rng.randint(1000000, 99999999)}")
            steuer_id = german_steuer_id(rng) if land == "DE" and rng.random() < 0.85 else None
            if steuer_id and rng.random() < 0.25:
                steuer_id = f"{steuer_id[:2]} {steuer_id[2:5]} {steuer_id[5:8]} {steuer_id[8:]}"
            erstellt = random_ts(rng, datetime(2014, 1, 1), datetime(2024, 6, 30))
            firma = fake.company()
            if " " not in firma:  # a bare surname reads as a person, not a firm
                firma = f"{firma} {rng.choice(['GmbH', 'AG', 'KG', 'GmbH & Co. KG', 'e.K.'])}"
            customers.append([kunden_nrs[i], erstellt, land, Decimal("0.00")])
            kunden_t.rows.append(
                [
                    kunden_nrs[i],
                    vorname,
                    nachname,
                    random_date(rng, date(1940, 1, 1), date(2005, 12, 31)),
                    fake.street_address(),
                    fake.postcode(),
                    fake.city(),
                    land,
                    fake.phone_number(),
                    java_scientific(mobil_number) if rng.random() < 0.75 else None,
                    email,
                    sex,
                    firma if rng.random() < 0.4 else None,
                    steuer_id,
                    erstellt,
                    None,  # Umsatz, filled from the orders
                    rng.random() < 0.35,
                    f"ACME#{email}",
                ]
            )

        fake, rng = self.generators("de_DE")
        bestellungen_t = self.add(
            Table(
                "crm",
                "Bestellungen",
                """"BestellNr" INTEGER,
                   "KundenNr" INTEGER,
                   "ProduktId" INTEGER,
                   "Datum" DATE,
                   "Betrag" DECIMAL(10,2),
                   "Waehrung" VARCHAR(3),
                   "Status" VARCHAR""",
            )
        )
        statuses = ["offen", "bezahlt", "versendet", "geliefert", "storniert", "retourniert"]
        for i in range(self.n_rows * 2):
            c = rng.randrange(len(customers))
            nr, erstellt, land, _ = customers[c]
            pid = rng.randint(1, 60)
            qty = rng.choices([1, 2, 3, 5], weights=[70, 20, 7, 3])[0]
            betrag = prices[pid] * qty
            status = rng.choices(statuses, weights=[5, 10, 10, 60, 10, 5])[0]
            if status not in ("storniert", "retourniert"):
                customers[c][3] += betrag
            bestellungen_t.rows.append(
                (
                    5_000_001 + i,
                    nr,
                    pid,
                    random_date(rng, erstellt.date(), date(2024, 12, 31)),
                    betrag,
                    "CHF" if land == "CH" else "EUR",
                    status,
                )
            )
        for row, cust in zip(kunden_t.rows, customers):
            row[15] = cust[3]
        kunden_t.rows = [tuple(r) for r in kunden_t.rows]

        fake, rng = self.generators("de_DE")
        notizen_t = self.add(
            Table(
                "crm",
                "Notizen",
                """id INTEGER,
                   "KundenNr" INTEGER,
                   "Text" VARCHAR,
                   "Kategorie" VARCHAR,
                   "Erstellt" TIMESTAMP""",
            )
        )
        plain_notes = [
            "Lieferung verspätet, Kunde verärgert. Gutschrift über 10 % angeboten.",
            "Zahlung per Lastschrift eingerichtet.",
            "Kunde wünscht keine Werbung mehr.",
            "Rechnung doppelt verschickt, storniert.",
            "Interesse an Aurora Pro, Angebot folgt nächste Woche.",
            "Reklamation: Gerät defekt bei Lieferung, Austausch veranlasst.",
            "Rückfrage zur Garantie beantwortet.",
            "Kein Interesse an Verlängerung.",
            "Passwort zurückgesetzt auf Wunsch des Kunden.",
        ]
        kategorien = ["Anruf", "E-Mail", "Beschwerde", "Vertrieb", "Support"]
        for i in range(self.n_rows):
            c = rng.randrange(len(kunden_t.rows))
            k = kunden_t.rows[c]
            roll = rng.random()
            if roll < 0.10:
                text = f"Kunde bittet um Rückruf unter {k[8]}."
            elif roll < 0.18:
                text = f"Neue Rechnungsadresse: {fake.street_address()}, {fake.postcode()} {fake.city()}."
            elif roll < 0.25:
                text = f"Bitte Angebot an {k[10]} schicken, nicht an die alte Adresse."
            elif roll < 0.31:
                text = f"Ansprechpartner ist jetzt {fake.first_name()} {fake.last_name()} (Einkauf)."
            elif roll < 0.34:
                text = f"Herr/Frau {k[2]} hat sich beschwert, Rückruf durch Teamleitung."
            else:
                text = rng.choice(plain_notes)
            erstellt = random_ts(rng, k[14], datetime(2024, 12, 31, 18, 0))
            notizen_t.rows.append((i + 1, k[0], text, rng.choice(kategorien), erstellt))

    # ---- clinica: Spanish clinic -----------------------------------------------------------

    def build_clinica(self) -> None:
        fake, rng = self.generators("es_ES")
        medicos_t = self.add(
            Table(
                "clinica",
                "medicos",
                """id INTEGER,
                   nombre VARCHAR,
                   especialidad VARCHAR,
                   activo BOOLEAN""",
            )
        )
        especialidades = [
            "Medicina familiar", "Pediatría", "Cardiología", "Dermatología", "Traumatología",
            "Ginecología", "Oftalmología", "Psiquiatría", "Endocrinología", "Neumología",
        ]
        for mid in range(1, 26):
            medicos_t.rows.append(
                (mid, f"{fake.first_name()} {fake.last_name()} {fake.last_name()}", rng.choice(especialidades), rng.random() < 0.88)
            )

        fake, rng = self.generators("es_ES")
        pacientes_t = self.add(
            Table(
                "clinica",
                "pacientes",
                """id VARCHAR(36),
                   nombre_completo VARCHAR,
                   dni VARCHAR(10),
                   fecha_nacimiento VARCHAR(10),
                   telefono_movil VARCHAR,
                   telefono_fijo BIGINT,
                   correo_electronico VARCHAR,
                   correo_alternativo VARCHAR,
                   direccion VARCHAR,
                   codigo_postal VARCHAR(5),
                   ciudad VARCHAR,
                   provincia VARCHAR,
                   genero VARCHAR,
                   grupo_sanguineo VARCHAR(3),
                   estado_civil VARCHAR,
                   latitud DOUBLE,
                   longitud DOUBLE""",
            )
        )
        seen_emails: set[str] = set()
        patients = []
        for _ in range(self.n_rows):
            pid = f"{rng.getrandbits(128):032x}"
            pid = f"{pid[:8]}-{pid[8:12]}-4{pid[13:16]}-{'89ab'[rng.randint(0, 3)]}{pid[17:20]}-{pid[20:]}"
            mujer = rng.random() < 0.52
            nombre = fake.first_name_female() if mujer else fake.first_name_male()
            ap1, ap2 = fake.last_name(), fake.last_name()
            dni = spanish_dni(rng)
            if rng.random() < 0.15:
                dni = f"{dni[:8]}-{dni[8]}"
            birth = random_date(rng, date(1930, 1, 1), date(2023, 12, 31))
            movil = f"{rng.choice('67')}{rng.randint(0, 99999999):08d}"
            movil = rng.choice([movil, f"+34 {movil[:3]} {movil[3:6]} {movil[6:]}", f"{movil[:3]} {movil[3:5]} {movil[5:7]} {movil[7:]}"])
            fijo = None
            if rng.random() < 0.6:
                fijo = int(f"9{rng.choice('13568')}{rng.randint(0, 9999999):07d}")
                if rng.random() < 0.25:
                    fijo += 34_000_000_000
            domain = rng.choice(["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"])
            correo = unique_email(f"{ascii_slug(nombre)}.{ascii_slug(ap1)}", domain, seen_emails)
            roll = rng.random()
            if roll < 0.85:
                alternativo = ""
            elif roll < 0.90:
                alternativo = None
            else:
                alternativo = unique_email(f"{ascii_slug(nombre)}{ascii_slug(ap2)}", "gmail.com", seen_emails)
            patients.append((pid, movil, correo, nombre))
            pacientes_t.rows.append(
                (
                    pid,
                    f"{nombre} {ap1} {ap2}",
                    dni,
                    birth.strftime("%d/%m/%Y"),
                    movil,
                    fijo,
                    correo,
                    alternativo,
                    fake.street_address(),
                    fake.postcode(),
                    fake.city(),
                    fake.state(),
                    "Mujer" if mujer else "Hombre",
                    rng.choices(["O+", "A+", "B+", "AB+", "O-", "A-", "B-", "AB-"], weights=[35, 36, 8, 2, 9, 7, 2, 1])[0],
                    rng.choice(["Soltero/a", "Casado/a", "Divorciado/a", "Viudo/a", "Pareja de hecho"]),
                    round(rng.uniform(36.0, 43.6), 6),
                    round(rng.uniform(-9.2, 3.3), 6),
                )
            )

        fake, rng = self.generators("es_ES")
        citas_t = self.add(
            Table(
                "clinica",
                "citas",
                """id INTEGER,
                   paciente_id VARCHAR(36),
                   medico_id INTEGER,
                   fecha_hora TIMESTAMP,
                   notas VARCHAR,
                   estado VARCHAR,
                   duracion_min INTEGER""",
            )
        )
        plain_notes = [
            "Control rutinario de tensión arterial.",
            "Paciente refiere cefalea desde hace una semana.",
            "Revisión de analítica: glucosa elevada, repetir en 3 meses.",
            "Derivado a traumatología por dolor lumbar.",
            "Renovación de receta.",
            "Vacunación antigripal.",
            "Sin cambios respecto a la última visita.",
            "Alergia a la penicilina confirmada.",
        ]
        for i in range(self.n_rows * 2):
            pid, movil, correo, nombre = rng.choice(patients)
            day = random_date(rng, date(2022, 1, 3), date(2024, 12, 20))
            when = datetime(day.year, day.month, day.day, rng.randint(8, 19), rng.choice([0, 15, 30, 45]))
            roll = rng.random()
            if roll < 0.07:
                notas = f"Llamar al paciente al {movil} para comunicar resultados."
            elif roll < 0.12:
                notas = f"Enviar informe por correo a {correo}."
            elif roll < 0.16:
                notas = f"Acude acompañado de su hija, {fake.first_name_female()}."
            elif roll < 0.30:
                notas = None
            else:
                notas = rng.choice(plain_notes)
            citas_t.rows.append(
                (
                    i + 1,
                    pid,
                    rng.randint(1, 25),
                    when,
                    notas,
                    rng.choices(["programada", "realizada", "cancelada", "no presentado"], weights=[15, 70, 10, 5])[0],
                    rng.choice([10, 15, 15, 20, 30, 45, 60]),
                )
            )

    # ---- app: English web application ------------------------------------------------------

    def build_app(self) -> None:
        fake, rng = self.generators("en_US")
        users_t = self.add(
            Table(
                "app",
                "Users",
                """"userId" INTEGER PRIMARY KEY,
                   "userName" VARCHAR NOT NULL,
                   "emailAddress" VARCHAR,
                   "Phone Number" VARCHAR,
                   "firstName" VARCHAR,
                   "lastName" VARCHAR,
                   "lastLoginIp" VARCHAR(15),
                   "deviceMac" VARCHAR(17),
                   "signupTs" TIMESTAMP,
                   "lastLoginAt" TIMESTAMP,
                   "isActive" BOOLEAN,
                   "countryCode" VARCHAR(2),
                   "appVersion" VARCHAR""",
            )
        )
        seen_names: set[str] = set()
        seen_emails: set[str] = set()
        users = []
        for i in range(self.n_rows):
            uid = 1001 + i
            first, last = fake.first_name(), fake.last_name()
            user_name = fake.user_name()
            while user_name in seen_names:
                user_name = f"{user_name}{rng.randint(0, 9)}"
            seen_names.add(user_name)
            email = unique_email(
                rng.choice([f"{ascii_slug(first)}.{ascii_slug(last)}", ascii_slug(user_name), f"{ascii_slug(first)[0]}{ascii_slug(last)}"]),
                fake.free_email_domain(),
                seen_emails,
            )
            signup = random_ts(rng, datetime(2018, 1, 1), datetime(2024, 9, 30))
            last_login = random_ts(rng, signup, datetime(2024, 12, 31, 23, 59))
            users.append((uid, email, signup))
            users_t.rows.append(
                (
                    uid,
                    user_name,
                    email,
                    fake.phone_number(),
                    first,
                    last,
                    fake.ipv4_public() if rng.random() < 0.9 else f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                    mac_address(rng),
                    signup,
                    last_login,
                    rng.random() < 0.8,
                    rng.choices(["US", "GB", "CA", "AU", "IE", "NZ"], weights=[60, 15, 10, 8, 4, 3])[0],
                    f"{rng.randint(2, 4)}.{rng.randint(0, 15)}.{rng.randint(0, 9)}",
                )
            )

        fake, rng = self.generators("en_US")
        roles_t = self.add(
            Table(
                "app",
                "user_roles",
                """"userId" INTEGER NOT NULL REFERENCES app."Users" ("userId"),
                   "roleId" INTEGER NOT NULL,
                   "grantedAt" TIMESTAMP,
                   PRIMARY KEY ("userId", "roleId")""",
            )
        )
        for uid, _, signup in users:
            n_roles = rng.choices([1, 1, 1, 2, 3])[0]
            for role in sorted(rng.sample(range(1, 7), n_roles)):
                roles_t.rows.append((uid, role, random_ts(rng, signup, datetime(2024, 12, 31))))

        fake, rng = self.generators("en_US")
        payments_t = self.add(
            Table(
                "app",
                "payments",
                """"paymentId" VARCHAR(28) PRIMARY KEY,
                   "userId" INTEGER REFERENCES app."Users" ("userId"),
                   "cardNumber" VARCHAR(19),
                   amount DECIMAL(12,2),
                   currency VARCHAR(3),
                   status VARCHAR,
                   "httpStatus" INTEGER,
                   "createdAt" TIMESTAMP""",
            )
        )
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        user_cards: dict[int, str] = {}
        for _ in range(self.n_rows * 2):
            uid, _, signup = rng.choice(users)
            card = user_cards.get(uid) if rng.random() < 0.7 else None
            card = card or card_number(rng)
            user_cards.setdefault(uid, card)
            shown = card
            if rng.random() < 0.15:
                shown = f"{card[:4]} {card[4:10]} {card[10:]}" if len(card) == 15 else " ".join(card[k : k + 4] for k in range(0, 16, 4))
            status = rng.choices(["succeeded", "failed", "refunded", "pending"], weights=[80, 10, 5, 5])[0]
            http = {"succeeded": 200, "refunded": 200, "pending": 202}.get(status) or rng.choice([402, 402, 400, 500])
            payments_t.rows.append(
                (
                    "pay_" + "".join(rng.choice(alphabet) for _ in range(24)),
                    uid,
                    shown,
                    money(rng.choice([4.99, 9.99, 19.99, 49.0, 99.0]) * rng.choice([1, 1, 1, 2, 12])),
                    rng.choices(["USD", "GBP", "CAD", "AUD", "EUR"], weights=[60, 15, 10, 8, 7])[0],
                    status,
                    http,
                    random_ts(rng, signup, datetime(2024, 12, 31, 23, 59)),
                )
            )

        fake, rng = self.generators("en_US")
        billing_t = self.add(
            Table(
                "app",
                "billing_profiles",
                """"profileId" INTEGER,
                   "userId" INTEGER,
                   "cardNo" BIGINT,
                   "expMonth" SMALLINT,
                   "expYear" SMALLINT,
                   "taxSsn" BIGINT,
                   "billingZip" INTEGER,
                   "billingCity" VARCHAR""",
            )
        )
        profile_users = rng.sample(users, int(self.n_rows * 0.6))
        for k, (uid, _, _) in enumerate(sorted(profile_users)):
            card = user_cards.get(uid) or card_number(rng)
            zip_code = fake.zipcode()
            if rng.random() < 0.15:
                zip_code = "0" + zip_code[1:]
            billing_t.rows.append(
                (
                    k + 1,
                    uid,
                    int(card),
                    rng.randint(1, 12),
                    rng.randint(2025, 2031),
                    us_ssn_int(rng) if rng.random() < 0.8 else None,
                    int(zip_code),
                    fake.city(),
                )
            )

        fake, rng = self.generators("en_US")
        events_t = self.add(
            Table(
                "app",
                "events",
                """id BIGINT,
                   "userId" INTEGER,
                   "eventType" VARCHAR,
                   payload VARCHAR,
                   "occurredAt" TIMESTAMP""",
            )
        )
        paths = ["/", "/pricing", "/checkout", "/account", "/help/billing", "/blog/release-notes"]
        malformed_at = rng.randrange(self.n_rows * 3)
        for i in range(self.n_rows * 3):
            uid, email, signup = rng.choice(users)
            kind = rng.choices(
                ["page_view", "login", "logout", "purchase", "profile_update", "password_reset"],
                weights=[45, 20, 10, 10, 8, 7],
            )[0]
            if kind == "page_view":
                doc: dict[str, Any] = {
                    "path": rng.choice(paths),
                    "referrer": rng.choice([None, "https://www.google.com/", "https://t.co/"]),
                    "durationMs": rng.randint(200, 90000),
                }
            elif kind == "login":
                doc = {
                    "method": rng.choice(["password", "google", "magic_link"]),
                    "success": rng.random() < 0.9,
                    "client": {
                        "os": rng.choice(["iOS", "Android", "Windows", "macOS"]),
                        "version": f"{rng.randint(10, 17)}.{rng.randint(0, 5)}",
                    },
                }
            elif kind == "logout":
                doc = {"reason": rng.choice(["user", "timeout"])}
            elif kind == "purchase":
                doc = {
                    "items": [{"sku": f"AB-{rng.randint(10000, 99999)}", "qty": rng.randint(1, 3)}],
                    "total": float(money(rng.uniform(5, 300))),
                    "currency": "USD",
                }
            elif kind == "profile_update":
                doc = {"changed": ["emailAddress"], "new": {"emailAddress": email}, "source": "settings"}
            else:
                doc = {"email": email, "requestedVia": rng.choice(["web", "ios", "android"])}
            text = json.dumps(doc, ensure_ascii=False)
            if i == malformed_at:
                text = json.dumps({"email": email, "requestedVia": "web"})[:-1]  # truncated document
            events_t.rows.append((i + 1, uid, kind, text, random_ts(rng, signup, datetime(2024, 12, 31, 23, 59))))

        fake, rng = self.generators("en_US")
        sessions_t = self.add(
            Table(
                "app",
                "sessions",
                """"sessionToken" VARCHAR(32),
                   "userId" INTEGER,
                   "startedAt" TIMESTAMP,
                   "ipv6Address" VARCHAR(39),
                   "deviceImei" VARCHAR(15),
                   "durationSeconds" INTEGER""",
            )
        )
        user_devices: dict[int, str] = {}
        for _ in range(self.n_rows * 2):
            uid, _, signup = rng.choice(users)
            device = user_devices.setdefault(uid, imei(rng))
            sessions_t.rows.append(
                (
                    f"{rng.getrandbits(128):032x}",
                    uid,
                    random_ts(rng, signup, datetime(2024, 12, 31, 23, 59)),
                    fake.ipv6(),
                    device if rng.random() < 0.8 else None,
                    rng.randint(5, 7200),
                )
            )

    # ---- writing ---------------------------------------------------------------------------

    def write(self, path: Path) -> None:
        for suffix in ("", ".wal"):
            target = Path(str(path) + suffix)
            if target.exists():
                target.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path))
        try:
            for schema in dict.fromkeys(t.schema for t in self.tables):
                con.execute(f"CREATE SCHEMA {schema}")
            for table in self.tables:
                con.execute(f"CREATE TABLE {table.qualified} ({table.ddl})")
                if table.rows:
                    # One statement per chunk of rows: much faster than executemany.
                    group = "(" + ", ".join("?" for _ in table.rows[0]) + ")"
                    for start in range(0, len(table.rows), 250):
                        chunk = table.rows[start : start + 250]
                        con.execute(
                            f"INSERT INTO {table.qualified} VALUES " + ", ".join(group for _ in chunk),
                            [value for row in chunk for value in row],
                        )
            con.execute("CHECKPOINT")
        finally:
            con.close()


def build_holdout(path: Path, rows: int = 400, seed: int = 11) -> None:
    """Write the hold-out database to `path` (replacing any file there)."""
    builder = Builder(rows, seed)
    builder.build_rh()
    builder.build_crm()
    builder.build_clinica()
    builder.build_app()
    builder.write(Path(path))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the PII scanner hold-out database.")
    parser.add_argument("path", type=Path, help="DuckDB file to write")
    parser.add_argument("--rows", type=int, default=400, help="rows in the main tables")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    build_holdout(args.path, rows=args.rows, seed=args.seed)
    print(f"wrote {args.path}")


if __name__ == "__main__":
    main()
