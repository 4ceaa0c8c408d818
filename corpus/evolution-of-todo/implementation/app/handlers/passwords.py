"""Password hashes of this service's users: scrypt (the standard library's, RFC 7914), stored as
`scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>` so the cost can be raised later without losing old hashes."""

import hashlib
import hmac
import secrets

N, R, P = 2**14, 8, 1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=N, r=R, p=P)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether the password matches; an unknown or malformed hash never does."""
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)


# Compared against when the email is unknown, so a failed login costs the same either way.
DUMMY_HASH = hash_password(secrets.token_hex(16))
