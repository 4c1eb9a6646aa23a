"""Value validators of the PII scanner.

Each validator looks at one sampled value (as text) and says whether it has the shape, and where
there is one the checksum, of a kind of personal data: an email address, a phone number, a
national ID, a card number, an IBAN, an IP address, a postcode, a name, and so on.
`scan_values` runs all the validators that make sense for a column's type over its sample and
reports, per validator, how many values it accepted.

The validators are deliberately strict about shape and checksums so that a high match fraction is
good evidence; weak validators (bare digit strings, plain 4/5-digit codes, coordinates) are kept
apart under their own kind so the scanner can weigh them together with the column name.
"""

from __future__ import annotations

import datetime
import ipaddress
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from understudy.scan.types import ValueHit

__all__ = [
    "normalize_value",
    "is_email",
    "is_phone",
    "is_phone_digits",
    "national_id_kind",
    "is_card_number",
    "is_iban",
    "is_ipv4",
    "is_ipv6",
    "is_uuid",
    "is_mac",
    "postcode_kind",
    "is_latitude",
    "is_longitude",
    "parse_date",
    "is_plausible_birth_date",
    "name_kind",
    "find_entities",
    "looks_like_free_text",
    "parse_json_document",
    "scan_values",
]


# --------------------------------------------------------------------------------------------
# Normalizing sampled values
# --------------------------------------------------------------------------------------------

_SCIENTIFIC = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+", re.ASCII)
_MAX_INTEGER_DIGITS = 40   # scientific values that would expand beyond this stay as text


def _integral_digits(number: Decimal) -> str | None:
    """The integer digits of an integral Decimal, or None when it is not integral or is huge."""
    if not number.is_finite() or number != number.to_integral_value():
        return None
    if number.adjusted() >= _MAX_INTEGER_DIGITS:
        return None
    return str(int(number))


