# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /auth/token: the login of this service's own users.

Checks the email and password against the users table and answers a bearer JWT, signed with the
same HS256 secret (JWT_SECRET) and claims the generated routes verify: `sub` is the user's
user_id, `exp` 30 minutes on (data-model.md: access tokens expire within 30 minutes), `jti` the
token's row in jwt_tokens. A wrong password, an unknown email and an inactive account all answer
the same 401, so a failed login never says whether the account exists.
"""

import datetime
import uuid

import jwt
from sqlmodel import col, select

from app.config import settings
from app.errors import ApiError
from app.handlers.passwords import DUMMY_HASH, verify_password
from app.handwritten import PostAuthTokenContext, PostAuthTokenRequest, PostAuthTokenResponse, PostAuthTokenResponseUser
from app.models import JwtToken, JwtTokenType, User
from app.timestamps import utcnow

ACCESS_TOKEN_LIFETIME = datetime.timedelta(minutes=30)


async def handle(context: PostAuthTokenContext, body: PostAuthTokenRequest) -> PostAuthTokenResponse:
    session = context.session
    found = await session.exec(select(User).where(col(User.email) == body.email.strip().lower()))
    user = found.first()
    valid = verify_password(body.password, user.password_hash if user is not None else DUMMY_HASH)
    if user is None or not valid or not user.is_active:
        raise ApiError(401, "INVALID_CREDENTIALS", "Invalid email or password")
    now = utcnow()
    token_id = uuid.uuid4()
    expires = now + ACCESS_TOKEN_LIFETIME
    claims = {"sub": user.user_id, "iat": now, "exp": expires, "jti": str(token_id)}
    token = jwt.encode(claims, settings.jwt_secret.get_secret_value(), algorithm="HS256")
    session.add(JwtToken(token_id=token_id, user_id=user.user_id, type_=JwtTokenType.access, expires_at=expires))
    user.last_login_at = now
    session.add(user)
    await session.commit()
    return PostAuthTokenResponse(
        access_token=token,
        token_type="bearer",
        user=PostAuthTokenResponseUser(
            user_id=user.user_id,
            email=user.email,
            email_verified=user.email_verified,
            first_name=user.first_name,
            last_name=user.last_name,
            role=user.role.value,
            created_at=user.created_at,
            updated_at=user.updated_at,
            is_active=user.is_active,
        ),
    )
