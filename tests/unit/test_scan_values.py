"""Value validators of the PII scanner: shapes, checksums, names and the per-column summary."""

from __future__ import annotations

import datetime
import random
import time
from decimal import Decimal

import pytest

from understudy.scan import values as v
from understudy.scan.types import ValueHit

TODAY = datetime.date(2025, 6, 1)


# ---------------------------------------------------------------------------------------------
# normalize_value
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw,expected", [
    (None, None),
    ("", ""),
    ("   ", ""),
    ("  Ana Lima \t", "Ana Lima"),
    (5551234567.0, "5551234567"),
    ("5.551234567E9", "5551234567"),
    ("5.551234567e+09", "5551234567"),
    (" 4.111111111111111E15 ", "4111111111111111"),
    (Decimal("5.551234567E9"), "5551234567"),
    (Decimal("37.7749"), "37.7749"),
    (Decimal("10.00"), "10.00"),
    (37.7749, "37.7749"),
    ("37.7749", "37.7749"),
    ("1.5E-3", "1.5E-3"),             # not integral: left as it is
    ("1E999999", "1E999999"),         # would expand to a million digits: left as text
    (12345, "12345"),
    (-7, "-7"),
    (True, "true"),
    (float("nan"), None),
    (datetime.date(1947, 9, 19), "1947-09-19"),
    (datetime.datetime(1947, 9, 19, 0, 0), "1947-09-19 00:00:00"),
    (b"abc", "abc"),
])
def test_normalize_value(raw, expected):
    assert v.normalize_value(raw) == expected


def test_normalize_small_float_has_no_exponent():
    assert v.normalize_value(1e-05) == "0.00001"


# ---------------------------------------------------------------------------------------------
# email and phone
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("s", [
    "ana.lima@example.test", "ANA.RUIZ@EXAMPLE.TEST", "o'brien+tag@mail.example.co.uk",
    "émile.zola@exemple.test", "user_1@sub-domain.example.org", "a@bc.de",
    "ACME#ana@example.test",      # '#' is allowed unquoted (RFC 5322)
])
def test_email_accepts(s):
    assert v.is_email(s)


@pytest.mark.parametrize("s", [
    "", "@", "a", "ana.lima", "ana@", "@example.test", "ana@example", "ana@@example.test",
    "ana lima@example.test", "ana@example.t", "ana@-example.test", "ana@example.123",
    "a.b@x.test or c.d@y.test", "ana@exam_ple.test", "ana(at)example.test",
])
def test_email_rejects(s):
    assert not v.is_email(s)


@pytest.mark.parametrize("s", [
    "+1 (403) 262-3443", "555-0142", "+49 030 2141444", "(11) 3033-5446", "+33 1 42 34 56 78",
    "0171 123 4567", "+55 (11) 3055-8131", "515.124.4169", "1-800-262-2583", "+12345678902",
    "+33 (0)1 41 63 60 83", "+56 (0)2 635 4444", "(555)555-5555x1234", "001-555-555-5555 ext. 12",
    "+44 020 7707 0707",
])
def test_phone_accepts(s):
    assert v.is_phone(s)


@pytest.mark.parametrize("s", [
    "", "1", "5551234567",           # bare digits are not a formatted phone
    "2020-01-02", "02/01/2020", "2020.01.02", "2003-05-01T10:00:00Z", "10:00:00",
    "37.7749", "1234.5678", "-122.4194", "127.0.0.1", "192.168.100.200",
    "123-45-6789",                   # SSN layout
    "12345-6789", "01310-200",       # ZIP+4 and CEP
    "1.234.567",                     # thousands separators
    "1964-1971", "1980 - 1990",      # ranges of years
    "555-01",                        # too few digits
    "+1 234 567 890 123 456 7",      # too many digits
    "1 (555 123-4567", "555) 123-4567", "+1 +555 1234567", "555--0142", "abc-def-ghij",
])
def test_phone_rejects(s):
    assert not v.is_phone(s)


@pytest.mark.parametrize("s,expected", [
    ("5551234567", True), ("447911123456", True), ("123456789012345", True),
    ("123456789", False), ("1234567890123456", False), ("555-123-4567", False),
    ("0000000000", False), ("", False), ("５５５１２３４５６７", False),
])
def test_phone_digits(s, expected):
    assert v.is_phone_digits(s) is expected


