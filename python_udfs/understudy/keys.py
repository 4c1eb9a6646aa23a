"""The masking key: where it comes from and what is derived from it.

The key never reaches SQL text or any value SQL can read: the Python UDFs close over
subkeys derived from it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

KEY_ENV = "UNDERSTUDY_KEY"
KEY_FILE_ENV = "UNDERSTUDY_KEY_FILE"
MIN_KEY_BYTES = 16

# Keys that appear in documentation or tutorials are refused: a known key is no key.
_KNOWN_KEYS = frozenset({"changeme", "secret", "password", "test", "key", "understudy", "default"})


def default_key_file() -> Path:
    """Where the key file lives unless ``UNDERSTUDY_KEY_FILE`` says otherwise:
    ``$XDG_CONFIG_HOME/understudy/key`` (``~/.config/understudy/key``), outside any checkout,
    so no file of the repository ever holds the key."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "understudy" / "key"


class KeyError_(RuntimeError):
    """The masking key is missing or unusable."""


@dataclass(frozen=True)
class MaskingKey:
    """A validated masking key and the subkeys derived from it."""

    raw: bytes
    source: str

    def subkey(self, purpose: str) -> bytes:
        """Derive an independent 32-byte key for one purpose (HKDF-like, HMAC-SHA256)."""
        return hmac.new(self.raw, b"understudy/v1/" + purpose.encode(), hashlib.sha256).digest()

    @property
    def fingerprint(self) -> str:
        """A short, non-reversible id of the key, safe to print."""
        return self.subkey("fingerprint").hex()[:12]


def load_key(key_file: str | os.PathLike[str] | None = None) -> MaskingKey:
    """Load the masking key from ``UNDERSTUDY_KEY`` or else from the key file.

    Raises:
        KeyError_: when neither is set, or the key is too short or a well-known value.
    """
    value = os.environ.get(KEY_ENV)
    source = f"environment variable {KEY_ENV}"
    if not value:
        path = Path(key_file or os.environ.get(KEY_FILE_ENV) or default_key_file())
        if not path.is_file():
            raise KeyError_(
                f"no masking key: set {KEY_ENV}, or create the key file {path} "
                "(`understudy keygen` writes one)"
            )
        value = path.read_text(encoding="utf-8").strip()
        source = f"key file {path}"
    if value.lower() in _KNOWN_KEYS:
        raise KeyError_(f"the masking key from {source} is a well-known value; generate a real one")
    raw = value.encode("utf-8")
    if len(raw) < MIN_KEY_BYTES:
        raise KeyError_(f"the masking key from {source} is shorter than {MIN_KEY_BYTES} bytes")
    return MaskingKey(raw=raw, source=source)


def generate_key_file(path: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """Write a new random key file (mode 600) unless one exists. Returns (path, created)."""
    path = Path(path or os.environ.get(KEY_FILE_ENV) or default_key_file())
    if path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_urlsafe(32) + "\n")
    return path, True
