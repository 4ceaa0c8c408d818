"""Password hashes of the local users (data-model.md: password_hash and salt): scrypt from the
standard library (RFC 7914), the salt kept in its own column."""

import hashlib
import hmac
import secrets


def new_salt() -> str:
    return secrets.token_hex(16)


def hash_password(password: str, salt: str) -> str:
    return hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1).hex()


def verify_password(password: str, salt: str | None, stored: str | None) -> bool:
    try:
        candidate = hash_password(password, salt or "")
    except ValueError:
        return False
    return hmac.compare_digest(candidate, stored or "")


# Compared against when the username is unknown, so a failed login costs the same either way.
DUMMY_SALT = new_salt()
DUMMY_HASH = hash_password(secrets.token_hex(16), DUMMY_SALT)
