"""The order detail's steps and the records that follow an order, with the database away
(issue 18): a step the seat may hold is held and written after what it depends on, one that
needs the database is refused with nothing held; a knowledge citation and a suggestion's
outcome or an incident link on an order held as 暂存-NNNN are written with that order, once,
with their own times; keys older than the retention are purged. On SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from console.domain.consultation import Advice, Move
from console.domain.knowledge_file import load_knowledge
from console.domain.orders import Action, Platform
from console.domain.refusals import Refused
from console.services.incidents import IncidentService
from console.services.journal import JournalService
from console.services.journal_records import (
    CITE,
    SUGGESTION,
    HeldLinks,
    cite_body,
    records,
    suggestion_body,
)
from console.services.knowledge import KnowledgeService
from console.services.privacy import forget_keys
from console.services.steps import Held, Step, StepService
from console.store import knowledge as knowledge_store
from console.store.journal_file import JournalFile
from tests.emergency.scene import T0, plan_book, seed_partners
from tests.emergency.test_incidents import DRAFT
from tests.principals import lead
from tests.services.outage import Outage
from tests.services.test_journal_outage import HOTLINE, OTHER, Seat, draft, outage, when

__all__ = ["outage"]  # the fixture, both databases

ROOT = Path(__file__).resolve().parents[2]
ADVICE = Advice(Move.STAY, Platform.HOTLINE, "210100-CG")
LEAD = lead("王班长", "L-01", Platform.HOTLINE)


class Desk(Seat):
    """The seat of test_journal_outage with its records' writers and the order detail's steps."""

    def __init__(self, outage: Outage, tmp_path: Path) -> None:
        super().__init__(outage, tmp_path)
        self.knowledge = KnowledgeService(self.db, self.clock.now)
        self.restart()
        self.steps = StepService(self.orders, HOTLINE)

    def restart(self) -> None:
        """The console started again on the same journal file (after a kill)."""
        self.file.close()
        self.file = JournalFile(self.file.path)
        writers = records(self.db, self.knowledge, HOTLINE)
        self.journal = JournalService(self.orders, HOTLINE, self.file, self.clock.now, writers)

    def step(self, number: str, action: Action, note: str = "") -> object:
        seen = len(self.orders.get(number).order.timeline)
        return self.journal.step(Step(number, seen, action, note), self.steps.perform)

    def cite(self, number: str, article: str = "K-003") -> object:
        return self.journal.follow(number, CITE, cite_body(article),
                                   lambda n: self.knowledge.cite(HOTLINE, n, article))  # fmt: skip

    def suggest(self, number: str) -> object:
        return self.journal.follow(number, SUGGESTION, suggestion_body(ADVICE, True, "wangli"),
                                   lambda _n: None)  # fmt: skip


@pytest.fixture
def desk(outage: Outage, tmp_path: Path) -> Iterator[Desk]:
    made = Desk(outage, tmp_path)
    with made.db.read() as session:
        kinds = knowledge_store.kinds(session)
    articles = load_knowledge(ROOT / "db" / "knowledge", kinds).articles
    with made.db.write() as session:
        knowledge_store.import_articles(session, articles, "tester", "test", made.clock.now())
    yield made
    made.journal.close()


def test_a_step_the_seat_may_hold_is_held_one_that_needs_the_database_is_refused(
    desk: Desk, outage: Outage
) -> None:
    number = desk.journal.save(draft(1))
    desk.step(number, Action.START_HANDLING)
    seen = len(desk.orders.get(number).order.timeline)
    outage.down()
    desk.clock.advance(60)
    noted_at = desk.clock.now()
    held = desk.journal.step(Step(number, seen, Action.PROGRESS, "已联系物业"), desk.steps.perform)
    assert held == Held("暂存-0001")
    desk.clock.advance(60)
    # Seen on the order as the detail shows it: with the progress note held on it.
    fed = desk.journal.step(Step(number, seen + 1, Action.FEED_BACK, "已答复"), desk.steps.perform)
    assert fed == Held("暂存-0002")
    with pytest.raises(Refused) as refused:  # a close needs the order as it is now
        desk.journal.step(Step(number, seen, Action.CANCEL, "重复来电"), desk.steps.perform)
    assert refused.value.code == "needs_database"
    pending = desk.journal.pending(number)
    assert [(p.label, p.action, p.note, p.reason) for p in pending] == [
        ("暂存-0001", Action.PROGRESS, "已联系物业", ""),
        ("暂存-0002", Action.FEED_BACK, "已答复", ""),
    ]  # the cancel held nothing
    assert desk.journal.view().held == 2
    outage.up()
    desk.restart()  # the database back, not yet written: a close still waits for the held steps
    with pytest.raises(Refused) as waits:
        desk.journal.step(Step(number, seen, Action.CANCEL, "重复来电"), desk.steps.perform)
    assert waits.value.code == "needs_database"
    done = desk.journal.replay()
    assert done.written == [("暂存-0001", number), ("暂存-0002", number)] and done.aside == []
    # The second was held after the first on the same timeline: both go, in the agent's order.
    timeline = desk.orders.get(number).order.timeline
    assert [e.action for e in timeline[-2:]] == [Action.PROGRESS, Action.FEED_BACK]
    assert when(timeline[-2].at) == noted_at
    assert desk.journal.pending(number) == []


def test_a_held_step_on_an_order_changed_meanwhile_shows_aside_on_the_order(
    desk: Desk, outage: Outage
) -> None:
    number = desk.journal.save(draft(1))
    desk.step(number, Action.START_HANDLING)
    seen = len(desk.orders.get(number).order.timeline)
    outage.down()
    desk.journal.step(Step(number, seen, Action.PROGRESS, "已联系物业"), desk.steps.perform)
    outage.up()
    desk.orders.act(number, Action.PROGRESS, OTHER, "另一席位的进展", seen=seen)
    assert desk.journal.replay().written == []
    [aside] = desk.journal.pending(number)
    assert (aside.label, aside.reason) == ("暂存-0001", "stale")  # shown, never forced


def test_a_citation_and_a_suggestion_on_a_held_order_are_written_with_it_once(
    desk: Desk, outage: Outage
) -> None:
    outage.down()
    saved_at = desk.clock.now()
    label = desk.journal.save(draft(1))
    assert label == "暂存-0001"
    desk.clock.advance(30)
    cited_at = desk.clock.now()
    # Held behind the order, no error to the agent:
    assert desk.cite(label) == Held("暂存-0002") and desk.suggest(label) == Held("暂存-0003")
    assert desk.journal.view().held == 1  # the banner counts orders, not their records
    outage.up()
    desk.clock.advance(600)
    done = desk.journal.replay()
    assert [w[0] for w in done.written] == [label]
    number = done.written[0][1]
    assert desk.knowledge.citations(number) == [("K-003", 1)]
    cited = desk.rows("SELECT cited_at FROM knowledge_citation")
    assert [when(r[0]) for r in cited] == [cited_at]
    kept = desk.rows("SELECT number, accepted, saved_at FROM intake_suggestion")
    assert [(r[0], bool(r[1]), when(r[2])) for r in kept] == [(number, True, cited_at)]
    assert saved_at < cited_at
    assert desk.journal.replay().written == [] and desk.file.entries() == []
    # The label on the agent's screen still works once written: it is the number now.
    assert desk.cite(label, "K-001") is not None
    assert desk.knowledge.citations(number) == [("K-003", 1), ("K-001", 1)]


def test_a_record_held_behind_its_order_survives_a_kill_after_the_order_is_written(
    desk: Desk, outage: Outage
) -> None:
    outage.down()
    label = desk.journal.save(draft(1))
    desk.cite(label)
    outage.up()
    writers = records(desk.db, desk.knowledge, HOTLINE)

    def cut(number: str, body: dict[str, object], key: str, at: datetime) -> object:
        outage.down()  # the database goes again between the order and its citation
        return writers[CITE](number, body, key, at)

    killed = JournalService(desk.orders, HOTLINE, desk.file, desk.clock.now, {CITE: cut})
    done = killed.replay()
    assert done.stopped and len(done.written) == 1
    number = done.written[0][1]
    desk.restart()  # a new process: nothing in memory says what 暂存-0001 became
    outage.up()
    assert desk.journal.health(True)
    desk.journal.replay()
    assert desk.knowledge.citations(number) == [("K-003", 1)]


def test_a_record_on_a_held_order_that_is_set_aside_is_skipped_and_logged(
    desk: Desk, outage: Outage, caplog: pytest.LogCaptureFixture
) -> None:
    outage.down()
    label = desk.journal.save(draft(1, kind="NO-SUCH-KIND"))  # refused when written
    desk.cite(label)
    outage.up()
    with caplog.at_level(logging.WARNING, logger="console.services.journal"):
        done = desk.journal.replay()
    assert [a.label for a in done.aside] == [label]
    assert "not written" in caplog.text and desk.rows("SELECT * FROM knowledge_citation") == []
    assert desk.cite(label) is None  # later citations on it: skipped, no error
    assert [e.kind for e in desk.file.entries()] == []


def test_keys_older_than_the_retention_are_purged(desk: Desk) -> None:
    old = desk.journal.save(draft(1))
    desk.clock.advance(timedelta(days=31).total_seconds())
    new = desk.journal.save(draft(2))
    keys = dict(desk.rows("SELECT number, written_at FROM intake_key"))
    assert set(keys) == {old, new}
    now = desk.clock.now()
    assert forget_keys(desk.db, now, days=30) == 1
    assert [r[0] for r in desk.rows("SELECT number FROM intake_key")] == [new]
    assert forget_keys(desk.db, now, days=30) == 0


def test_closing_the_journal_closes_its_file(desk: Desk, tmp_path: Path) -> None:
    desk.journal.close()
    with pytest.raises(Exception, match="closed"):
        desk.file.count("wangli")
    desk.journal.close()  # twice: sign-out then the seat's close
    assert desk.journal.view().held == 0 and desk.journal.pending("x") == []
    assert not desk.journal.health(True) and desk.journal.replay().written == []
    with desk.db.read() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1


def test_an_incident_link_on_a_held_order_is_made_once_it_is_written(
    desk: Desk, outage: Outage
) -> None:
    seed_partners(desk.db)
    desk.clock.set(T0)
    incidents = IncidentService(desk.db, desk.clock.now, plan_book())
    incident = incidents.start(LEAD, DRAFT).number
    writers = records(desk.db, desk.knowledge, HOTLINE, incidents)
    journal = JournalService(desk.orders, HOTLINE, desk.file, desk.clock.now, writers)
    links = HeldLinks(incidents, journal)
    outage.down()
    label = journal.save(draft(1, district=DRAFT.district))
    assert links.link(HOTLINE, incident, label) == Held("暂存-0002")  # Ctrl+L: no error
    outage.up()
    [(_, number)] = journal.replay().written
    linked = desk.rows("SELECT o.number FROM incident_link l JOIN work_order o"
                       " ON o.id = l.order_id")  # fmt: skip
    assert linked == [(number,)]
    assert journal.replay().written == [] and desk.file.entries() == []


def test_the_health_check_never_waits_for_a_replay_under_way(desk: Desk, outage: Outage) -> None:
    outage.down()
    label = desk.journal.save(draft(1))
    desk.cite(label)
    outage.up()
    writing, go_on = threading.Event(), threading.Event()

    def slow(number: str, body: dict[str, object], key: str, at: datetime) -> object:
        writing.set()
        go_on.wait(30)
        return None

    journal = JournalService(desk.orders, HOTLINE, desk.file, desk.clock.now, {CITE: slow})
    replay = threading.Thread(target=journal.replay)
    replay.start()
    try:
        assert writing.wait(30)
        started = time.monotonic()
        assert not journal.health(True)  # a replay is under way: the GUI thread goes on
        journal.close()  # signed out meanwhile: the replay closes the file when it ends
        assert time.monotonic() - started < 1
    finally:
        go_on.set()
        replay.join(30)
    with pytest.raises(Exception, match="closed"):
        desk.file.count("王丽")
