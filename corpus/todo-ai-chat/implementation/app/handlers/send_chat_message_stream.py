# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /api/{user_id}/chat/stream (sendChatMessageStream): the same turn as
sendChatMessage (see _agent.py), answered as Server-Sent Events, as the contract's example shows:
`token` events with the reply's words, then `done` with the conversation and message ids.

The handler yields (event, data) pairs; the door's plumbing writes each as `event:` and `data:`
lines of text/event-stream. The turn is stored before the first event is sent.
"""

from collections.abc import AsyncIterator
from typing import Any

from app.handlers._agent import take_turn
from app.handwritten import ChatRequest, SendChatMessageStreamContext


async def handle(context: SendChatMessageStreamContext, body: ChatRequest) -> AsyncIterator[tuple[str, dict[str, Any]]]:
    turn = await take_turn(context.session, context.user, body)
    await context.session.commit()
    for index, word in enumerate(turn.words):
        yield "token", {"content": word if index == len(turn.words) - 1 else word + " "}
    yield "done", {"conversation_id": turn.conversation.id, "message_id": turn.reply.id}
