# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /api/{user_id}/chat (chat).

specgen generated everything around this function: the route, the checks the contract asks for
(token, path user id, body) and the error bodies. Until you write it, the operation answers 501 in
the contract's error shape, and `specgen generate` says so.
"""

import datetime  # noqa: F401  (parameter types may use it)
import uuid  # noqa: F401  (parameter types may use it)
from collections.abc import AsyncIterator  # noqa: F401  (a text/event-stream answer is one)
from typing import Any, Literal  # noqa: F401  (parameters may use them)

from fastapi import Response  # noqa: F401  (a file, bytes or a redirect is answered with one)

from app.errors import ApiError
from app.handwritten import (
    ChatContext,
    ChatRequest,
    ChatResponse,
)


async def handle(context: ChatContext, body: ChatRequest) -> ChatResponse:
    # specgen: stub (remove this line once the operation is implemented)
    raise ApiError(501, "NOT_IMPLEMENTED", "chat is not implemented yet")
