"""A known timeline of disputes for the agenda tests: what was planted, and the exact counts the
agenda must give (the tests say them, not this file). China times; "today" is 2026-08-15.

- 装修噪音 (C-TS, 210102): N-1 three-way 06-03; N-2 returned by 110 before signing for 06-20;
  N-3 three-way, then first contact 07-05; N-4 feedback sent back by the origin 07-09 (not a
  dispute); N-5 re-dispatched 08-02; N-0 three-way 01-10 (before the agenda's six months).
- 电钻 (C-TS, 210102): D-1 returned by 110 after signing for 06-25.
- no 会商 keyword (C-QZ, 210103): S-1 first contact 07-01 00:30 (June 30 in UTC), S-2
  three-way 07-10, S-3 re-dispatched 08-01: all three share 杂物 and 楼道.
- a one-off (C-ZX, 210102): Z-1 returned 07-20.
- not disputes: F-1 dispatched once 07-02.
"""

from __future__ import annotations

from datetime import UTC, datetime

from console.domain.calendar import CHINA_TZ
from console.domain.consultation_file import merge, parse_rule_file
from console.store import consultation as rules_store
from console.store.engine import Database
from console.store.tables import EventRow, OrderRow

NOW = datetime(2026, 8, 15, 10, 0, tzinfo=CHINA_TZ).astimezone(UTC)

RULE = """
[[rule]]
id = "R-001"
kinds = ["C-TS"]
keywords = ["装修噪音", "电钻"]
platform = "12345"
department = "210100-CG"
norm = "白天装修噪声由属地城管部门处理。"
consultation = { title = "2026年第3次会商", held_on = 2026-06-20, participants = ["12345", "110"] }
valid_from = 2026-07-01
"""

# number, kind, district, text, [(action, from, to, platform, China month, day, hour)]
TIMELINE = [
    ("N-0", "C-TS", "210102", "楼上装修噪音吵得睡不着", [("three_way", "received", "received", "12345", 1, 10, 9)]),
    ("N-1", "C-TS", "210102", "楼上装修噪音太大", [("three_way", "received", "received", "12345", 6, 3, 9)]),
    ("N-2", "C-TS", "210102", "隔壁装修噪音扰民", [("transfer", "received", "transferred", "12345", 6, 20, 9),
                                              ("return", "transferred", "returned", "110", 6, 20, 10)]),
    ("N-3", "C-TS", "210102", "小区装修噪音投诉", [("three_way", "received", "received", "12345", 7, 5, 9),
                                              ("first_contact", "received", "first_contact", "12345", 7, 5, 10)]),
    ("N-4", "C-TS", "210102", "装修噪音又来了", [("dispatch", "received", "dispatched", "12345", 7, 8, 9),
                                            ("dept_sign_for", "dispatched", "handling", "12345", 7, 8, 10),
                                            ("feed_back", "handling", "fed_back", "12345", 7, 9, 9),
                                            ("return", "fed_back", "returned", "12345", 7, 9, 10)]),
    ("N-5", "C-TS", "210102", "装修噪音持续一周", [("dispatch", "received", "dispatched", "12345", 8, 2, 9),
                                              ("dispatch", "dispatched", "dispatched", "12345", 8, 2, 11)]),
    ("D-1", "C-TS", "210102", "夜里有人用电钻", [("transfer", "received", "transferred", "12345", 6, 25, 9),
                                           ("sign_for", "transferred", "signed_for", "110", 6, 25, 10),
                                           ("return", "signed_for", "returned", "110", 6, 25, 11)]),
    ("S-1", "C-QZ", "210103", "楼道里堆满杂物没人管", [("first_contact", "received", "first_contact", "12345", 7, 1, 0)]),
    ("S-2", "C-QZ", "210103", "楼道杂物堵住通道", [("three_way", "received", "received", "12345", 7, 10, 9)]),
    ("S-3", "C-QZ", "210103", "邻居在楼道放杂物", [("dispatch", "received", "dispatched", "12345", 8, 1, 9),
                                              ("dispatch", "dispatched", "dispatched", "12345", 8, 1, 10)]),
    ("Z-1", "C-ZX", "210102", "咨询社保卡补办", [("transfer", "received", "transferred", "12345", 7, 20, 9),
                                           ("return", "transferred", "returned", "110", 7, 20, 10)]),
    ("F-1", "C-TS", "210102", "路灯不亮", [("dispatch", "received", "dispatched", "12345", 7, 2, 9)]),
]  # fmt: skip


def china(month: int, day: int, hour: int, minute: int = 30) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=CHINA_TZ).astimezone(UTC)


def plant(db: Database) -> None:
    """The timeline above, straight into the tables, and the one 会商 rule (R-001)."""
    with db.write() as session:
        for number, kind, district, text, steps in TIMELINE:
            created = china(*steps[0][4:]).replace(minute=0)
            order = OrderRow(number=number, origin="12345", owner="12345",
                             caller_phone="13800000000", kind=kind, district=district,
                             description=text, status=steps[-1][2], created_at=created,
                             updated_at=created)  # fmt: skip
            session.add(order)
            session.flush()
            assert order.id is not None
            session.add(EventRow(order_id=order.id, at=created, actor="测试", seat="A-01",
                                 platform="12345", action="create", to_status="received"))  # fmt: skip
            for action, before, after, platform, *when in steps:
                session.add(EventRow(order_id=order.id, at=china(*when), actor="测试",
                                     seat="A-01", platform=platform, action=action,
                                     from_status=before, to_status=after))  # fmt: skip
    with db.read() as session:
        known = rules_store.known(session)
    book = merge([parse_rule_file(RULE, "test.toml", known)])
    with db.write() as session:
        rules_store.import_book(session, book, "tester", "test", NOW)
