# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /appointments (bookAppointment).

Books a slot for a patient (AC-001..AC-005): an unknown slot is a 404 SLOT_NOT_FOUND, a slot that
has started a 422 SLOT_IN_PAST, a slot someone holds a 409 SLOT_UNAVAILABLE, and a patient who
already holds BOOKING_LIMIT upcoming bookings a 409 BOOKING_LIMIT_REACHED. The slot's row is locked
while the booking is written, so two requests cannot both take it (on PostgreSQL).
"""

import uuid

from sqlmodel import col, func, select

from app.errors import ApiError
from app.handlers._booking import BOOKING_LIMIT, aware, now
from app.handwritten import BookAppointmentContext, BookAppointmentResponse, BookingRequest
from app.models import Appointment, AppointmentStatus, Slot


async def handle(context: BookAppointmentContext, body: BookingRequest) -> BookAppointmentResponse:
    session = context.session
    found = await session.exec(select(Slot).where(col(Slot.id) == body.slot_id).with_for_update())
    slot = found.first()
    if slot is None:
        raise ApiError(404, "SLOT_NOT_FOUND", f"Slot {body.slot_id} not found")
    current = now()
    if aware(slot.start) <= current:
        raise ApiError(422, "SLOT_IN_PAST", f"Slot {slot.id} has already started")
    held = await session.exec(
        select(func.count())
        .select_from(Appointment)
        .where(col(Appointment.slot_id) == slot.id, col(Appointment.status) == AppointmentStatus.booked)
    )
    if held.one() > 0:
        raise ApiError(409, "SLOT_UNAVAILABLE", f"Slot {slot.id} is already booked")
    upcoming = await session.exec(
        select(Appointment.start).where(
            col(Appointment.patient_id) == body.patient_id, col(Appointment.status) == AppointmentStatus.booked
        )
    )
    if sum(1 for start in upcoming.all() if aware(start) > current) >= BOOKING_LIMIT:
        message = f"Patient {body.patient_id} already holds {BOOKING_LIMIT} bookings"
        raise ApiError(409, "BOOKING_LIMIT_REACHED", message)
    appointment = Appointment(
        id=f"A-{uuid.uuid4().hex[:12]}",
        patient_id=body.patient_id,
        provider_id=slot.provider_id,
        slot_id=slot.id,
        start=aware(slot.start),
        status=AppointmentStatus.booked,
    )
    session.add(appointment)
    await session.commit()
    return BookAppointmentResponse(
        id=appointment.id,
        patient_id=appointment.patient_id,
        provider_id=appointment.provider_id,
        slot_id=appointment.slot_id,
        start=aware(appointment.start),
        status=appointment.status.value,
    )
