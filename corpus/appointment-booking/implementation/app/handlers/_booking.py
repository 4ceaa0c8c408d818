"""Rules the booking handlers share (spec.md of the team: AC-001..AC-010).

Times are compared in UTC; SQLite hands back naive datetimes, which are UTC here.
"""

import datetime

from app.timestamps import utcnow

# AC-005: how many upcoming bookings one patient may hold at once.
BOOKING_LIMIT = 3
# AC-007: a booking can no longer be cancelled this close to its start.
CANCELLATION_WINDOW = datetime.timedelta(hours=24)


def aware(moment: datetime.datetime) -> datetime.datetime:
    """The moment with its time zone: a naive value read back from SQLite is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def now() -> datetime.datetime:
    return utcnow()
