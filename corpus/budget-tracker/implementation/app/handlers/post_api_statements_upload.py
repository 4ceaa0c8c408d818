# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /api/statements/upload: stores the caller's statement for a month
and the transactions extracted from the uploaded file (see _extract.py), and answers that month's
summary. A statement already there for the month is a 409 unless `replace` is true, which replaces
it and its transactions; a file nothing can be extracted from is a 422.
"""

from fastapi import UploadFile
from sqlmodel import col

from app.errors import ApiError
from app.handlers._extract import ExtractionFailedError, extract
from app.handlers._ledger import month_summary, transactions
from app.handwritten import PostApiStatementsUploadContext, StatementSummary
from app.models import BankStatement, BankStatementStatus, Transaction, TransactionDirection

MAX_FILE_BYTES = 5 * 1024 * 1024


async def handle(
    context: PostApiStatementsUploadContext, file: UploadFile, month: int, year: int, replace: bool = False
) -> StatementSummary:
    session = context.session
    existing = await session.exec(
        context.bank_statement_rows().where(col(BankStatement.month) == month, col(BankStatement.year) == year)
    )
    previous = existing.first()
    if previous is not None and not replace:
        raise ApiError(409, "STATEMENT_EXISTS", f"A statement for {month}/{year} exists; send replace=true")
    content = await file.read(MAX_FILE_BYTES + 1)
    try:
        if len(content) > MAX_FILE_BYTES:
            raise ExtractionFailedError("file too large")
        found = extract(content)
    except ExtractionFailedError as exc:
        raise ApiError(422, "EXTRACTION_FAILED", f"Extraction failed or unsupported file: {exc}") from None
    if previous is not None:
        await session.delete(previous)  # its transactions go with it (on delete cascade)
        await session.flush()
    statement = BankStatement(
        user_id=context.user,
        month=month,
        year=year,
        original_filename=(file.filename or "statement")[:255],
        status=BankStatementStatus.ready,
    )
    session.add(statement)
    await session.flush()
    for item in found:
        session.add(
            Transaction(
                statement_id=statement.id,
                date_=item.date,
                description=item.description,
                category=item.category,
                reason=item.reason,
                amount=item.amount,
                direction=TransactionDirection(item.direction),
            )
        )
    await session.commit()
    return month_summary(month, year, await transactions(session, context.user, year, month))
