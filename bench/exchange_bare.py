"""The floor of the exchange benchmarks (not a benchmark itself): the same bytes moved from one
database to the other by the bare minimum — a row read from database A, posted by a bare
aiohttp client over plain HTTP to a bare aiohttp server that inserts it into database B (one
executemany a request, one commit) and answers ``ok`` a line, the rows then marked done in A.
No TLS, no codec, no schema, no order logic, no ORM: plain DB-API (sqlite3 or psycopg).

``python bench/exchange_bare.py URL`` runs the bare server on a free port of 127.0.0.1 for
database URL and prints ``port N`` when it listens.
"""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import aiohttp
import psycopg
from aiohttp import web

PATH = "/bare"
_TABLES = {
    "sqlite": (
        "CREATE TABLE IF NOT EXISTS bare_out (id INTEGER PRIMARY KEY, body BLOB, done INT DEFAULT 0)",
        "CREATE TABLE IF NOT EXISTS bare_in (n INTEGER PRIMARY KEY, body BLOB)",
    ),
    "postgres": (
        "CREATE TABLE IF NOT EXISTS bare_out (id SERIAL PRIMARY KEY, body BYTEA, done INT DEFAULT 0)",
        "CREATE TABLE IF NOT EXISTS bare_in (n SERIAL PRIMARY KEY, body BYTEA)",
    ),
}


class Bare:
    """One DB-API connection to a benchmark database (``?`` placeholders either way)."""

    def __init__(self, url: str) -> None:
        self.pg = url.startswith("postgresql")
        if self.pg:
            self.conn: Any = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
        else:
            self.conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None,
                                        check_same_thread=False)  # fmt: skip
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
        with self.tx() as cur:
            for ddl in _TABLES["postgres" if self.pg else "sqlite"]:
                cur.execute(ddl)

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.pg else sql

    @contextmanager
    def tx(self) -> Iterator[Any]:
        cur = self.conn.cursor()
        if not self.pg:
            cur.execute("BEGIN IMMEDIATE")
        try:
            yield _Cursor(cur, self._sql)
        except BaseException:
            self.conn.rollback() if self.pg else cur.execute("ROLLBACK")
            raise
        self.conn.commit() if self.pg else cur.execute("COMMIT")

    def one(self, sql: str, *args: object) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), args)
        row = cur.fetchone()
        if self.pg:
            self.conn.commit()
        return row[0] if row else None

    def close(self) -> None:
        self.conn.close()


class _Cursor:
    def __init__(self, cur: Any, sql: Any) -> None:
        self._cur, self._sql = cur, sql

    def execute(self, sql: str, args: Sequence[object] = ()) -> Any:
        self._cur.execute(self._sql(sql), args)
        return self._cur

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        self._cur.executemany(self._sql(sql), rows)


def serve(url: str) -> None:
    db = Bare(url)
    lock = threading.Lock()

    def store(bodies: list[bytes]) -> None:
        with lock, db.tx() as cur:
            cur.executemany("INSERT INTO bare_in (body) VALUES (?)", [(b,) for b in bodies])

    async def handle(request: web.Request) -> web.Response:
        bodies = (await request.read()).splitlines()
        await asyncio.to_thread(store, bodies)
        return web.Response(body=b"ok\n" * len(bodies))

    async def main() -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post(PATH, handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        print(f"port {site._server.sockets[0].getsockname()[1]}", flush=True)  # type: ignore[union-attr]
        await asyncio.Event().wait()

    asyncio.run(main())


class BareServer:
    """The bare server for database ``url`` in its own process (as our endpoint runs)."""

    def __init__(self, url: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), url], stdout=subprocess.PIPE, text=True
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.startswith("port "):
            self.proc.kill()
            raise RuntimeError(f"the bare server did not start: {line!r}")
        self.url = f"http://127.0.0.1:{int(line.split()[1])}{PATH}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


async def relay(src: Bare, url: str, batch: int = 200) -> int:
    """Post every row of ``bare_out`` not yet done to ``url``, ``batch`` a request, oldest
    first, marking them done as they are answered; returns how many went."""
    sent = 0
    async with aiohttp.ClientSession() as http:
        while True:

            def due() -> list[tuple[int, bytes]]:
                with src.tx() as cur:
                    return list(cur.execute(
                        "SELECT id, body FROM bare_out WHERE done = 0 ORDER BY id LIMIT ?", (batch,)
                    ).fetchall())  # fmt: skip

            rows = await asyncio.to_thread(due)
            if not rows:
                return sent
            async with http.post(url, data=b"\n".join(bytes(b) for _, b in rows)) as answer:
                assert (await answer.read()).count(b"\n") == len(rows)

            def settle(ids: list[int] = [i for i, _ in rows]) -> None:  # noqa: B006
                with src.tx() as cur:
                    cur.executemany(
                        "UPDATE bare_out SET done = 1 WHERE id = ?", [(i,) for i in ids]
                    )

            await asyncio.to_thread(settle)
            sent += len(rows)


if __name__ == "__main__":
    serve(sys.argv[1])
