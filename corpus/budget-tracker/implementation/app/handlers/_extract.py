"""Reading a statement file: this corpus case's stand-in for the LLM extraction.

A real deployment sends the file to an LLM that returns the transactions. This one reads a CSV with
the columns date (YYYY-MM-DD), description, amount and direction (credit or debit), and optionally
category and reason, so the case's tests run anywhere. Anything else is an extraction failure.
"""

import csv
import datetime
import io
from dataclasses import dataclass


@dataclass
class Extracted:
    date: datetime.date
    description: str
    amount: float
    direction: str
    category: str | None
    reason: str | None


class ExtractionFailedError(Exception):
    pass


def extract(content: bytes) -> list[Extracted]:
    try:
        text = content.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        found = []
        for row in rows:
            direction = (row.get("direction") or "").strip().lower()
            amount = float(row["amount"])
            if direction not in ("credit", "debit") or amount <= 0 or not (row.get("description") or "").strip():
                raise ExtractionFailedError(f"unreadable row: {row}")
            found.append(
                Extracted(
                    date=datetime.date.fromisoformat(row["date"].strip()),
                    description=row["description"].strip()[:500],
                    amount=round(amount, 2),
                    direction=direction,
                    category=(row.get("category") or "").strip()[:100] or None,
                    reason=(row.get("reason") or "").strip()[:500] or None,
                )
            )
    except (UnicodeDecodeError, KeyError, ValueError, csv.Error, AttributeError) as exc:
        raise ExtractionFailedError(str(exc)) from exc
    if not found:
        raise ExtractionFailedError("no transactions in the file")
    return found