# ---------------------------------------------------------------------------------------------
# national identifiers
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("s,kind", [
    ("123-45-6789", "us_ssn"),
    ("900-55-0001", "us_ssn"),                  # 9xx areas are accepted (test data uses them)
    ("999-63-4440", "us_ssn"),
    ("2 55 08 14 168 025 38", "fr_nir"),
    ("255081416802538", "fr_nir"),
    ("2 69 05 2A 123 456 88", "fr_nir"),        # Corsica
    ("12345678Z", "es_dni"),
    ("12345678-z", "es_dni"),
    ("X1234567L", "es_nie"),
    ("AB 12 34 56 C", "uk_nino"),
    ("AB123456C", "uk_nino"),
    ("046 454 286", "ca_sin"),
    ("046-454-286", "ca_sin"),
    ("86095742719", "de_steuer_id"),
    ("47036892816", "de_steuer_id"),
    ("FR40303265045", "eu_vat"),
    ("DE136695976", "eu_vat"),
    ("ESA58818501", "eu_vat"),
    ("IT00743110157", "eu_vat"),
    ("NL004495445B01", "eu_vat"),
    ("BE0403170701", "eu_vat"),
    ("GB980780684", "eu_vat"),
    ("CHE670945644", "eu_vat"),
])
def test_national_id_accepts(s, kind):
    assert v.national_id_kind(s) == kind


@pytest.mark.parametrize("s", [
    "", "1", "000-12-3456", "666-12-3456", "123-00-6789", "123-45-0000",
    "123456789",                  # bare 9 digits: not an SSN
    "123 45 6789",
    "2 55 08 14 168 025 39",      # French NIR with a wrong key
    "2 55 13 14 168 025 38",      # month 13 does not exist
    "12345678A",                  # Spanish DNI with the wrong letter
    "X1234567T",                  # NIE with the wrong letter
    "QQ123456C", "BG123456A", "DA123456A", "AB123456E",   # NINO exclusions and bad suffix
    "046 454 287",                # SIN failing Luhn
    "046-454 286",                # mixed separators
    "86095742718",                # Steuer-ID with a wrong check digit
    "02476291358",                # Steuer-ID cannot start with 0
    "DE12345", "XX123456789", "FR123",
    "X15315736X", "S99938686",    # passports and driving licences are not recognised by value
    "ABC123DEF456",
])
def test_national_id_rejects(s):
    assert v.national_id_kind(s) is None


# ---------------------------------------------------------------------------------------------
# cards and IBANs
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("s", [
    "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "5555555555554444",
    "2223003122003222", "378282246310005", "6011111111111117", "3530111333300000",
    "30569309025904", "6200000000000005", "5500-0000-0000-0004", "4000123456789017",
    "9999990000000006",           # test range
])
def test_card_accepts(s):
    assert v.is_card_number(s)


@pytest.mark.parametrize("s", [
    "", "4",
    "4111 1111 1111 1112",        # fails Luhn
    "0000000000000000",           # one repeated digit (Luhn valid)
    "1234567812345670",           # Luhn valid, no issuer starts with 12
    "3782822463100050",           # Amex prefix with 16 digits
    "411111111111",               # 12 digits
    "41111111111111111111",       # 20 digits
    "4111 1111 1111 1111 ", " 4111111111111111", "4111--1111-1111-1111", "4111.1111.1111.1111",
])
def test_card_rejects(s):
    assert not v.is_card_number(s)


@pytest.mark.parametrize("s", [
    "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "gb82 west 1234 5698 7654 32",
    "DE89 3704 0044 0532 0130 00", "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00",
    "ES91 2100 0418 4502 0005 1332", "BE68 5390 0754 7034", "IT60 X054 2811 1010 0000 0123 456",
    "CH93 0076 2011 6238 5295 7", "NO93 8601 1117 947",
])
def test_iban_accepts(s):
    assert v.is_iban(s)


@pytest.mark.parametrize("s", [
    "", "GB",
    "GB82 WEST 1234 5698 7654 33",    # one digit changed: mod 97 fails
    "GB83 WEST 1234 5698 7654 32",    # wrong check digits
    "GB82 WEST 1234 5698 7654",       # too short for GB
    "XX82 WEST 1234 5698 7654 32",    # no such country
    "DE89 3704 0044 0532 0130 001",   # too long for DE
])
def test_iban_rejects(s):
    assert not v.is_iban(s)