def normalize_value(value: object) -> str | None:
    """The text form of one sampled value, stripped of surrounding whitespace.

    NULL (None, and a float NaN, which is how some drivers hand NULL back) gives None; an empty
    string stays ''. Integral numbers in scientific notation, whether floats (5551234567.0) or
    text ("5.551234567E9"), become their integer digits ("5551234567"), which is what a phone
    number or card number stored in a floating-point column looks like once exported.
    Non-integral numbers stay as text ("37.7749").
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        if text and text[-1] in "0123456789" and ("e" in text or "E" in text) \
                and _SCIENTIFIC.fullmatch(text):
            try:
                digits = _integral_digits(Decimal(text))
            except InvalidOperation:
                digits = None
            if digits is not None:
                return digits
        return text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        if value.is_integer() and abs(value) < 10 ** _MAX_INTEGER_DIGITS:
            return str(int(value))
        text = repr(value)
        if "e" in text or "E" in text:
            text = format(Decimal(text), "f")
        return text
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None if value.is_nan() else str(value).lower()
        text = str(value)
        if "E" in text or "e" in text:
            digits = _integral_digits(value)
            return digits if digits is not None else format(value, "f")
        return text
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace").strip()
    if isinstance(value, (dict, list, tuple)):
        try:
            return json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError):
            return str(value).strip()
    return str(value).strip()


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

_DROP_DIGITS = str.maketrans("", "", "0123456789")


def _digit_count(s: str) -> int:
    return len(s) - len(s.translate(_DROP_DIGITS))


def _is_ascii_digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


def _luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check used by card numbers and Canadian SINs."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i & 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _all_same(digits: str) -> bool:
    return len(set(digits)) == 1


# --------------------------------------------------------------------------------------------
# Email
# --------------------------------------------------------------------------------------------

# The local part accepts the characters RFC 5322 allows unquoted (letters, digits and
# ! # $ % & ' * + / = ? ^ _ ` { | } ~ -), dots between them, and non-ASCII letters.
_EMAIL_ATOM = r"[\w!#$%&'*+/=?^`{|}~-]+"
_EMAIL_LABEL = r"[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?"
_EMAIL_TLD = r"(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59})"
_EMAIL = re.compile(
    rf"{_EMAIL_ATOM}(?:\.{_EMAIL_ATOM})*@(?:{_EMAIL_LABEL}\.)+{_EMAIL_TLD}", re.IGNORECASE)


def is_email(s: str) -> bool:
    """An email address: local part, '@', a domain with at least one dot and a letter TLD."""
    if "@" not in s or len(s) > 254 or len(s) < 6:
        return False
    if s.count("@") != 1 or s.index("@") > 64:
        return False
    return _EMAIL.fullmatch(s) is not None


# --------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------

_PHONE_CHARS = re.compile(r"[+\d ().\-]+", re.ASCII)
_PHONE_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension|#)\s*\d{1,6}$",
                              re.IGNORECASE | re.ASCII)
_PHONE_GROUPS = re.compile(r"\+? *\d+(?:(?: *[.\-] *| +)\d+)*", re.ASCII)
_DIGIT_RUN = re.compile(r"\d+", re.ASCII)
_YMD = re.compile(r"(\d{4})([-./ ])(\d{1,2})\2(\d{1,2})", re.ASCII)
_DMY = re.compile(r"(\d{1,2})([-./ ])(\d{1,2})\2(\d{4})", re.ASCII)
_NOT_PHONE = re.compile(
    r"\d{1,3}(?:\.\d{1,3}){3}"        # IPv4 address
    r"|\d{3}-\d{2}-\d{4}"             # US SSN layout
    r"|\d{5}-\d{3,4}"                 # ZIP+4, Brazilian CEP
    r"|\d{4}-\d{3}"                   # Portuguese postcode
    r"|(?:19|20)\d{2} ?- ?(?:19|20)\d{2}"   # range of years: 1964-1971
    r"|\d+\.\d+"                      # decimal number
    r"|\d{1,3}(?:\.\d{3})+",          # number with dots as thousands separators
    re.ASCII)


def _looks_like_date(s: str) -> bool:
    m = _YMD.fullmatch(s)
    if m:
        return 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31
    m = _DMY.fullmatch(s)
    if m:
        a, b = int(m.group(1)), int(m.group(3))
        return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)
    return False


def is_phone(s: str) -> bool:
    """A formatted phone number: 7 to 15 digits with '+', parentheses, spaces, dots or dashes.

    Accepts '+1 (403) 262-3443', '555-0142', '+49 030 2141444', '(11) 3033-5446',
    '+33 1 42 34 56 78', '0171 123 4567' and an extension ('x123', 'ext. 12'). A bare digit
    string is not a formatted phone (see `is_phone_digits`), nor are dates, IP addresses,
    decimals, SSN-shaped or postcode-shaped values.
    """
    if len(s) < 7 or len(s) > 40:
        return False
    if s[0] not in "+(0123456789":
        return False
    ext = _PHONE_EXTENSION.search(s)
    if ext is not None:
        s = s[:ext.start()]
    if not _PHONE_CHARS.fullmatch(s) or s.isdigit():
        return False
    digits = _digit_count(s)
    if not 7 <= digits <= 15:
        return False
    plus = s.count("+")
    if plus > 1 or (plus == 1 and not (s.startswith("+") or s.startswith("(+"))):
        return False
    if "(" in s or ")" in s:
        if s.count("(") != 1 or s.count(")") != 1:
            return False
        start, end = s.index("("), s.index(")")
        inner = s[start + 1:end].lstrip("+")
        if end < start or not inner.isdigit() or len(inner) > 5:
            return False
        s = s.replace("(", " ").replace(")", " ").strip()
        if s.startswith("+ "):
            s = "+" + s[1:].lstrip()
    if not _PHONE_GROUPS.fullmatch(s):
        return False
    groups = _DIGIT_RUN.findall(s)
    if len(groups) > 7 or sum(1 for g in groups if len(g) == 1) > 2:
        return False
    if _NOT_PHONE.fullmatch(s) or _looks_like_date(s):
        return False
    return True


def is_phone_digits(s: str) -> bool:
    """A bare string of 10 to 15 digits: weak evidence of a phone number, to be used only
    together with a column name that hints at phones."""
    return 10 <= len(s) <= 15 and _is_ascii_digits(s) and not _all_same(s)


# --------------------------------------------------------------------------------------------
# National identifiers
# --------------------------------------------------------------------------------------------

_US_SSN = re.compile(r"(\d{3})-(\d{2})-(\d{4})", re.ASCII)
_CA_SIN = re.compile(r"\d{3}([- ])\d{3}\1\d{3}", re.ASCII)
_FR_NIR = re.compile(r"([1-478])(\d{2})(\d{2})(\d{2}|2[AB])(\d{6})(\d{2})", re.ASCII)
_ES_DNI = re.compile(r"(\d{8})[- ]?([A-Z])", re.ASCII)
_ES_NIE = re.compile(r"([XYZ])[- ]?(\d{7})[- ]?([A-Z])", re.ASCII)
_UK_NINO = re.compile(r"([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])(\d{6})([A-D])", re.ASCII)
_UK_NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_DE_STEUER = re.compile(r"[1-9]\d{10}", re.ASCII)
_DE_STEUER_SPACED = re.compile(r"\d{2} \d{3} \d{3} \d{3}", re.ASCII)
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_ID_SEPARATORS = str.maketrans("", "", " .-")

# VAT numbers: what follows the country prefix, per country (separators removed).
_VAT_BODIES = {
    "AT": r"U\d{8}",
    "BE": r"[01]\d{9}",
    "BG": r"\d{9,10}",
    "CH": r"E\d{9}(?:MWST|TVA|IVA)?",
    "CY": r"\d{8}[A-Z]",
    "CZ": r"\d{8,10}",
    "DE": r"\d{9}",
    "DK": r"\d{8}",
    "EE": r"\d{9}",
    "EL": r"\d{9}",
    "ES": r"[A-Z0-9]\d{7}[A-Z0-9]",
    "FI": r"\d{8}",
    "FR": r"[A-HJ-NP-Z0-9]{2}\d{9}",
    "GB": r"\d{9}|\d{12}|GD\d{3}|HA\d{3}",
    "HR": r"\d{11}",
    "HU": r"\d{8}",
    "IE": r"\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W]",
    "IT": r"\d{11}",
    "LT": r"\d{9}|\d{12}",
    "LU": r"\d{8}",
    "LV": r"\d{11}",
    "MT": r"\d{8}",
    "NL": r"\d{9}B\d{2}",
    "NO": r"\d{9}(?:MVA)?",
    "PL": r"\d{10}",
    "PT": r"\d{9}",
    "RO": r"\d{8,10}",
    "SE": r"\d{10}01",
    "SI": r"\d{8}",
    "SK": r"\d{10}",
    "XI": r"\d{9}|\d{12}|GD\d{3}|HA\d{3}",
}
_VAT = {country: re.compile(body, re.ASCII) for country, body in _VAT_BODIES.items()}


def _us_ssn(s: str) -> bool:
    m = _US_SSN.fullmatch(s)
    if m is None:
        return False
    area, group, serial = m.groups()
    return area not in ("000", "666") and group != "00" and serial != "0000"


def _ca_sin(s: str) -> bool:
    if _CA_SIN.fullmatch(s) is None:
        return False
    digits = s.replace("-", "").replace(" ", "")
    return not _all_same(digits) and _luhn_ok(digits)


def _fr_nir(compact: str) -> bool:
    m = _FR_NIR.fullmatch(compact)
    if m is None:
        return False
    month = int(m.group(3))
    if month == 0 or 13 <= month <= 19:
        return False
    body = compact[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(m.group(6))


def _es_dni(compact: str) -> bool:
    m = _ES_DNI.fullmatch(compact)
    return m is not None and _DNI_LETTERS[int(m.group(1)) % 23] == m.group(2)


def _es_nie(compact: str) -> bool:
    m = _ES_NIE.fullmatch(compact)
    if m is None:
        return False
    number = int(str("XYZ".index(m.group(1))) + m.group(2))
    return _DNI_LETTERS[number % 23] == m.group(3)


def _uk_nino(compact: str) -> bool:
    m = _UK_NINO.fullmatch(compact)
    return m is not None and m.group(1) + m.group(2) not in _UK_NINO_BAD_PREFIXES


def _de_steuer_id(digits: str) -> bool:
    if _DE_STEUER.fullmatch(digits) is None:
        return False
    product = 10
    for ch in digits[:10]:
        total = (ord(ch) - 48 + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    check = 11 - product
    if check == 10:
        check = 0
    return check == ord(digits[10]) - 48


def _eu_vat(compact: str) -> bool:
    if len(compact) < 7 or len(compact) > 16:
        return False
    pattern = _VAT.get(compact[:2])
    return pattern is not None and pattern.fullmatch(compact[2:]) is not None


def national_id_kind(s: str) -> str | None:
    """Which national identifier `s` is, checksum included where the format has one.

    Returns 'us_ssn' (dashed ddd-dd-dddd only; area not 000/666, group not 00, serial not 0000;
    9xx areas accepted because test data uses them), 'ca_sin' (ddd-ddd-ddd or ddd ddd ddd, Luhn),
    'fr_nir' (15 characters, key = 97 - n mod 97, spaces allowed, Corsica 2A/2B), 'es_dni',
    'es_nie' (control letter), 'uk_nino' (official prefix exclusions, suffix A-D),
    'de_steuer_id' (11 digits, ISO 7064 MOD 11,10 check digit), 'eu_vat' (country prefix and
    that country's layout), or None. Passport numbers are too generic to recognise by value.
    """
    n = len(s)
    if n < 9 or n > 24:
        return None
    if n == 11 and s[3] == "-" and _us_ssn(s):
        return "us_ssn"
    if n == 11 and _ca_sin(s):
        return "ca_sin"
    upper = s.upper()
    compact = upper.translate(_ID_SEPARATORS)
    spaceless = upper.replace(" ", "")
    if len(spaceless) == 15 and _fr_nir(spaceless):
        return "fr_nir"
    if len(compact) == 9:
        if _es_dni(compact):
            return "es_dni"
        if _es_nie(compact):
            return "es_nie"
        if _uk_nino(spaceless):
            return "uk_nino"
    if len(compact) == 11 and (n == 11 or _DE_STEUER_SPACED.fullmatch(s)):
        if _de_steuer_id(compact):
            return "de_steuer_id"
    if compact[:2].isalpha() and _eu_vat(compact):
        return "eu_vat"
    return None


# --------------------------------------------------------------------------------------------
# Payment cards and bank accounts
# --------------------------------------------------------------------------------------------

_CARD_LAYOUT = re.compile(r"\d(?:[ -]?\d){12,18}", re.ASCII)


def _card_issuer_ok(digits: str) -> bool:
    n = len(digits)
    if digits.startswith("999999"):          # test range used by synthetic data
        return True
    first = digits[0]
    two = int(digits[:2])
    three = int(digits[:3])
    four = int(digits[:4])
    if first == "4":                          # Visa
        return n in (13, 16, 19)
    if two in (34, 37):                       # American Express
        return n == 15
    if 51 <= two <= 55 or 2221 <= four <= 2720:   # Mastercard
        return n == 16
    if four == 6011 or two == 65 or 644 <= three <= 649:   # Discover
        return 16 <= n <= 19
    if 3528 <= four <= 3589:                  # JCB
        return 16 <= n <= 19
    if four in (1800, 2131):                  # JCB, older 15-digit range
        return n == 15
    if two in (36, 38) or 300 <= three <= 305:    # Diners Club
        return 14 <= n <= 19
    if two == 62:                             # UnionPay
        return 16 <= n <= 19
    if two == 50 or 56 <= two <= 69:          # Maestro
        return 13 <= n <= 19
    return False


def is_card_number(s: str) -> bool:
    """A payment card number: 13 to 19 digits (spaces or dashes allowed), Luhn valid, with a
    real issuer prefix (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro) or the
    test prefix 999999. Strings of one repeated digit are rejected."""
    if len(s) < 13 or len(s) > 23 or _CARD_LAYOUT.fullmatch(s) is None:
        return False
    digits = s.replace(" ", "").replace("-", "")
    if _all_same(digits):
        return False
    return _card_issuer_ok(digits) and _luhn_ok(digits)


# IBAN length per country (ISO 13616 registry).
_IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
    "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20,
    "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27, "MT": 31, "MU": 30,
    "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
    "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "RU": 33, "BI": 27,
    "DJ": 27, "SO": 23, "MN": 20, "FK": 18, "OM": 23,
}
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", re.ASCII)


def _iban_compact_ok(compact: str) -> bool:
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact) or _IBAN.fullmatch(compact) is None:
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def is_iban(s: str) -> bool:
    """An IBAN: country code, 2 check digits and the account (spaces allowed), with that
    country's length and a mod-97 remainder of 1."""
    if len(s) < 15 or len(s) > 42 or not s[:2].isalpha():
        return False
    return _iban_compact_ok(s.replace(" ", "").upper())


# --------------------------------------------------------------------------------------------
# Network and device identifiers
# --------------------------------------------------------------------------------------------

_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}", re.ASCII)
_IPV6_CHARS = re.compile(r"[0-9A-Fa-f:.]+(?:%[\w.\-]+)?")


