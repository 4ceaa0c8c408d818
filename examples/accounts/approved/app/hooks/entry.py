# Created by specgen once; yours to edit. specgen never overwrites this file.
"""Business rules for Entry that the spec cannot express.

specgen created this module once and will never overwrite it: it is yours. The generated
routes call these functions at fixed points, inside the request's transaction:

- before_create(session, current_user, row): after validation, before the INSERT.
- after_create(session, current_user, row): after the INSERT, before the commit.
- before_update(session, current_user, row, changes): before changes (a dict of the
  fields the client sent) are applied; update and replace both call it.
- after_update(session, current_user, row): after the UPDATE, before the commit.
- before_delete(session, current_user, row) and after_delete(session, current_user, row):
  before and after the DELETE, both before the commit.

current_user is the token's user id, or None on a public operation. Raise
fastapi.HTTPException to refuse a request (422 for a broken business rule), in any hook
(an after_* hook too), and the whole change is rolled back. Delete a function you do not
need; a missing hook is skipped, but a misspelt one stops start-up.
"""

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from app.models import Entry


async def before_create(
    session: AsyncSession,
    current_user: Any,
    row: Entry,
) -> None:
    pass


async def after_create(
    session: AsyncSession,
    current_user: Any,
    row: Entry,
) -> None:
    pass


async def before_update(
    session: AsyncSession,
    current_user: Any,
    row: Entry,
    changes: dict[str, Any],
) -> None:
    pass


async def after_update(
    session: AsyncSession,
    current_user: Any,
    row: Entry,
) -> None:
    pass


async def before_delete(
    session: AsyncSession,
    current_user: Any,
    row: Entry,
) -> None:
    pass


async def after_delete(
    session: AsyncSession,
    current_user: Any,
    row: Entry,
) -> None:
    pass
