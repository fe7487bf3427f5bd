"""A database fault reaches the agent as a Chinese sentence that says what happened and what to
do: never the driver's text, the SQL or its parameters."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.exc import OperationalError

from console.ui.refusals import refusal_text

PHONE = "13912345678"


def _failed_insert(driver_text: str) -> OperationalError:
    return OperationalError(
        "INSERT INTO work_order (caller_phone) VALUES (%(caller_phone)s)",
        {"caller_phone": PHONE},
        psycopg.OperationalError(driver_text),
    )


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize(
    ("driver_text", "said"),
    [
        ("connection failed: connection to server at \"db\", port 5432 failed: Connection refused",
         "无法连接数据库服务器：坐席台会自动重连。请稍后重试；若持续如此，请联系信息技术人员。"),
        ("connection failed: FATAL:  the database system is starting up",
         "数据库服务器正在重启：请稍后重试。"),
        ("server closed the connection unexpectedly", "数据库服务器正在重启：请稍后重试。"),
        ("could not extend file: No space left on device",
         "数据库磁盘已满：无法再保存任何内容。请立即联系信息技术人员。"),
    ],
)  # fmt: skip
def test_a_database_fault_is_said_in_chinese_without_its_internals(
    driver_text: str, said: str
) -> None:
    assert refusal_text(_failed_insert(driver_text)) == said


def test_a_fault_that_is_no_database_fault_is_still_said_as_unexpected(qapp: object) -> None:
    assert refusal_text(ValueError("oops")) == "Unexpected error: oops"