def test_iban_length_table_covers_many_countries():
    assert len(v._IBAN_LENGTHS) >= 30
    assert (v._IBAN_LENGTHS["GB"], v._IBAN_LENGTHS["NO"], v._IBAN_LENGTHS["MT"]) == (22, 15, 31)


def test_faker_ibans_of_many_countries_are_valid():
    from faker import Faker

    for locale in ("en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_PT", "fi_FI",
                   "no_NO", "de_AT", "de_CH", "cs_CZ", "hu_HU", "sv_SE", "pt_BR", "tr_TR"):
        fake = Faker(locale)
        fake.seed_instance(7)
        for _ in range(20):
            assert v.is_iban(fake.iban()), locale


# ---------------------------------------------------------------------------------------------
# network and device identifiers
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("s,expected", [
    ("127.0.0.1", True), ("192.168.1.254", True), ("0.0.0.0", True), ("255.255.255.255", True),
    ("1.2.3.4.5", False), ("256.1.1.1", False), ("1.2.3", False), ("01.02.03.04", False),
    ("1.2.3.a", False), ("", False), (" 1.2.3.4", False), ("1..2.3", False),
])
def test_ipv4(s, expected):
    assert v.is_ipv4(s) is expected


@pytest.mark.parametrize("s,expected", [
    ("2001:db8::1", True), ("::1", True), ("fe80::1ff:fe23:4567:890a", True),
    ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", True), ("::ffff:192.0.2.1", True),
    ("10:00:00", False), ("aa:bb:cc:dd:ee:ff", False), ("2001:db8::g", False), ("1:2", False),
    ("127.0.0.1", False), ("", False),
])
def test_ipv6(s, expected):
    assert v.is_ipv6(s) is expected


@pytest.mark.parametrize("s,expected", [
    ("3a2fa41c-32a1-ca99-ecd8-fdacae38fc3e", True),
    ("{3A2FA41C-32A1-CA99-ECD8-FDACAE38FC3E}", True),
    ("3a2fa41c32a1ca99ecd8fdacae38fc3e", True),
    ("12345678123456781234567812345678", False),     # 32 digits, no letters
    ("abcdefabcdefabcdefabcdefabcdefab", False),     # 32 letters, no digits
    ("{3a2fa41c-32a1-ca99-ecd8-fdacae38fc3e", False),
    ("3a2fa41c-32a1-ca99-ecd8-fdacae38fc3", False),
    ("3a2fa41c-32a1-ca99-ecd8-fdacae38fc3g", False),
    ("uuid_11", False), ("", False),
])
def test_uuid(s, expected):
    assert v.is_uuid(s) is expected


@pytest.mark.parametrize("s,expected", [
    ("00:1a:2b:3c:4d:5e", True), ("00-1A-2B-3C-4D-5E", True), ("001a.2b3c.4d5e", True),
    ("00:1a-2b:3c:4d:5e", False), ("00:1a:2b:3c:4d", False), ("00:1a:2b:3c:4d:5g", False),
    ("001a2b3c4d5e", False), ("", False),
])
def test_mac(s, expected):
    assert v.is_mac(s) is expected


# ---------------------------------------------------------------------------------------------
# postcodes and coordinates
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("s,kind", [
    ("94103-1234", "us_zip"), ("94103", "digits5"), ("02134", "digits5"), ("1010", "digits4"),
    ("SW1A 1AA", "uk"), ("EC1A 1BB", "uk"), ("M1 1AE", "uk"), ("sw1a1aa", "uk"), ("OX9 9ZB", "uk"),
    ("H2G 1A7", "ca"), ("T2P 5G3", "ca"), ("K1A0B1", "ca"),
    ("1234 AB", "nl"), ("1012JS", "nl"),
    ("01310-200", "br"), ("00-358", "pl"), ("1000-001", "pt"), ("114 55", "se"), ("123-4567", "jp"),
])
def test_postcode_accepts(s, kind):
    assert v.postcode_kind(s) == kind


