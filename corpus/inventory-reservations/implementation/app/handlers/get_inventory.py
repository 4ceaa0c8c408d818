# Created by specgen once; yours to edit. specgen never overwrites this file.
"""The hand-written part of GET /v1/inventory/{product_id} (getInventory): a product's stock levels,
with available_quantity computed (total - reserved). Unknown products are a 404 InventoryNotFound."""

from app.errors import ApiError
from app.handlers._inventory import response
from app.handwritten import GetInventoryContext, InventoryResponse
from app.models import Inventory


async def handle(context: GetInventoryContext, product_id: str) -> InventoryResponse:
    row = await context.session.get(Inventory, product_id)
    if row is None:
        raise ApiError(404, "InventoryNotFound", f"Product {product_id} not found in inventory")
    return response(row)
