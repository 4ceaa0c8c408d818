"""The conversation turn both chat operations share: this corpus case's stand-in for the agent.

A real deployment calls an LLM with task tools (MCP) here. This one is deterministic, so the case's
tests and contract checks run anywhere: it keeps the user's message and a reply that repeats it in
the caller's conversation (a new one, titled from the first message, when none is named), and
calls no tools. The reply comes in words, so the streaming operation has tokens to send.
"""

import datetime
from dataclasses import dataclass

from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import ownership
from app.errors import ApiError
from app.handwritten import ChatRequest
from app.models import Conversation, Message, MessageRole
from app.security import UserId
from app.timestamps import utcnow

# The contract's 429: at most 30 messages a minute per user.
RATE_LIMIT = 30
RATE_WINDOW = datetime.timedelta(minutes=1)
# data-model.md: a conversation's title is its first message, cut to 50 characters.
TITLE_LENGTH = 50


@dataclass
class Turn:
    conversation: Conversation
    reply: Message
    words: list[str]


async def take_turn(session: AsyncSession, user: UserId, body: ChatRequest) -> Turn:
    since = utcnow() - RATE_WINDOW
    recent = await session.exec(
        select(func.count())
        .select_from(Message)
        .join(Conversation, col(Conversation.id) == col(Message.conversation_id))
        .where(col(Conversation.user_id) == user, col(Message.role) == MessageRole.user)
        .where(col(Message.created_at) >= since)
    )
    if recent.one() >= RATE_LIMIT:
        raise ApiError(429, "RATE_LIMITED", f"At most {RATE_LIMIT} messages a minute", headers={"Retry-After": "60"})
    if body.conversation_id is None:
        conversation = Conversation(user_id=user, title=body.message[:TITLE_LENGTH])
        session.add(conversation)
        await session.flush()
    else:
        # Another user's conversation, or a missing one, is a 404 like every other.
        conversation = await ownership.get_conversation(session, user, body.conversation_id)
    assert conversation.id is not None  # flushed or loaded, it has its key
    count = await session.exec(
        select(func.count()).select_from(Message).where(col(Message.conversation_id) == conversation.id)
    )
    text = f"({count.one() // 2 + 1}) You said: {body.message}"
    session.add(Message(conversation_id=conversation.id, role=MessageRole.user, content=body.message))
    reply = Message(conversation_id=conversation.id, role=MessageRole.assistant, content=text)
    session.add(reply)
    conversation.updated_at = utcnow()
    session.add(conversation)
    await session.flush()
    return Turn(conversation, reply, text.split(" "))
