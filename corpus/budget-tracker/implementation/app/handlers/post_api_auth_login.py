# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /api/auth/login: checks a local user's username and password.

A wrong password and an unknown username answer the same 401, so a failed login never says whether
the account exists. The team's session (how the browser stays logged in) is not in the contract,
which declares no security scheme at all: that is the case's genuine gap, and this handler only
answers who logged in.
"""

from sqlmodel import col, select

from app.errors import ApiError
from app.handlers.passwords import DUMMY_HASH, DUMMY_SALT, verify_password
from app.handwritten import AuthUser, LoginRequest, PostApiAuthLoginContext
from app.models import User


async def handle(context: PostApiAuthLoginContext, body: LoginRequest) -> AuthUser:
    found = await context.session.exec(select(User).where(col(User.username) == body.username))
    user = found.first()
    if user is None:
        verify_password(body.password, DUMMY_SALT, DUMMY_HASH)
        raise ApiError(401, "INVALID_CREDENTIALS", "Invalid username or password")
    if not verify_password(body.password, user.salt, user.password_hash):
        raise ApiError(401, "INVALID_CREDENTIALS", "Invalid username or password")
    return AuthUser(id=str(user.id), username=user.username, role=user.role.value)
