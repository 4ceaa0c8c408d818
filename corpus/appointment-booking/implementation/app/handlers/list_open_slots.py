# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of GET /providers/{providerId}/slots (listOpenSlots).

A provider's open slots on one date (UTC), ordered by start: slots still in the future that no
current booking holds (AC-008). An unknown provider is a 404 PROVIDER_NOT_FOUND (AC-010).
"""

import datetime

from sqlmodel import col, select

from app.errors import ApiError
from app.handlers._booking import aware, now
from app.handwritten import ListOpenSlotsContext, SlotList, SlotListSlotsItem
from app.models import Appointment, AppointmentStatus, Provider, Slot


async def handle(context: ListOpenSlotsContext, provider_id: str, date_: datetime.date) -> SlotList:
    provider = await context.session.get(Provider, provider_id)
    if provider is None:
        raise ApiError(404, "PROVIDER_NOT_FOUND", f"Provider {provider_id} not found")
    day_start = datetime.datetime.combine(date_, datetime.time.min, tzinfo=datetime.UTC)
    day_end = day_start + datetime.timedelta(days=1)
    booked = select(Appointment.slot_id).where(col(Appointment.status) == AppointmentStatus.booked)
    rows = await context.session.exec(
        select(Slot)
        .where(col(Slot.provider_id) == provider_id)
        .where(col(Slot.start) >= day_start, col(Slot.start) < day_end)
        .where(col(Slot.id).not_in(booked))
        .order_by(col(Slot.start), col(Slot.id))
    )
    current = now()
    slots = [
        SlotListSlotsItem(id=slot.id, provider_id=slot.provider_id, start=aware(slot.start), end=aware(slot.end))
        for slot in rows.all()
        if aware(slot.start) > current
    ]
    return SlotList(provider_id=provider_id, date_=date_, slots=slots)
