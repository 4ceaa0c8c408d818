# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /api/{user_id}/chat (sendChatMessage): one turn of the conversation
with the assistant (see _agent.py), answered whole. specgen's route has already checked the token,
the path's user id and the body against the contract."""

from app.handlers._agent import take_turn
from app.handwritten import ChatRequest, ChatResponse, SendChatMessageContext


async def handle(context: SendChatMessageContext, body: ChatRequest) -> ChatResponse:
    turn = await take_turn(context.session, context.user, body)
    await context.session.commit()
    return ChatResponse(
        conversation_id=turn.conversation.id,
        message_id=turn.reply.id,
        response=turn.reply.content,
        tool_calls=[],
    )