@pytest.mark.parametrize("s", [
    "", "1", "123", "123456", "D2G 1A7",      # D never starts a Canadian code
    "W2G 1A7", "Z2G 1A7",                     # nor W or Z
    "H2D 1A7",                                # D never used at all
    "0123 AB",                                # Dutch codes do not start with 0
    "1234 SS",                                # nor use SS
    "QQ1 1AA",                                # Q does not start a UK postcode
    "ABCDE", "12 345", "Paris",
])
def test_postcode_rejects(s):
    assert v.postcode_kind(s) is None


@pytest.mark.parametrize("s,lat,lon", [
    ("37.7749", True, True), ("-33.87", True, True), ("-122.4194", False, True),
    ("179.99", False, True), ("90.00", True, True), ("90.01", False, True),
    ("-180.000", False, True), ("180.5", False, False),
    ("37.7", False, False),                   # one decimal only
    ("37", False, False), ("1e2", False, False), ("", False, False), ("12.34.56", False, False),
])
def test_coordinates(s, lat, lon):
    assert v.is_latitude(s) is lat
    assert v.is_longitude(s) is lon


# ---------------------------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("s,expected", [
    ("1947-09-19", datetime.date(1947, 9, 19)),
    ("1947-09-19 00:00:00", datetime.date(1947, 9, 19)),
    ("2003-05-01T10:00:00Z", datetime.date(2003, 5, 1)),
    ("2003-05-01 10:00:00+02:00", datetime.date(2003, 5, 1)),
    ("2003-05-01T10:00:00.123456", datetime.date(2003, 5, 1)),
    ("1947/09/19", datetime.date(1947, 9, 19)),
    ("2020-02-30", None), ("2020-13-01", None), ("19/09/1947", None), ("1947-09/19", None),
    ("1947-09-19 banana", None), ("", None), ("20200102", None),
])
def test_parse_date(s, expected):
    assert v.parse_date(s) == expected


def test_plausible_birth_date():
    assert v.is_plausible_birth_date(datetime.date(1947, 9, 19), TODAY)
    assert v.is_plausible_birth_date(TODAY, TODAY)
    assert v.is_plausible_birth_date(datetime.date(1904, 6, 2), TODAY)        # 120 years old
    assert not v.is_plausible_birth_date(datetime.date(1904, 6, 1), TODAY)    # 121 today
    assert not v.is_plausible_birth_date(datetime.date(2025, 6, 2), TODAY)    # in the future
    assert not v.is_plausible_birth_date(datetime.date(2999, 1, 1), TODAY)
    assert v.is_plausible_birth_date(datetime.datetime(1990, 1, 1, 12, 0), TODAY)


# ---------------------------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("s,kind", [
    ("Ana", "first_name"), ("ANA", "first_name"), ("ana", "first_name"),
    ("José", "first_name"), ("JOSÉ", "first_name"), ("Jose", "first_name"),
    ("Luís", "first_name"), ("Søren", "first_name"), ("Zoë", "first_name"), ("Bo", "first_name"),
    ("Jean-Pierre", "first_name"), ("María José", "first_name"),
    ("Thomas", "first_name"),                     # first and last name: first wins
    ("Ibáñez", "last_name"), ("IBÁÑEZ", "last_name"), ("Müller", "last_name"),
    ("MÜLLER", "last_name"), ("Mueller", "last_name"), ("Gonçalves", "last_name"),
    ("Sørensen", "last_name"), ("Wałęsa", "last_name"), ("O'Connor", "last_name"),
    ("Smith", "last_name"), ("Ibáñez-Cruz", "last_name"), ("van der Plas", "last_name"),
    ("de la Cruz", "last_name"),
    ("Ana Lima", "full_name"), ("ANA LIMA", "full_name"), ("ana lima", "full_name"),
    ("Luís Gonçalves", "full_name"), ("LUÍS GONÇALVES", "full_name"),
    ("Dr. John Smith", "full_name"), ("Mr. John Smith Jr.", "full_name"),
    ("John Smith, Jr.", "full_name"), ("John Smith III", "full_name"),
    ("John F. Kennedy", "full_name"), ("Mary-Jane Watson", "full_name"),
    ("Jan van der Plas", "full_name"), ("Seán O'Brien", "full_name"),
    ("Sig.ra Letizia Trentin", "full_name"), ("Søren Jensen", "full_name"),
    ("John  Smith", "full_name"),
])
def test_name_kind_accepts(s, kind):
    assert v.name_kind(s) == kind


