"""The linkage partner directory (联动单位) on both databases: the demo directory every fresh
database gets, the per-city listing the plans read, and ``partners import`` — all or nothing,
every bad row by line and column, upsert by code or replace, audited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from console.domain.emergency import Channel, EventType, Level, PartnerKind, plan_partners
from console.services.audit import AuditTrail, verify_trail
from console.services.incident_plans import load_site_plans
from console.services.partners import PartnerDirectory
from console.store import partners as store
from console.store.engine import Database

HEADER = "code,name,kind,city,duty_phone,channel,address"
KEY = bytes(range(32))


def run_import(db: Database, text_: str, replace: bool = False) -> store.Imported:
    with db.write() as session:
        entries = store.read_import(text_, "site.csv", store.city_codes(session))
        return store.import_partners(session, entries, replace=replace)


def listing(db: Database, city: str | None = None) -> list[store.Partner]:
    with db.read() as session:
        return store.directory(session, city)


def refused(db: Database, text_: str) -> list[str]:
    before = listing(db)
    with pytest.raises(store.BadImportFile) as caught:
        run_import(db, text_)
    assert listing(db) == before, "a refused file changed the directory"
    return caught.value.problems


def test_every_fresh_database_has_the_demo_directory(db: Database) -> None:
    partners = listing(db)
    with db.read() as session:
        cities = store.city_codes(session)
    assert len(cities) == 14 and len(partners) == 14 * len(PartnerKind)
    assert {(p.city, p.kind) for p in partners} == {(c, k) for c in cities for k in PartnerKind}
    assert all(p.demo and p.channel is Channel.SIMULATED and p.address == p.code for p in partners)
    assert all(p.duty_phone.startswith("000-") for p in partners)  # obviously fake
    shenyang = listing(db, "210100")
    assert len(shenyang) == len(PartnerKind) and {p.city for p in shenyang} == {"210100"}
    assert listing(db, "210102") == []  # a district is not a city
    with db.write() as session:
        assert store.seed_demo_partners(session) == 0  # only into an empty table


def test_the_shipped_plans_find_every_partner_in_a_demo_city(db: Database) -> None:
    plan = load_site_plans().plan(EventType.NATURAL, Level.II)
    assert plan is not None
    chosen, missing = plan_partners(plan, listing(db), "210200")
    assert missing == [] and len(chosen) == len(plan.steps) >= 8
    assert [p.kind for p, _ in chosen] == [s.kind for s in plan.steps]


def test_import_adds_updates_and_retires_by_code(db: Database) -> None:
    text_ = (f"{HEADER},active\n"
             "SY-GAS-1,沈阳燃气集团调度室,gas,210100,024 2345 6789,sms,+86 139 0000 0000,\n"
             "210100-FIRE,沈阳市消防救援支队,fire,210100,024-2000-0119,platform,LN-119-SY,true\n"
             "210100-GAS,沈阳市燃气调度中心（演示）,gas,210100,000-2101-0006,simulated,"
             "210100-GAS,false\n")  # fmt: skip
    assert run_import(db, text_) == store.Imported(added=1, updated=2, retired=1)
    shenyang = {p.code: p for p in listing(db, "210100")}
    assert "210100-GAS" not in shenyang
    assert shenyang["SY-GAS-1"].channel is Channel.SMS and not shenyang["SY-GAS-1"].demo
    fire = shenyang["210100-FIRE"]
    assert (fire.name, fire.channel, fire.address, fire.demo) == (
        "沈阳市消防救援支队", Channel.PLATFORM, "LN-119-SY", False
    )  # fmt: skip
    assert run_import(db, text_) == store.Imported(0, 0, 0)  # the same file again: no change


def test_replace_retires_every_partner_the_file_does_not_name(db: Database) -> None:
    text_ = f"{HEADER}\nDL-119,大连市消防救援支队,fire,210200,0411-1234-5678,platform,LN-119-DL\n"
    done = run_import(db, text_, replace=True)
    assert done == store.Imported(added=1, updated=0, retired=14 * len(PartnerKind))
    assert [p.code for p in listing(db)] == ["DL-119"]
    with db.write() as session:
        assert store.seed_demo_partners(session) == 0  # the retired rows stay: no re-seed
        kept = session.execute(text("SELECT count(*) FROM partner")).scalar_one()
    assert kept == 14 * len(PartnerKind) + 1  # nothing deleted: incidents name partners


def test_every_bad_row_is_reported_and_nothing_is_imported(db: Database) -> None:
    text_ = (f"# a site file\n{HEADER}\n"
             "OK-1,好,fire,210100,024-1234-5678,simulated,OK-1\n"
             "BAD-1,坏,police,210100,024-1234-5678,simulated,BAD-1\n"
             "BAD-2,坏,fire,210102,024-1234-5678,simulated,BAD-2\n"
             "BAD-3,坏,fire,210100,call me,simulated,BAD-3\n"
             "BAD-4,坏,fire,210100,12,fax,BAD-4\n"
             "BAD-5,坏,fire,210100,024-1234-5678,sms,duty office\n"
             "BAD-6,,fire,210100,024-1234-5678,simulated,\n"
             "OK-1,重,fire,210100,024-1234-5678,simulated,OK-1\n"
             "BAD\x00,坏\x07,fire,210100,024-1234-5678,simulated,X\n"
             "BAD-8,少\n")  # fmt: skip
    problems = refused(db, text_)
    assert [p.split(": ")[0] + ": " + p.split(": ")[1] for p in problems] == [
        "site.csv:4: column 3 (kind)",
        "site.csv:5: column 4 (city)",
        "site.csv:6: column 5 (duty_phone)",
        "site.csv:7: column 5 (duty_phone)",
        "site.csv:7: column 6 (channel)",
        "site.csv:8: column 7 (address)",
        "site.csv:9: column 2 (name)",
        "site.csv:9: column 7 (address)",
        "site.csv:10: column 1 (code)",
        "site.csv:11: column 1 (code)",
        "site.csv:11: column 2 (name)",
        "site.csv:12: 2 columns, the header has 7",
    ]
    assert "'police' is not a partner kind: fire, ambulance" in problems[0]
    assert "already on line 3" in problems[8]


def test_a_bad_header_or_no_header_is_refused(db: Database) -> None:
    assert refused(db, "code,name,kind,town\n") == [
        "site.csv:1: column 4 (town): unknown column; the columns are code, name, kind, city, "
        "duty_phone, channel, address and optionally active",
        "site.csv:1: the header lacks city, duty_phone, channel, address",
    ]
    assert refused(db, "# nothing\n") == [
        "site.csv: no header line (code, name, kind, city, duty_phone, channel, address[, active])"
    ]


def test_the_service_imports_in_one_audited_transaction(db: Database) -> None:
    trail = AuditTrail(KEY, lambda: datetime.now(UTC))
    service = PartnerDirectory(db, "IT-1", trail)
    done = service.import_file(f"\ufeff{HEADER}\nX-1,甲,fire,210100,024-12345,simulated,X-1\n",
                               "site.csv", "admin")  # fmt: skip
    assert done.added == 1 and "X-1" in {p.code for p in service.partners("210100")}
    with pytest.raises(store.BadImportFile):
        service.import_file(
            f"{HEADER}\nX-2,乙,fire,999900,024-12345,simulated,X-2\n", "bad.csv", "x"
        )
    with db.read() as session:
        rows = session.execute(text("SELECT who, seat, action, target, detail FROM audit"))
        assert [tuple(r) for r in rows] == [
            ("admin", "IT-1", "directory_change", "site.csv",
             "partners import: 1 added, 0 updated, 0 retired"),
        ]  # fmt: skip
    assert verify_trail(db, KEY).broken is None
