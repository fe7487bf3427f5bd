"""The seat's outage journal: orders saved while the database is unreachable, written when it
is back — exactly once, in the order they were saved, each with the time it was saved at.

The seat's save goes through :meth:`JournalService.save`. With the database there, the order is
written at once (with a fresh key, table ``intake_key``). When the write fails because the
database cannot be reached (:func:`is_outage`), the draft is held in the seat's journal file
(``console.store.journal_file``: fsynced before the agent is told) under the same key and time,
and the agent gets a held label (``暂存-0003``) instead of a number. While anything is held,
new saves are held behind it, so the journal is written in the order the agent saved.

:meth:`replay` writes the held entries one by one, each in its own transaction with its key:
an entry whose key the database already has (the console was killed between the commit and
the journal's delete) is not written again. A held step (:meth:`act`) whose order another seat
changed meanwhile (``StaleOrder``), or an entry the rules now refuse, is set aside with its
reason and shown to the agent, never forced over the other seat's change. A database that goes
away again stops the replay; the rest stays held. docs/outage.md tells the whole story.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from console.domain.intake import Draft
from console.domain.orders import Action, FirstContactMode, Priority
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.services.faults import explain as classify
from console.services.orders import InvalidDraft, OrderService
from console.store.journal_file import ASIDE, Entry, JournalFile

# Refusals that mean "the database is not there now" (not "it said no"): hold, replay later.
OUTAGE = frozenset({"db_unreachable", "db_restarting", "db_cannot_open", "db_read_only"})
HELD_LABEL = "暂存-{seq:04d}"  # what the agent is given for a held order, instead of a number

CREATE, STEP = "create", "step"


def is_outage(error: BaseException) -> bool:
    """Whether ``error`` says the database cannot be reached (a write should be held)."""
    said = classify(error)
    return said is not None and said.code in OUTAGE


def held_label(seq: int) -> str:
    return HELD_LABEL.format(seq=seq)


@dataclass(frozen=True, slots=True)
class SetAside:
    """A held entry that was not written, and why; the agent sees it until dismissed."""

    seq: int
    label: str  # 暂存-0003
    kind: str  # CREATE or STEP
    number: str  # the order a step was for ("" for a new order)
    reason: str  # a refusal code: "stale" (changed by another seat meanwhile), …
    at: datetime  # when the agent saved it


@dataclass(frozen=True, slots=True)
class JournalView:
    """What the status bar's banner says."""

    offline: bool  # the last write or health check found the database unreachable
    held: int  # this agent's entries waiting for the database
    others: int  # other agents' entries held at this seat (written when they sign in here)
    aside: tuple[SetAside, ...] = ()


@dataclass(frozen=True, slots=True)
class Replayed:
    written: list[tuple[str, str]] = field(default_factory=list)  # (held label, order number)
    aside: list[SetAside] = field(default_factory=list)
    stopped: bool = False  # the database went away again: the rest is still held