@pytest.mark.parametrize("s", [
    "", "A", "J", "-", "---", "AC/DC", "Aerosmith", "Rock", "Metallica", "Queen", "Rock Band",
    "Hello World", "Black Sabbath", "Led Zeppelin", "Green Day", "Paris Hilton",
    "the quick brown fox", "John2", "John 2 Smith", "Amos720", "J. Smith", "B.",
    "ana.lima@example.test", "Ana Lima Souza Costa Pereira",   # more than 4 tokens
    "Ana & Lima", "123",
])
def test_name_kind_rejects(s):
    assert v.name_kind(s) is None


def test_name_lists_are_built_once_from_many_locales():
    first, last = v._name_lists()
    assert v._name_lists() is v._name_lists()
    assert len(first) > 3000 and len(last) > 4000
    for locale in ("en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "es_MX", "it_IT", "pt_BR", "pt_PT",
                   "nl_NL", "pl_PL", "sv_SE", "no_NO", "da_DK", "fi_FI", "cs_CZ", "hu_HU"):
        assert locale in v.NAME_LOCALES
    assert all(name == v._fold(name) for name in list(first)[:500])


def test_fold():
    assert v._fold("Müller") == "muller"
    assert v._fold("Søren") == "soren"
    assert v._fold("Straße") == "strasse"
    assert v._fold("Ærø") == "aero"
    assert v._fold("Łukasz") == "lukasz"
    assert v._fold("IBÁÑEZ") == "ibanez"


# ---------------------------------------------------------------------------------------------
# free text and JSON
# ---------------------------------------------------------------------------------------------

def test_find_entities_counts_every_occurrence():
    assert v.find_entities("write to a.b@x.test or c.d@y.test") == {"email": 2}
    assert v.find_entities("a@b.test, c@d.test and e@f.test.") == {"email": 3}


def test_find_entities_all_classes():
    text = ("call +1 (403) 262-3443 or 555-0142; ssn 123-45-6789, card 4111 1111 1111 1111, "
            "iban GB82 WEST 1234 5698 7654 32 please, from 10.0.0.1. mail ana@example.test")
    assert v.find_entities(text) == {
        "email": 1, "phone": 2, "national_id": 1, "card_number": 1, "bank_account": 1,
        "ip_address": 1,
    }


@pytest.mark.parametrize("text", [
    "", "hello", "nothing to see here, move along",
    "we met on 2020-01-02 at 10:00:00 and paid 37.7749 dollars",
    "in 2019 2020 and 2021 sales grew",
    "Hot Rocks, 1964-1971 (Disc 1)",
    "ssn 000-12-3456 is not valid and card 4111 1111 1111 1112 fails Luhn",
    "iban GB82 WEST 1234 5698 7654 33 has a wrong check digit",
    "version 1.2.3.4.5 and 256.1.1.1 are not addresses",
])
def test_find_entities_nothing(text):
    assert v.find_entities(text) == {}


def test_find_entities_does_not_count_a_card_as_a_phone():
    assert v.find_entities("amex 3782 822463 10005 on file") == {"card_number": 1}


@pytest.mark.parametrize("s,expected", [
    ("call me at 555-0142", True), ("The Song Remains The Same", True),
    ("hello world", False), ("one two three", False),   # 3 words but under 15 characters
    ("abcdefghijklmnopqrstuvwxyz", False), ("123 456 789 012 345", False), ("", False),
])
def test_looks_like_free_text(s, expected):
    assert v.looks_like_free_text(s) is expected


@pytest.mark.parametrize("s,expected", [
    ('{"name": "Ana", "tags": [1, 2]}', {"name": "Ana", "tags": [1, 2]}),
    ("[1, 2, 3]", [1, 2, 3]),
    ("{}", {}),
    ('{"name": "Ana"', None),
    ("[redacted]", None),
    ('"just a string"', None),
    ("42", None),
    ("", None),
    ("hello {world}", None),
])
def test_parse_json_document(s, expected):
    assert v.parse_json_document(s) == expected


# ---------------------------------------------------------------------------------------------
# scan_values
# ---------------------------------------------------------------------------------------------

