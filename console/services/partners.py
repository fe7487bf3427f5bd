"""Changing the linkage partner directory (联动单位): importing a site's file. With an ``audit``
trail the import is one row, in the import's own transaction (a file refused for a bad row
changes nothing and records nothing)."""

from __future__ import annotations

from console.domain.audit import AuditAction, AuditEntry
from console.domain.emergency import Partner
from console.services.audit import AuditTrail
from console.store import partners as directory
from console.store.engine import Database


class PartnerDirectory:
    """``seat``: where the changes are made (the audit rows' seat)."""

    def __init__(self, db: Database, seat: str, audit: AuditTrail | None = None) -> None:
        self._db, self._seat, self._audit = db, seat, audit

    def partners(self, city: str | None = None) -> list[Partner]:
        """The active partners (of a six-digit city code)."""
        with self._db.read() as session:
            return directory.directory(session, city)

    def import_file(
        self, text: str, source: str, by: str, replace: bool = False
    ) -> directory.Imported:
        """All or nothing, in one transaction. Raises ``directory.BadImportFile``. With
        ``replace``, every active partner the file does not name is retired."""
        with self._db.write() as session:
            entries = directory.read_import(text, source, directory.city_codes(session))
            done = directory.import_partners(session, entries, replace=replace)
            if self._audit is not None:
                detail = (f"partners import{' --replace' if replace else ''}: {done.added} "
                          f"added, {done.updated} updated, {done.retired} retired")  # fmt: skip
                entry = AuditEntry(
                    by, self._seat, AuditAction.DIRECTORY_CHANGE, source, detail=detail
                )
                self._audit.record(session, entry)
        return done