def is_ipv4(s: str) -> bool:
    """A dotted IPv4 address; octets above 255 and leading zeros ('01.02.03.04') are rejected."""
    if len(s) < 7 or len(s) > 15 or _IPV4.fullmatch(s) is None:
        return False
    try:
        ipaddress.IPv4Address(s)
    except ValueError:
        return False
    return True


def is_ipv6(s: str) -> bool:
    """An IPv6 address in any standard notation ('2001:db8::1', '::ffff:192.0.2.1')."""
    if len(s) < 3 or len(s) > 64 or s.count(":") < 2 or _IPV6_CHARS.fullmatch(s) is None:
        return False
    try:
        ipaddress.IPv6Address(s)
    except ValueError:
        return False
    return True


_UUID_DASHED = re.compile(r"[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}")
_HEX32 = re.compile(r"[0-9A-Fa-f]{32}")
_HEX_LETTER = re.compile(r"[A-Fa-f]")
_HEX_DIGIT = re.compile(r"[0-9]")


def is_uuid(s: str) -> bool:
    """A UUID: 8-4-4-4-12 hex digits, optionally in braces, or 32 hex digits without dashes
    when they mix letters and digits."""
    n = len(s)
    if n == 38 and s[0] == "{" and s[-1] == "}":
        s, n = s[1:-1], 36
    if n == 36:
        return _UUID_DASHED.fullmatch(s) is not None
    if n == 32 and _HEX32.fullmatch(s):
        return _HEX_LETTER.search(s) is not None and _HEX_DIGIT.search(s) is not None
    return False