class JournalService:
    """One seat's journal, acting as ``by`` (the principal signed in at the seat)."""

    def __init__(
        self,
        orders: OrderService,
        by: Seated,
        journal: JournalFile,
        clock: Callable[[], datetime],
    ) -> None:
        self._orders, self._by, self._file, self._clock = orders, by, journal, clock
        self._lock = threading.RLock()  # a save and a replay take turns
        self._offline = False

    # ---------------------------------------------------------------- the seat's writes

    def save(self, draft: Draft) -> str:
        """Write ``draft`` as a new order and return its number, or hold it and return its held
        label. Raises what :meth:`OrderService.create` raises for anything but an outage."""
        body = _draft_body(draft)
        with self._lock:
            key, at = uuid.uuid4().hex, self._clock()
            if not self._must_hold():
                try:
                    return self._orders.create(draft, self._by, key=key, at=at).order.number
                except Exception as exc:
                    if not is_outage(exc):
                        raise
                    self._offline = True  # written or not, the key makes the replay safe
            return held_label(self._file.hold(key, CREATE, at, self._by.login, body))

    def act(
        self,
        number: str,
        action: Action,
        note: str = "",
        first_contact_mode: FirstContactMode | None = None,
        detail: str = "",
        *,
        seen: int,
    ) -> str | None:
        """Take a step on order ``number`` (``seen``: its timeline length on screen), or hold it.
        None when it was taken; its held label when held. Replayed with the same ``seen``:
        an order another seat changed meanwhile sets it aside, never over their change."""
        body = {"number": number, "action": action.value, "note": note, "detail": detail,
                "first_contact_mode": first_contact_mode.value if first_contact_mode else None,
                "seen": seen}  # fmt: skip
        with self._lock:
            key, at = uuid.uuid4().hex, self._clock()
            if not self._must_hold():
                try:
                    self._orders.act(number, action, self._by, note, first_contact_mode, detail,
                                     seen=seen, key=key, at=at)  # fmt: skip
                    return None
                except Exception as exc:
                    if not is_outage(exc):
                        raise
                    self._offline = True
            return held_label(self._file.hold(key, STEP, at, self._by.login, body))

    def _must_hold(self) -> bool:
        """Offline, or anything of this agent's still held: keep the agent's order of saves."""
        return self._offline or self._file.count(self._by.login)[0] > 0

    # ---------------------------------------------------------------- the way back

    def health(self, ok: bool) -> bool:
        """The console's health check (the alarm sweep) said whether the database answers.
        True when a replay is wanted now."""
        with self._lock:
            if not ok:
                self._offline = True
                return False
        return self._file.count(self._by.login)[0] > 0 or self._offline

    def replay(self) -> Replayed:
        """Write this agent's held entries, oldest first; see the module's docstring."""
        done = Replayed()
        with self._lock:
            for entry in self._file.entries():
                if entry.login != self._by.login:
                    continue  # another agent's: written when they sign in at this seat
                try:
                    number = self._write(entry)
                except Exception as exc:
                    if is_outage(exc):
                        self._offline = True
                        return Replayed(done.written, done.aside, stopped=True)
                    reason = _reason(exc)
                    self._file.set_aside(entry.seq, reason)
                    done.aside.append(_set_aside(entry, reason))
                    continue
                self._file.written(entry.seq)
                done.written.append((held_label(entry.seq), number))
            self._offline = False
        return done

    def _write(self, entry: Entry) -> str:
        body = entry.body
        if entry.kind == CREATE:
            draft = _draft_of(body)
            return self._orders.create(draft, self._by, key=entry.key, at=entry.at).order.number
        mode = body.get("first_contact_mode")
        self._orders.act(
            body["number"], Action(body["action"]), self._by, body.get("note", ""),
            FirstContactMode(mode) if mode else None, body.get("detail", ""),
            seen=int(body["seen"]), key=entry.key, at=entry.at,
        )  # fmt: skip
        return str(body["number"])

    # ---------------------------------------------------------------- what the banner says

    def view(self) -> JournalView:
        mine, others, _aside = self._file.count(self._by.login)
        aside = tuple(
            _set_aside(e, e.reason) for e in self._file.entries(ASIDE) if e.login == self._by.login
        )
        return JournalView(self._offline, mine, others, aside)

    def dismiss(self, seq: int) -> None:
        """The agent has seen a set-aside entry (and redone it by hand where wanted)."""
        self._file.dismiss(seq)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, InvalidDraft):
        return "invalid_draft"
    said = exc if isinstance(exc, Refused) else classify(exc)
    return said.code if said is not None else "db_fault"


def _set_aside(entry: Entry, reason: str) -> SetAside:
    number = str(entry.body.get("number", "")) if entry.kind == STEP else ""
    return SetAside(entry.seq, held_label(entry.seq), entry.kind, number, reason, entry.at)


def _draft_body(draft: Draft) -> dict[str, Any]:
    body = asdict(draft)
    body["priority"] = draft.priority.value
    return body


def _draft_of(body: dict[str, Any]) -> Draft:
    values = dict(body)
    values["priority"] = Priority(values.get("priority", Priority.NORMAL.value))
    return Draft(**values)
