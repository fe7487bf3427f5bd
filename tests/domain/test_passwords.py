"""The password policy: each refusal says what is wrong."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.passwords import (
    SecurityPolicy,
    check_login,
    check_new_password,
    classes,
    locked_until,
    normal_login,
    password_expired,
    sign_in_text,
)
from console.domain.refusals import Refused

POLICY = SecurityPolicy()
NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Ab1-xyz", "password_too_short"),  # 7
        ("abcdefgh", "password_too_simple"),  # 1 class
        ("abcd1234", "password_too_simple"),  # 2 classes
        ("WangLi-01", "password_is_login"),
        ("10-ilgnaw", "password_is_login"),  # reversed, case-insensitive
        ("Abc-1234\x00", "password_unprintable"),
        ("Abc-1234\n", "password_unprintable"),
        ("Aa1-" * 40, "password_too_long"),
    ],
)
def test_refusals(password: str, code: str) -> None:
    with pytest.raises(Refused) as refused:
        check_new_password(POLICY, "wangli-01", password)
    assert refused.value.code == code


@pytest.mark.parametrize(
    "password", ["Abcd-efg", "abc123!!", "ABC1234x", "安全口令abc1", "a b c D 1"]
)
def test_accepted(password: str) -> None:
    assert check_new_password(POLICY, "wangli", password) == password


def test_classes_count_chinese_as_other() -> None:
    assert classes("aA1-") == 4
    assert classes("口令") == 1
    assert classes("") == 0


def test_a_site_can_ask_more() -> None:
    strict = SecurityPolicy(min_length=12, min_classes=4)
    with pytest.raises(Refused) as refused:
        check_new_password(strict, "x", "Abc-1234")
    assert refused.value.code == "password_too_short" and refused.value.params == {"min": "12"}
    with pytest.raises(Refused):
        check_new_password(strict, "x", "Abcdefgh1234")
    with pytest.raises(ValueError):
        SecurityPolicy(min_length=6)  # below every guideline


def test_logins() -> None:
    assert normal_login("  WangLi ") == "wangli"
    assert normal_login("a' OR 1=1 --") is None
    assert normal_login("a\x00") is None
    assert normal_login("") is None
    assert normal_login("x" * 33) is None
    with pytest.raises(Refused):
        check_login("王丽")


def test_sign_in_text_caps_the_length_before_hashing() -> None:
    assert sign_in_text("x" * 1024) == "x" * 1024
    with pytest.raises(Refused) as refused:
        sign_in_text("x" * 10_000)
    assert refused.value.code == "password_too_long"


def test_lock_and_expiry_by_time() -> None:
    assert locked_until(POLICY, 4, NOW) is None
    assert locked_until(POLICY, 5, NOW) == NOW + timedelta(minutes=30)
    assert not password_expired(POLICY, NOW - timedelta(days=89, hours=23), NOW)
    assert password_expired(POLICY, NOW - timedelta(days=90), NOW)
    assert not password_expired(SecurityPolicy(max_age_days=0), NOW - timedelta(days=999), NOW)
