# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /api/{user_id}/chat (chat): this example's stand-in for the agent.

A real deployment calls an AI agent with task tools here. This one is deterministic so the
example's tests and contract checks can run anywhere: it stores the user's message and a reply
that repeats it, in the caller's conversation (a new one when none is named), and calls no tools.
specgen's route has already checked the token, the path's user id and the body against the
contract; `context` gives the session, the caller and the caller's conversations only.
"""

from sqlmodel import col, func, select

from app.handwritten import ChatContext, ChatRequest, ChatResponse
from app.models import Conversation, Message, MessageRole
from app.timestamps import utcnow

TITLE_LENGTH = 200


async def handle(context: ChatContext, body: ChatRequest) -> ChatResponse:
    if body.conversation_id is None:
        conversation = Conversation(user_id=context.user, title=body.message[:TITLE_LENGTH])
        context.session.add(conversation)
        await context.session.flush()
    else:
        # Another user's conversation, or a missing one, is a 404 in the contract's error shape.
        conversation = await context.conversation(body.conversation_id)
    # Flushed or loaded, the conversation has its key.
    assert conversation.id is not None
    count = await context.session.exec(
        select(func.count()).select_from(Message).where(col(Message.conversation_id) == conversation.id)
    )
    reply = f"({count.one() // 2 + 1}) You said: {body.message}"
    context.session.add(Message(conversation_id=conversation.id, role=MessageRole.user, content=body.message))
    context.session.add(Message(conversation_id=conversation.id, role=MessageRole.assistant, content=reply))
    conversation.updated_at = utcnow()
    context.session.add(conversation)
    await context.session.commit()
    return ChatResponse(conversation_id=conversation.id, response=reply, tool_calls=[])
