# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /v1/inventory/{product_id}/reserve (reserveInventory).

Reserve command: takes `quantity` out of the available stock for an order, or answers 409
InsufficientStock when less is available. The same order_id again changes nothing.
"""

from app.errors import ApiError
from app.handlers._inventory import already_done, available, emit, finish, locked, response
from app.handwritten import OperationResult, ReserveInventoryContext, ReserveInventoryRequest


async def handle(context: ReserveInventoryContext, body: ReserveInventoryRequest, product_id: str) -> OperationResult:
    session = context.session
    row = await locked(session, product_id)
    if await already_done(session, product_id, "InventoryReserved", body.order_id):
        # Answered from the row as it is; the lock is released with the transaction.
        result = OperationResult(
            success=True, message=f"Order {body.order_id} is already reserved", inventory=response(row)
        )
        await session.rollback()
        return result
    if body.quantity <= 0:
        raise ApiError(400, "InvalidQuantity", "Reservation quantity must be positive")
    if body.quantity > available(row):
        raise ApiError(
            409, "InsufficientStock", f"Cannot reserve {body.quantity} units. Only {available(row)} available."
        )
    row.reserved_quantity += body.quantity
    emit(session, row, "InventoryReserved", {"order_id": body.order_id, "quantity": body.quantity})
    return await finish(session, row, f"Reserved {body.quantity} units for order {body.order_id}")
