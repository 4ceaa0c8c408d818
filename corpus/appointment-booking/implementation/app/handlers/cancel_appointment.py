# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /appointments/{appointmentId}/cancel (cancelAppointment).

Cancels a booking (AC-006): an unknown appointment is a 404 APPOINTMENT_NOT_FOUND, one that starts
within CANCELLATION_WINDOW a 409 CANCELLATION_WINDOW_CLOSED (AC-007). Cancelling a cancelled
booking answers it unchanged.
"""

from sqlmodel import col, select

from app.errors import ApiError
from app.handlers._booking import CANCELLATION_WINDOW, aware, now
from app.handwritten import BookAppointmentResponse, CancelAppointmentContext
from app.models import Appointment, AppointmentStatus


async def handle(context: CancelAppointmentContext, appointment_id: str) -> BookAppointmentResponse:
    session = context.session
    found = await session.exec(select(Appointment).where(col(Appointment.id) == appointment_id).with_for_update())
    appointment = found.first()
    if appointment is None:
        raise ApiError(404, "APPOINTMENT_NOT_FOUND", f"Appointment {appointment_id} not found")
    if appointment.status == AppointmentStatus.booked:
        if aware(appointment.start) - now() < CANCELLATION_WINDOW:
            raise ApiError(409, "CANCELLATION_WINDOW_CLOSED", "The cancellation window for this booking has closed")
        appointment.status = AppointmentStatus.cancelled
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
