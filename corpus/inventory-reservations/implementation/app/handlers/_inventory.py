"""The Inventory aggregate's rules (data-model.md, Domain Model), shared by the command handlers.

Invariants: 0 <= reserved_quantity <= total_quantity, so available_quantity (total - reserved) is
never negative. Each command locks the product's row, checks, changes it and appends its events to
the event log in the same transaction.
"""

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.errors import ApiError
from app.handwritten import InventoryResponse, OperationResult
from app.models import EventLog, Inventory
from app.timestamps import utcnow


async def locked(session: AsyncSession, product_id: str) -> Inventory:
    """The product's inventory row, locked until the transaction ends; a 404 InventoryNotFound when none."""
    found = await session.exec(select(Inventory).where(col(Inventory.product_id) == product_id).with_for_update())
    row = found.first()
    if row is None:
        raise ApiError(404, "InventoryNotFound", f"Product {product_id} not found in inventory")
    return row


def available(row: Inventory) -> int:
    return row.total_quantity - row.reserved_quantity


def response(row: Inventory) -> InventoryResponse:
    return InventoryResponse(
        product_id=row.product_id,
        total_quantity=row.total_quantity,
        reserved_quantity=row.reserved_quantity,
        available_quantity=available(row),
        minimum_stock_level=row.minimum_stock_level,
    )


def emit(session: AsyncSession, row: Inventory, event_type: str, data: dict[str, Any]) -> None:
    session.add(EventLog(event_type=event_type, product_id=row.product_id, event_data=data))
    if event_type in ("InventoryReserved", "InventoryAdjusted") and available(row) < row.minimum_stock_level:
        # StockLevelMonitor policy: a command that leaves stock below the threshold says so.
        low = {"available_quantity": available(row), "minimum_stock_level": row.minimum_stock_level}
        session.add(EventLog(event_type="LowStockDetected", product_id=row.product_id, event_data=low))


async def already_done(session: AsyncSession, product_id: str, event_type: str, order_id: str) -> bool:
    """Whether this order's command already ran (order_id is the idempotency key)."""
    events = await session.exec(
        select(EventLog.event_data).where(
            col(EventLog.product_id) == product_id, col(EventLog.event_type) == event_type
        )
    )
    return any(isinstance(data, dict) and data.get("order_id") == order_id for data in events.all())


async def finish(session: AsyncSession, row: Inventory, message: str) -> OperationResult:
    row.updated_at = utcnow()
    session.add(row)
    await session.commit()
    return OperationResult(success=True, message=message, inventory=response(row))