_MAC_PAIRS = re.compile(r"[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}", re.ASCII)
_MAC_DOTTED = re.compile(r"[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}", re.ASCII)


def is_mac(s: str) -> bool:
    """A MAC address: six hex pairs joined by ':' or '-', or three groups of four joined by '.'."""
    n = len(s)
    if n == 17:
        return _MAC_PAIRS.fullmatch(s) is not None
    if n == 14:
        return _MAC_DOTTED.fullmatch(s) is not None
    return False


# --------------------------------------------------------------------------------------------
# Postcodes and coordinates
# --------------------------------------------------------------------------------------------

_POSTCODES = (
    ("us_zip", re.compile(r"\d{5}-\d{4}", re.ASCII)),
    ("uk", re.compile(
        r"(?:GIR ?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d[0-9ABEHMNPRV-Y]?|\d[A-HJKPSTUW]) ?"
        r"\d[ABD-HJLNP-UW-Z]{2})", re.ASCII)),
    ("ca", re.compile(r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d", re.ASCII)),
    ("nl", re.compile(r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}", re.ASCII)),
    ("br", re.compile(r"\d{5}-\d{3}", re.ASCII)),
    ("pl", re.compile(r"\d{2}-\d{3}", re.ASCII)),
    ("pt", re.compile(r"\d{4}-\d{3}", re.ASCII)),
    ("se", re.compile(r"[1-9]\d{2} \d{2}", re.ASCII)),
    ("jp", re.compile(r"\d{3}-\d{4}", re.ASCII)),
)


def postcode_kind(s: str) -> str | None:
    """Which postcode layout `s` has, or None.

    'us_zip' (ZIP+4, 12345-6789), 'uk' ('SW1A 1AA'), 'ca' ('H2G 1A7'), 'nl' ('1234 AB'),
    'br' ('01310-200'), 'pl' ('00-358'), 'pt' ('1000-001'), 'se' ('114 55'), 'jp' ('123-4567').
    A plain 5-digit or 4-digit code is 'digits5' / 'digits4': weak evidence, since a plain
    5-digit US ZIP looks like French, German, Spanish or Italian codes (and like any number).
    """
    n = len(s)
    if n < 4 or n > 10:
        return None
    if n == 5 and _is_ascii_digits(s):
        return "digits5"
    if n == 4 and _is_ascii_digits(s):
        return "digits4"
    if _digit_count(s) == 0:
        return None
    upper = s.upper()
    for kind, pattern in _POSTCODES:
        if pattern.fullmatch(upper):
            return kind
    return None


_COORDINATE = re.compile(r"[+-]?\d{1,3}\.\d{2,}", re.ASCII)


def _coordinate(s: str, limit: float) -> bool:
    if len(s) < 4 or len(s) > 24 or _COORDINATE.fullmatch(s) is None:
        return False
    return -limit <= float(s) <= limit


def is_latitude(s: str) -> bool:
    """A decimal between -90 and 90 with at least 2 decimals ('37.7749')."""
    return _coordinate(s, 90.0)


def is_longitude(s: str) -> bool:
    """A decimal between -180 and 180 with at least 2 decimals ('-122.4194')."""
    return _coordinate(s, 180.0)


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_ISO_DATE = re.compile(
    r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?"
    r"(?: ?(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)?",
    re.IGNORECASE | re.ASCII)


def parse_date(s: str) -> datetime.date | None:
    """The date of an ISO date or timestamp ('1947-09-19', '1947-09-19 00:00:00',
    '2003-05-01T10:00:00Z', '2003-05-01 10:00:00+02:00') or of 'YYYY/MM/DD'; None otherwise.
    Day-first and month-first layouts are not guessed."""
    if len(s) < 8 or len(s) > 40 or not s[:4].isdigit():
        return None
    m = _ISO_DATE.fullmatch(s)
    if m is None:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None


def _as_date(d: datetime.date) -> datetime.date:
    return d.date() if isinstance(d, datetime.datetime) else d


def is_plausible_birth_date(d: datetime.date, today: datetime.date) -> bool:
    """A date someone alive could be born on: not after `today` and at most 120 years before."""
    d, today = _as_date(d), _as_date(today)
    if d > today:
        return False
    age = today.year - d.year - ((today.month, today.day) < (d.month, d.day))
    return age <= 120


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

# Locales whose Faker person providers feed the name lists. More locales catch more names but
# also more ordinary words (en_IE and de_AT list 'Rock' as a surname), so the list stays at the
# main Latin-alphabet locales.
NAME_LOCALES = (
    "en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "es_MX", "it_IT", "pt_BR", "pt_PT", "nl_NL",
    "pl_PL", "sv_SE", "no_NO", "da_DK", "fi_FI", "cs_CZ", "hu_HU",
)
_FIRST_NAME_ATTRIBUTES = ("first_names", "first_names_male", "first_names_female",
                          "first_names_nonbinary")
_LAST_NAME_ATTRIBUTES = ("last_names", "last_names_male", "last_names_female",
                         "male_last_names", "unisex_last_names")

_FOLD_EXTRA = str.maketrans({
    "ß": "ss", "ø": "o", "æ": "ae", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "œ": "oe",
    "ı": "i", "’": "'", "ʼ": "'", "‘": "'",
})

# Titles before a name and suffixes after it, folded and without dots ('Dr.' -> 'dr').
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "dra", "prof", "profa", "sir", "dame", "lady",
    "lord", "rev", "fr", "m", "mme", "mlle", "herr", "frau", "fru", "hr", "dhr", "mevr", "sr",
    "sra", "srta", "srita", "don", "dona", "sig", "sigra", "dott", "dottssa", "ing", "dipl-ing",
    "mag", "mgr", "bc", "mudr", "judr", "phdr", "rndr", "mvdr", "paeddr", "doc", "univprof",
    "pan", "pani", "arch", "lic", "lcda", "lcdo",
})
_SUFFIXES = frozenset({
    "jr", "sr", "ii", "iii", "iv", "phd", "md", "dds", "dmd", "dvm", "esq", "mba", "ba", "bsc",
    "msc", "ma", "beng", "meng", "bed", "llm", "jd", "cpa", "rn", "dis", "dsc", "csc", "drsc",
    "thd",
})
# Suffixes recognised even without dots or capitals ('Ma' is also a surname).
_PLAIN_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "esq"})
_PARTICLES = frozenset({
    "de", "la", "le", "del", "della", "di", "da", "das", "dos", "do", "du", "des", "van",
    "von", "der", "den", "ter", "ten", "zu", "y", "e", "bin", "al", "el", "st",
})
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")


