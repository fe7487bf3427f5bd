"""The exchange's intermediate database: a PostgreSQL schema both platforms reach (docs/exchange.md
§ 8.2). Not the console's own database, so not its Alembic chain: the schema is the versioned
DDL file ``resources/exchange/database/v1.sql``, run by :func:`create_exchange_schema`.

This module holds all of its SQL, on psycopg 3 directly (async for the link and the poller of
:mod:`console.services.exchange_dblink`). Bodies and answers are opaque bytes here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from console.paths import bundle_path
from console.store.pg_conninfo import conninfo as pg_conninfo

SCHEMA = "linkage_exchange"
VERSION = 1
DDL = ("resources", "exchange", "database", "v1.sql")
APPLICATION_NAME = "console-exchange"


def conninfo(url: str) -> str:
    """libpq's connection string for the shared database at ``url`` (console.store.pg_conninfo)."""
    return pg_conninfo(url, APPLICATION_NAME)


def where(url: str) -> str:
    """The URL's host, port and database, for the status line (never the password)."""
    info = conninfo_to_dict(conninfo(url))
    return f"postgresql://{info.get('host', '')}:{info.get('port', 5432)}/{info.get('dbname', '')}"


def channel_to(system: str) -> str:
    """What the schema's trigger NOTIFYs when a message to ``system`` is posted."""
    return f"{SCHEMA}_to_{system}"


def channel_answered(system: str) -> str:
    """What the schema's trigger NOTIFYs when a message from ``system`` is answered."""
    return f"{SCHEMA}_answered_{system}"


def digest(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()


# -- the schema and its parties (administration, synchronous) --------------------------------


def create_exchange_schema(url: str) -> int:
    """Create the exchange schema in the database at ``url`` unless it is there; return its
    version. Idempotent and safe to race (one transaction under an advisory lock)."""
    with psycopg.connect(conninfo(url)) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (SCHEMA,))
        found = conn.execute(
            "SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.version",)
        ).fetchone()
        if found and found[0]:
            row = conn.execute(f"SELECT max(version) FROM {SCHEMA}.version").fetchone()
            return int(row[0]) if row and row[0] is not None else 0
        conn.execute(bundle_path(*DDL).read_text(encoding="utf-8").encode())
    return VERSION


_ADMIT = [
    "GRANT USAGE ON SCHEMA linkage_exchange TO {role}",
    "GRANT EXECUTE ON FUNCTION linkage_exchange.my_system() TO {role}",
    "GRANT SELECT ON linkage_exchange.party TO {role}",
    "GRANT SELECT, INSERT, DELETE ON linkage_exchange.message TO {role}",
    "GRANT UPDATE (posts, queued, posted_at, posted_by) ON linkage_exchange.message TO {role}",
    "GRANT USAGE ON SEQUENCE linkage_exchange.message_id_seq, linkage_exchange.queue_position"
    " TO {role}",
    "GRANT SELECT, INSERT ON linkage_exchange.answer TO {role}",
    "GRANT UPDATE (posts, body, answered_at, answered_by) ON linkage_exchange.answer TO {role}",
]


def admit_system(url: str, system: str, role: str) -> None:
    """Let the existing database role ``role`` speak for the system ``system`` (its system id):
    the grants it needs; the schema's row security confines it to its own messages. Run as the
    schema's owner."""
    with psycopg.connect(conninfo(url)) as conn:
        for grant in _ADMIT:
            conn.execute(sql.SQL(grant).format(role=sql.Identifier(role)))
        conn.execute(
            "INSERT INTO linkage_exchange.party (system_id, db_role) VALUES (%s, %s)"
            " ON CONFLICT (system_id) DO UPDATE SET db_role = EXCLUDED.db_role",
            (system, role),
        )


# -- connections (async) ---------------------------------------------------------------------


async def connect(url: str) -> psycopg.AsyncConnection:
    """An autocommit connection (transactions are explicit) to the shared database."""
    return await psycopg.AsyncConnection.connect(conninfo(url), autocommit=True)


async def listen(conn: psycopg.AsyncConnection, channel: str) -> None:
    await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))


# -- the sending side ------------------------------------------------------------------------

