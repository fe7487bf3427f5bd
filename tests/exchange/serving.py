"""Two platforms as two real systems: each its own SQLite or PostgreSQL database and its own
``python -m console exchange serve`` process, linked over loopback HTTPS with mutual TLS (the
demo's throwaway certificates). Seats act in the test process on their platform's database and
only write its outbox, as a seat does where the endpoint runs as a service."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from console.app_exchange import Endpoint
from console.config import Settings, load_settings
from console.demo.pki import make_demo_pki
from console.domain.calendar import load_calendar
from console.services.alarms import load_site_policy
from console.services.orders import OrderService
from console.store.engine import Database

PEER = {"12345": "110", "110": "12345"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class System:
    platform: str
    url: str
    config: Path
    settings: Settings
    process: subprocess.Popen[str] | None = None
    db: Database | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    def start(self) -> None:
        """Start its endpoint and wait for it to listen (its first line says so)."""
        env = {**os.environ, "CONSOLE_DB": self.url, **self.extra_env}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "console", "--config", str(self.config), "exchange", "serve"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if "listening on" not in line:
            self.process.kill()
            _out, err = self.process.communicate(timeout=10)
            raise AssertionError(f"exchange serve did not start: {line!r} {err[-2000:]}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def orders(self) -> OrderService:
        """The platform's order service as a seat builds it: its steps go to the outbox."""
        assert self.db is not None
        policy, calendar = load_site_policy(self.db), load_calendar()
        endpoint = Endpoint.build(
            self.settings, self.db, lambda: datetime.now(UTC), None, policy, calendar,
            runs_here=False,
        )  # fmt: skip
        assert endpoint is not None
        return OrderService(
            self.db, lambda: datetime.now(UTC), policy, calendar, outbox=endpoint.outbox
        )


def two_systems(folder: Path, urls: dict[str, str]) -> dict[str, System]:
    """Configs, certificates and audit keys of both platforms in ``folder`` (not started)."""
    pki = folder / "pki"
    make_demo_pki(pki)
    ports = {p: free_port() for p in urls}
    systems = {}
    for platform, url in urls.items():
        peer = PEER[platform]
        config = folder / f"{platform}.toml"
        config.write_text(
            f'[seat]\nplatform = "{platform}"\n'
            f'[audit]\nkey_file = "{folder / f"audit-{platform}.key"}"\n'
            f'[exchange]\nmode = "https"\nlisten = "127.0.0.1:{ports[platform]}"\n'
            f'peer_url = "https://127.0.0.1:{ports[peer]}"\n'
            f'cert = "{pki / f"LN-{platform}.pem"}"\nkey = "{pki / f"LN-{platform}.key"}"\n'
            f'ca = "{pki / "ca.pem"}"\n',
            encoding="utf-8",
        )
        settings = load_settings({"db": url}, {}, config)
        systems[platform] = System(platform, url, config, settings)
    return systems
