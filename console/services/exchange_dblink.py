"""The intermediate-database transport (docs/exchange.md § 8.2): both platforms reach one shared
PostgreSQL schema; a sender posts its messages there, the peer takes them and writes answers.

:class:`DatabaseLink` is the sending end (a :class:`~console.services.exchange_link.Link`): it
posts bodies and waits a little for their answers, woken by the schema's NOTIFY.
:class:`DatabasePoller` is the receiving end: an asyncio task that takes the messages addressed
to its platform, hands them to the platform's :class:`~console.services.exchange_link.Receiving`
and writes the answers. The SQL is :mod:`console.store.exchange_db`'s. No Qt here.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator, Sequence
from datetime import timedelta

import psycopg

from console.services.exchange_link import LinkDown, Receiving
from console.store import exchange_db as store

log = logging.getLogger(__name__)

# What a failed talk with the shared database raises; the caller drops that connection.
_FAILED = (psycopg.Error, OSError, TimeoutError)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class DatabaseLink:
    """Posts the messages of the system ``me`` to the system ``peer`` (system ids, as in the
    envelope's ``sender.systemId``) in the shared database at ``url``.

    :meth:`deliver` posts the bodies in one transaction (posting the same bytes again is
    harmless: one row per body and peer), then waits up to ``answer_wait_s`` for this post's
    answers and returns those there are; an earlier post's answer stands in when this one's is
    not in yet. No talk with the database waits past ``timeout_s``: posting that fails raises
    :class:`LinkDown`; reading answers that fails after the post returns ``None`` for them.
    Deliveries may run in parallel; they share one connection for SQL and one for LISTEN.
    """

    def __init__(
        self,
        url: str,
        me: str,
        peer: str,
        *,
        answer_wait_s: float = 2.0,
        timeout_s: float = 10.0,
        poll_s: float = 0.25,
    ) -> None:
        self._url, self._me, self._peer = url, me, peer
        self._answer_wait_s, self._timeout_s, self._poll_s = answer_wait_s, timeout_s, poll_s
        self._lock = asyncio.Lock()  # one statement at a time on the working connection
        self._listen_lock = asyncio.Lock()  # one listening connection, however many deliver
        self._conn: psycopg.AsyncConnection | None = None
        self._listening: asyncio.Task[None] | None = None
        self._bell = asyncio.Event()  # set and replaced when answers to our messages commit
        self._closed = False

    @property
    def peer(self) -> str:
        return f"{self._peer} {store.where(self._url)}"

    async def deliver(self, bodies: Sequence[bytes]) -> list[bytes | None]:
        if self._closed:
            raise LinkDown("the database link is closed")
        if not bodies:
            return []
        distinct = list(dict.fromkeys(bodies))  # one row per body: a repeat shares its answer
        try:
            async with asyncio.timeout(self._timeout_s):
                await self._listen()
                bell = self._bell
                async with self._lock:
                    conn = await self._connection()
                    posted = await store.post(conn, self._me, self._peer, distinct)
        except _FAILED as exc:
            await self._drop()
            raise LinkDown(f"the shared exchange database: {_first_line(exc)}") from exc
        found = await self._answers(posted, bell)
        row = {body: p.id for body, p in zip(distinct, posted, strict=True)}
        return [found.get(row[b]) for b in bodies]

    async def _answers(
        self, posted: Sequence[store.Posted], bell: asyncio.Event
    ) -> dict[int, bytes | None]:
        """Wait for this post's answers until all are in or ``answer_wait_s`` has passed; return
        every answer there is by then (an earlier post's for those without this one's)."""
        wanted = {p.id: p.posts for p in posted}
        deadline = time.monotonic() + self._answer_wait_s
        found: dict[int, store.Answer] = {}
        while True:
            try:
                async with asyncio.timeout(self._timeout_s), self._lock:
                    found = await store.answers(await self._connection(), list(wanted))
            except _FAILED as exc:
                log.info("Answers not read from the shared database: %s", _first_line(exc))
                await self._drop()
                break
            if all(i in found and found[i].posts >= n for i, n in wanted.items()):
                break
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:  # woken by NOTIFY; polled too, in case a notification was missed
                async with asyncio.timeout(min(left, self._poll_s)):
                    await bell.wait()
            except TimeoutError:
                pass
            bell = self._bell
        return {i: a.body for i, a in found.items()}

    async def _connection(self) -> psycopg.AsyncConnection:
        if self._conn is None or self._conn.closed:
            self._conn = await store.connect(self._url)
        return self._conn

    async def _listen(self) -> None:
        """LISTEN for answers to our messages, unless already listening (before posting, so no
        answer's notification can come before we listen)."""
        async with self._listen_lock:
            if self._listening is not None and not self._listening.done():
                return
            conn = await store.connect(self._url)
            try:
                await store.listen(conn, store.channel_answered(self._me))
            except BaseException:
                await conn.close()
                raise
            self._listening = asyncio.create_task(self._hear(conn), name="exchange-db-answers")

    async def _hear(self, conn: psycopg.AsyncConnection) -> None:
        try:
            async for _ in conn.notifies():
                self._bell.set()
                self._bell = asyncio.Event()
        except psycopg.Error as exc:  # the next delivery listens again; meanwhile waits poll
            log.info("Not listening for answers: %s", _first_line(exc))
        finally:
            await conn.close()

    async def _drop(self) -> None:
        """Forget both connections after a failure: the next delivery connects afresh."""
        conn, self._conn = self._conn, None
        if conn is not None:
            await conn.close()
        if self._listening is not None:
            self._listening.cancel()
            await asyncio.gather(self._listening, return_exceptions=True)
            self._listening = None

    async def close(self) -> None:
        self._closed = True
        await self._drop()


class DatabasePoller:
    """Takes the messages addressed to the system ``me`` from the shared database at ``url``, up to
    ``batch`` at a time in queue order, hands them to ``receiving`` (on a worker thread) and
    writes its answers; a ``None`` answer is written too (the message stays answered until
    posted again, when it is taken again).

    Woken by NOTIFY when a message is posted, and looks every ``poll_s`` anyway. Never skips a
    message: it takes what is unanswered, whatever was taken before, so a message taken but not
    answered (a crash, a lost connection, a receiver that raised) is taken again. Losing the
    database, it reconnects after ``retry_first_s``, doubling to ``retry_max_s``. One poller per
    system takes at a time (a session advisory lock); another one waits its turn. Every
    ``purge_every_s`` it deletes answered messages to ``me`` not posted for ``keep``.
    """

    def __init__(
        self,
        url: str,
        me: str,
        receiving: Receiving,
        *,
        batch: int = 200,
        poll_s: float = 1.0,
        retry_first_s: float = 0.5,
        retry_max_s: float = 10.0,
        timeout_s: float = 30.0,
        keep: timedelta = timedelta(days=30),
        purge_every_s: float = 3600.0,
    ) -> None:
        self._url, self._me, self._receiving = url, me, receiving
        self._batch, self._poll_s, self._timeout_s = batch, poll_s, timeout_s
        self._retry_first_s, self._retry_max_s = retry_first_s, retry_max_s
        self._keep, self._purge_every_s = keep, purge_every_s
        self._task: asyncio.Task[None] | None = None
        self.taking = False  # connected, holding the turn, taking messages
        self.taken = 0  # messages handed to the receiver (again after a retake)

    def start(self) -> None:
        """Start taking messages, on the running event loop."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(
                self._run(), name=f"exchange-db-poller-{self._me}"
            )

    async def stop(self) -> None:
        """Stop taking (a batch the receiver is applying is taken again by the next poller)."""
        task, self._task = self._task, None
        while task is not None and not task.done():  # again, should a library swallow one
            task.cancel()
            await asyncio.wait({task}, timeout=1.0)
        self.taking = False

    async def _run(self) -> None:
        delay = self._retry_first_s
        while True:
            conn: psycopg.AsyncConnection | None = None
            try:
                async with asyncio.timeout(self._timeout_s):
                    conn = await store.connect(self._url)
                await store.listen(conn, store.channel_to(self._me))
                await self._wait_turn(conn)
                delay = self._retry_first_s
                self.taking = True
                await self._serve(conn)
            except _FAILED as exc:
                log.warning("Exchange database poller for %s: %s; retrying in %.1f s",
                            self._me, _first_line(exc), delay)  # fmt: skip
            except Exception:  # the receiver failed: take the batch again later
                log.exception("Exchange database poller for %s: the receiver failed", self._me)
            finally:
                self.taking = False
                if conn is not None:
                    await conn.close()
            await asyncio.sleep(delay)
            delay = min(delay * 2, self._retry_max_s)

    async def _wait_turn(self, conn: psycopg.AsyncConnection) -> None:
        """Hold this platform's advisory lock for the session, waiting while another has it."""
        while True:
            cur = await conn.execute(
                "SELECT pg_try_advisory_lock(hashtext(%s))", (store.channel_to(self._me),)
            )
            got = await cur.fetchone()
            if got and got[0]:
                return
            await asyncio.sleep(self._poll_s)

    async def _serve(self, conn: psycopg.AsyncConnection) -> None:
        purged = float("-inf")
        while True:
            if time.monotonic() - purged >= self._purge_every_s:
                async with asyncio.timeout(self._timeout_s):
                    await store.purge(conn, self._me, self._keep)
                purged = time.monotonic()
            async with asyncio.timeout(self._timeout_s):
                taken = await store.take(conn, self._me, self._batch)
            if not taken:
                async for _ in conn.notifies(timeout=self._poll_s, stop_after=1):
                    pass
                continue
            answered: list[tuple[store.Taken, bytes | None]] = []
            for source, run in _by_source(taken):
                got = await asyncio.to_thread(
                    self._receiving.receive, [t.body for t in run], source
                )
                if len(got) != len(run):
                    raise RuntimeError(f"{len(got)} answers to {len(run)} messages")
                answered += zip(run, got, strict=True)
            async with asyncio.timeout(self._timeout_s):
                await store.answer(conn, answered)
            self.taken += len(taken)


def _by_source(taken: Sequence[store.Taken]) -> Iterator[tuple[str, list[store.Taken]]]:
    """Consecutive runs of messages from one sending system. Its id is the source the receiver
    checks the envelope against: with a role per system, row security proved it at posting."""
    run: list[store.Taken] = []
    for t in taken:
        if run and t.from_system != run[0].from_system:
            yield run[0].from_system, run
            run = []
        run.append(t)
    if run:
        yield run[0].from_system, run