# Posting again: a message still waiting keeps its place and its count (it is answered once);
# an answered one is queued again at the end, to be taken (and answered) again.
_POST = f"""
INSERT INTO {SCHEMA}.message (from_system, to_system, digest, body)
VALUES (%s, %s, %s, %s)
ON CONFLICT (to_system, digest) DO UPDATE SET
    posts = CASE WHEN message.answered_posts < message.posts
                 THEN message.posts ELSE message.posts + 1 END,
    queued = CASE WHEN message.answered_posts < message.posts
                  THEN message.queued ELSE nextval('{SCHEMA}.queue_position') END,
    posted_at = now(),
    posted_by = current_user
RETURNING id, posts
"""


@dataclass(frozen=True)
class Posted:
    """A message as posted: its row and the count its answer must reach to be this post's."""

    id: int
    posts: int


async def post(
    conn: psycopg.AsyncConnection, me: str, peer: str, bodies: Sequence[bytes]
) -> list[Posted]:
    """Post distinct ``bodies`` from ``me`` to ``peer``, in this order, in one transaction."""
    if not bodies:
        return []
    rows = [(me, peer, digest(b), b) for b in bodies]
    out: list[Posted] = []
    async with conn.transaction(), conn.cursor() as cur:
        await cur.executemany(_POST, rows, returning=True)
        while True:
            got = await cur.fetchone()
            assert got is not None
            out.append(Posted(int(got[0]), int(got[1])))
            if not cur.nextset():
                break
    return out


@dataclass(frozen=True)
class Answer:
    posts: int  # the post it answers (an earlier post's answer may be all there is yet)
    body: bytes | None  # None: the receiver could not name the message


async def answers(conn: psycopg.AsyncConnection, ids: Sequence[int]) -> dict[int, Answer]:
    """The answers written so far to the messages ``ids``."""
    cur = await conn.execute(
        f"SELECT message_id, posts, body FROM {SCHEMA}.answer WHERE message_id = ANY(%s)",
        (list(ids),),
    )
    return {int(r[0]): Answer(int(r[1]), _bytes(r[2])) for r in await cur.fetchall()}


# -- the receiving side ----------------------------------------------------------------------


@dataclass(frozen=True)
class Taken:
    id: int
    posts: int
    from_system: str
    posted_by: str
    body: bytes


async def take(conn: psycopg.AsyncConnection, me: str, limit: int) -> list[Taken]:
    """Up to ``limit`` messages to ``me`` not answered since last posted, in queue order."""
    cur = await conn.execute(
        f"SELECT id, posts, from_system, posted_by, body FROM {SCHEMA}.message"
        " WHERE to_system = %s AND answered_posts < posts ORDER BY queued LIMIT %s",
        (me, limit),
    )
    return [
        Taken(int(r[0]), int(r[1]), str(r[2]), str(r[3]), _bytes(r[4]) or b"")
        for r in await cur.fetchall()
    ]


_ANSWER = f"""
INSERT INTO {SCHEMA}.answer (message_id, posts, body) VALUES (%s, %s, %s)
ON CONFLICT (message_id) DO UPDATE SET
    posts = EXCLUDED.posts, body = EXCLUDED.body,
    answered_at = now(), answered_by = current_user
WHERE answer.posts <= EXCLUDED.posts
"""


async def answer(
    conn: psycopg.AsyncConnection, answered: Sequence[tuple[Taken, bytes | None]]
) -> None:
    """Write the answers to taken messages, in one transaction (the schema's trigger marks each
    message answered and NOTIFYs its sender when it commits)."""
    if not answered:
        return
    async with conn.transaction(), conn.cursor() as cur:
        await cur.executemany(_ANSWER, [(t.id, t.posts, a) for t, a in answered])


async def purge(conn: psycopg.AsyncConnection, me: str, older_than: timedelta) -> int:
    """Delete messages to ``me`` answered and not posted for ``older_than``, with their answers."""
    cur = await conn.execute(
        f"DELETE FROM {SCHEMA}.message WHERE to_system = %s AND answered_posts >= posts"
        " AND posted_at < now() - %s",
        (me, older_than),
    )
    return cur.rowcount


def _bytes(value: object) -> bytes | None:
    return None if value is None else bytes(value)  # type: ignore[call-overload]
