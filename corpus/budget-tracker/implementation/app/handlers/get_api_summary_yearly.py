# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of GET /api/summary/yearly: the caller's year, with each month's totals (the
twelve of them) and the spend per category, largest first."""

from collections import defaultdict

from app.handlers._ledger import expense, income, transactions
from app.handwritten import (
    GetApiSummaryYearlyContext,
    YearlySummary,
    YearlySummaryCategoryTotalsItem,
    YearlySummaryMonthlyTotalsItem,
)
from app.models import TransactionDirection

UNCATEGORISED = "Uncategorised"


async def handle(context: GetApiSummaryYearlyContext, year: int) -> YearlySummary:
    rows = await transactions(context.session, context.user, year)
    months = []
    for month in range(1, 13):
        of_month = [t for t in rows if t.date_.month == month]
        months.append(
            YearlySummaryMonthlyTotalsItem(
                month=month,
                income=income(of_month),
                expense=expense(of_month),
                net=round(income(of_month) - expense(of_month), 2),
            )
        )
    categories: dict[str, float] = defaultdict(float)
    for t in rows:
        if t.direction == TransactionDirection.debit:
            categories[t.category or UNCATEGORISED] += t.amount
    return YearlySummary(
        year=year,
        total_income=income(rows),
        total_expense=expense(rows),
        net=round(income(rows) - expense(rows), 2),
        transaction_count=len(rows),
        monthly_totals=months,
        category_totals=[
            YearlySummaryCategoryTotalsItem(category=name, amount=round(amount, 2))
            for name, amount in sorted(categories.items(), key=lambda item: (-item[1], item[0]))
        ],
    )
