"""``exchange serve`` processes started warm, for the kill tests: a fork server.

A cold ``python -m console exchange serve`` spends ~2 s (more on a loaded machine) importing
SQLAlchemy, SQLModel, aiohttp and the console before it listens; killing one 400 times would be
mostly waiting for imports. This module, run as ``python -m tests.exchange.warm_serve``, imports
all of that once and then forks one child per start. Each child is a separate process running
exactly ``console.__main__.main(["--config", …, "exchange", "serve"])`` from there on (its own
database connections, event loop, sockets; nothing is opened before the fork), its output in a
log file, and it is killed with a real SIGKILL. Only the imports are shared.

Protocol (one JSON object a line on stdin, one answer a line on stdout):
``{"op": "spawn", "argv": [...], "env": {...}, "log": PATH}`` → ``{"pid": N}``;
``{"op": "kill", "pid": N, "signal": 9}`` → ``{"pid": N, "status": S}`` once the child is reaped.
End of input: the children left are killed and reaped, and the server exits.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import signal
import sys
import traceback
from typing import Any

PRELOAD = (
    "console.__main__", "console.app_exchange", "console.cli.exchange_serve",
    "console.domain.calendar", "console.services.alarms", "console.services.audit",
    "console.store.setup", "console.store.migrate", "alembic.command",
)  # fmt: skip


def _preload() -> None:
    """Everything ``exchange serve`` imports, so a child starts with it in memory."""
    for name in PRELOAD:
        importlib.import_module(name)
    with contextlib.suppress(ImportError):  # loaded by SQLAlchemy on a PostgreSQL URL
        importlib.import_module("psycopg")


def _child(command: dict[str, Any]) -> None:
    """In the forked child: become ``exchange serve`` with the command's argv and environment."""
    code = 70
    try:
        log = os.open(command["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(log)
        os.close(null)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.environ.update(command["env"])
        from console.__main__ import main

        code = main(list(command["argv"]))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _reap(pid: int, sig: int) -> int:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, sig)
    _, status = os.waitpid(pid, 0)
    return status


def serve() -> None:
    _preload()
    children: set[int] = set()
    answer = sys.stdout
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "spawn":
            answer.flush()
            pid = os.fork()
            if pid == 0:
                _child(command)
            children.add(pid)
            reply: dict[str, int] = {"pid": pid}
        elif command["op"] == "kill":
            pid = int(command["pid"])
            status = _reap(pid, int(command.get("signal", signal.SIGKILL)))
            children.discard(pid)
            reply = {"pid": pid, "status": status}
        else:
            raise ValueError(f"unknown command {command['op']!r}")
        answer.write(json.dumps(reply) + "\n")
        answer.flush()
    for pid in children:
        _reap(pid, signal.SIGKILL)


if __name__ == "__main__":
    serve()
