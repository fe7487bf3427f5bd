"""Orders a site brings from its previous system (``python -m console orders import FILE``):
the file's columns, declared once, and one row checked and turned into a record.

Every problem of a row is found, not just the first, each naming its line and column in Chinese
and English (:class:`Problem`); the command lists them all and writes nothing. The rules are
docs/orders-import.md's. Times are China local time and come out as UTC epoch seconds.

Pure Python: the catalogue, the deadline policy and the calendar are given; the store writes
the records (``console.store.order_import``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from console.domain.calendar import BusinessCalendar
from console.domain.catalogue import District, Field, Kind
from console.domain.deadlines import Policy
from console.domain.intake import MAX_ADDRESS, MAX_DESCRIPTION, MAX_NAME
from console.domain.order_types import Platform, Priority, Status
from console.domain.phone import normalise_phone
from console.domain.typed_text import clean_line, clean_text, unstorable

CHINA_OFFSET = 8 * 3600  # Asia/Shanghai has had no DST since 1991
EARLIEST = date(1990, 1, 1)  # before any 12345 hotline: a date read the wrong way round
MAX_NUMBER = 40
_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_./-]*")
_TIME = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")


@dataclass(frozen=True, slots=True)
class ImportColumn:
    name: str  # the English header
    zh: str  # the Chinese header, the same column
    required: bool  # the header must have it (a required column's cells must not be blank)
    about: str  # what it holds: the --help text and docs/orders-import.md


COLUMNS = (
    ImportColumn("number", "工单编号", True,
                 "the order's number in the previous system: 1-40 letters, digits, - _ . /; "
                 "unique in the file and the database"),
    ImportColumn("received_at", "受理时间", True, "China time YYYY-MM-DD HH:MM[:SS]"),
    ImportColumn("platform", "平台", True, "12345 or 110"),
    ImportColumn("kind", "类别", True, "a kind of that platform: its code (C-ZX) or name (咨询)"),
    ImportColumn("field", "领域", False,
                 "a field code (F-GF) or name (公共服务): required on 12345 rows, blank on 110 rows"),
    ImportColumn("district", "区划代码", True, "the six-digit division code (210102)"),
    ImportColumn("address", "地址", False, f"at most {MAX_ADDRESS} characters"),
    ImportColumn("description", "诉求内容", True, f"at most {MAX_DESCRIPTION} characters"),
    ImportColumn("caller_phone", "来电号码", True, "a number a Chinese switch delivers"),
    ImportColumn("caller_name", "来电人", False, f"at most {MAX_NAME} characters"),
    ImportColumn("status", "状态", True,
                 "received/已受理, handling/处置中, fed_back/已反馈, completed/已办结, "
                 "cancelled/已撤销"),
    ImportColumn("completed_at", "办结时间", False,
                 "China time; required for completed and cancelled, blank for open orders"),
)  # fmt: skip
_BY_HEADER = {h: c for c in COLUMNS for h in (c.name, c.zh)}

# The statuses an imported order may have, by their value and their Chinese name. The others
# need what the file cannot give: the peer platform's sign-for (transferred, returned), a
# department (dispatched), a first-contact mode (first_contact).
IMPORTABLE = {
    Status.RECEIVED: "已受理", Status.HANDLING: "处置中", Status.FED_BACK: "已反馈",
    Status.COMPLETED: "已办结", Status.CANCELLED: "已撤销",
}  # fmt: skip
_STATUSES = {t: s for s, zh in IMPORTABLE.items() for t in (s.value, zh)}
CLOSED = frozenset({Status.COMPLETED, Status.CANCELLED})


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of the file: where (line, and the column when it is one cell's) and why."""

    line: int
    column: int | None  # 1-based position in the header; None: the whole row
    name: str  # the column's English name, "" for a whole row
    zh: str
    en: str

    def text(self, lang: str = "zh_CN") -> str:
        """The problem as one line in ``lang`` ("zh_CN" or "en")."""
        n, c = self.name, self.column
        if lang == "en":
            at = f", column {c} ({n})" if c else f" ({n}, not in the header)" if n else ""
            return f"line {self.line}{at}: {self.en}"
        zh = _BY_HEADER[n].zh if n in _BY_HEADER else n
        at = f"第 {c} 列（{zh} {n}）" if c else f"（{zh} {n}，表头无此列）" if n else ""
        return f"第 {self.line} 行{at}：{self.zh}"