def hits_by_kind(hits: list[ValueHit]) -> dict[str, ValueHit]:
    return {h.kind: h for h in hits}


@pytest.mark.parametrize("values", [[], [None, None], ["", "  ", None, "\t"]])
def test_scan_nothing_to_count(values):
    assert v.scan_values(values, "VARCHAR") == []


def test_scan_one_character_values_do_not_crash():
    hits = v.scan_values(["a", "1", "@", "{", "[", ".", "-", "é"], "VARCHAR", today=TODAY)
    assert hits_by_kind(hits) == {"json_malformed": ValueHit(
        "json", "json_malformed", 2, 8,
        "2 of 8 sampled values are malformed JSON (start with { or [ but do not parse)")}


def test_scan_emails_ignores_nulls_and_empty_strings():
    values = ["ana@example.test", "bo@example.test", None, "", "   ", "not an email"]
    hit = hits_by_kind(v.scan_values(values, "VARCHAR", today=TODAY))["email"]
    assert (hit.cls, hit.matched, hit.total) == ("email", 2, 3)
    assert hit.detail == "2 of 3 sampled values are emails"


def test_scan_detail_uses_thousands_separators_and_singular():
    values = [f"user{i}@example.test" for i in range(4812)] + ["x"] * 188
    hit = v.scan_values(values, "VARCHAR", today=TODAY)[0]
    assert hit.kind == "email" and hit.fraction == pytest.approx(4812 / 5000)
    assert hit.detail == "4,812 of 5,000 sampled values are emails"
    one = hits_by_kind(v.scan_values(["ana@example.test", "x", "y"], "VARCHAR"))["email"]
    assert one.detail == "1 of 3 sampled values is an email"


def test_scan_names_detail():
    values = ["Ana", "Luís", "JOSÉ", "Søren", "Aerosmith"]
    hit = v.scan_values(values, "VARCHAR", today=TODAY)[0]
    assert (hit.kind, hit.cls, hit.matched, hit.total) == ("first_name", "first_name", 4, 5)
    assert hit.detail == "4 of 5 sampled values are first names (name lists, accent-folded)"


def test_scan_sorted_by_fraction_then_class():
    values = ["ana@example.test"] * 3 + ["555-0142"] * 2 + ["127.0.0.1"] * 2
    hits = v.scan_values(values, "VARCHAR", today=TODAY)
    assert [(h.cls, h.kind) for h in hits] == [
        ("email", "email"), ("ip_address", "ipv4"), ("phone", "phone"), ("postcode", "jp")]
    assert [h.matched for h in hits] == [3, 2, 2, 2]
    assert all(h.total == 7 for h in hits)


def test_scan_kinds_map_to_catalog_classes():
    values = [
        "ana@example.test", "+1 (403) 262-3443", "5551234567", "123-45-6789", "12345678Z",
        "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "127.0.0.1", "2001:db8::1",
        "3a2fa41c-32a1-ca99-ecd8-fdacae38fc3e", "00:1a:2b:3c:4d:5e", "SW1A 1AA", "37.7749",
        "1947-09-19", "Ana", "Ibáñez", "Ana Lima", "please write to a.b@x.test soon",
        '{"a": 1}', '{"a": 1',
    ]
    classes = {h.kind: h.cls for h in v.scan_values(values, "VARCHAR", today=TODAY)}
    assert classes == {
        "email": "email", "phone": "phone", "phone_digits": "phone", "us_ssn": "national_id",
        "es_dni": "national_id", "card": "card_number", "iban": "bank_account",
        "ipv4": "ip_address", "ipv6": "ip_address", "uuid": "identifier", "mac": "device_id",
        "uk": "postcode", "latitude": "geo_coordinate", "longitude": "geo_coordinate",
        "birth_date": "date_of_birth", "first_name": "first_name", "last_name": "last_name",
        "full_name": "full_name", "free_text": "free_text", "free_text_entities": "free_text",
        "json": "json", "json_malformed": "json",
    }


def test_scan_free_text_entities():
    values = ["call me at 555-0142", "write to a.b@x.test or c.d@y.test", "nothing to report today",
              "short", "", None]
    hits = hits_by_kind(v.scan_values(values, "VARCHAR", today=TODAY))
    assert hits["free_text"].matched == 3
    assert hits["free_text_entities"].matched == 2
    assert hits["free_text_entities"].total == 4
    assert hits["free_text_entities"].detail.startswith("2 of 4 sampled texts contain an email")


