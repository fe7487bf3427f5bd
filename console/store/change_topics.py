"""What a PostgreSQL commit changed, named in its NOTIFY payload, so a seat re-reads only what it
shows (issue 18, "change fan-out").

A topic is a short string:

- :data:`EVERYTHING` (``*``): unknown — re-read everything. Also what an empty payload means (a
  console of an older version), what a lost or reconnected listener answers, and what a payload
  too long for NOTIFY becomes.
- ``p:<platform>`` (:func:`platform_topic`): an order this platform owns, took from the caller or
  stepped changed (its queues, its inbox).
- ``o:<number>`` (:func:`order_topic`): that order changed (the detail showing it).
- ``c:<hash>`` (:func:`caller_topic`): an order of that caller changed or was made (the screen
  pop showing the caller). Eight hex digits of a hash of the stored number, not the number:
  anyone who may LISTEN may read the orders anyway, but a payload is also a log line's worth.
- :data:`ALARMS`, :data:`INCIDENTS`, :data:`AGENTS`: the alarm panel, the emergency board and
  offer, the seat board.
- :data:`RULES`: a 会商 rule version, a transfer-list item or a consultation item was written
  (an edit or retirement in the 会商 tab, a decision, ``rules import``): the intake form's
  routing suggestion (and the 会商 tab) read them again.
- :data:`KNOWLEDGE`: a knowledge-base article version was written (the administrator's
  Knowledge tab, ``knowledge import``): the seat's knowledge pane searches again.

The topics are not declared by the code that writes: they are read off the statements the write
transaction ran (:func:`collect_topics`, an ``after_cursor_execute`` hook on the PostgreSQL
engine), table by table (:data:`TABLES`). A statement on a table not listed there, or one that is
not a plain INSERT/UPDATE/DELETE, makes the payload :data:`EVERYTHING`: a new table written by a
new feature costs a re-read, never a missed one. SQLite keeps ``data_version`` and answers
:data:`EVERYTHING`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from hashlib import blake2b
from typing import Any

from sqlalchemy import Engine, event

Topics = frozenset[str]

EVERYTHING = "*"
ALARMS = "alarms"
INCIDENTS = "incidents"
AGENTS = "agents"
RULES = "rules"
KNOWLEDGE = "knowledge"
ALL = frozenset({EVERYTHING})
NOTHING: Topics = frozenset()

MAX_PAYLOAD = 1000  # bytes of a payload (NOTIFY takes < 8000); longer: EVERYTHING
SEPARATOR = " "  # order numbers and platform codes hold no space

_COLLECTING = "change_topics"  # in the connection's info dict while a write() runs


def platform_topic(platform: str) -> str:
    return f"p:{platform}"


def order_topic(number: str) -> str:
    return f"o:{number}"


def caller_topic(phone: str) -> str:
    return "c:" + blake2b(phone.encode(), digest_size=4).hexdigest()


def _orders(params: Mapping[str, Any]) -> list[str]:
    """An order row written: its number, its caller, and the platforms that took it and own it
    now."""
    found = [order_topic(str(params["number"]))] if params.get("number") else []
    if params.get("caller_phone"):
        found.append(caller_topic(str(params["caller_phone"])))
    found += [platform_topic(str(params[k])) for k in ("origin", "owner") if params.get(k)]
    if not found or "owner" not in params:  # an UPDATE that does not say whose: unknown
        found.append(EVERYTHING)
    return found


def _events(params: Mapping[str, Any]) -> list[str]:
    """An order's step: the platform of the seat that took it (a return: the one it left)."""
    return [platform_topic(str(params["platform"]))] if params.get("platform") else [EVERYTHING]