@dataclass(frozen=True, slots=True)
class ImportedOrder:
    """A row that passed: instants in UTC epoch seconds."""

    line: int
    number: str
    received: int
    platform: Platform
    kind: str
    field: str | None
    district: str
    address: str
    description: str
    phone: str
    name: str | None
    status: Status
    completed: int | None
    feedback_due: int
    completion_due: int


@dataclass(frozen=True, slots=True)
class Header:
    """Where each column is: the index of its cell, ``None`` when the file lacks it."""

    positions: dict[str, int]
    width: int

    def cell(self, cells: Sequence[str], name: str) -> str:
        i = self.positions.get(name)
        return cells[i].strip() if i is not None else ""


def read_header(cells: Sequence[str], line: int) -> tuple[Header | None, list[Problem]]:
    """The header row: English or Chinese names (a BOM is already gone), any order."""
    problems: list[Problem] = []
    positions: dict[str, int] = {}
    for i, raw in enumerate(cells):
        found = _BY_HEADER.get(raw.strip())
        if found is None:
            names = ", ".join(f"{c.name}/{c.zh}" for c in COLUMNS)
            problems.append(Problem(line, i + 1, raw.strip(), f"未知的列；可用的列：{names}",
                                    f"unknown column; the columns are {names}"))  # fmt: skip
        elif found.name in positions:
            problems.append(Problem(line, i + 1, found.name, "该列出现两次", "a column twice"))
        else:
            positions[found.name] = i
    missing = [c for c in COLUMNS if c.required and c.name not in positions]
    if missing:
        names = ", ".join(f"{c.name}/{c.zh}" for c in missing)
        problems.append(
            Problem(line, None, "", f"表头缺少列：{names}", f"the header lacks {names}")
        )
    return (None if problems else Header(positions, len(cells))), problems


Deadliner = Callable[[str, str | None, Platform, int], tuple[int, int]]