def test_scan_birth_dates_in_date_columns():
    values = [datetime.date(1947, 9, 19), datetime.date(2030, 1, 1), datetime.date(1850, 1, 1),
              datetime.datetime(1990, 5, 1, 0, 0), None]
    hits = v.scan_values(values, "DATE", today=TODAY)
    assert [(h.kind, h.cls, h.matched, h.total) for h in hits] == [
        ("birth_date", "date_of_birth", 2, 4)]
    # only the birth-date check runs on temporal columns
    assert v.scan_values(["ana@example.test"], "TIMESTAMP WITH TIME ZONE") == []


def test_scan_birth_dates_as_text_only_count_dates():
    values = ["1947-09-19", "2003-05-01T10:00:00Z", "2999-01-01", "not a date"]
    hit = hits_by_kind(v.scan_values(values, "VARCHAR", today=TODAY))["birth_date"]
    assert (hit.matched, hit.total) == (2, 4)


def test_scan_boolean_and_time_columns_get_nothing():
    assert v.scan_values([True, False, True], "BOOLEAN") == []
    assert v.scan_values(["10:00:00"], "TIME") == []


def test_scan_integer_columns():
    values = [4111111111111111, 5551234567, 94103, 2134, 7, None]
    hits = hits_by_kind(v.scan_values(values, "BIGINT", today=TODAY))
    assert {k: (h.cls, h.matched) for k, h in hits.items()} == {
        "card": ("card_number", 1), "phone_digits": ("phone", 1),
        "digits5": ("postcode", 1), "digits4": ("postcode", 1),   # 2134 is not padded to 02134
    }
    assert all(h.total == 5 for h in hits.values())


def test_scan_integer_columns_skip_text_checks():
    # an integer column never holds emails, names or formatted phones; only digit checks apply
    assert v.scan_values([-5, 12, 300], "INTEGER") == []


def test_scan_unix_time():
    seconds = [1617281828, 1700000000, 946684800, 4102444800]
    hit = v.scan_values(seconds, "BIGINT")[0]
    assert (hit.kind, hit.cls, hit.matched) == ("unix_time", "event_date", 4)
    millis = [1617281828123, 1700000000000]
    assert hits_by_kind(v.scan_values(millis, "BIGINT"))["unix_time"].matched == 2
    assert "unix_time" not in hits_by_kind(v.scan_values([946684799, 12345678901234], "BIGINT"))


def test_scan_float_columns():
    phones = [5551234567.0, 5551234568.0, "5.551234569E9"]
    hit = v.scan_values(phones, "DOUBLE")[0]
    assert (hit.kind, hit.matched, hit.total) == ("phone_digits", 3, 3)
    coords = [37.7749, -122.4194, 51.5072]
    hits = hits_by_kind(v.scan_values(coords, "DOUBLE"))
    assert hits["latitude"].matched == 2 and hits["longitude"].matched == 3
    # DECIMAL with two decimals holds money: not reported as coordinates
    money = [Decimal("5.94"), Decimal("12.50")]
    assert v.scan_values(money, "DECIMAL(10,2)") == []
    precise = hits_by_kind(v.scan_values([Decimal("37.774900")], "DECIMAL(9,6)"))
    assert precise["latitude"].matched == 1


def test_scan_uuid_and_json_columns():
    ids = ["3a2fa41c-32a1-ca99-ecd8-fdacae38fc3e", "d9c46e2f-80eb-c9aa-3f1f-c707e175b4fa"]
    assert [(h.kind, h.matched) for h in v.scan_values(ids, "UUID")] == [("uuid", 2)]
    docs = ['{"meta": {"ip_addr": "40.87.29.113"}}', '{"content": "Hello"}', "[1, 2", '"text"']
    hits = hits_by_kind(v.scan_values(docs, "JSON"))
    assert hits["json"].matched == 2
    assert hits["json_malformed"].matched == 1
    assert hits["free_text_entities"].matched == 1


def test_scan_without_today_uses_the_current_date():
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    assert v.scan_values([future], "DATE") == []
    assert v.scan_values(["1990-01-01"], "DATE")[0].kind == "birth_date"


