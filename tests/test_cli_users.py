"""``users`` and ``roles`` on the command line: a fake terminal types the passwords; hostile
lines end in one line on stderr and exit 2."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.__main__ import _parser
from console.cli.common import CommandFailed
from console.cli.users import users
from console.domain.passwords import SecurityPolicy
from console.domain.refusals import Refused
from console.services.accounts import AccountService


class Terminal:
    """Types the given answers at each password prompt, and remembers the prompts."""

    def __init__(self, *answers: str) -> None:
        self.answers: Iterator[str] = iter(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return next(self.answers)


def run(url: str, *argv: str, typed: tuple[str, ...] = ()) -> int:
    terminal = Terminal(*typed)
    return users(url, _parser().parse_args(["users", *argv]), SecurityPolicy(), _key(url),
                 ask=terminal, interactive=True)  # fmt: skip


def _key(url: str) -> Path:
    """The audit key beside the test's database (made on first use)."""
    return Path(url.removeprefix("sqlite:///")).with_name("audit.key")


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'c.sqlite3'}"


def _service(url: str) -> AccountService:
    from datetime import UTC, datetime

    from console.store.setup import init_db

    db, _ = init_db(url)
    return AccountService(db, lambda: datetime.now(UTC))


def test_add_list_reset_roles_disable(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    pw = ("Start-2026x", "Start-2026x")
    assert run(url, "add", "--admin", "Root", "--name", "管理员", typed=pw) == 0
    assert run(url, "add", "liqiang", "--platform", "110", "--role", "接警员", "--role", "lead",
               typed=pw) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "root added (系统管理员, 12345)" in out and "liqiang added (接警员, 值班长, 110)" in out
    assert run(url, "list") == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("login,name,platform,roles")
    assert rows[1].startswith("liqiang,liqiang,110,operator+lead,yes,yes,")
    assert rows[2].startswith("root,管理员,12345,admin,yes,yes,")
    assert "Start-2026x" not in "\n".join(rows)
    svc = _service(url)
    svc.change_password("liqiang", "Start-2026x", "Better-2027y")
    assert run(url, "reset-password", "liqiang", typed=("Reset-2026z", "Reset-2026z")) == 0
    with pytest.raises(Refused) as refused:
        svc.sign_in("liqiang", "Better-2027y")
    assert refused.value.code == "sign_in_refused"
    assert run(url, "roles", "liqiang", "--set", "operator") == 0
    assert run(url, "disable", "liqiang") == 0
    assert "liqiang is now 接警员" in capsys.readouterr().out
    [view] = [v for v in svc.accounts() if v.login == "liqiang"]
    assert not view.enabled and view.must_change


@pytest.mark.parametrize(
    ("argv", "typed", "says"),
    [
        (["add", "a1", "--role", "agent"], ("Start-2026x", "Start-2026y"), "passwords differ"),
        (["add", "a1", "--role", "agent"], ("short", "short"), "at least 8 characters"),
        (["add", "a1", "--role", "agent"], ("a1a1a1a1", "a1a1a1a1"), "of at least 3 kinds"),
        (["add", "a1", "--role", "nope"], (), "unknown role 'nope'"),
        (["add", "a1"], (), "give the account a role"),
        (["add", "a1", "--admin", "--role", "auditor"], (), "三员分立"),
        (["add", "a1", "--role", "operator"], (), "110 accounts only"),
        (["add", "王丽", "--role", "agent"], (), "A login is 1–32"),
        (["disable", "ghost"], (), "There is no account “ghost”"),
        (["reset-password", "ghost"], ("Start-2026x",) * 2, "no account"),
        (["roles", "ghost", "--set", "admin", "auditor"], (), "no account “ghost”; nothing"),
    ],
)
def test_mistakes_are_one_line(
    url: str, argv: list[str], typed: tuple[str, ...], says: str | None
) -> None:
    with pytest.raises(CommandFailed) as failed:
        run(url, *argv, typed=typed)
    line = str(failed.value)
    assert "\n" not in line
    assert says in line


def test_no_terminal_no_password(url: str) -> None:
    args = _parser().parse_args(["users", "add", "a1", "--role", "agent"])
    with pytest.raises(CommandFailed, match="asked on a terminal"):
        users(url, args, SecurityPolicy(), _key(url), ask=Terminal(), interactive=False)


def _console(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "console", *args], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)  # fmt: skip


def test_hostile_lines_as_processes() -> None:
    for argv, says in (
        (["users", "add", "a1", "--role", "agent"], "asked on a terminal"),
        (["users", "add", "a1", "--role", "x\x01"], "unknown role"),
        (["users", "disable", "x" * 10_000], "There is no account"),
        (["users", "disable", "a'; DROP TABLE account; --"], "There is no account"),
        (["users", "roles", "a1", "--set"], "expected at least one argument"),
        (["users"], "required"),
    ):
        done = _console(*argv)
        assert done.returncode == 2, (argv, done.stderr)
        lines = done.stderr.splitlines()
        assert len(lines) == 1 and says in lines[0] and "Traceback" not in done.stderr, argv


def test_roles_prints_the_matrix() -> None:
    done = _console("roles")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert "dispatch            12345  agent (话务员), lead (值班长)" in lines
    assert "read_audit          site   auditor (审计员)" in lines
    assert not any(line.startswith("dispatch            110") for line in lines)


def test_account_changes_are_recorded_by_the_systems_user(url: str) -> None:
    import getpass

    from sqlalchemy import text

    from console.store.setup import init_db

    pw = ("Start-2026x", "Start-2026x")
    assert run(url, "add", "liqiang", "--platform", "110", "--role", "operator", typed=pw) == 0
    assert run(url, "disable", "liqiang") == 0
    db, _ = init_db(url)
    with db.read() as s:
        rows = [tuple(r) for r in s.execute(text(
            "SELECT who, action, target, detail FROM audit ORDER BY seq"))]  # fmt: skip
    db.dispose()
    me = getpass.getuser()
    assert rows == [(me, "user_change", "liqiang", "added 110 roles=operator"),
                    (me, "user_change", "liqiang", "disabled")]  # fmt: skip
