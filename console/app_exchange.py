"""Composition of one platform's exchange endpoint (docs/exchange.md): its outbox, receiver,
transport far end (the HTTPS server) and sender, built from the site's ``[exchange]`` settings.

The seat console builds it for its platform (``Endpoint.build``) and hands ``outbox`` to its
order services, so every step that crosses to the peer is queued with the step. Where the
endpoint runs: in the console process when ``exchange.embedded`` is true (the demo, a one-seat
site), otherwise in ``python -m console exchange serve`` (the platform's one endpoint service);
seats then only write the outbox. No Qt here: ``exchange serve`` runs headless.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from console.config import Settings
from console.domain.audit import AuditAction, AuditEntry, AuditOutcome
from console.domain.calendar import BusinessCalendar
from console.domain.deadlines import Policy
from console.domain.exchange import Sender, Version
from console.domain.orders import Platform
from console.services.audit import AuditTrail
from console.services.order_writer import OrderWriter
from console.settings import safe_url
from console.store.engine import Database

if TYPE_CHECKING:  # imported where an endpoint is built: a seat with the exchange off (the
    # single-database layout) never loads the codec and its JSON Schema stack (~0.2 s, issue 18)
    from console.services.exchange_dblink import DatabasePoller
    from console.services.exchange_https import TlsFiles
    from console.services.exchange_link import Link
    from console.services.exchange_outbox import Outbox
    from console.services.exchange_receiver import Receiver
    from console.services.exchange_sender import ExchangeSender

log = logging.getLogger(__name__)


class ExchangeSetupError(ValueError):
    """The ``[exchange]`` settings cannot make an endpoint; the message says what to set."""


class _Stoppable(Protocol):
    async def stop(self) -> None: ...


class Endpoint:
    """One platform's exchange endpoint. ``outbox`` goes to the order services; :meth:`start`
    runs the far end and the sender on the running loop when this process runs the endpoint."""

    def __init__(
        self,
        outbox: Outbox,
        receiver: Receiver,
        sender: ExchangeSender,
        link: Link,
        serve: Callable[[], Awaitable[_Stoppable]],
        runs_here: bool,
        listen: str,
    ) -> None:
        self.outbox, self.receiver, self.sender = outbox, receiver, sender
        from console.services.incident_exchange import IncidentPublisher

        # The peer's copy of this platform's incidents, queued in each change's transaction.
        self.incidents = IncidentPublisher(
            outbox.codec, outbox.sender, on_queued=lambda: sender.wake(),
            peer_format=outbox.peer_format,
        )  # fmt: skip
        self._link, self._serve, self.runs_here, self.listen = link, serve, runs_here, listen
        self._far_end: _Stoppable | None = None
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @classmethod
    def build(
        cls,
        settings: Settings,
        db: Database,
        clock: Callable[[], datetime],
        audit: AuditTrail | None,
        policy: Policy | None,
        calendar: BusinessCalendar | None,
        *,
        runs_here: bool | None = None,
    ) -> Endpoint | None:
        """The endpoint ``settings`` describe, or None when the exchange is off (both platforms
        on one database). ``runs_here``: whether this process runs it (default: the
        ``exchange.embedded`` setting). :class:`ExchangeSetupError` names a missing setting
        or an unreadable certificate file."""
        mode = settings.exchange_mode
        if mode == "off":
            return None
        from console.services.exchange_codec import ExchangeCodec
        from console.services.exchange_outbox import Outbox
        from console.services.exchange_receiver import Receiver
        from console.services.exchange_sender import ExchangeSender

        me_id, peer_id = settings.exchange_ids()
        me = Sender(Platform(settings.platform), me_id)
        codec = ExchangeCodec()
        holder: list[ExchangeSender] = []
        peer_format = settings.exchange_peer_format
        outbox = Outbox(
            codec, me, on_queued=lambda: holder[0].wake() if holder else None,
            peer_format=Version.parse(peer_format) if peer_format else None,
        )  # fmt: skip
        receiver = Receiver(
            db, codec, OrderWriter(policy, calendar, audit), me, clock, audit, frozenset({peer_id}),
            window=timedelta(hours=settings.duplicates_window_h),
        )  # fmt: skip
        link: Link
        serve: Callable[[], Awaitable[_Stoppable]]
        if mode == "database":
            link, serve = _database(settings, receiver, me_id, peer_id)
            where = f"the intermediate database {safe_url(settings.exchange_shared_db)}"
        else:
            link, serve = _https(settings, db, receiver, audit, peer_id)
            where = settings.exchange_listen
        sender = ExchangeSender(db, codec, link, clock, peer=peer_id, audit=audit)
        holder.append(sender)
        here = settings.exchange_embedded if runs_here is None else runs_here
        return cls(outbox, receiver, sender, link, serve, here, where)

    @property
    def address(self) -> str:
        """Where the endpoint listens (the port the system gave, for a listen port of 0)."""
        port = getattr(self._far_end, "port", None)
        host = self.listen.rpartition(":")[0]
        return f"{host}:{port}" if port is not None else self.listen

    async def start(self) -> None:
        """Listen for the peer and start sending (if this process runs the endpoint)."""
        if not self.runs_here or self._task is not None:
            return
        try:
            self._far_end = await self._serve()
        except OSError as exc:
            raise ExchangeSetupError(
                f"the exchange endpoint cannot listen on {self.listen}: {exc.strerror or exc}"
            ) from None
        self._stop.clear()
        self._task = asyncio.ensure_future(self.sender.run(self._stop))

    async def stop(self) -> None:
        self._stop.set()
        task, self._task = self._task, None
        if task is not None:
            await asyncio.wait([task], timeout=5)
            if not task.done():
                task.cancel()
            elif not task.cancelled() and task.exception() is not None:
                # Qt may step the task once more after the loop stopped running (qasync), on
                # the way out: said here, not as "never retrieved" when it is collected.
                log.info("exchange sender ended: %r", task.exception())
        if self._far_end is not None:
            await self._far_end.stop()
            self._far_end = None
        await self._link.close()


def _https(
    settings: Settings,
    db: Database,
    receiver: Receiver,
    audit: AuditTrail | None,
    peer_id: str,
) -> tuple[Link, Callable[[], Awaitable[_Stoppable]]]:
    """The service interface: HTTPS with mutual TLS to the peer's endpoint, and ours."""
    # Here, not at the top: aiohttp is ~100 ms of a seat's start-up (issue 18), and a seat on
    # the shared database or with the exchange off never needs it.
    from console.services.exchange_https import tls_context
    from console.services.exchange_https_client import HttpsLink
    from console.services.exchange_https_server import start_server

    tls = _tls(settings)
    if not settings.exchange_peer_url:
        raise ExchangeSetupError("exchange.peer_url is not set: the peer endpoint's address")
    try:
        tls_context(tls, server_side=True)  # unreadable or mismatched files: said now
    except (OSError, ValueError) as exc:
        raise ExchangeSetupError(f"the exchange certificate files cannot be used: {exc}") from None
    host, _, port = settings.exchange_listen.rpartition(":")

    def refused(peer: str, reason: str) -> None:
        if audit is not None:
            audit.write(db, AuditEntry(
                f"exchange:{peer}"[:64], "exchange", AuditAction.EXCHANGE_CONNECTION_REFUSED,
                peer_id, AuditOutcome.REFUSED, reason[:200],
            ))  # fmt: skip

    async def serve() -> _Stoppable:
        return await start_server(
            receiver, host=host, port=int(port), tls=tls, on_refused=refused,
            peer_ids=frozenset({peer_id}),
        )  # fmt: skip

    return HttpsLink(settings.exchange_peer_url, tls), serve