def deadliner(policy: Policy, calendar: BusinessCalendar) -> Deadliner:
    """(kind, field, platform, received) -> feedback and completion due, as a new order of
    normal priority gets them; remembered per China day where both are working days."""
    cache: dict[tuple[str, str | None, Platform, int], tuple[int, int]] = {}
    by_day: dict[tuple[str, str | None, Platform], bool] = {}

    def due(kind: str, field: str | None, platform: Platform, received: int) -> tuple[int, int]:
        rule = (kind, field, platform)
        daily = by_day.get(rule)
        if daily is None:
            specs = policy.specs_for(kind, Priority.NORMAL, platform, field)
            daily = specs.feedback.hours is None and specs.completion.hours is None
            by_day[rule] = daily
        key = (*rule, (received + CHINA_OFFSET) // 86_400 if daily else received)
        hit = cache.get(key)
        if hit is None:
            start = datetime.fromtimestamp(received, UTC)
            d = policy.deadlines_for(kind, Priority.NORMAL, platform, start, calendar, field=field)
            fb, done = d.deadlines.feedback, d.deadlines.completion
            assert fb is not None and done is not None
            hit = cache[key] = (int(fb.timestamp()), int(done.timestamp()))
        return hit

    return due


class RowReader:
    """Checks rows against the site's catalogue; ``now`` (UTC epoch): nothing may be later."""

    def __init__(
        self,
        header: Header,
        kinds: Iterable[Kind],
        fields: Iterable[Field],
        districts: Iterable[District],
        due: Deadliner,
        now: int,
    ) -> None:
        self._header, self._due, self._now = header, due, now
        self._kinds = {(k.platform, t): k.code for k in kinds for t in (k.code, k.name_zh)}
        self._fields = {(f.platform, t): f.code for f in fields for t in (f.code, f.name_zh)}
        self._districts = frozenset(d.code for d in districts)
        self._days: dict[tuple[int, int, int], int | None] = {}
        self._earliest = _epoch_of_day(EARLIEST)

    def read(self, cells: Sequence[str], line: int) -> ImportedOrder | list[Problem]:
        h = self._header
        if len(cells) != h.width:
            return [Problem(line, None, "", f"有 {len(cells)} 列，表头有 {h.width} 列",
                            f"{len(cells)} columns, the header has {h.width}")]  # fmt: skip
        problems: list[Problem] = []
        pos = h.positions
        suspect = unstorable("".join(cells))  # one search a row; the cell only when it is there

        def bad(name: str, zh: str, en: str) -> None:
            at = pos.get(name)  # None: the header lacks the (optional) column
            problems.append(Problem(line, None if at is None else at + 1, name, zh, en))

        def cell(name: str) -> str:
            i = pos.get(name)
            if i is None:
                return ""
            value = cells[i]
            if suspect and unstorable(value):
                bad(name, "含有无法保存的字符（NUL 或残缺的 UTF-16）",
                    "holds a character no database stores (NUL, a lone surrogate)")  # fmt: skip
                return ""
            value = value.strip()
            if not value and _BY_HEADER[name].required:
                bad(name, "不能为空", "is blank")
            return value

        number = cell("number")
        if number and (len(number) > MAX_NUMBER or not _NUMBER.fullmatch(number)):
            bad("number", f"工单编号须为 1–{MAX_NUMBER} 个字母、数字或 - _ . /：{number[:60]!r}",
                f"must be 1-{MAX_NUMBER} letters, digits, - _ . /: {number[:60]!r}")  # fmt: skip
        received = self._time(cell("received_at"), "received_at", bad)
        platform: Platform | None = None
        text = cell("platform")
        if text:
            try:
                platform = Platform(text.removesuffix("热线"))
            except ValueError:
                bad("platform", f"平台须为 12345 或 110：{text[:20]!r}",
                    f"must be 12345 or 110: {text[:20]!r}")  # fmt: skip
        kind = field = None
        text = cell("kind")
        if text and platform is not None:
            kind = self._kinds.get((platform, text))
            if kind is None:
                bad("kind", f"不是 {platform.value} 平台的类别：{text[:40]!r}",
                    f"not a kind of the {platform.value} platform: {text[:40]!r}")  # fmt: skip
        text = cell("field")
        if platform is Platform.HOTLINE:
            field = self._fields.get((platform, text)) if text else None
            if field is None:
                bad("field", f"12345 工单须有目录中的领域：{text[:40]!r}",
                    f"a 12345 order needs a field of the catalogue: {text[:40]!r}")  # fmt: skip
        elif platform is Platform.POLICE and text:
            bad("field", "110 工单没有领域，请留空", "110 orders have no field: leave it blank")
        district = cell("district")
        if district and district not in self._districts:
            bad("district", f"不是目录中的区划代码：{district[:20]!r}",
                f"not a district code of the catalogue: {district[:20]!r}")  # fmt: skip
        address = clean_line(cell("address"))
        if len(address) > MAX_ADDRESS:
            bad("address", f"超过 {MAX_ADDRESS} 个字", f"longer than {MAX_ADDRESS} characters")
        description = clean_text(cell("description"))
        if len(description) > MAX_DESCRIPTION:
            bad("description", f"超过 {MAX_DESCRIPTION} 个字",
                f"longer than {MAX_DESCRIPTION} characters")  # fmt: skip
        text = cell("caller_phone")
        phone = normalise_phone(text) if text else None
        if text and phone is None:
            bad("caller_phone", "不是有效的电话号码", "not a phone number")  # never echo it
        name = clean_line(cell("caller_name")) or None
        if name is not None and len(name) > MAX_NAME:
            bad("caller_name", f"超过 {MAX_NAME} 个字", f"longer than {MAX_NAME} characters")
        status: Status | None = None
        text = cell("status")
        if text:
            status = _STATUSES.get(text)
            if status is None:
                known = "、".join(f"{s.value}/{zh}" for s, zh in IMPORTABLE.items())
                bad("status", f"不能导入的状态 {text[:20]!r}；可用：{known}",
                    f"a status that cannot be imported: {text[:20]!r}; use one of {known}")  # fmt: skip
        completed = self._time(cell("completed_at"), "completed_at", bad)
        if status in CLOSED and completed is None and not _said(problems, "completed_at"):
            bad("completed_at", "已办结或已撤销的工单须有办结时间",
                "a completed or cancelled order needs its completed at")  # fmt: skip
        elif status is not None and status not in CLOSED and completed is not None:
            bad("completed_at", "未办结的工单不应有办结时间", "an open order has no completed at")
        if completed is not None and received is not None and completed < received:
            bad("completed_at", "早于受理时间", "is before received at")
        if problems:
            return problems
        assert received is not None and platform is not None and kind is not None
        assert status is not None
        feedback_due, completion_due = self._due(kind, field, platform, received)
        return ImportedOrder(
            line, number, received, platform, kind, field, district, address, description,
            phone or "", name, status, completed, feedback_due, completion_due,
        )  # fmt: skip

    def _time(self, text: str, name: str, bad: Callable[[str, str, str], None]) -> int | None:
        """UTC epoch seconds of a China time, or None (blank, or a problem said)."""
        if not text:
            return None
        m = _TIME.fullmatch(text)
        if m is None:
            bad(name, f"时间须为 YYYY-MM-DD HH:MM[:SS]（北京时间）：{text[:30]!r}",
                f"must be a China time YYYY-MM-DD HH:MM[:SS]: {text[:30]!r}")  # fmt: skip
            return None
        y, mo, d, hh, mm, ss = (int(g) if g else 0 for g in m.groups())
        key = (y, mo, d)
        midnight = self._days.get(key, -1)
        if midnight == -1:
            try:
                midnight = _epoch_of_day(date(y, mo, d))
            except ValueError:
                midnight = None
            self._days[key] = midnight
        if midnight is None or hh > 23 or mm > 59 or ss > 59:
            bad(name, f"没有这个时间：{text[:30]!r}", f"no such time: {text[:30]!r}")
            return None
        at = midnight + hh * 3600 + mm * 60 + ss
        if not self._earliest <= at <= self._now:
            bad(name, f"须在 {EARLIEST} 之后、现在之前：{text[:30]!r}",
                f"must be after {EARLIEST} and not in the future: {text[:30]!r}")  # fmt: skip
            return None
        return at


def _said(problems: list[Problem], name: str) -> bool:
    return any(p.name == name for p in problems)


def _epoch_of_day(day: date) -> int:
    """UTC epoch seconds of the China midnight that starts ``day``."""
    return (day.toordinal() - _EPOCH_ORDINAL) * 86_400 - CHINA_OFFSET


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def duplicate(line: int, header: Header, number: str, first: int | None) -> Problem:
    """The problem of a number seen before: on line ``first`` of the file, or (None) in the
    database."""
    column = header.positions["number"] + 1
    if first is not None:
        return Problem(line, column, "number", f"工单编号与第 {first} 行重复：{number}",
                       f"the same number as line {first}: {number}")  # fmt: skip
    return Problem(line, column, "number", f"数据库中已有此工单编号：{number}",
                   f"the database already holds number {number}")  # fmt: skip
