# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of GET /v1/inventory/low-stock (getLowStock): every product whose available
quantity (total - reserved) is below its minimum stock level, with the shortfall, largest first."""

from sqlmodel import col, select

from app.handwritten import GetLowStockContext, LowStockItem, LowStockResponse
from app.models import Inventory


async def handle(context: GetLowStockContext) -> LowStockResponse:
    available = col(Inventory.total_quantity) - col(Inventory.reserved_quantity)
    shortfall = col(Inventory.minimum_stock_level) - available
    rows = await context.session.exec(
        select(Inventory)
        .where(available < col(Inventory.minimum_stock_level))
        .order_by(shortfall.desc(), col(Inventory.product_id))
    )
    items = [
        LowStockItem(
            product_id=row.product_id,
            available_quantity=row.total_quantity - row.reserved_quantity,
            minimum_stock_level=row.minimum_stock_level,
            shortfall=row.minimum_stock_level - (row.total_quantity - row.reserved_quantity),
        )
        for row in rows.all()
    ]
    return LowStockResponse(items=items, count=len(items))
