# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /api/{user_id}/chat (chat).

specgen generated everything around this function: the route, the token check, the
path user id check, the body checked against the contract, the error bodies. Until you write
it, the operation answers 501 in the contract's error shape, and `specgen generate` says so.
"""

from typing import Any  # noqa: F401  (parameters may use it)

from app.errors import ApiError
from app.handwritten import (
    ChatContext,
    ChatRequest,
    ChatResponse,
)


async def handle(context: ChatContext, body: ChatRequest) -> ChatResponse:
    # specgen: stub (remove this line once the operation is implemented)
    raise ApiError(501, "NOT_IMPLEMENTED", "chat is not implemented yet")
