"""What an agent types at intake, and the checks that run before anything is saved.

Validation returns every problem at once, each tied to the field it concerns, so the form can show
them inline and keep the agent's draft untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field

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


# Chinese texts of the problem codes. The UI shows its own translation of each code (English
# source in tr(), Chinese in the .ts); this text is what logs and non-UI callers see.
MESSAGES_ZH: dict[str, str] = {
    "phone_missing": "请填写来电号码",
    "phone_format": "号码格式不正确：应为11位手机号或带区号的固定电话",
    "name_too_long": "姓名不超过{max}个字",
    "kind_missing": "请选择诉求类型",
    "kind_wrong_platform": "“{kind}”不是{platform}平台的诉求类型",
    "field_missing": "请选择所属领域",
    "district_missing": "请选择所在地区",
    "address_too_long": "地址不超过{max}个字",
    "description_missing": "请填写诉求内容",
    "description_too_long": "诉求内容不超过{max}个字（现为{length}个字）",
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


def validate(
    draft: Draft,
    platform: Platform,
    kinds: dict[str, Kind],
    fields: dict[str, Field],
    districts: dict[str, District],
) -> list[Problem]:
    problems: list[Problem] = []
    if not draft.caller_phone.strip():
        problems.append(Problem("caller_phone", "phone_missing"))
    elif normalise_phone(draft.caller_phone) is None:
        problems.append(Problem("caller_phone", "phone_format"))
    if len(draft.caller_name) > MAX_NAME:
        problems.append(Problem("caller_name", "name_too_long", {"max": MAX_NAME}))
    kind = kinds.get(draft.kind)
    if kind is None:
        problems.append(Problem("kind", "kind_missing"))
    elif kind.platform is not platform:
        problems.append(
            Problem(
                "kind",
                "kind_wrong_platform",
                {"kind": kind.name_zh, "platform": platform.value},
            )
        )
    if platform is Platform.HOTLINE and draft.field not in fields:
        problems.append(Problem("field", "field_missing"))
    if draft.district not in districts:
        problems.append(Problem("district", "district_missing"))
    if len(draft.address) > MAX_ADDRESS:
        problems.append(Problem("address", "address_too_long", {"max": MAX_ADDRESS}))
    text = draft.description.strip()
    if not text:
        problems.append(Problem("description", "description_missing"))
    elif len(text) > MAX_DESCRIPTION:
        problems.append(
            Problem(
                "description",
                "description_too_long",
                {"max": MAX_DESCRIPTION, "length": len(text)},
            )
        )
    return problems
