"""``python -m console users add [--admin] LOGIN [--name N] [--platform P] [--role R…] | list |
reset-password LOGIN | reset-totp LOGIN | disable LOGIN | roles LOGIN --set R…`` and
``python -m console roles`` (the role matrix).

Passwords are asked on the terminal (twice, never echoed, never on the command line, where the
shell history and ``ps`` would keep them). The command line is the database's own user: it
needs no sign-in (``by=None`` in :class:`~console.services.accounts.AccountService`).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.cli.common import CommandFailed
from console.domain.orders import Platform
from console.domain.passwords import SecurityPolicy, check_login
from console.domain.refusals import Refused
from console.domain.roles import MATRIX, ROLES, SITE, Role, check_roles

if TYPE_CHECKING:
    from console.services.accounts import AccountService

Ask = Callable[[str], str]


def add_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    """The ``users`` and ``roles`` sub-commands on the console's parser."""
    roles_help = ", ".join(f"{r.value} ({ROLES[r].term})" for r in Role)
    users = sub.add_parser("users", help="accounts: who signs in, with which roles")
    users.add_argument("--db", metavar="URL", dest="sub_db")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    add = users_sub.add_parser("add", help="a new account (its password is asked twice)")
    add.add_argument("login")
    add.add_argument("--name", help="the name shown (default: the login)")
    add.add_argument("--platform", dest="account_platform", choices=["12345", "110"],
                     default="12345", help="the account's platform (default 12345)")  # fmt: skip
    add.add_argument("--role", action="append", default=[], metavar="R", help=roles_help)
    add.add_argument("--admin", action="store_true", help="same as --role admin")
    users_sub.add_parser("list", help="every account, its roles and its state")
    for name, what in (("reset-password", "a new password, changed at the next sign-in; unlocks"),
                       ("reset-totp", "remove the account's authenticator app"),
                       ("disable", "the account can no longer sign in")):  # fmt: skip
        users_sub.add_parser(name, help=what).add_argument("login")
    roles = users_sub.add_parser("roles", help="replace an account's roles")
    roles.add_argument("login")
    roles.add_argument(
        "--set", nargs="+", required=True, metavar="R", dest="roles", help=roles_help
    )
    sub.add_parser("roles", help="print the role matrix: who may do what, where")


def print_matrix() -> int:
    """The role matrix, one capability a line: where, and the roles that may."""
    print("capability          where  roles")
    for can, grants in MATRIX.items():
        for platform, roles in grants.items():
            where = "site" if platform is SITE else platform.value
            names = ", ".join(f"{r.value} ({ROLES[r].term})" for r in Role if r in roles)
            print(f"{can.value:19} {where:6} {names}")
    return 0


def users(
    url: str,
    args: argparse.Namespace,
    policy: SecurityPolicy,
    key_path: Path,
    ask: Ask = getpass.getpass,
    interactive: bool | None = None,
) -> int:
    """Run one ``users`` sub-command; ``ask`` reads a password without echo (a fake in tests)."""
    from console.cli.audit import command_line
    from console.services.accounts import AccountService
    from console.store.setup import init_db

    command = args.users_command
    roles: frozenset[Role] = frozenset()  # every mistake is said before a password is asked
    if command == "add":
        roles = _roles(args.role + (["admin"] if args.admin else []))
        try:
            check_roles(roles, Platform(args.account_platform))
            check_login(args.login)
        except Refused as exc:
            raise CommandFailed(_said(exc)) from None
    elif command == "roles":
        roles = _roles(args.roles)
    password = ""
    if command in ("add", "reset-password"):
        if not (sys.stdin.isatty() if interactive is None else interactive):
            raise CommandFailed("the password is asked on a terminal: run this in one")
        password = _new_password(ask, args.login)
    db, _ = init_db(url)
    try:
        cli = command_line(db, key_path)  # every change is recorded
        service = AccountService(db, lambda: datetime.now(UTC), policy, audit=cli.trail,
                                 seat=cli.seat, operator=cli.who)  # fmt: skip
        try:
            return _run(service, command, args, password, roles)
        except Refused as exc:
            raise CommandFailed(_said(exc)) from None
    finally:
        db.dispose()


def _run(service: AccountService, command: str, args: argparse.Namespace, password: str,
         roles: frozenset[Role]) -> int:  # fmt: skip
    if command == "add":
        platform = Platform(args.account_platform)
        view = service.add(args.login, args.name or args.login, platform, roles, password)
        print(f"users: {view.login} added ({_names(view.roles)}, {platform.value}); "
              "the password is changed at the first sign-in")  # fmt: skip
    elif command == "list":
        print("login,name,platform,roles,enabled,must_change,password_set,locked_until,totp")
        for v in service.accounts():
            locked = v.locked_until.isoformat(timespec="minutes") if v.locked_until else ""
            print(",".join([v.login, v.display_name, v.platform.value,
                            "+".join(r.value for r in Role if r in v.roles), _yes(v.enabled),
                            _yes(v.must_change), v.password_set_at.date().isoformat(), locked,
                            _yes(v.totp)]))  # fmt: skip
    elif command == "reset-password":
        service.reset_password(args.login, password)
        print(f"users: {args.login.strip().lower()}: new password, changed at the next sign-in")
    elif command == "reset-totp":
        service.reset_totp(args.login)
        print(f"users: {args.login.strip().lower()}: authenticator app removed")
    elif command == "disable":
        service.disable(args.login)
        print(f"users: {args.login.strip().lower()} disabled")
    else:
        service.set_roles(args.login, roles)
        print(f"users: {args.login.strip().lower()} is now {_names(roles)}")
    return 0


def _roles(given: list[str]) -> frozenset[Role]:
    by_name = {r.value: r for r in Role} | {ROLES[r].term: r for r in Role}
    unknown = [g for g in given if g not in by_name]
    if unknown:
        known = ", ".join(r.value for r in Role)
        raise CommandFailed(f"unknown role {unknown[0]!r}: the roles are {known}")
    if not given:
        raise CommandFailed("give the account a role: --role R (or --admin)")
    return frozenset(by_name[g] for g in given)


def _new_password(ask: Ask, login: str) -> str:
    try:
        first = ask(f"New password for {login.strip()[:32]}: ")
        second = ask("The same password again: ")
    except (EOFError, KeyboardInterrupt):
        raise CommandFailed("no password given; nothing was changed") from None
    if first != second:
        raise CommandFailed("the two passwords differ; nothing was changed")
    return first


def _said(refused: Refused) -> str:
    return " ".join(refused.why.split()).rstrip(".") + "; nothing was changed"


def _names(roles: frozenset[Role]) -> str:
    return ", ".join(ROLES[r].term for r in Role if r in roles)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
