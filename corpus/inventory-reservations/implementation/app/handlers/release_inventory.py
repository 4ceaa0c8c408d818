# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of POST /v1/inventory/{product_id}/release (releaseInventory).

Release command: puts reserved units back into the available stock; releasing more than is
reserved is a 400 InvalidQuantity. The same order_id again changes nothing.
"""

from app.errors import ApiError
from app.handlers._inventory import already_done, emit, finish, locked, response
from app.handwritten import OperationResult, ReleaseInventoryContext, ReleaseInventoryRequest


async def handle(context: ReleaseInventoryContext, body: ReleaseInventoryRequest, product_id: str) -> OperationResult:
    session = context.session
    row = await locked(session, product_id)
    if await already_done(session, product_id, "InventoryReleased", body.order_id):
        # Answered from the row as it is; the lock is released with the transaction.
        result = OperationResult(
            success=True, message=f"Order {body.order_id} is already released", inventory=response(row)
        )
        await session.rollback()
        return result
    if body.quantity <= 0:
        raise ApiError(400, "InvalidQuantity", "Release quantity must be positive")
    if body.quantity > row.reserved_quantity:
        message = f"Cannot release {body.quantity} units. Only {row.reserved_quantity} reserved."
        raise ApiError(400, "InvalidQuantity", message)
    row.reserved_quantity -= body.quantity
    data = {"order_id": body.order_id, "quantity": body.quantity, "reason": body.reason}
    emit(session, row, "InventoryReleased", data)
    return await finish(session, row, f"Released {body.quantity} units of order {body.order_id}")
