"""What follows an order the seat held while the database was away: the knowledge article
cited on it and the routing suggestion's outcome (issue 18, ``console.services.journal``).

The intake gives such a record the order's held label (暂存-0003) when the order was held; the
journal keeps the record behind that order and writes it, by the writers here, once the order
is written — with the time the agent made it and the entry's key (table ``intake_key``), so a
seat killed mid-replay does not write it twice.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from console.domain.consultation import Advice
from console.domain.roles import Seated
from console.services.incident_views import IncidentLine
from console.services.incidents import IncidentService
from console.services.journal import JournalService, Record
from console.services.knowledge import KnowledgeService
from console.services.suggestions import outcome
from console.store import journal_keys
from console.store.consultation import Outcome, record_outcome
from console.store.engine import Database

CITE, SUGGESTION, LINK = "cite", "suggestion", "incident"  # kinds of record (JournalService.follow)


def cite_body(article_id: str) -> dict[str, Any]:
    return {"article": article_id}


def suggestion_body(advice: Advice, accepted: bool, login: str) -> dict[str, Any]:
    """What is kept of the suggestion shown while the order was typed (what
    ``SuggestionService.record`` keeps): JSON, for the journal file."""
    return {"outcome": asdict(outcome(advice, accepted)), "by": login}


def records(
    db: Database,
    knowledge: KnowledgeService,
    by: Seated,
    incidents: IncidentService | None = None,
) -> dict[str, Record]:
    """The journal's writers of held records (``JournalService(records=…)``), acting as ``by``."""

    def cite(number: str, body: dict[str, Any], key: str, at: datetime) -> object:
        return knowledge.cite(by, number, str(body["article"]), key=key, at=at)

    def suggestion(number: str, body: dict[str, Any], key: str, at: datetime) -> object:
        with db.write() as session:
            if journal_keys.written(session, key) is not None:
                return None  # written before the seat was killed: not twice
            record_outcome(session, number, Outcome(**body["outcome"]), str(body["by"]), at)
            journal_keys.record(session, key, number, at)
        return None

    def link(number: str, body: dict[str, Any], key: str, at: datetime) -> object:
        if incidents is None:  # this seat links no incidents (any more): said in the log
            raise LookupError("no incident service to link with")
        incidents.link(by, str(body["incident"]), number)  # a second link is refused: once
        return None

    return {CITE: cite, SUGGESTION: suggestion, LINK: link}


class HeldLinks:
    """The intake's incident offer (Ctrl+L) through the seat's journal: the link of an order
    held while the database is away is held with it and made once it is written."""

    def __init__(self, incidents: IncidentService, journal: JournalService) -> None:
        self._incidents, self._journal = incidents, journal

    def active_for(self, district: str) -> list[IncidentLine]:
        return self._incidents.active_for(district)

    def link(self, by: Seated, number: str, order_number: str) -> object:
        return self._journal.follow(order_number, LINK, {"incident": number},
                                    lambda written: self._incidents.link(by, number, written))  # fmt: skip