class _Polling:
    def __init__(self, poller: DatabasePoller) -> None:
        self._poller = poller

    async def stop(self) -> None:
        await self._poller.stop()


def _database(
    settings: Settings, receiver: Receiver, me_id: str, peer_id: str
) -> tuple[Link, Callable[[], Awaitable[_Stoppable]]]:
    """The intermediate database both platforms reach (its schema made by `exchange
    shared-db init`): our messages posted there, the peer's taken from there."""
    from console.services.exchange_dblink import DatabaseLink, DatabasePoller  # psycopg: here

    url = settings.exchange_shared_db
    if not url:
        raise ExchangeSetupError("exchange.shared_db is not set: the intermediate database's URL")
    if not url.startswith("postgresql"):
        raise ExchangeSetupError("exchange.shared_db must be a PostgreSQL database")

    async def serve() -> _Stoppable:
        poller = DatabasePoller(url, me_id, receiver)
        poller.start()
        return _Polling(poller)

    return DatabaseLink(url, me_id, peer_id), serve


def _tls(settings: Settings) -> TlsFiles:
    from console.services.exchange_https import TlsFiles

    files: dict[str, Path | None] = {
        "exchange.cert": settings.exchange_cert,
        "exchange.key": settings.exchange_key,
        "exchange.ca": settings.exchange_ca,
    }
    missing = [name for name, path in files.items() if path is None]
    if missing:
        raise ExchangeSetupError(f"{', '.join(missing)} not set: mutual TLS needs all three")
    cert, key, ca = (p for p in files.values() if p is not None)
    return TlsFiles(cert, key, ca)