# What a write to each table changes on other seats' screens. Listed: the tables a seat's day
# writes; None: nothing another seat shows (its own sequence, the trail, the exchange's queues
# and transfer requests, whose order rows written with them are named). Any other table: EVERYTHING.
TABLES: Mapping[str, Any] = {
    "work_order": _orders,
    "order_event": _events,
    "order_sequence": None,
    "audit": None,
    "exchange_outbox": None,
    "exchange_inbox": None,
    "call_disposition": None,
    "transfer_request": None,  # read by the transfer use cases only, with the order's own step
    "intake_key": None,  # a seat's key of an order it made (docs/outage.md), with the order
    "alarm": ALARMS,
    "exchange_alarm": ALARMS,
    "agent_state": AGENTS,
    **{t: INCIDENTS for t in ("incident", "incident_partner", "incident_notification",
                               "incident_alarm", "incident_event", "incident_link")},
    "hotspot": INCIDENTS,  # the floor views (hot spots, the wallboard) re-read with incidents
    "repeat_warning": ALARMS,  # 重复诉求预警: the shift lead's panel
    # Written with an order step or a call, shown on no live view (the reports tab reads them
    # when asked; the status bar polls the link itself).
    "report_day": None,
    "report_month": None,
    "call_record": None,
    "partner": None,
    "exchange_peer": None,
    # 会商 (issue 16): what the intake form's suggestion and knowledge pane read, kept per seat.
    "consultation_rule": RULES,
    "transfer_item": RULES,
    "consultation_item": RULES,
    "knowledge_article": KNOWLEDGE,
    "knowledge_citation": None,  # with the order's save; no live view shows it
    "intake_suggestion": None,  # a suggestion's outcome, kept for the reports only
}  # fmt: skip

_READS = frozenset({"SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "SHOW", "SET"})
_DML = re.compile(r"\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:ONLY\s+)?\"?(\w+)", re.I)


def topics_of_statement(statement: str, params: Iterable[Mapping[str, Any]]) -> list[str]:
    """The topics one statement adds: none for a read, EVERYTHING for what is not understood."""
    head = statement.lstrip()[:9].split(None, 1)
    if not head or head[0].upper() in _READS:
        return []
    found = _DML.match(statement)
    if found is None:
        return [EVERYTHING]
    what = TABLES.get(found.group(1).lower(), EVERYTHING)
    if what is None or isinstance(what, str):
        return [what] if what else []
    return [topic for row in params for topic in what(row)]


def collect_topics(engine: Engine) -> None:
    """Note the topics of every statement run while :func:`start` has a connection collecting."""

    @event.listens_for(engine, "after_cursor_execute")
    def _noted(conn: Any, _cursor: Any, statement: str, _params: Any, context: Any,
               _many: bool) -> None:  # fmt: skip
        collecting: set[str] | None = conn.info.get(_COLLECTING)
        if collecting is None or EVERYTHING in collecting:
            return
        params = getattr(context, "compiled_parameters", None) or [{}]
        collecting.update(topics_of_statement(statement, params))


def start(info: dict[Any, Any]) -> set[str]:
    """Collect on this connection (its ``info``) from now on; the set fills as statements run."""
    collecting: set[str] = set()
    info[_COLLECTING] = collecting
    return collecting


def stop(info: dict[Any, Any]) -> None:
    info.pop(_COLLECTING, None)


def payload(topics: Iterable[str]) -> str:
    """The NOTIFY payload naming ``topics`` (EVERYTHING when too long to send)."""
    found = set(topics)
    text = SEPARATOR.join(sorted(found))
    if EVERYTHING in found or len(text.encode()) > MAX_PAYLOAD:
        return EVERYTHING
    return text


def parse(text: str) -> Topics:
    """The topics a payload names; an empty one (an older console) means EVERYTHING."""
    found = frozenset(t for t in text.split(SEPARATOR) if t)
    return found if found and EVERYTHING not in found else ALL


@dataclass(frozen=True, slots=True)
class Concerns:
    """Which parts of a seat's window a change concerns (``app_window``'s ``on_change``)."""

    platform: bool  # the seat's platform's orders: its queues, its inbox
    orders: bool  # some order anywhere: the sent order's strip
    caller: bool  # an order of the caller on screen: the screen pop
    order: bool  # the order in view (or on its way to it)
    alarms: bool
    incidents: bool
    rules: bool = False  # the 会商 rules and lists: the routing suggestion
    knowledge: bool = False  # the knowledge base: the knowledge pane


def concerns(
    topics: Topics, platform: str, number: str | None = None, caller: str | None = None
) -> Concerns:
    """What ``topics`` concern at a seat of ``platform`` showing order ``number`` and the
    screen pop of ``caller`` (the stored form of the number)."""
    every = EVERYTHING in topics
    return Concerns(
        platform=every or platform_topic(platform) in topics,
        orders=every or any(t.startswith("p:") for t in topics),
        order=every or (bool(number) and order_topic(number or "") in topics),
        caller=every or (bool(caller) and caller_topic(caller or "") in topics),
        alarms=every or ALARMS in topics,
        incidents=every or INCIDENTS in topics,
        rules=every or RULES in topics,
        knowledge=every or KNOWLEDGE in topics,
    )
