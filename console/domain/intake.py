"""What an agent types at intake, and the checks that run before anything is saved.

Validation returns every problem at once, each tied to the field it concerns, so the form can show
them inline and keep the agent's draft untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from console.domain.catalogue import District, Field, Kind
from console.domain.orders import Platform, Priority

MAX_DESCRIPTION = 2000
MAX_ADDRESS = 200
MAX_NAME = 40

# Mainland mobile (1[3-9] + 9 digits), landline with area code (0 + 2–3 digits, 7–8 digits),
# optionally +86 / 0086 in front; separators (space, hyphen) allowed and stripped.
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")


def normalise_phone(raw: str) -> str | None:
    """Digits only, country code dropped; ``None`` if it is not a mainland number."""
    digits = re.sub(r"[\s\-()]", "", raw.strip())
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits):
        return digits
    return None


def mask_phone(phone: str) -> str:
    """138****1234: shown while a call rings, before it is answered."""
    if len(phone) < 7:
        return phone
    return f"{phone[:3]}{'*' * (len(phone) - 7)}{phone[-4:]}"


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


@dataclass(frozen=True, slots=True)
class Problem:
    field: str  # the Draft attribute the message is about
    message: str


def validate(
    draft: Draft,
    platform: Platform,
    kinds: dict[str, Kind],
    fields: dict[str, Field],
    districts: dict[str, District],
) -> list[Problem]:
    problems: list[Problem] = []
    if not draft.caller_phone.strip():
        problems.append(Problem("caller_phone", "请填写来电号码"))
    elif normalise_phone(draft.caller_phone) is None:
        problems.append(Problem("caller_phone", "号码格式不正确：应为11位手机号或带区号的固定电话"))
    if len(draft.caller_name) > MAX_NAME:
        problems.append(Problem("caller_name", f"姓名不超过{MAX_NAME}个字"))
    kind = kinds.get(draft.kind)
    if kind is None:
        problems.append(Problem("kind", "请选择诉求类型"))
    elif kind.platform is not platform:
        problems.append(Problem("kind", f"“{kind.name_zh}”不是{platform.value}平台的诉求类型"))
    if platform is Platform.HOTLINE and draft.field not in fields:
        problems.append(Problem("field", "请选择所属领域"))
    if draft.district not in districts:
        problems.append(Problem("district", "请选择所在地区"))
    if len(draft.address) > MAX_ADDRESS:
        problems.append(Problem("address", f"地址不超过{MAX_ADDRESS}个字"))
    text = draft.description.strip()
    if not text:
        problems.append(Problem("description", "请填写诉求内容"))
    elif len(text) > MAX_DESCRIPTION:
        problems.append(
            Problem("description", f"诉求内容不超过{MAX_DESCRIPTION}个字（现为{len(text)}个字）")
        )
    return problems
