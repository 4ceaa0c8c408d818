# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of GET /api/summary: the caller's month, summed from its transactions
(income, expense, net, the top merchants by spend, spend per day). A month with no statement sums
to zero."""

from app.handlers._ledger import month_summary, transactions
from app.handwritten import GetApiSummaryContext, StatementSummary


async def handle(context: GetApiSummaryContext, month: int, year: int) -> StatementSummary:
    return month_summary(month, year, await transactions(context.session, context.user, year, month))
