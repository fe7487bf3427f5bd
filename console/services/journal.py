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
the journal's delete) is not written again. A held step (:meth:`act`; the order detail's
:meth:`step` holds those ``ActionSpec.offline`` allows and refuses the others) whose order
another seat changed meanwhile (``StaleOrder``), or an entry the rules now refuse, is set aside
with its reason and shown to the agent, never forced over the other seat's change. A record that
follows an order (:meth:`follow`: a citation, a suggestion's outcome, an incident link) made on
a held order is held behind it and written with the order's number once it is written; so is
a step taken on a held order (the order detail opens one by its label, :meth:`shown`, which
shows any order as it will be once written: ``console.services.journal_shown``; while the
database is away, from the copy this seat last read: ``console.services.journal_copies``). A
database that goes away again stops the replay; the rest stays held. docs/outage.md tells the
whole story.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from console.domain.actions import ACTIONS
from console.domain.intake import Draft
from console.domain.orders import Action, FirstContactMode, WorkOrder
from console.domain.refusals import Refused
from console.domain.roles import Seated
from console.services.faults import is_outage
from console.services.journal_copies import KEPT, ReadCopies
from console.services.journal_shown import (
    CREATE,
    STEP,
    JournalView,
    Pending,
    Replayed,
    Shown,
    draft_body,
    draft_of,
    held_label,
    held_new_order,
    held_seq,
    project,
    reason_of,
    set_aside,
    summary,
)
from console.services.orders import OrderService, OrderSummary, UnknownOrder
from console.services.steps import Held, Step
from console.store.journal_file import ASIDE, FOLLOW, HELD, Entry, JournalFile

log = logging.getLogger(__name__)

Record = Callable[[str, dict[str, Any], str, datetime], object]
"""Writes a record that follows an order (:meth:`JournalService.follow`): (order number, the
entry's body, its key, when the agent made it). Each kind's writer is given to the service."""


class JournalService:
    """One seat's journal, acting as ``by`` (the principal signed in at the seat)."""

    def __init__(
        self,
        orders: OrderService,
        by: Seated,
        journal: JournalFile,
        clock: Callable[[], datetime],
        records: Mapping[str, Record] | None = None,
        kept: int = KEPT,
    ) -> None:
        """``records``: the writer of each kind of record that may follow an order
        (:meth:`follow`), by kind ("cite", "suggestion": ``console.services.journal_records``).
        ``kept``: how many orders read are kept to show with the database away (journal_copies)."""
        self._orders, self._by, self._file, self._clock = orders, by, journal, clock
        self._starts = orders.writer.deadlines  # what is held shows the deadlines it will get
        self._records = dict(records or {})
        self._lock = threading.RLock()  # a save and a replay take turns
        self._offline = False
        self._copies = ReadCopies(clock, self._hold_writes, kept)  # this agent's reads only
        self._labels: dict[str, str] = {}  # held label → the number it was written as
        self._closed = False

    # ---------------------------------------------------------------- the seat's writes

    def save(self, draft: Draft) -> str:
        """Write ``draft`` as a new order and return its number, or hold it and return its held
        label. Raises what :meth:`OrderService.create` raises for anything but an outage."""
        body = draft_body(draft)
        with self._turn():
            key, at = uuid.uuid4().hex, self._clock()
            if not self._must_hold():
                try:
                    return self._orders.create(draft, self._by, key=key, at=at).order.number
                except Exception as exc:
                    if not is_outage(exc):
                        raise
                    self._went_away()  # written or not, the key makes the replay safe
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
        """Take a step on order ``number``, or hold it: None when taken, its held label when
        held. ``seen``: the order's timeline length as the agent saw it — with the agent's steps
        held on it, as the order detail shows it (:meth:`shown`). Replayed with that ``seen``:
        an order another seat changed meanwhile sets it aside, never over their change (and a
        step set aside makes those held after it on the order stale too). ``number`` may be a
        held order's label (暂存-0003): the step is held behind that order and written after
        it, on the number it is written as (refused ``order_not_written`` once it was not)."""
        with self._turn():
            number = self._labels.get(number, number)
            seq = held_seq(number)
            if seq is not None and self._held_order(seq) is None:
                raise Refused("order_not_written", f"no held order {number}")
            body = {"number": number, "action": action.value, "note": note, "detail": detail,
                    "first_contact_mode": first_contact_mode.value if first_contact_mode else None,
                    "seen": seen}  # fmt: skip
            key, at = uuid.uuid4().hex, self._clock()
            if seq is None and not self._must_hold():
                try:
                    self._orders.act(number, action, self._by, note, first_contact_mode, detail,
                                     seen=seen, key=key, at=at)  # fmt: skip
                    return None
                except Exception as exc:
                    if not is_outage(exc):
                        raise
                    self._went_away()
            return held_label(self._file.hold(key, STEP, at, self._by.login, body))

    def _held_order(self, seq: int) -> Entry | None:
        """This agent's new order held as entry ``seq``, while it is still held."""
        found = [e for e in self._file.entries(HELD)
                 if e.seq == seq and e.kind == CREATE and e.login == self._by.login]  # fmt: skip
        return found[0] if found else None

    def _held_steps(self, number: str, states: tuple[str, ...] = (HELD,)) -> list[Entry]:
        """This agent's steps on order ``number`` in ``states``, oldest first."""
        found = [e for state in states for e in self._file.entries(state)
                 if e.kind == STEP and e.login == self._by.login and e.body["number"] == number]  # fmt: skip
        return sorted(found, key=lambda e: e.seq)

    def step(self, step: Step, perform: Callable[[Step], object]) -> object:
        """The order detail's step: one the seat may hold (``ActionSpec.offline``) goes through
        :meth:`act` and comes back :class:`Held` while the database is away (or while its order
        is itself held); any other is ``perform``-ed as ever, and refused with
        ``needs_database`` while it is away (nothing held, the agent's form kept), as it is
        while the agent's steps on the order, or the order itself, wait."""
        number = self._labels.get(step.number, step.number)
        if ACTIONS[step.action].offline:
            self._by.require(step.action)
            label = self.act(number, step.action, step.note, step.mode, step.detail,
                             seen=step.version)  # fmt: skip
            return Held(label) if label is not None else None
        # Known away (no connect timeout before saying so), or the agent's own steps on this
        # order (or the order) still held: this one must not go before them (the next health
        # check writes them).
        if self._offline or self._held_steps(number) or held_seq(number) is not None:
            raise Refused("needs_database", action=step.action.value)
        try:
            return perform(replace(step, number=number))
        except Exception as exc:
            if not is_outage(exc):
                raise
            self._went_away()
            raise Refused("needs_database", action=step.action.value) from exc

    def shown(self, number: str, read: Callable[[str], WorkOrder]) -> Shown:
        """Order ``number`` as it will be once this agent's held steps are written
        (``console.services.journal_shown``): ``read`` gives it from the database (call this off
        the UI thread) — with the database away, the copy this seat last read (``read_at``),
        ``NotReadHere`` if none; a held order's label (暂存-0003) still held gives it from its
        draft, nothing read; one written meanwhile reads the number it became. ``UnknownOrder``:
        a label this agent holds no order under (any more)."""
        number = self._labels.get(number, number)
        seq = held_seq(number)
        if seq is None:
            order, copy = self._copies.order(number, read)
            shown = self.project(order, len(order.timeline))
            return shown if copy is None else replace(shown, read_at=copy.at)
        entry = None if self._closed else self._held_order(seq)
        if entry is None:
            raise UnknownOrder(number)
        return self.project(held_new_order(number, entry, self._by.actor, self._starts), 0)

    def related(
        self, number: str, phone: str, read: Callable[[str], Sequence[OrderSummary]]
    ) -> tuple[OrderSummary, ...] | None:
        """The caller's other orders with order ``number`` (``read(phone)``, off the UI thread);
        the database away: those read with the copy :meth:`shown` gave, or None (unavailable)."""
        return self._copies.related(self._labels.get(number, number), phone, read)

    def held_orders(self, phone: str | None = None) -> list[OrderSummary]:
        """This agent's new orders still held (whose caller is ``phone``, as stored), newest
        first, as they will be: the queues and the screen pop list them, the order detail opens
        one by its label (:meth:`shown`)."""
        mine = [] if self._closed else [e for e in self._file.entries(HELD)
                                        if e.kind == CREATE and e.login == self._by.login]  # fmt: skip
        held = [(e.seq, held_new_order(held_label(e.seq), e, self._by.actor)) for e in mine]
        return [summary(seq, self.project(order, 0).order) for seq, order in reversed(held)
                if phone in (None, order.caller.phone)]  # fmt: skip

    def project(self, base: WorkOrder, written: int) -> Shown:
        """``base`` (``written`` of its lines in the database) with this agent's held steps on
        it applied: the seat's file only, never the database (the UI re-projects the order on
        screen when a step was just held)."""
        if self._closed:
            return Shown(base, base, written)
        return project(base, written, self._held_steps(base.number), self._by.actor, self._starts)

    def follow(
        self, number: str, kind: str, body: dict[str, Any], now: Callable[[str], object]
    ) -> object:
        """A record on order ``number`` (a citation, a suggestion's outcome, an incident link):
        ``now(number)`` writes it with the database there (a held label written meanwhile: its
        number). With the database away, or ``number`` a held label (暂存-0003) still held, it
        is held and written after that order by the ``records`` writer of ``kind``: returns
        :class:`Held`. A held order that will not be written (set aside) or is gone skips it
        (None), logged: the agent is not told of a record that could not be kept."""
        with self._turn():
            number = self._labels.get(number, number)
            seq = held_seq(number)
            if seq is not None:
                state = self._file.state(seq)
                if state != HELD:
                    log.info("%s on %s not kept: the held order is %s", kind, number,
                             "set aside" if state == ASIDE else "gone from the journal")  # fmt: skip
                    return None
            elif not self._must_hold():
                try:
                    return now(number)
                except Exception as exc:
                    if not is_outage(exc):
                        raise
                    self._went_away()
            key, at = uuid.uuid4().hex, self._clock()
            seq = self._file.hold(key, FOLLOW, at, self._by.login, {**body, "number": number,
                                                                     "record": kind})  # fmt: skip
            return Held(held_label(seq))

    @contextlib.contextmanager
    def _turn(self) -> Iterator[None]:
        """A save, a step, a record or a replay, one at a time; the last one closes the file
        when the agent signed out meanwhile (:meth:`close`)."""
        try:
            with self._lock:
                yield
        finally:
            self._close_if_signed_out()

    def _close_if_signed_out(self) -> None:
        # After the lock is let go: a close() that found it taken set _closed before trying.
        if self._closed and self._lock.acquire(blocking=False):
            try:
                self._file.close()
            finally:
                self._lock.release()

    def _went_away(self) -> None:
        """A write or the health check found the database unreachable."""
        self._offline = True
        self._copies.lost()

    def _hold_writes(self) -> None:  # a read found it unreachable: no timeout per save either
        self._offline = True

    def _must_hold(self) -> bool:
        """Offline, or anything of this agent's still held: keep the agent's order of saves."""
        return self._offline or self._file.count(self._by.login)[0] > 0

    # ---------------------------------------------------------------- the way back

    def health(self, ok: bool) -> bool:
        """The console's health check (the alarm sweep) said whether the database answers.
        True when a replay is wanted now (not while a save or a replay is under way: the next
        check asks again)."""
        if not ok:
            self._went_away()
        else:
            self._copies.back()  # orders are read fresh again (the journal is written next)
        if not ok or self._closed or not self._lock.acquire(blocking=False):
            return False  # a save or a replay under way (the GUI thread never waits for it)
        try:
            return self._file.waiting(self._by.login) or self._offline
        finally:
            self._lock.release()
            self._close_if_signed_out()

    def replay(self) -> Replayed:
        """Write this agent's held entries, oldest first; see the module's docstring."""
        done, spoilt = Replayed(), set()  # orders one of whose held steps was set aside
        with self._turn():
            if self._closed:
                return done
            for entry in self._file.entries():
                if entry.login != self._by.login:
                    continue  # another agent's: written when they sign in at this seat
                if entry.kind != CREATE:
                    named = str(entry.body.get("number", ""))
                    if named in self._labels:  # its held order was written just now
                        entry = replace(entry, body={**entry.body, "number": self._labels[named]})
                    elif held_seq(named) is not None:
                        self._skip(entry)  # its held order was not written: nothing to do
                        continue
                try:
                    if entry.kind == STEP and entry.body["number"] in spoilt:
                        raise Refused("stale")  # it followed a step not written: not forced
                    number = self._write(entry)
                except Exception as exc:
                    if is_outage(exc):
                        self._went_away()
                        return Replayed(done.written, done.aside, stopped=True)
                    reason = reason_of(exc)
                    if entry.kind == FOLLOW:
                        log.warning("held %s on %s not written (%s): skipped",
                                    entry.body.get("record"), entry.body.get("number"), reason)  # fmt: skip
                        self._file.written(entry.seq)
                        continue
                    self._file.set_aside(entry.seq, reason)
                    done.aside.append(set_aside(entry, reason))
                    spoilt.add(entry.body.get("number"))
                    continue
                if entry.kind == CREATE:  # what follows it names the number from now on
                    self._labels[held_label(entry.seq)] = number
                    self._file.resolve(held_label(entry.seq), number)
                self._file.written(entry.seq)
                if entry.kind != FOLLOW:
                    done.written.append((held_label(entry.seq), number))
            self._offline = False
        return done

    def _skip(self, entry: Entry) -> None:
        log.warning("held %s %s on %s skipped: that held order was not written", entry.kind,
                    entry.body.get("record") or entry.body.get("action"), entry.body["number"])  # fmt: skip
        if entry.kind == FOLLOW:
            self._file.written(entry.seq)
        else:
            self._file.set_aside(entry.seq, "order_not_written")

    def _write(self, entry: Entry) -> str:
        body = entry.body
        if entry.kind == CREATE:
            draft = draft_of(body)
            return self._orders.create(draft, self._by, key=entry.key, at=entry.at).order.number
        if entry.kind == FOLLOW:
            number = str(body["number"])
            self._records[str(body["record"])](number, body, entry.key, entry.at)
            return number
        mode = body.get("first_contact_mode")
        self._orders.act(
            body["number"], Action(body["action"]), self._by, body.get("note", ""),
            FirstContactMode(mode) if mode else None, body.get("detail", ""),
            seen=int(body["seen"]), key=entry.key, at=entry.at,
        )  # fmt: skip
        return str(body["number"])

    # ---------------------------------------------------------------- what the banner says

    def view(self) -> JournalView:
        if self._closed:
            return JournalView(False, 0, 0)
        mine, others, _aside = self._file.count(self._by.login)
        aside = tuple(
            set_aside(e, e.reason) for e in self._file.entries(ASIDE) if e.login == self._by.login
        )
        return JournalView(self._offline, mine, others, aside)

    def pending(self, number: str) -> list[Pending]:
        """This agent's steps on order ``number`` held or set aside, oldest first (the order
        detail shows them under 暂存)."""
        if self._closed:
            return []
        return [Pending(e.seq, held_label(e.seq), Action(e.body["action"]),
                        str(e.body.get("note", "")), e.at, e.reason)
                for e in self._held_steps(number, (HELD, ASIDE))]  # fmt: skip

    def dismiss(self, seq: int) -> None:
        """The agent has seen a set-aside entry (and redone it by hand where wanted)."""
        self._file.dismiss(seq)

    def close(self) -> None:
        """The agent signed out (or the seat closed): the journal file's connection is closed,
        once any save or replay under way has finished; the entries stay on disk for the next
        sign-in at this seat. Never waits for a replay (the GUI thread calls it)."""
        self._closed = True
        self._copies.clear()  # what the agent read goes with them
        self._close_if_signed_out()  # else the turn under way closes it when done (_turn)
