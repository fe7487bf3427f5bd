"""``python -m console report [--from YYYY-MM-DD] [--to YYYY-MM-DD]``: linkage figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from console.cli.common import CommandFailed, day

if TYPE_CHECKING:
    from console.store.incident_report import IncidentFigure

CHINA = ZoneInfo("Asia/Shanghai")


def report(
    url: str, start: str | None, end: str | None, key_path: Path, drills: bool = False,
    *, as_json: bool = False, platform: str | None = None, district: str | None = None,
) -> int:  # fmt: skip
    """``key_path``: the audit key (a report is an export: recorded before it is printed).
    ``drills``: list the incidents' drills (演练) too, marked; they are never in real figures.
    ``as_json``: the reports tab's figures (``ReportService``), filtered by ``platform`` and
    ``district``, as JSON."""
    from datetime import UTC, datetime

    from console.cli.audit import command_line
    from console.domain.audit import AuditAction
    from console.domain.dispositions import DEFAULT_DISPOSITIONS, UNCHOSEN
    from console.store.incident_report import incident_report
    from console.store.reports import linkage_report
    from console.store.setup import init_db

    today = datetime.now(CHINA).date()
    last = day(end, "--to") if end else today
    first = day(start, "--from") if start else last.replace(day=1)
    if last < first:
        raise CommandFailed(f"--to {last} is before --from {first}")
    if (platform or district) and not as_json:
        raise CommandFailed("--platform and --district go with --json")
    if as_json:
        return _json_report(url, first, last, key_path, platform, district)
    db, _ = init_db(url)
    try:
        cli = command_line(db, key_path)
        with db.read() as session:
            r = linkage_report(session, first, last)
            incidents = incident_report(session, first, last, datetime.now(UTC), drills)
        cli.trail.write(db, cli.entry(AuditAction.EXPORT, "linkage report", f"{first}..{last}"))
    finally:
        db.dispose()
    outcome = {"12345": "由12345受理 12345 takes it", "110": "由110受理 110 takes it",
               "first_contact": "首接负责 first contact"}  # fmt: skip
    modes = {"provisional": "先行受理 provisional", "guidance": "合理引导 guidance"}
    lines = [f"联动统计 linkage report {first} – {last} (China dates)"]

    def block(title: str, values: dict[str, int], names: dict[str, str] | None = None) -> None:
        lines.append(f"{title}: {sum(values.values())}")
        for key, n in values.items():
            lines.append(f"  {(names or {}).get(key, key)}: {n}")

    block("受理 orders created, by platform", r.created)
    block("一键转接/互派 transfers, by sending platform", r.transfers)
    block("三方通话 three-way calls, by outcome", r.three_way, outcome)
    block("首接负责 first contact, by mode", r.first_contact, modes)
    block("派单 dispatches, by department", dict(list(r.dispatched.items())[:20]))
    lines.append(f"联动110派警 escalations to 110: {r.escalations}")
    block("退回 returns, by platform", r.returns)
    block("办结 completed, by platform", r.completed)
    codes = {d.code: f"{d.name_zh} {d.name_en}" for d in (*DEFAULT_DISPOSITIONS, UNCHOSEN)}
    block("话后小结 calls without an order, by wrap-up code", r.dispositions, codes)
    lines.extend(incident_lines(incidents))
    print("\n".join(lines))
    return 0


def _json_report(
    url: str, first: date, last: date, key_path: Path, platform: str | None, district: str | None
) -> int:
    import json
    from datetime import UTC, datetime

    from console.cli.audit import command_line
    from console.domain.audit import AuditAction
    from console.services.report_views import Period, report_json
    from console.services.reports import ReportService
    from console.store.setup import init_db

    db, _ = init_db(url)
    try:
        cli = command_line(db, key_path)
        r = ReportService(db, lambda: datetime.now(UTC)).report(
            Period(first, last), platform, district
        )
        scope = f"{first}..{last} platform={platform or '*'} district={district or '*'}"
        cli.trail.write(db, cli.entry(AuditAction.EXPORT, "report json", scope))
    finally:
        db.dispose()
    print(json.dumps(report_json(r), ensure_ascii=False, indent=2))
    return 0


def incident_lines(incidents: list[IncidentFigure]) -> list[str]:
    """应急联动: per incident, each partner's time to answer, and who was overdue."""
    from console.domain.emergency import EventType, Level

    lines = [f"应急联动 emergency incidents: {len(incidents)}"]
    for i in incidents:
        level, kind = Level(i.level), EventType(i.event_type)
        ended = f"，{i.stood_down_at:%Y-%m-%d %H:%M} 响应终止" if i.stood_down_at else "，响应中"
        drill = " 【演练 drill】" if i.drill else ""
        lines.append(
            f"  {i.number}{drill} {level.numeral}级 {kind.term}，"
            f"{i.started_at.astimezone(CHINA):%Y-%m-%d %H:%M} 启动{ended}；"
            f"关联工单 linked orders {i.linked_orders}；超时未确认 overdue {len(i.overdue)}"
        )
        for p in i.partners:
            if p.minutes_to_answer is None:
                answer = "未回复 no answer"
            else:
                verb = "拒绝 refused" if p.refused else "确认 acknowledged"
                answer = f"{verb} {p.minutes_to_answer:.1f} 分钟 min"
            marks = (" 超时 overdue" if p.overdue else "") + (
                " 已解除 released" if p.released else ""
            )
            lines.append(f"    {p.name} ({p.code}): {answer}，通知 {p.attempts} 次{marks}")
    return lines
