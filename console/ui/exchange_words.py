"""What the seat is told of the exchange with the peer platform's system, in its language: the
order detail's lines (对方平台未确认 · 已 3 分 12 秒; 对方平台拒收：…) and the status bar's link
(110 平台：中断 12 分钟 · 积压 37 条).

Colour is never the only cue: each line starts with its own shape (:data:`MARKS`) and says what
it is in words; the tints only repeat it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from console.domain.orders import Platform
from console.services.exchange_reads import LinkState, LinkView, OrderLinkView
from console.ui.history_model import china_time
from console.ui.refusals import refusal_text

MARKS = {"unacked": "⚠", "refused": "✖", LinkState.UP: "✔", LinkState.DOWN: "✖",
         LinkState.UNKNOWN: "?"}  # fmt: skip
STYLES = {
    "unacked": "QLabel { background: #fff4e5; color: #5c3b00; border-left: 4px solid #f0a030;"
    " padding: 3px 6px; font-weight: bold; }",
    "refused": "QLabel { background: #fde8e8; color: #b00020; border-left: 4px solid #b00020;"
    " padding: 3px 6px; font-weight: bold; }",
    LinkState.UP: "",
    LinkState.DOWN: "color: #8a1c1c; font-weight: bold;",
    LinkState.UNKNOWN: "font-style: italic;",
}
translate = QCoreApplication.translate


def span_text(span: timedelta, *, seconds: bool = True) -> str:
    """3 min 12 s (3 分 12 秒); without ``seconds``, whole minutes: 12 min (12 分钟). Over an hour,
    hours and minutes; over a day, days and hours."""
    total = max(int(span.total_seconds()), 0)
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return translate("ExchangeWords", "{d} d {h} h").format(d=days, h=hours)
    if hours:
        return translate("ExchangeWords", "{h} h {m} min").format(h=hours, m=minutes)
    if minutes and seconds:
        return translate("ExchangeWords", "{m} min {s} s").format(m=minutes, s=secs)
    if minutes:
        return translate("ExchangeWords", "{m} min").format(m=minutes)
    return translate("ExchangeWords", "{s} s").format(s=secs)


def peer_name(platform: Platform) -> str:
    """110 平台 / 12345 平台."""
    return translate("ExchangeWords", "{platform} platform").format(platform=platform.value)


def unacked_text(view: OrderLinkView, now: datetime) -> str:
    """⚠ 对方平台未确认 · 已 3 分 12 秒 ("" when every message was acknowledged)."""
    age = view.age(now)
    if not view.unacked or age is None:
        return ""
    text = translate("ExchangeWords", "Not yet acknowledged by the other platform · {span}")
    return f"{MARKS['unacked']} {text.format(span=span_text(age))}"


def unacked_tip(view: OrderLinkView) -> str:
    if view.unacked_since is None:
        return ""
    text = translate(
        "ExchangeWords",
        "{count} step(s) of this order not yet acknowledged; the oldest sent {time}.",
    )
    return text.format(count=view.unacked, time=china_time(view.unacked_since))


def refused_text(view: OrderLinkView) -> str:
    """✖ 对方平台拒收：<the refusal's sentence> ("" when none)."""
    if view.refusal is None:
        return ""
    text = translate("ExchangeWords", "Refused by the other platform: {why}").format(
        why=refusal_text(view.refusal)
    )
    return f"{MARKS['refused']} {text}"


def refused_tip(view: OrderLinkView) -> str:
    if view.refused_at is None:
        return ""
    return translate(
        "ExchangeWords", "Refused at {time}: the other platform did not take this step."
    ).format(time=china_time(view.refused_at))


def link_text(view: LinkView, now: datetime) -> str:
    """✔ 110 平台：已连接 / ✖ 110 平台：中断 12 分钟 · 积压 37 条 ("" with no exchange)."""
    if not view.shows:
        return ""
    peer = peer_name(view.peer_platform)
    if view.state is LinkState.UP:
        text = translate("ExchangeWords", "{peer}: connected").format(peer=peer)
    elif view.state is LinkState.DOWN:
        down = span_text(now - view.since, seconds=False) if view.since else ""
        text = (
            translate("ExchangeWords", "{peer}: down {span}").format(peer=peer, span=down).rstrip()
        )
    else:
        text = translate("ExchangeWords", "{peer}: not reached yet").format(peer=peer)
    if view.queued:
        text += translate("ExchangeWords", " · backlog {count}").format(count=view.queued)
    return f"{MARKS[view.state]} {text}"


def link_tip(view: LinkView) -> str:
    """The details, one a line: since when, the oldest queued, refusals, the last answer."""
    never = translate("ExchangeWords", "never")
    lines = [
        translate("ExchangeWords", "Exchange with {peer} ({id})").format(
            peer=peer_name(view.peer_platform), id=view.peer or "—"
        ),
        translate("ExchangeWords", "In this state since: {time}").format(
            time=china_time(view.since) if view.since else "—"
        ),
        translate("ExchangeWords", "Queued: {count}; the oldest since {time}").format(
            count=view.queued, time=china_time(view.oldest) if view.oldest else "—"
        ),
        translate("ExchangeWords", "Refused by the other platform: {count}").format(
            count=view.refused
        ),
        translate("ExchangeWords", "Last acknowledged: {time}").format(
            time=china_time(view.last_acked_at) if view.last_acked_at else never
        ),
    ]
    if view.last_error:
        lines.append(
            translate("ExchangeWords", "Last error: {error}").format(error=view.last_error)
        )
    return "\n".join(lines)
