"""The account rows (console/services/accounts.py owns what they mean)."""

from __future__ import annotations

from sqlmodel import Session, select

from console.store.tables import AccountRow


def get(session: Session, login: str, for_update: bool = False) -> AccountRow | None:
    """The account ``login`` (lower case), locked for this transaction when ``for_update``
    (PostgreSQL: two seats counting failed attempts at once do not lose one)."""
    return session.get(AccountRow, login, with_for_update=for_update or None)


def every(session: Session) -> list[AccountRow]:
    return list(session.exec(select(AccountRow).order_by(AccountRow.login)))
