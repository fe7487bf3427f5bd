"""What an agent types at intake, and the checks that run before anything is saved.

Validation returns every problem at once, each tied to the field it concerns, so the form can show
them inline and keep the agent's draft untouched. The service stores :func:`clean`'s form of a
draft that passed: what is typed or pasted is normalised by ``typed_text`` (NUL and broken
characters refused; controls and bidirectional overrides removed), the phone by ``phone``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import UTC, datetime

from console.domain.catalogue import District, Field, Kind
from console.domain.orders import Platform, Priority
from console.domain.phone import format_phone, mask_phone, normalise_phone
from console.domain.refusals import Refused
from console.domain.typed_text import clean_code, clean_line, clean_text, unstorable

__all__ = [
    "MESSAGES_ZH",
    "Draft",
    "Problem",
    "check_clock",
    "clean",
    "format_phone",
    "mask_phone",
    "normalise_phone",
    "validate",
]

MAX_DESCRIPTION = 2000
MAX_ADDRESS = 200
MAX_NAME = 40
TEXT_FIELDS = ("caller_phone", "caller_name", "kind", "field", "district", "address", "description")

# A clock outside these years is broken (a dead battery, a mistyped date): orders stamped
# with it would carry impossible numbers and deadlines, so nothing is recorded.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Draft:
    caller_phone: str = ""
    caller_name: str = ""
    kind: str = ""
    field: str = ""
    district: str = ""
    address: str = ""
    description: str = ""
    priority: Priority = Priority.NORMAL
    social_stability: bool = False
    consent: bool = False


# Chinese texts of the problem codes. The UI shows its own translation of each code (English
# source in tr(), Chinese in the .ts); this text is what logs and non-UI callers see.
MESSAGES_ZH: dict[str, str] = {
    "phone_missing": "请填写来电号码",
    "phone_format": "号码格式不正确：应为手机号、固定电话（可带区号）或服务号码",
    "bad_characters": "含有无法保存的字符（空字符或残缺的字符），请重新输入",
    "name_too_long": "姓名不超过{max}个字",
    "kind_missing": "请选择诉求类型",
    "kind_wrong_platform": "“{kind}”不是{platform}平台的诉求类型",
    "field_missing": "请选择所属领域",
    "field_not_used": "{platform}平台的工单不分领域",
    "district_missing": "请选择所在地区",
    "address_too_long": "地址不超过{max}个字",
    "description_missing": "请填写诉求内容",
    "description_too_long": "诉求内容不超过{max}个字（现为{length}个字）",
    "priority_unknown": "请选择紧急程度：一般、紧急或特急",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a draft: a stable ``code`` (see :data:`MESSAGES_ZH`) and the
    numbers or names its message needs, so the UI can say it in the agent's language."""

    field: str  # the Draft attribute the problem is about
    code: str
    params: dict[str, str | int] = dataclass_field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        return MESSAGES_ZH[self.code].format(**self.params)


def clean(draft: Draft) -> Draft:
    """The draft as it is stored (see ``typed_text`` for what is removed and why): the phone
    in its one stored form (when it is a number), codes NFKC, text trimmed, and a
    social-stability clue at top priority. What :func:`validate` refuses is left in place."""
    phone = clean_code(draft.caller_phone)
    priority = _known_priority(draft.priority)
    return replace(
        draft,
        caller_phone=normalise_phone(phone) or phone,
        caller_name=clean_line(draft.caller_name),
        kind=clean_code(draft.kind),
        field=clean_code(draft.field),
        district=clean_code(draft.district),
        address=clean_line(draft.address),
        description=clean_text(draft.description),
        priority=Priority.CRITICAL
        if draft.social_stability
        else (draft.priority if priority is None else priority),
    )


def validate(
    draft: Draft,
    platform: Platform,
    kinds: dict[str, Kind],
    fields: dict[str, Field],
    districts: dict[str, District],
) -> list[Problem]:
    """Every problem of ``draft`` at once, in the form's order; the checks run on
    :func:`clean`'s result, so what is stored is what was checked."""
    problems: list[Problem] = []
    unreadable = {name for name in TEXT_FIELDS if unstorable(getattr(draft, name))}
    d = clean(draft)

    def add(name: str, code: str, **params: str | int) -> None:
        problems.append(Problem(name, code, params))

    for name in TEXT_FIELDS:
        if name in unreadable:
            add(name, "bad_characters")
        elif name == "caller_phone":
            if not d.caller_phone:
                add(name, "phone_missing")
            elif normalise_phone(d.caller_phone) is None:
                add(name, "phone_format")
        elif name == "caller_name" and len(d.caller_name) > MAX_NAME:
            add(name, "name_too_long", max=MAX_NAME)
        elif name == "kind":
            kind = kinds.get(d.kind)
            if kind is None:
                add(name, "kind_missing")
            elif kind.platform is not platform:
                add(name, "kind_wrong_platform", kind=kind.name_zh, platform=platform.value)
        elif name == "field":
            if platform is not Platform.HOTLINE:
                if d.field:
                    add(name, "field_not_used", platform=platform.value)
            elif (found := fields.get(d.field)) is None or found.platform is not platform:
                add(name, "field_missing")
        elif name == "district" and d.district not in districts:
            add(name, "district_missing")
        elif name == "address" and len(d.address) > MAX_ADDRESS:
            add(name, "address_too_long", max=MAX_ADDRESS)
        elif name == "description":
            if not d.description:
                add(name, "description_missing")
            elif len(d.description) > MAX_DESCRIPTION:
                add(name, "description_too_long", max=MAX_DESCRIPTION, length=len(d.description))
    if _known_priority(draft.priority) is None:
        add("priority", "priority_unknown")
    return problems


def check_clock(now: datetime) -> None:
    """Refuse to record anything at an instant no working clock shows (see ``EARLIEST``)."""
    if now.tzinfo is None or not EARLIEST <= now < LATEST:
        raise Refused("clock_wrong", f"the clock reads {now!r}: nothing is recorded")


def _known_priority(value: object) -> Priority | None:
    if isinstance(value, Priority):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return Priority(value)
        except ValueError:
            return None
    return None
