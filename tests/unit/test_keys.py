"""Where the key comes from, and what is refused."""

import hashlib
import hmac
import os
import stat

import pytest

from understudy.keys import KEY_ENV, KeyError_, generate_key_file, load_key


@pytest.fixture(autouse=True)
def no_env_key(monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv("UNDERSTUDY_KEY_FILE", raising=False)


def test_missing_key_is_an_error_that_says_what_to_do(tmp_path):
    with pytest.raises(KeyError_, match="UNDERSTUDY_KEY"):
        load_key(tmp_path / "absent")


@pytest.mark.parametrize("value", ["changeme", "secret", "short"])
def test_known_or_short_keys_are_refused(monkeypatch, value):
    monkeypatch.setenv(KEY_ENV, value)
    with pytest.raises(KeyError_):
        load_key()


def test_environment_wins_over_file(monkeypatch, tmp_path):
    path, created = generate_key_file(tmp_path / "key")
    assert created
    monkeypatch.setenv(KEY_ENV, "an-environment-key-of-32-bytes!!")
    assert load_key(path).raw == b"an-environment-key-of-32-bytes!!"


def test_key_file_is_private_and_not_overwritten(tmp_path):
    path, created = generate_key_file(tmp_path / "key")
    first = path.read_text()
    assert created and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again, created_again = generate_key_file(path)
    assert not created_again and again.read_text() == first
    assert len(load_key(path).raw) >= 32


def test_subkeys_are_independent_and_key_dependent(monkeypatch):
    monkeypatch.setenv(KEY_ENV, "a-key-of-sufficient-length-0001")
    a = load_key()
    monkeypatch.setenv(KEY_ENV, "a-key-of-sufficient-length-0002")
    b = load_key()
    assert a.subkey("token") != a.subkey("permutation")
    assert a.subkey("token") != b.subkey("token")
    assert a.subkey("token") == hmac.new(a.raw, b"understudy/v1/token", hashlib.sha256).digest()


def test_fingerprint_does_not_contain_the_key(monkeypatch):
    monkeypatch.setenv(KEY_ENV, "a-key-of-sufficient-length-0001")
    key = load_key()
    assert key.raw.decode() not in key.fingerprint and len(key.fingerprint) == 12