def _fold(text: str) -> str:
    """Lower case without accents: 'Müller' -> 'muller', 'Søren' -> 'soren', 'ß' -> 'ss'."""
    text = text.lower().translate(_FOLD_EXTRA)
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(ch))


def _provider_names(provider: type, attributes: Sequence[str]) -> list[str]:
    out: list[str] = []
    for attribute in attributes:
        names = getattr(provider, attribute, None)
        if isinstance(names, dict):
            names = list(names.keys())
        if isinstance(names, (list, tuple)):
            out.extend(n for n in names if isinstance(n, str))
    return out


@lru_cache(maxsize=1)
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """First names and last names, folded, from Faker's person providers (built once)."""
    import importlib

    first: set[str] = set()
    last: set[str] = set()
    for locale in NAME_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for target, attributes in ((first, _FIRST_NAME_ATTRIBUTES),
                                   (last, _LAST_NAME_ATTRIBUTES)):
            for name in _provider_names(provider, attributes):
                if "," in name:
                    continue
                folded = " ".join(_fold(name).split())
                if len(folded) >= 2:
                    target.add(folded)
    return frozenset(first), frozenset(last)


def _in_list(token: str, names: frozenset[str], parts_in: frozenset[str] | None = None) -> bool:
    """Whether a folded token is a list entry, or a hyphenated token whose parts all are."""
    if token in names:
        return True
    if "-" in token:
        parts = token.split("-")
        allowed = parts_in if parts_in is not None else names
        return all(len(p) >= 2 and (p in names or p in allowed) for p in parts)
    return False


def name_kind(s: str) -> str | None:
    """'first_name', 'last_name' or 'full_name' when `s` is a person's name, else None.

    Names are looked up, case-insensitive and accent-folded, in first-name and last-name lists
    taken from Faker's person providers of many locales. A single token is 'first_name' when it
    is a first name (even if it is a last name too) and 'last_name' when it is only a last name.
    A full name has 2 to 4 tokens (titles such as 'Dr.' and suffixes such as 'Jr.' ignored,
    particles such as 'van der' allowed on top): the first is a first name, the last a last
    name or first name. Tokens with digits or symbols never match.
    """
    if len(s) < 2 or len(s) > 80:
        return None
    raw = s.split()
    if not raw or len(raw) > 8:
        return None
    keys = [_fold(t).replace(".", "") for t in raw]
    if len(raw) >= 2 and raw[-2].endswith(",") and keys[-1] in _SUFFIXES:
        raw[-2], keys[-2] = raw[-2][:-1], keys[-2][:-1]
    while len(raw) > 1 and keys[0] in _TITLES and (raw[0].endswith(".") or len(raw) > 2):
        del raw[0], keys[0]
    while len(raw) > 1 and keys[-1] in _SUFFIXES \
            and ("." in raw[-1] or raw[-1].isupper() or keys[-1] in _PLAIN_SUFFIXES):
        del raw[-1], keys[-1]
    for token in raw:
        if _NAME_TOKEN.fullmatch(token) is None:
            return None
    tokens = [_fold(t) for t in raw]
    first, last = _name_lists()
    whole = " ".join(tokens)
    if len(tokens) > 1:                    # list entries of several words: 'Jose Manuel', 'Le Roux'
        if whole in first:
            return "first_name"
        if whole in last:
            return "last_name"
    if len(tokens) == 1:
        token = tokens[0]
        if token.endswith(".") or len(token) < 2:
            return None
        if _in_list(token, first):
            return "first_name"
        if _in_list(token, last, first):
            return "last_name"
        return None
    head, tail = tokens[0], tokens[-1]
    if tail.endswith(".") or len(tail) < 2:
        return None
    if all(t in _PARTICLES for t in tokens[:-1]):     # 'de la Cruz', 'van Dijk'
        return "last_name" if _in_list(tail, last, first) else None
    counted = [t for t in tokens[1:-1] if t not in _PARTICLES]
    if len(counted) + 2 > 4 or head.endswith(".") or len(head) < 2:
        return None
    if not (_in_list(head, first) or " ".join(tokens[:2]) in first):
        return None
    if _in_list(tail, last, first) or _in_list(tail, first):
        return "full_name"
    for k in range(2, len(tokens)):        # surnames of several words: 'van der Plas'
        if " ".join(tokens[-k:]) in last:
            return "full_name"
    return None


