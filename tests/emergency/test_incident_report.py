"""``python -m console report`` lists the period's incidents: each partner's time to answer and
who was overdue; a drill is left out unless asked for, and then marked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from console.domain.emergency import AckMeans
from console.domain.orders import Platform
from console.services.incident_pump import IncidentPump
from console.services.incidents import IncidentService
from console.store.incident_report import incident_report
from console.store.setup import init_db
from tests.emergency.scene import T0, Clock, Desk, plan_book, seed_partners
from tests.emergency.test_incidents import DRAFT
from tests.principals import lead
from tests.test_cli import console

LEAD = lead("王班长", "L-01", Platform.HOTLINE)


def test_the_report_times_each_answer_and_leaves_drills_out(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.sqlite3'}"
    db, _ = init_db(url)
    seed_partners(db)
    clock = Clock()
    service = IncidentService(db, clock, plan_book())
    pump = IncidentPump(db, clock, Desk(), service, "L-01")
    real = service.start(LEAD, DRAFT).number
    drill = service.start(LEAD, replace(DRAFT, drill=True)).number
    clock.advance(minutes=12)
    service.record_answer(LEAD, real, "SY-fire", AckMeans.PHONE, "消防指挥中心")
    clock.advance(minutes=30)
    pump.sweep()
    with db.read() as session:
        figures = incident_report(session, T0.date(), T0.date(), clock.now)
        with_drills = incident_report(session, T0.date(), T0.date(), clock.now, drills=True)
    db.dispose()
    assert [f.number for f in figures] == [real]
    assert [f.number for f in with_drills] == [real, drill]
    fire = next(p for p in figures[0].partners if p.code == "SY-fire")
    assert fire.minutes_to_answer == 12 and not fire.overdue
    assert len(figures[0].overdue) == 7

    shown = console("report", "--db", url, "--from", "2026-12-05", "--to", "2026-12-05")
    assert shown.returncode == 0, shown.stderr
    assert f"{real} Ⅳ级 自然灾害" in shown.stdout and drill not in shown.stdout
    assert "沈阳119 消防救援 (SY-fire): 确认 acknowledged 12.0 分钟 min" in shown.stdout
    assert "超时未确认 overdue 7" in shown.stdout
    marked = console(
        "report", "--db", url, "--from", "2026-12-05", "--to", "2026-12-05", "--drills"
    )
    assert f"{drill} 【演练 drill】" in marked.stdout
