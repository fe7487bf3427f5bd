"""``python -m console exchange …``: the exchange with the peer platform's system.

The group's commands are declared in :data:`COMMANDS`, each a parser-adder and a runner; a new
one is one more entry. ``exchange serve`` runs this platform's endpoint and ``exchange
demo-pki DIR`` makes the demo's certificates (console/cli/exchange_serve.py). ``exchange status [--db URL] [--json]`` prints, per
peer, the link's state and since when, the last acknowledgement, how many messages wait and the
oldest's age, the refusals and the open unacknowledged-message alarm, in the console's language
(``--lang``, ``ui.lang``). Exit codes, for monitoring: 0 no alarm open (also when nothing was
ever exchanged), 1 the unacknowledged-message alarm is open, 2 it cannot tell (no database, no
exchange tables).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from console.cli import exchange_serve, exchange_split
from console.cli.common import CommandFailed

if TYPE_CHECKING:
    from console.config import Settings
    from console.services.exchange_status import ExchangeStatus

CHINA = ZoneInfo("Asia/Shanghai")
EXIT_ALARM = 1


@dataclass(frozen=True, slots=True)
class Command:
    add: Callable[[argparse._SubParsersAction[Any]], None]
    run: Callable[[argparse.Namespace, Settings], int]


def add_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    group = sub.add_parser("exchange", help="the exchange with the peer platform's system")
    commands = group.add_subparsers(dest="exchange_command", required=True)
    for command in COMMANDS.values():
        command.add(commands)


def exchange(args: argparse.Namespace, settings: Settings) -> int:
    return COMMANDS[args.exchange_command].run(args, settings)


# status ---------------------------------------------------------------------------------------


def _add_status(commands: argparse._SubParsersAction[Any]) -> None:
    status = commands.add_parser(
        "status", help="per peer: link, last acknowledged, queued, oldest age, refusals; exit 1 "
        "while the unacknowledged-message alarm is open",
    )  # fmt: skip
    status.add_argument("--db", metavar="URL", dest="sub_db")
    status.add_argument("--json", action="store_true", help="one JSON object (for monitoring)")


def _status(args: argparse.Namespace, settings: Settings) -> int:
    from console.services.exchange_status import NoExchangeTables, exchange_status
    from console.store.engine import Database

    db = Database.open(settings.db_url)
    try:
        limit = timedelta(seconds=settings.unacked_alarm_s)
        found = exchange_status(db, datetime.now(UTC), limit)
    except NoExchangeTables as exc:
        raise CommandFailed(str(exc)) from None
    finally:
        db.dispose()
    if args.json:
        print(json.dumps(as_json(found), ensure_ascii=False, indent=2))
    else:
        print("\n".join(as_text(found, settings.lang)))
    return EXIT_ALARM if found.alarm is not None else 0


COMMANDS: dict[str, Command] = {
    "status": Command(_add_status, _status),
    "serve": Command(exchange_serve.add_serve, exchange_serve.run_serve),
    "demo-pki": Command(exchange_serve.add_demo_pki, exchange_serve.run_demo_pki),
    "shared-db": Command(exchange_serve.add_shared_db, exchange_serve.run_shared_db),
    "split": Command(exchange_split.add_split_parser, exchange_split.run_split),
}


# what status says -----------------------------------------------------------------------------

_WORDS = {
    "zh_CN": {
        "empty": "本库没有交换记录：尚未与对方平台交换过报文（单库站点即如此）。",
        "peer": "对方平台 {peer}", "unnamed": "（尚未登记）",
        "link": "  链路：{state}，自 {since} 起（最后检测 {checked}）",
        "untried": "  链路：发送端尚未连接过", "up": "正常", "down": "中断",
        "error": "  最近错误：{error}",
        "acked": "  最后确认：{at}", "never": "无",
        "queued": "  待确认报文：{n} 条", "oldest": "，最久 {age}（{at} 起）",
        "refused": "  被拒报文：{n} 条",
        "alarm": "  告警：未确认报文超过 {limit}，{at} 起（{ack}）",
        "open": "未确认", "acked_by": "{by} 已确认：{note}",
        "no_alarm": "  告警：无（限值 {limit}）",
        "h": "{h} 小时 {m} 分钟", "m": "{m} 分钟 {s} 秒", "m0": "{m} 分钟", "s": "{s} 秒",
    },
    "en": {
        "empty": "No exchange here: no message was ever exchanged with the peer platform (as on "
                 "a single-database site).",
        "peer": "Peer platform {peer}", "unnamed": "(not named yet)",
        "link": "  link: {state} since {since} (last checked {checked})",
        "untried": "  link: no sender has tried it yet", "up": "up", "down": "down",
        "error": "  last error: {error}",
        "acked": "  last acknowledged: {at}", "never": "never",
        "queued": "  unacknowledged: {n} message(s)", "oldest": ", the oldest {age} (since {at})",
        "refused": "  refused: {n} message(s)",
        "alarm": "  ALARM: a message unacknowledged past {limit}, since {at} ({ack})",
        "open": "not acknowledged", "acked_by": "acknowledged by {by}: {note}",
        "no_alarm": "  alarm: none (limit {limit})",
        "h": "{h} h {m} min", "m": "{m} min {s} s", "m0": "{m} min", "s": "{s} s",
    },
}  # fmt: skip


def _when(at: datetime | None) -> str | None:
    return at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S") if at is not None else None


def _span(span: timedelta, words: dict[str, str]) -> str:
    seconds = max(int(span.total_seconds()), 0)
    h, m, s = seconds // 3600, seconds % 3600 // 60, seconds % 60
    if h:
        return words["h"].format(h=h, m=m)
    if m:
        return words["m" if s else "m0"].format(m=m, s=s)
    return words["s"].format(s=s)


def as_text(found: ExchangeStatus, lang: str) -> list[str]:
    """The report in ``lang`` ("zh_CN" or "en"); China times."""
    w = _WORDS["en" if lang == "en" else "zh_CN"]
    if found.empty:
        return [w["empty"]]
    lines: list[str] = []
    for p in found.peers:
        lines.append(w["peer"].format(peer=p.peer or w["unnamed"]))
        if p.state is None:
            lines.append(w["untried"])
        else:
            lines.append(w["link"].format(state=w.get(p.state, p.state), since=_when(p.since),
                                          checked=_when(p.checked_at)))  # fmt: skip
        if p.last_error:
            lines.append(w["error"].format(error=" ".join(p.last_error.split())))
        lines.append(w["acked"].format(at=_when(p.last_acked_at or found.last_acked_at)
                                       or w["never"]))  # fmt: skip
        queued = w["queued"].format(n=found.queued)
        age = found.oldest_age()
        if age is not None:
            queued += w["oldest"].format(age=_span(age, w), at=_when(found.oldest_at))
        lines.append(queued)
        lines.append(w["refused"].format(n=found.refused))
        lines.append(_alarm_line(found, w))
    return lines


def _alarm_line(found: ExchangeStatus, w: dict[str, str]) -> str:
    alarm, limit = found.alarm, _span(found.limit, w)
    if alarm is None:
        return w["no_alarm"].format(limit=limit)
    ack = w["open"]
    if alarm.acknowledged_by is not None:
        note = " ".join((alarm.ack_note or "").split())
        ack = w["acked_by"].format(by=alarm.acknowledged_by, note=note)
    return w["alarm"].format(limit=limit, at=_when(alarm.raised_at), ack=ack)


def as_json(found: ExchangeStatus) -> dict[str, Any]:
    """The report as data: instants ISO 8601 in China time, ages and limits in seconds."""

    def iso(at: datetime | None) -> str | None:
        return at.astimezone(CHINA).isoformat() if at is not None else None

    age, alarm = found.oldest_age(), found.alarm
    raised = None
    if alarm is not None:
        raised = {"peer": alarm.peer, "raised_at": iso(alarm.raised_at),
                  "acknowledged_by": alarm.acknowledged_by, "ack_note": alarm.ack_note}  # fmt: skip
    peers = [
        {
            "peer": p.peer,
            "state": p.state,
            "since": iso(p.since),
            "checked_at": iso(p.checked_at),
            "last_error": p.last_error,
            "last_acked_at": iso(p.last_acked_at),
        }
        for p in found.peers
    ]
    return {
        "now": iso(found.now),
        "peers": peers,
        "queued": found.queued,
        "oldest_at": iso(found.oldest_at),
        "oldest_age_s": int(age.total_seconds()) if age is not None else None,
        "refused": found.refused,
        "last_acked_at": iso(found.last_acked_at),
        "unacked_alarm_s": int(found.limit.total_seconds()),
        "alarm": raised,
    }
