# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of GET /api/transactions: the caller's transactions of a month, from that
month's statement, by date."""

from app.handlers._ledger import transactions
from app.handwritten import GetApiTransactionsContext, GetApiTransactionsResponseItem


async def handle(context: GetApiTransactionsContext, month: int, year: int) -> list[GetApiTransactionsResponseItem]:
    rows = await transactions(context.session, context.user, year, month)
    return [
        GetApiTransactionsResponseItem(
            id=str(t.id),
            date_=t.date_,
            description=t.description,
            category=t.category,
            reason=t.reason,
            amount=t.amount,
            direction=t.direction.value,
        )
        for t in rows
    ]