# ---------------------------------------------------------------------------------------------
# whole columns of 5,000 values
# ---------------------------------------------------------------------------------------------

FIRST = ["John", "Mary", "Ana", "José", "Luís", "Søren", "Zoë", "Pierre", "Giulia", "Katarzyna",
         "Lars", "Jan", "Sofia", "Matteo", "Emma", "Lucas", "Mia"]
LAST = ["Smith", "Garcia", "Lima", "Gonçalves", "Müller", "Ibáñez", "Dubois", "Rossi", "Jensen",
        "Kowalski", "de Vries", "Andersson", "Novák", "Nagy", "Silva", "Martin"]


def mixed(rng: random.Random, make, n: int = 5000) -> list[object]:
    """A column of `n` values: mostly from `make`, with NULLs, blanks and a little junk."""
    junk = ["", "  ", None, "n/a", "-", "unknown", "0"]
    return [rng.choice(junk) if rng.random() < 0.06 else make(rng) for _ in range(n)]


def make_email(rng: random.Random) -> str:
    return (f"{rng.choice(FIRST).lower()}.{rng.choice(LAST).lower().replace(' ', '')}"
            f"{rng.randrange(1000)}@{rng.choice(['example.test', 'mail.example.org'])}")


def make_phone(rng: random.Random) -> str:
    d = [str(rng.randrange(10)) for _ in range(10)]
    layouts = ["+1 ({}{}{}) {}{}{}-{}{}{}{}", "{}{}{}-{}{}{}-{}{}{}{}", "{}{}{}.{}{}{}.{}{}{}{}",
               "+49 0{}{} {}{}{}{}{}{}{}", "+33 {} {}{} {}{} {}{} {}{}"]
    return rng.choice(layouts).format(*d)


def make_name(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return name.upper() if rng.random() < 0.2 else name


@pytest.mark.parametrize("make,kind,cls", [
    (make_email, "email", "email"),
    (make_phone, "phone", "phone"),
    (make_name, "full_name", "full_name"),
])
def test_scan_5000_values_top_hit(make, kind, cls):
    rng = random.Random(20250601)
    column = mixed(rng, make)
    hits = v.scan_values(column, "VARCHAR", today=TODAY)
    top = hits[0]
    assert (top.kind, top.cls) == (kind, cls)
    assert top.fraction > 0.9
    assert all(h.fraction < 0.5 for h in hits[1:])


def test_scan_5000_mixed_values_is_fast():
    rng = random.Random(7)
    makers = [make_email, make_phone, make_name,
              lambda r: f"{r.randrange(100, 899)}-{r.randrange(10, 99)}-{r.randrange(1000, 9999)}",
              lambda r: "4111 1111 1111 1111", lambda r: "GB82 WEST 1234 5698 7654 32",
              lambda r: f"10.0.{r.randrange(256)}.{r.randrange(256)}",
              lambda r: "3a2fa41c-32a1-ca99-ecd8-fdacae38fc3e", lambda r: "SW1A 1AA",
              lambda r: f"{r.uniform(-90, 90):.6f}",
              lambda r: f"19{r.randrange(10, 99)}-0{r.randrange(1, 9)}-1{r.randrange(9)}",
              lambda r: f"Please call {make_phone(r)} or write to {make_email(r)} today.",
              lambda r: '{"name": "Ana", "email": "ana@example.test"}',
              lambda r: str(r.randrange(10**9))]
    column = mixed(rng, lambda r: r.choice(makers)(r))
    v._name_lists()                            # built once, outside the timing
    best = min(_timed(lambda: v.scan_values(column, "VARCHAR", today=TODAY)) for _ in range(2))
    assert best < 1.0
    kinds = {h.kind for h in v.scan_values(column, "VARCHAR", today=TODAY)}
    assert {"email", "phone", "full_name", "us_ssn", "card", "iban", "ipv4", "uuid", "uk",
            "latitude", "birth_date", "free_text_entities", "json"} <= kinds


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_every_kind_has_a_class_and_an_evidence_sentence():
    assert set(v._NOUNS) | {"free_text_entities"} == set(v.KIND_CLASSES)
    for kind in v._NOUNS:
        assert v._detail(kind, 1200, 5000).startswith("1,200 of 5,000 sampled values are ")
