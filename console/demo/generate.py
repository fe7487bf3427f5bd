"""Deterministic demo work orders, generated one block of China days at a time.

Each block has its own ``random.Random`` seeded from (seed, block), so blocks can be generated
in parallel processes and the result is the same for the same seed and end date. Rows come out
as plain tuples in the tables' column order, timestamps already formatted as UTC text, ready for
``executemany`` or ``COPY``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

from console.demo.material import Material
from console.domain.calendar import working_days_after

ORDER_COLUMNS = (
    "id", "number", "origin", "owner", "caller_phone", "caller_name", "kind", "field",
    "district", "address", "description", "priority", "social_stability", "consent", "status",
    "first_contact_mode", "sign_for_due", "feedback_due", "completion_due", "created_at",
    "updated_at", "version", "seat",
)  # fmt: skip
EVENT_COLUMNS = (
    "order_id", "at", "actor", "seat", "platform", "action", "from_status", "to_status", "note",
)  # fmt: skip

_CHINA_OFFSET = 8 * 3600  # Asia/Shanghai has had no DST since 1991
_MOBILE_PREFIXES = [
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182",
    "183", "185", "186", "187", "188", "189", "191", "198", "199",
]  # fmt: skip
# Calls by hour of day (China time), a hotline's usual day: quiet nights, morning and evening peaks.
_HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 13, 11, 9, 11, 12, 12, 11, 10, 10, 9, 8, 6, 4, 2]
FREQUENT_CALLERS = 500
_CANCELLABLE = frozenset({"received", "transferred", "signed_for", "handling"})


@dataclass(frozen=True)
class Plan:
    """The whole run: how many orders, over which days, and the id/sequence starting points."""

    seed: int
    orders: int
    until: date  # China date after the last generated day
    days: int
    first_id: int
    caller_pool: int
    # Numbers already handed out per (platform, yyyymmdd): a second run continues after them.
    used_sequences: dict[tuple[str, str], int] = field(default_factory=dict)

    def per_day(self) -> list[int]:
        base, extra = divmod(self.orders, self.days)
        return [base + (1 if i < extra else 0) for i in range(self.days)]

    def blocks(self, target: int = 40_000) -> list[Block]:
        counts = self.per_day()
        blocks: list[Block] = []
        start_day = self.until - timedelta(days=self.days)
        first = self.first_id
        day0 = 0
        while day0 < self.days:
            day1, size = day0, 0
            while day1 < self.days and (size < target or day1 == day0):
                size += counts[day1]
                day1 += 1
            blocks.append(
                Block(len(blocks), start_day + timedelta(days=day0), counts[day0:day1], first)
            )
            first += size
            day0 = day1
        return blocks


@dataclass(frozen=True)
class Block:
    index: int
    first_day: date
    counts: list[int]  # orders per day
    first_id: int


@dataclass
class BlockRows:
    orders: list[tuple[object, ...]]
    events: list[tuple[object, ...]]
    sequences: dict[tuple[str, str], int]  # (platform, yyyymmdd) -> last sequence used


def phone_for(index: int, seed: int) -> str:
    """The caller pool's ``index``-th number: a stable, random-looking mainland mobile."""
    mixed = (index * 2_654_435_761 + seed * 40_503 + 12_345) % 100_000_000
    return f"{_MOBILE_PREFIXES[index % len(_MOBILE_PREFIXES)]}{mixed:08d}"


