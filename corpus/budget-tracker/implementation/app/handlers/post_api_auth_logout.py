# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /api/auth/logout: the server keeps no session state for a bearer
token, so logging out is the client dropping it; the answer is the contract's empty 200."""

from app.handwritten import PostApiAuthLogoutContext


async def handle(context: PostApiAuthLogoutContext) -> None:
    return None
