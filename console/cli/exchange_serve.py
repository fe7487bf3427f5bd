"""``python -m console exchange serve`` (this platform's exchange endpoint as a service) and
``exchange demo-pki DIR`` (throwaway certificates for the demo)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.cli.common import CommandFailed
from console.config import Settings


def add_parsers(exchange_sub: argparse._SubParsersAction[Any]) -> None:
    serve = exchange_sub.add_parser(
        "serve", help="run this platform's exchange endpoint (listen, apply, send) until stopped"
    )
    serve.add_argument("--db", metavar="URL", dest="sub_db")
    pki = exchange_sub.add_parser(
        "demo-pki", help="make a throwaway CA and both systems' certificates (demo only)"
    )
    pki.add_argument("folder", type=Path)


def demo_pki(folder: Path) -> int:
    try:
        from console.demo.pki import make_demo_pki
    except ImportError:  # pragma: no cover - a frozen build without the development tools
        raise CommandFailed("the demo certificates need the cryptography package") from None
    try:
        written = make_demo_pki(folder)
    except ImportError:
        raise CommandFailed("the demo certificates need the cryptography package") from None
    except OSError as exc:
        raise CommandFailed(f"cannot write certificates in {folder}: {exc.strerror}") from None
    print(f"demo-pki: {len(written)} files written in {folder}" if written
          else f"demo-pki: the certificates in {folder} are already there")  # fmt: skip
    return 0


def serve(settings: Settings, key_path: Path) -> int:
    from console.app_exchange import Endpoint, ExchangeSetupError
    from console.domain.calendar import load_calendar
    from console.services.alarms import load_site_policy
    from console.services.audit import AuditKeyError, AuditTrail, open_key
    from console.store.setup import init_db

    db, _added = init_db(settings.db_url)
    try:
        try:
            trail = AuditTrail(open_key(db, key_path), lambda: datetime.now(UTC))
            policy, calendar = load_site_policy(db), load_calendar()
            endpoint = Endpoint.build(
                settings, db, lambda: datetime.now(UTC), trail, policy, calendar, runs_here=True
            )
        except (AuditKeyError, ExchangeSetupError, OSError, ValueError) as exc:
            raise CommandFailed(str(exc)) from None
        if endpoint is None:
            raise CommandFailed(
                'exchange.mode is "off" (both platforms on one database): nothing to serve'
            )
        return asyncio.run(_run(endpoint, settings))
    finally:
        db.dispose()


async def _run(endpoint: object, settings: Settings) -> int:
    from console.app_exchange import Endpoint, ExchangeSetupError

    assert isinstance(endpoint, Endpoint)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C only
            loop.add_signal_handler(sig, stop.set)
    try:
        await endpoint.start()
    except ExchangeSetupError as exc:
        await endpoint.stop()
        raise CommandFailed(str(exc)) from None
    me, peer = settings.exchange_ids()
    print(
        f"exchange serve: {me} listening on {endpoint.address}, sending to {peer} at "
        f"{settings.exchange_peer_url}",
        flush=True,
    )
    try:
        await stop.wait()
    finally:
        await endpoint.stop()
    print("exchange serve: stopped", file=sys.stderr, flush=True)
    return 0
