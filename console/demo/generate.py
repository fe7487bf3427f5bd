"""Deterministic demo work orders, generated one block of China days at a time.

Each block has its own ``random.Random`` seeded from (seed, block), so blocks can be generated
in parallel processes and the result is the same for the same seed and end date. Rows come out
as plain tuples in the tables' column order, timestamps already formatted as UTC text, ready for
``executemany`` or ``COPY``.

Besides the plain loop (受理 → 互派 → 签收 → 处置 → 反馈 → 办结) orders take the linkage plan's
other paths, in the shares below: 派单 to a department of the directory (部门签收, 处置进展,
then 12345 feeds back), 联动110派警 (a linked 110 order made at the dispatching seat and sent
to 110 at once) and three-way calls (三方通话) whose outcome may bring a transfer or first-contact
responsibility. Every timeline is one the domain's rules (``console.domain.orders.apply``)
allow. A linked order takes the next free order slot of the same day, so the number of orders,
their ids and the blocks' independence stay as they were.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from console.demo.material import Material
from console.demo.plan import (  # re-exported: the loader and the benches import them from here
    EVENT_COLUMNS,
    FREQUENT_CALLERS,
    ORDER_COLUMNS,
    Block,
    BlockRows,
    Clock,
    Plan,
    phone_for,
)
from console.domain.calendar import BusinessCalendar

__all__ = [
    "EVENT_COLUMNS", "FREQUENT_CALLERS", "ORDER_COLUMNS", "Block", "BlockRows", "Plan",
    "generate_block", "phone_for",
]  # fmt: skip

_CHINA_OFFSET = 8 * 3600  # Asia/Shanghai has had no DST since 1991
# Calls by hour of day (China time), a hotline's usual day: quiet nights, morning and evening peaks.
_HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 13, 11, 9, 11, 12, 12, 11, 10, 10, 9, 8, 6, 4, 2]
_CANCELLABLE = frozenset(
    {"received", "transferred", "dispatched", "signed_for", "handling", "first_contact"}
)

# How often each path of the linkage plan is taken. DEMO GUESSES: no published figures; chosen so
# a demo console shows every path in its queues and timelines in plausible proportions.
# Of the orders 12345 ends up owning and handling itself (its own, or 110's non-police matters it
# signed for): the share dispatched (派单) to a department instead of handled at the seat.
DISPATCH_SHARE = 0.55
# Of dispatches: to the 属地 government of the order's district ("-GOV"), else to a functional
# department of its city (preferring one that fits the order's field, see material.py).
LOCAL_GOVERNMENT_SHARE = 0.6
# Of dispatched orders: the department reports progress (处置进展) before its feedback.
PROGRESS_SHARE = 0.35
# Of dispatched orders: the department's report makes a linked 110 order (联动110派警); of those,
# the share reported before the department signs for (the rest while it is handling).
ESCALATE_SHARE = 0.01
ESCALATE_BEFORE_SIGN_FOR = 0.3
# Of 12345 orders (social-stability clues aside, they go to 110 at once): a three-way call
# (三方通话) near the start, and its outcome: 12345 keeps it, 110 takes it (a transfer follows,
# the caller agreed on the call), or neither can (首接负责: guidance, else provisional acceptance).
THREE_WAY_SHARE = 0.02
THREE_WAY_TO_HOTLINE = 0.45
THREE_WAY_TO_POLICE = 0.40  # the rest, 0.15: first contact
GUIDANCE_SHARE = 0.6


@dataclass(slots=True)
class _Escalation:
    """A linked 110 order waiting for its slot of the day, and the original's events from its
    escalate event on (whose detail is the linked order's number, known only at that slot)."""

    original: str  # the dispatched order's number
    actor: str  # the 12345 seat that dispatched it makes the linked order
    seat: str
    caller: str
    name: str | None
    district: str
    address: str
    social: bool
    consent: bool
    report: str
    events: list[tuple[object, ...]] = field(default_factory=list)


def generate_block(
    plan: Plan, block: Block, m: Material, now_epoch: int, calendar: BusinessCalendar
) -> BlockRows:
    rng = random.Random(f"{plan.seed}:{block.index}")
    rand, choices = rng.random, rng.choices

    def below(n: int) -> int:
        """A random integer in [0, n): ``randrange`` without its checks, at a third of the cost."""
        return int(rand() * n)

    def pick(codes: list[str], cum: list[int]) -> str:
        """A weighted draw, as ``choices(codes, cum_weights=cum)[0]`` does it, minus the call."""
        return codes[bisect_right(cum, rand() * cum[-1])]

    clock = Clock()
    ts = clock.text
    hotline_kinds = m.kinds["12345"]
    police_kinds = m.kinds["110"]
    hk_codes, hk_cum = [k[0] for k in hotline_kinds], list(accumulate(k[1] for k in hotline_kinds))
    pk_codes, pk_cum = [k[0] for k in police_kinds], list(accumulate(k[1] for k in police_kinds))
    # A linked order is a police matter: drawn from the 110 kinds the police handle.
    escalation_kinds = [k for k in police_kinds if k[2]] or police_kinds
    ek_codes = [k[0] for k in escalation_kinds]
    ek_cum = list(accumulate(k[1] for k in escalation_kinds))
    d_codes, d_cum = [d[0] for d in m.districts], list(accumulate(d[1] for d in m.districts))
    hour_cum = list(accumulate(_HOUR_WEIGHTS))
    dispatch_targets = m.dispatch
    progress_notes, reports = m.progress_notes, m.escalation_reports
    deadline_cache: dict[tuple[int, int], int] = {}

    def working_deadline(epoch: int, days: int) -> int:
        key = ((epoch + _CHINA_OFFSET) // 86_400, days)
        hit = deadline_cache.get(key)
        if hit is None:
            start = datetime.fromtimestamp(epoch, UTC)
            hit = int(calendar.working_days_after(start, days).timestamp())
            deadline_cache[key] = hit
        return hit

    orders: list[tuple[object, ...]] = []
    events: list[tuple[object, ...]] = []
    sequences: dict[tuple[str, str], int] = {}
    # The day being generated: its order instants, and which of them linked orders have claimed.
    moments: list[int] = []
    claimed: dict[int, _Escalation] = {}

    def play(
        oid: int,
        steps: list[tuple[str, str, str, str, str]],
        done: int,
        status: str,
        at: int,
        origin: str,
        own: tuple[str, str],
        peer: tuple[str, str],
        owner: str,
        escalation: _Escalation | None,
    ) -> tuple[str, int, str, str | None]:
        """Append the first ``done`` steps; returns the status, the last instant and seat, and the
        department dispatched to, if the order got that far.

        From an escalate step on, the events wait in the escalation until the linked order's
        slot comes (see ``_Escalation``)."""
        ev = events.append
        last_seat = own[1]
        department = None
        for action, target, platform, note, detail in steps[:done]:
            if action == "escalate":
                # The linked order takes the first free order slot of the day after now.
                j = bisect_right(moments, at)
                while j in claimed:
                    j += 1
                if j >= len(moments) or escalation is None:
                    continue
                at = moments[j]
                ev = escalation.events.append
                claimed[j] = escalation
            else:
                later = at + 300 + below(4 * 3600)
                if later >= now_epoch:
                    break  # not yet: the order is where it is now
                at = later
            who, where = own if platform == origin else peer
            ev((oid, ts(at), who, where, platform, action, status, target, note, detail))
            status, last_seat = target, where
            if action == "dispatch":
                department = detail
        if status in _CANCELLABLE and now_epoch - at > 20 * 86_400 and rand() < 0.6:
            at += 86_400
            who, where = own if owner == origin else peer
            ev((oid, ts(at), who, where, owner, "cancel", status, "cancelled", "重复工单", ""))
            status, last_seat = "cancelled", where
        return status, at, last_seat, department

    def loop_done(created: int, steps: int) -> int:
        """How many of an order's ``steps`` are done: how far an order of its age usually is."""
        progress = min(1.0, (now_epoch - created) / (6 * 86_400)) * 0.96 + rand() * 0.08
        return int(progress * steps + 0.5) if progress < 1.0 else steps

    def linked_order(e: _Escalation, oid: int, number: str, created: int) -> None:
        """联动110派警: made at the escalating 12345 seat and sent to 110 at once."""
        kind = pick(ek_codes, ek_cum)
        priority = 2 if e.social or rand() < 0.2 else 1
        description = f"{e.report}\n（由 12345 工单 {e.original} 承办单位报告转 110）"
        own = (e.actor, e.seat)
        ev = events.append
        ev((oid, ts(created), *own, "12345", "create", None, "received", "", ""))
        note = f"联动110派警：{e.report}"  # the report whole, as the console writes it
        ev((oid, ts(created), *own, "12345", "transfer", "received", "transferred", note, ""))
        sign_for_due = created + 900
        feedback_due = working_deadline(created, 3)
        completion_due = working_deadline(created, 5)
        agent = 1 + below(119)
        peer = (f"接警员{agent:03d}", f"J-{agent:03d}")
        steps = [
            ("sign_for", "signed_for", "110", "", ""),
            ("start_handling", "handling", "110", "", ""),
            ("feed_back", "fed_back", "110", "已出警处置，向12345反馈处置结果", ""),
            ("complete", "completed", "12345", "", ""),
        ]
        done = loop_done(created, len(steps))
        status, at, last_seat, _ = play(
            oid, steps, done, "transferred", created, "12345", own, peer, "110", None
        )
        orders.append(
            (
                oid, number, "12345", "110", e.caller, e.name, kind, None, e.district, e.address,
                description, priority, e.social, e.consent, status, None, ts(sign_for_due),
                ts(feedback_due), ts(completion_due), ts(created), ts(max(at, created)), 1,
                last_seat, None, e.original,
            )
        )  # fmt: skip
        held = e.events
        held[0] = (*held[0][:-1], number)  # the escalate event names the linked order
        events.extend(held)

    order_id = block.first_id
    for offset, count in enumerate(block.counts):
        day = block.first_day + timedelta(days=offset)
        day_text = day.strftime("%Y%m%d")
        midnight = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
        midnight -= _CHINA_OFFSET
        hours = choices(range(24), cum_weights=hour_cum, k=count)
        moments = sorted(midnight + h * 3600 + below(3600) for h in hours)
        claimed = {}
        used = plan.used_sequences
        seq = {p: used.get((p, day_text), 0) for p in ("12345", "110")}
        first_seq = dict(seq)
        for slot, created in enumerate(moments):
            if claimed:
                pending = claimed.pop(slot, None)
                if pending is not None:
                    seq["12345"] += 1
                    linked_order(pending, order_id, f"12345-{day_text}-{seq['12345']:06d}", created)
                    order_id += 1
                    continue
            origin = "12345" if rand() < 0.7 else "110"
            seq[origin] += 1
            number = f"{origin}-{day_text}-{seq[origin]:06d}"
            kind = pick(hk_codes, hk_cum) if origin == "12345" else pick(pk_codes, pk_cum)
            templates = m.templates[kind]
            t = below(len(templates))
            field_list = m.template_fields.get(kind)
            area = (field_list[t] or None) if field_list and t < len(field_list) else None
            if origin == "12345" and area is None:
                area = m.fields[below(len(m.fields))][0]
            description = templates[t].format(
                street=m.streets[below(len(m.streets))],
                place=m.places[below(len(m.places))],
                num=1 + below(299),
                hour=below(24),
            )
            district = pick(d_codes, d_cum)
            address = f"{m.streets[below(len(m.streets))]}{1 + below(299)}号"
            if rand() < 0.03:
                caller = phone_for(below(FREQUENT_CALLERS), plan.seed)
            else:
                caller = phone_for(FREQUENT_CALLERS + below(plan.caller_pool), plan.seed)
            name = None
            if rand() < 0.6:
                name = m.surnames[below(len(m.surnames))] + m.given_names[below(len(m.given_names))]
            r = rand()
            if origin == "110":
                priority = 2 if r < 0.1 else 1 if r < 0.4 else 0
            else:
                priority = 1 if r < 0.05 else 0
            social = origin == "12345" and rand() < 0.004
            if social:
                priority = 2
            consent = social or rand() < 0.9
            agent_no = 1 + below(119)
            seat = f"{'A' if origin == '12345' else 'J'}-{agent_no:03d}"
            actor = f"{'话务员' if origin == '12345' else '接警员'}{agent_no:03d}"
            owner = origin
            feedback_due = created + 2 * 3600 if priority == 2 else working_deadline(created, 3)
            completion_due = working_deadline(created, 5)
            sign_for_due: int | None = None
            ev = events.append
            ev((order_id, ts(created), actor, seat, origin, "create", None, "received", "", ""))
            status = "received"
            mode: str | None = None
            at = created + 60 + below(600)
            if origin == "12345" and not social and rand() < THREE_WAY_SHARE:
                # 三方通话 near the start: who takes the matter, and what follows from it.
                r = rand()
                reason = m.three_way_reasons[below(len(m.three_way_reasons))]
                if r < THREE_WAY_TO_HOTLINE:
                    outcome, note = "12345", f"{reason}，三方通话确认由12345受理"
                elif r < THREE_WAY_TO_HOTLINE + THREE_WAY_TO_POLICE:
                    outcome, note = "110", f"{reason}，三方通话确认由110接手"
                else:
                    reason = m.first_contact_reasons[below(len(m.first_contact_reasons))]
                    outcome, note = "first_contact", f"{reason}，由12345首接负责"
                ev((order_id, ts(at), actor, seat, origin, "three_way", status, status, note,
                    outcome))  # fmt: skip
                if outcome == "110":
                    consent = True  # agreed on the call
                    ev((order_id, ts(at), actor, seat, origin, "transfer", status, "transferred",
                        "三方通话：110 接手", ""))  # fmt: skip
                    status, owner = "transferred", "110"
                    sign_for_due = at + (900 if priority else 86_400)
                    feedback_due = working_deadline(at, 3)
                elif outcome == "first_contact":
                    mode = "guidance" if rand() < GUIDANCE_SHARE else "provisional"
                    ev((order_id, ts(at), actor, seat, origin, "first_contact", status,
                        "first_contact", note, ""))  # fmt: skip
                    status = "first_contact"
            else:
                # The loop so far: does it cross to the peer platform (一键转接 / 互派)?
                transfer_p = 0.06 if origin == "12345" else 0.12
                if social or (consent and rand() < transfer_p):
                    reasons = m.to_police_reasons if origin == "12345" else m.to_hotline_reasons
                    note = "影响社会稳定的线索" if social else reasons[below(len(reasons))]
                    ev((order_id, ts(at), actor, seat, origin, "transfer", status, "transferred",
                        note, ""))  # fmt: skip
                    status, owner = "transferred", ("110" if origin == "12345" else "12345")
                    sign_for_due = at + (900 if priority else 86_400)
                    feedback_due = working_deadline(at, 3)
            agent = 1 + below(119)
            if owner == "110":
                peer = (f"接警员{agent:03d}", f"J-{agent:03d}")
            else:
                peer = (f"话务员{agent:03d}", f"A-{agent:03d}")
            steps: list[tuple[str, str, str, str, str]] = []
            if status == "transferred":
                steps.append(("sign_for", "signed_for", owner, "", ""))
            escalation: _Escalation | None = None
            targets = dispatch_targets.get(district) if owner == "12345" else None
            if mode == "guidance":
                steps.append(("complete", "completed", owner, "", ""))
            elif mode is None and targets is not None and rand() < DISPATCH_SHARE:
                # 派单: the department signs for, may report progress, and 12345 feeds back.
                gov, by_field = targets
                fitting = by_field.get(area or "") or by_field[""]
                if gov is not None and (not fitting or rand() < LOCAL_GOVERNMENT_SHARE):
                    to = gov
                else:
                    to = fitting[below(len(fitting))]
                steps.append(("dispatch", "dispatched", owner, "", to))
                escalates = rand() < ESCALATE_SHARE
                early = escalates and rand() < ESCALATE_BEFORE_SIGN_FOR
                if escalates:
                    report = reports[below(len(reports))]
                    at_status = "dispatched" if early else "handling"
                    step = ("escalate", at_status, owner, report, "")
                    dispatcher = (actor, seat) if owner == origin else peer
                    escalation = _Escalation(
                        number, *dispatcher, caller, name, district, address, social, consent,
                        report,
                    )  # fmt: skip
                if early:
                    steps.append(step)
                steps.append(("dept_sign_for", "handling", owner, "", ""))
                if escalates and not early:
                    steps.append(step)
                if rand() < PROGRESS_SHARE:
                    note = progress_notes[below(len(progress_notes))]
                    steps.append(("progress", "handling", owner, note, ""))
                steps.append(
                    ("feed_back", "fed_back", owner, "承办单位已办理完毕，向诉求人反馈办理结果", "")
                )
                steps.append(("complete", "completed", origin, "", ""))
            else:
                steps.append(("start_handling", "handling", owner, "", ""))
                steps.append(
                    ("feed_back", "fed_back", owner, "已处置完毕，向诉求人反馈办理结果", "")
                )
                steps.append(("complete", "completed", origin, "", ""))
            done = loop_done(created, len(steps))
            status, at, last_seat, department = play(
                order_id, steps, done, status, at, origin, (actor, seat), peer, owner, escalation
            )
            orders.append(
                (
                    order_id, number, origin, owner, caller, name, kind, area, district, address,
                    description, priority, social, consent, status, mode,
                    ts(sign_for_due) if sign_for_due else None, ts(feedback_due),
                    ts(completion_due), ts(created), ts(max(at, created)), 1, last_seat,
                    department, None,
                )
            )  # fmt: skip
            order_id += 1
        for platform, last in seq.items():
            if last > first_seq[platform]:
                sequences[(platform, day_text)] = last
    return BlockRows(orders, events, sequences)
