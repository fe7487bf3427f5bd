"""Changing the 12345 dispatch directory (承办单位): importing a site's file, retiring a
department. With an ``audit`` trail each change is one row, in the change's own transaction
(a file refused for a bad row changes nothing and records nothing)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from console.domain.audit import AuditAction, AuditEntry
from console.domain.catalogue import Department
from console.services.audit import AuditTrail
from console.store import departments as directory
from console.store.engine import Database


@dataclass(frozen=True, slots=True)
class Imported:
    added: int
    updated: int
    retired: int  # of the file's rows, those marked active=false


class DirectoryService:
    """``seat``: where the changes are made (the audit rows' seat)."""

    def __init__(self, db: Database, seat: str, audit: AuditTrail | None = None) -> None:
        self._db, self._seat, self._audit = db, seat, audit

    def import_file(self, text: str, source: str, by: str) -> Imported:
        """All or nothing, in one transaction. Raises ``directory.BadImportFile``."""
        with self._db.write() as session:
            entries = directory.read_import(text, source, directory.district_codes(session))
            added, updated = directory.import_departments(session, entries)
            done = Imported(added, updated, sum(not e.active for e in entries))
            self._audited(session, by, source, f"import: {added} added, {updated} updated, "
                          f"{done.retired} retired")  # fmt: skip
        return done

    def retire(self, code: str, by: str) -> Department:
        """Hide a department from dispatch. Raises ``directory.UnknownDepartment``."""
        with self._db.write() as session:
            gone = directory.retire(session, code)
            self._audited(session, by, gone.code, "retired")
        return gone

    def _audited(self, session: Session, by: str, target: str, detail: str) -> None:
        if self._audit is not None:
            entry = AuditEntry(by, self._seat, AuditAction.DIRECTORY_CHANGE, target, detail=detail)
            self._audit.record(session, entry)