class _Clock:
    """Fast UTC text for epoch seconds, in the format SQLAlchemy stores for SQLite."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def text(self, epoch: int) -> str:
        day, sec = divmod(epoch, 86_400)
        prefix = self._days.get(day)
        if prefix is None:
            prefix = datetime.fromtimestamp(day * 86_400, UTC).strftime("%Y-%m-%d ")
            self._days[day] = prefix
        return f"{prefix}{sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}.000000"


def generate_block(plan: Plan, block: Block, m: Material, now_epoch: int) -> BlockRows:
    rng = random.Random(f"{plan.seed}:{block.index}")
    rand, choices, randrange = rng.random, rng.choices, rng.randrange
    clock = _Clock()
    ts = clock.text
    hotline_kinds = m.kinds["12345"]
    police_kinds = m.kinds["110"]
    hk_codes, hk_cum = [k[0] for k in hotline_kinds], list(accumulate(k[1] for k in hotline_kinds))
    pk_codes, pk_cum = [k[0] for k in police_kinds], list(accumulate(k[1] for k in police_kinds))
    d_codes, d_cum = [d[0] for d in m.districts], list(accumulate(d[1] for d in m.districts))
    hour_cum = list(accumulate(_HOUR_WEIGHTS))
    deadline_cache: dict[tuple[int, int], int] = {}

    def working_deadline(epoch: int, days: int) -> int:
        key = ((epoch + _CHINA_OFFSET) // 86_400, days)
        hit = deadline_cache.get(key)
        if hit is None:
            start = datetime.fromtimestamp(epoch, UTC)
            hit = int(working_days_after(start, days).timestamp())
            deadline_cache[key] = hit
        return hit

    orders: list[tuple[object, ...]] = []
    events: list[tuple[object, ...]] = []
    sequences: dict[tuple[str, str], int] = {}
    order_id = block.first_id
    for offset, count in enumerate(block.counts):
        day = block.first_day + timedelta(days=offset)
        day_text = day.strftime("%Y%m%d")
        midnight = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
        midnight -= _CHINA_OFFSET
        hours = choices(range(24), cum_weights=hour_cum, k=count)
        moments = sorted(midnight + h * 3600 + randrange(3600) for h in hours)
        used = plan.used_sequences
        seq = {p: used.get((p, day_text), 0) for p in ("12345", "110")}
        first_seq = dict(seq)
        for created in moments:
            origin = "12345" if rand() < 0.7 else "110"
            seq[origin] += 1
            number = f"{origin}-{day_text}-{seq[origin]:06d}"
            if origin == "12345":
                kind = choices(hk_codes, cum_weights=hk_cum)[0]
            else:
                kind = choices(pk_codes, cum_weights=pk_cum)[0]
            templates = m.templates[kind]
            t = randrange(len(templates))
            field_list = m.template_fields.get(kind)
            area = (field_list[t] or None) if field_list and t < len(field_list) else None
            if origin == "12345" and area is None:
                area = m.fields[randrange(len(m.fields))][0]
            description = templates[t].format(
                street=m.streets[randrange(len(m.streets))],
                place=m.places[randrange(len(m.places))],
                num=randrange(1, 300),
                hour=randrange(24),
            )
            district = choices(d_codes, cum_weights=d_cum)[0]
            address = f"{m.streets[randrange(len(m.streets))]}{randrange(1, 300)}号"
            if rand() < 0.03:
                caller = phone_for(randrange(FREQUENT_CALLERS), plan.seed)
            else:
                caller = phone_for(FREQUENT_CALLERS + randrange(plan.caller_pool), plan.seed)
            name = None
            if rand() < 0.6:
                name = (
                    m.surnames[randrange(len(m.surnames))]
                    + m.given_names[randrange(len(m.given_names))]
                )
            r = rand()
            if origin == "110":
                priority = 2 if r < 0.1 else 1 if r < 0.4 else 0
            else:
                priority = 1 if r < 0.05 else 0
            social = origin == "12345" and rand() < 0.004
            if social:
                priority = 2
            consent = social or rand() < 0.9
            agent_no = randrange(1, 120)
            seat = f"{'A' if origin == '12345' else 'J'}-{agent_no:03d}"
            actor = f"{'话务员' if origin == '12345' else '接警员'}{agent_no:03d}"
            owner = origin
            feedback_due = created + 2 * 3600 if priority == 2 else working_deadline(created, 3)
            completion_due = working_deadline(created, 5)
            sign_for_due: int | None = None
            ev = events.append
            ev((order_id, ts(created), actor, seat, origin, "create", None, "received", ""))
            last_seat = seat
            status = "received"
            at = created + 60 + randrange(600)
            # The loop so far: does it cross to the peer platform (一键转接 / 互派)?
            transfer_p = 0.06 if origin == "12345" else 0.12
            if social or (consent and rand() < transfer_p):
                reasons = m.to_police_reasons if origin == "12345" else m.to_hotline_reasons
                note = "影响社会稳定的线索" if social else reasons[randrange(len(reasons))]
                ev((order_id, ts(at), actor, seat, origin, "transfer", status, "transferred", note))
                status, owner = "transferred", ("110" if origin == "12345" else "12345")
                sign_for_due = at + (900 if priority else 86_400)
                feedback_due = working_deadline(at, 3)
            age = now_epoch - created
            # How far along the loop an order of this age usually is.
            progress = min(1.0, age / (6 * 86_400)) * 0.96 + rand() * 0.08
            peer_seat = f"{'J' if owner == '110' else 'A'}-{randrange(1, 120):03d}"
            peer = "接警员" if owner == "110" else "话务员"
            steps: list[tuple[str, str, str, str]] = []
            if status == "transferred":
                steps.append(("sign_for", "signed_for", owner, ""))
            steps.append(("start_handling", "handling", owner, ""))
            steps.append(("feed_back", "fed_back", owner, "已处置完毕，向诉求人反馈办理结果"))
            steps.append(("complete", "completed", origin, ""))
            done = int(progress * len(steps) + 0.5) if progress < 1.0 else len(steps)
            for action, target, platform, note in steps[:done]:
                at += 300 + randrange(4 * 3600)
                if at >= now_epoch:
                    break
                who, where = (actor, seat) if platform == origin else (peer, peer_seat)
                ev((order_id, ts(at), who, where, platform, action, status, target, note))
                status, last_seat = target, where
            if status in _CANCELLABLE and age > 20 * 86_400 and rand() < 0.6:
                at = max(at, created) + 86_400
                ev(
                    (
                        order_id,
                        ts(at),
                        actor,
                        seat,
                        owner,
                        "cancel",
                        status,
                        "cancelled",
                        "重复工单",
                    )
                )
                status, last_seat = "cancelled", seat
            orders.append(
                (
                    order_id, number, origin, owner, caller, name, kind, area, district, address,
                    description, priority, social, consent, status, None,
                    ts(sign_for_due) if sign_for_due else None, ts(feedback_due),
                    ts(completion_due), ts(created), ts(max(at, created)), 1, last_seat,
                )
            )  # fmt: skip
            order_id += 1
        for platform, last in seq.items():
            if last > first_seq[platform]:
                sequences[(platform, day_text)] = last
    return BlockRows(orders, events, sequences)
