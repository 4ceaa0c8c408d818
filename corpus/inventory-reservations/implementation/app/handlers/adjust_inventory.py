# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of PUT /v1/inventory/{product_id} (adjustInventory).

Adjust command: sets the total after a stock count; a total below what is reserved is a 400
InvalidQuantity ("Cannot adjust to 10. 15 units currently reserved.").
"""

from app.errors import ApiError
from app.handlers._inventory import emit, finish, locked
from app.handwritten import AdjustInventoryContext, AdjustInventoryRequest, OperationResult


async def handle(context: AdjustInventoryContext, body: AdjustInventoryRequest, product_id: str) -> OperationResult:
    session = context.session
    row = await locked(session, product_id)
    if body.new_quantity < 0:
        raise ApiError(400, "InvalidQuantity", "Total quantity cannot be negative")
    if body.new_quantity < row.reserved_quantity:
        message = f"Cannot adjust to {body.new_quantity}. {row.reserved_quantity} units currently reserved."
        raise ApiError(400, "InvalidQuantity", message)
    old = row.total_quantity
    row.total_quantity = body.new_quantity
    data = {
        "old_quantity": old,
        "new_quantity": body.new_quantity,
        "reason": body.reason,
        "adjusted_by": body.adjusted_by,
    }
    emit(session, row, "InventoryAdjusted", data)
    return await finish(session, row, f"Adjusted total from {old} to {body.new_quantity}")