# --------------------------------------------------------------------------------------------
# Free text and JSON
# --------------------------------------------------------------------------------------------

# In running text the local part is read back from the '@' over the usual characters only, so
# that punctuation before an address ("(write to ana@...") is not taken as part of it.
_TEXT_EMAIL_LOCAL = re.compile(r"[\w%+'.-]+$")
_TEXT_EMAIL_DOMAIN = re.compile(rf"(?:{_EMAIL_LABEL}\.)+{_EMAIL_LABEL}", re.IGNORECASE)
_TEXT_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9])+", re.ASCII)
_TEXT_CARD = re.compile(r"(?<![\d\-])\d(?:[ \-]?\d){12,18}(?!\d)", re.ASCII)
_TEXT_SSN = re.compile(r"(?<![\d\-])\d{3}-\d{2}-\d{4}(?![\d\-])", re.ASCII)
_TEXT_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)", re.ASCII)
_TEXT_PHONE = re.compile(r"(?<![\w.+\-])(?:\+|\(\+?)?\d[\d ().\-]*\d(?!\w)", re.ASCII)
_MASK = "\x00"


def _masked(text: str, start: int, end: int) -> str:
    return text[:start] + _MASK * (end - start) + text[end:]


def _iban_in_text(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The span of the IBAN starting at `match`, cut at that country's length."""
    length = _IBAN_LENGTHS.get(match.group()[:2])
    if length is None:
        return None
    start, pos, seen = match.start(), match.start(), 0
    while pos < match.end() and seen < length:
        if text[pos] != " ":
            seen += 1
        pos += 1
    if seen < length or (pos < len(text) and text[pos].isalnum()):
        return None
    return (start, pos) if _iban_compact_ok(text[start:pos].replace(" ", "")) else None


def find_entities(text: str) -> dict[str, int]:
    """Count the personal data inside a longer text, by catalog class.

    Looks for emails ('email'), IBANs ('bank_account'), card numbers ('card_number'), US SSNs
    ('national_id'), IPv4 addresses ('ip_address') and formatted phone numbers ('phone'), and
    counts every occurrence. Each piece of text is counted once: a card number is not also
    counted as a phone number.
    """
    found: Counter[str] = Counter()
    if len(text) < 7:
        return {}
    digits = _digit_count(text)
    if "@" in text:
        at = text.find("@")
        while at != -1:
            local = _TEXT_EMAIL_LOCAL.search(text, max(0, at - 64), at)
            domain = _TEXT_EMAIL_DOMAIN.match(text, at + 1)
            if local is not None and domain is not None:
                name = local.group().lstrip(".'-")
                if name and is_email(f"{name}@{domain.group()}"):
                    found["email"] += 1
                    text = _masked(text, at - len(name), domain.end())
                    at = domain.end() - 1
            at = text.find("@", at + 1)
    if digits < 7:
        return dict(found)
    for m in list(_TEXT_IBAN.finditer(text)):
        span = _iban_in_text(text, m)
        if span is not None:
            found["bank_account"] += 1
            text = _masked(text, *span)
    for m in list(_TEXT_CARD.finditer(text)):
        if is_card_number(m.group()):
            found["card_number"] += 1
            text = _masked(text, m.start(), m.end())
    for m in list(_TEXT_SSN.finditer(text)):
        if _us_ssn(m.group()):
            found["national_id"] += 1
            text = _masked(text, m.start(), m.end())
    for m in list(_TEXT_IPV4.finditer(text)):
        if is_ipv4(m.group()):
            found["ip_address"] += 1
            text = _masked(text, m.start(), m.end())
    for m in _TEXT_PHONE.finditer(text):
        candidate = m.group()
        if not is_phone(candidate):
            continue
        # Numbers separated only by spaces ("in 2019 2020 and 2021") are too common in prose;
        # count them only when they start like a phone number.
        if not any(ch in candidate for ch in "+(.-") and candidate[0] != "0":
            continue
        found["phone"] += 1
    return dict(found)


_WORD = re.compile(r"[^\W\d_]")


def looks_like_free_text(s: str) -> bool:
    """Prose rather than a code or a name: at least 15 characters and 3 words with letters."""
    if len(s) < 15 or " " not in s:
        return False
    words = 0
    for token in s.split():
        if _WORD.search(token):
            words += 1
            if words >= 3:
                return True
    return False


def parse_json_document(s: str) -> object | None:
    """The parsed JSON object or array for a value starting with '{' or '['; None when the value
    is not JSON or is malformed."""
    if not s or s[0] not in "{[":
        return None
    try:
        document = json.loads(s)
    except (ValueError, RecursionError):
        return None
    return document if isinstance(document, (dict, list)) else None


# --------------------------------------------------------------------------------------------
# Scanning a sample
# --------------------------------------------------------------------------------------------

KIND_CLASSES = {
    "email": "email",
    "phone": "phone", "phone_digits": "phone",
    "us_ssn": "national_id", "fr_nir": "national_id", "es_dni": "national_id",
    "es_nie": "national_id", "uk_nino": "national_id", "ca_sin": "national_id",
    "de_steuer_id": "national_id", "eu_vat": "national_id",
    "card": "card_number",
    "iban": "bank_account",
    "ipv4": "ip_address", "ipv6": "ip_address",
    "uuid": "identifier",
    "mac": "device_id",
    "us_zip": "postcode", "uk": "postcode", "ca": "postcode", "nl": "postcode",
    "br": "postcode", "pl": "postcode", "pt": "postcode", "se": "postcode", "jp": "postcode",
    "digits4": "postcode", "digits5": "postcode",
    "latitude": "geo_coordinate", "longitude": "geo_coordinate",
    "birth_date": "date_of_birth",
    "unix_time": "event_date",
    "first_name": "first_name", "last_name": "last_name", "full_name": "full_name",
    "free_text": "free_text", "free_text_entities": "free_text",
    "json": "json", "json_malformed": "json",
}

# What each kind's values are called in the evidence sentence: (one, many).
_NOUNS = {
    "email": ("an email", "emails"),
    "phone": ("a formatted phone number", "formatted phone numbers"),
    "phone_digits": ("a 10-15 digit number (phone-like)", "10-15 digit numbers (phone-like)"),
    "us_ssn": ("a US social security number", "US social security numbers"),
    "fr_nir": ("a French social security number (key checked)",
               "French social security numbers (key checked)"),
    "es_dni": ("a Spanish DNI (control letter checked)",
               "Spanish DNIs (control letter checked)"),
    "es_nie": ("a Spanish NIE (control letter checked)",
               "Spanish NIEs (control letter checked)"),
    "uk_nino": ("a UK National Insurance number", "UK National Insurance numbers"),
    "ca_sin": ("a Canadian social insurance number (Luhn checked)",
               "Canadian social insurance numbers (Luhn checked)"),
    "de_steuer_id": ("a German tax ID (check digit verified)",
                     "German tax IDs (check digit verified)"),
    "eu_vat": ("a VAT number", "VAT numbers"),
    "card": ("a card number (Luhn and issuer checked)", "card numbers (Luhn and issuer checked)"),
    "iban": ("an IBAN (length and mod-97 checked)", "IBANs (length and mod-97 checked)"),
    "ipv4": ("an IPv4 address", "IPv4 addresses"),
    "ipv6": ("an IPv6 address", "IPv6 addresses"),
    "uuid": ("a UUID", "UUIDs"),
    "mac": ("a MAC address", "MAC addresses"),
    "us_zip": ("a US ZIP+4 code", "US ZIP+4 codes"),
    "uk": ("a UK postcode", "UK postcodes"),
    "ca": ("a Canadian postal code", "Canadian postal codes"),
    "nl": ("a Dutch postcode", "Dutch postcodes"),
    "br": ("a Brazilian CEP", "Brazilian CEPs"),
    "pl": ("a Polish postcode", "Polish postcodes"),
    "pt": ("a Portuguese postcode", "Portuguese postcodes"),
    "se": ("a Swedish postcode", "Swedish postcodes"),
    "jp": ("a Japanese postcode", "Japanese postcodes"),
    "digits4": ("a 4-digit code (postcode-like)", "4-digit codes (postcode-like)"),
    "digits5": ("a 5-digit code (postcode-like)", "5-digit codes (postcode-like)"),
    "latitude": ("a decimal between -90 and 90 (latitude-like)",
                 "decimals between -90 and 90 (latitude-like)"),
    "longitude": ("a decimal between -180 and 180 (longitude-like)",
                  "decimals between -180 and 180 (longitude-like)"),
    "birth_date": ("a plausible birth date (past, age 120 or less)",
                   "plausible birth dates (past, age 120 or less)"),
    "unix_time": ("a Unix timestamp between 2000 and 2100",
                  "Unix timestamps between 2000 and 2100"),
    "first_name": ("a first name (name lists, accent-folded)",
                   "first names (name lists, accent-folded)"),
    "last_name": ("a last name (name lists, accent-folded)",
                  "last names (name lists, accent-folded)"),
    "full_name": ("a full name (name lists, accent-folded)",
                  "full names (name lists, accent-folded)"),
    "free_text": ("free text (3 or more words)", "free text (3 or more words)"),
    "json": ("a JSON document", "JSON documents"),
    "json_malformed": ("malformed JSON (starts with { or [ but does not parse)",
                       "malformed JSON (start with { or [ but do not parse)"),
}

_INTEGER_TYPES = frozenset({
    "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
    "UBIGINT", "UHUGEINT", "VARINT", "INT", "INT1", "INT2", "INT4", "INT8", "INT16", "INT32",
    "INT64", "INT128", "LONG", "SHORT", "SIGNED", "BYTEINT",
})
_FLOAT_TYPES = frozenset({"DOUBLE", "FLOAT", "REAL", "FLOAT4", "FLOAT8", "DECIMAL", "NUMERIC",
                          "DOUBLE PRECISION"})
_DECIMAL_TYPE = re.compile(r"(?:DECIMAL|NUMERIC)\s*\(\s*\d+\s*,\s*(\d+)\s*\)")
_UNIX_SECONDS = (946_684_800, 4_102_444_800)      # 2000-01-01 .. 2100-01-01


def _type_family(data_type: str) -> str:
    """The group of checks a DuckDB column type gets: text, integer, float, temporal, uuid,
    json or none."""
    t = " ".join(data_type.strip().upper().split())
    if t.endswith("]") or t.startswith(("STRUCT", "MAP", "UNION", "LIST")):
        return "text"
    base = t.split("(", 1)[0].strip()
    if base in ("BOOLEAN", "BOOL", "LOGICAL", "BIT", "BITSTRING"):
        return "none"
    if base in ("DATE",) or base.startswith(("TIMESTAMP", "DATETIME")):
        return "temporal"
    if base.startswith(("TIME", "INTERVAL")):
        return "none"
    if base in _INTEGER_TYPES:
        return "integer"
    if base in ("DECIMAL", "NUMERIC"):
        return "integer" if _decimal_scale(t) == 0 else "float"
    if base in _FLOAT_TYPES:
        return "float"
    if base == "UUID":
        return "uuid"
    if base == "JSON":
        return "json"
    return "text"


def _decimal_scale(data_type: str) -> int | None:
    """The declared scale of a DECIMAL(p,s) / NUMERIC(p,s) type, None for other types."""
    m = _DECIMAL_TYPE.fullmatch(data_type.strip().upper())
    return int(m.group(1)) if m else None


def _is_unix_time(digits: str) -> bool:
    if not 9 <= len(digits) <= 13:
        return False
    n = int(digits)
    lo, hi = _UNIX_SECONDS
    return lo <= n <= hi or lo * 1000 <= n <= hi * 1000


def _digit_checks(s: str, counts: Counter[str]) -> None:
    """The checks that make sense on a bare digit string (integer columns, digit-only text)."""
    n = len(s)
    if 13 <= n <= 19 and is_card_number(s):
        counts["card"] += 1
    if 10 <= n <= 15 and is_phone_digits(s):
        counts["phone_digits"] += 1
    if n == 5:
        counts["digits5"] += 1
    elif n == 4:
        counts["digits4"] += 1


def _text_checks(s: str, counts: Counter[str], today: datetime.date) -> None:
    n = len(s)
    digits = _digit_count(s)
    if digits == n:
        _digit_checks(s, counts)
        if n in (11, 15):
            kind = national_id_kind(s)
            if kind is not None:
                counts[kind] += 1
        return
    if "@" in s and is_email(s):
        counts["email"] += 1
    if digits >= 6:
        # 6 digits: a UK National Insurance number (AB123456C) has no more.
        kind = national_id_kind(s)
        if kind is not None:
            counts[kind] += 1
    if digits >= 7:
        if is_phone(s):
            counts["phone"] += 1
        if 13 <= digits <= 19 and is_card_number(s):
            counts["card"] += 1
    if digits >= 2 and n >= 15 and s[:2].isalpha() and is_iban(s):
        counts["iban"] += 1
    if digits >= 4 and "." in s and is_ipv4(s):
        counts["ipv4"] += 1
    if ":" in s and is_ipv6(s):
        counts["ipv6"] += 1
    if n in (32, 36, 38) and is_uuid(s):
        counts["uuid"] += 1
    if n in (14, 17) and is_mac(s):
        counts["mac"] += 1
    if 1 <= digits and n <= 10:
        kind = postcode_kind(s)
        if kind is not None:
            counts[kind] += 1
    if digits >= 3 and "." in s and n <= 24:
        if is_latitude(s):
            counts["latitude"] += 1
        if is_longitude(s):
            counts["longitude"] += 1
    if digits >= 6:
        d = parse_date(s)
        if d is not None and is_plausible_birth_date(d, today):
            counts["birth_date"] += 1
    if digits == 0 and n <= 80:
        kind = name_kind(s)
        if kind is not None:
            counts[kind] += 1
    if s[0] in "{[":
        if parse_json_document(s) is not None:
            counts["json"] += 1
        else:
            counts["json_malformed"] += 1
    if n >= 15 and looks_like_free_text(s):
        counts["free_text"] += 1
        if find_entities(s):
            counts["free_text_entities"] += 1


def _detail(kind: str, matched: int, total: int) -> str:
    if kind == "free_text_entities":
        texts = "text contains" if matched == 1 else "texts contain"
        return (f"{matched:,} of {total:,} sampled {texts} an email, phone, ID, card number, "
                "IBAN or IP address")
    one, many = _NOUNS[kind]
    if matched == 1:
        return f"1 of {total:,} sampled values is {one}"
    return f"{matched:,} of {total:,} sampled values are {many}"


def scan_values(values: Sequence[object], data_type: str, *,
                today: datetime.date | None = None) -> list[ValueHit]:
    """Run the validators that suit `data_type` over a column's sampled values.

    Values are normalized with `normalize_value`; NULLs are dropped and empty or whitespace-only
    values are not counted. The result has one `ValueHit` per validator that accepted at least
    one value, sorted by fraction (highest first) and then by class and kind. `data_type` is the
    DuckDB type: DATE and TIMESTAMP columns get only the birth-date check, BOOLEAN columns none,
    integer columns the digit checks (card, phone digits, 4/5-digit codes, Unix timestamps),
    floating-point and decimal columns those plus coordinates, UUID columns the UUID check, and
    text columns everything. `today` (default: the current date) bounds plausible birth dates.
    """
    today = _as_date(today) if today is not None else datetime.date.today()
    texts = [t for t in map(normalize_value, values) if t]
    total = len(texts)
    if total == 0:
        return []
    family = _type_family(data_type)
    counts: Counter[str] = Counter()
    if family == "none":
        return []
    if family == "temporal":
        for s in texts:
            d = parse_date(s)
            if d is not None and is_plausible_birth_date(d, today):
                counts["birth_date"] += 1
    elif family in ("integer", "float"):
        # A DECIMAL with 2 decimals or fewer holds money or measures, not coordinates.
        scale = _decimal_scale(data_type)
        geo = family == "float" and (scale is None or scale > 2)
        for s in texts:
            if _is_ascii_digits(s):
                _digit_checks(s, counts)
                if _is_unix_time(s):
                    counts["unix_time"] += 1
            elif geo and "." in s:
                if is_latitude(s):
                    counts["latitude"] += 1
                if is_longitude(s):
                    counts["longitude"] += 1
    elif family == "uuid":
        for s in texts:
            if is_uuid(s):
                counts["uuid"] += 1
    elif family == "json":
        for s in texts:
            if s[0] in "{[":
                if parse_json_document(s) is not None:
                    counts["json"] += 1
                else:
                    counts["json_malformed"] += 1
            if len(s) >= 7 and find_entities(s):
                counts["free_text_entities"] += 1
    else:
        for s in texts:
            _text_checks(s, counts, today)
    hits = [ValueHit(cls=KIND_CLASSES[kind], kind=kind, matched=matched, total=total,
                     detail=_detail(kind, matched, total))
            for kind, matched in counts.items() if matched > 0]
    hits.sort(key=lambda h: (-h.fraction, h.cls, h.kind))
    return hits
