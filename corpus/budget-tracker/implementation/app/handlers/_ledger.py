"""What the budget handlers share: the caller's statements and transactions of a month or a year,
and the sums the summaries are made of (data-model.md, Derived Views). Amounts are positive; the
direction says which way the money went (credit in, debit out)."""

import datetime
from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from app import ownership
from app.handwritten import (
    StatementSummary,
    StatementSummaryDailySpendItem,
    StatementSummaryTopMerchantsItem,
)
from app.models import BankStatement, Transaction, TransactionDirection
from app.security import UserId

TOP_MERCHANTS = 5


async def transactions(session: AsyncSession, user: UserId, year: int, month: int | None = None) -> list[Transaction]:
    """The caller's transactions from the statements of that year (and month), by date."""
    query = (
        ownership.transaction_scope(user)
        .where(col(BankStatement.year) == year)
        .order_by(col(Transaction.date_), col(Transaction.created_at), col(Transaction.id))
    )
    if month is not None:
        query = query.where(col(BankStatement.month) == month)
    rows = await session.exec(query)
    return list(rows.all())


def income(rows: Sequence[Transaction]) -> float:
    return round(sum(t.amount for t in rows if t.direction == TransactionDirection.credit), 2)


def expense(rows: Sequence[Transaction]) -> float:
    return round(sum(t.amount for t in rows if t.direction == TransactionDirection.debit), 2)


def month_summary(month: int, year: int, rows: Sequence[Transaction]) -> StatementSummary:
    merchants: dict[str, float] = defaultdict(float)
    daily: dict[datetime.date, float] = defaultdict(float)
    for t in rows:
        if t.direction == TransactionDirection.debit:
            merchants[t.description] += t.amount
            daily[t.date_] += t.amount
    top = sorted(merchants.items(), key=lambda item: (-item[1], item[0]))[:TOP_MERCHANTS]
    return StatementSummary(
        month=month,
        year=year,
        total_income=income(rows),
        total_expense=expense(rows),
        net=round(income(rows) - expense(rows), 2),
        transaction_count=len(rows),
        top_merchants=[StatementSummaryTopMerchantsItem(merchant=m, amount=round(a, 2)) for m, a in top],
        daily_spend=[StatementSummaryDailySpendItem(date_=d, amount=round(a, 2)) for d, a in sorted(daily.items())],
    )
