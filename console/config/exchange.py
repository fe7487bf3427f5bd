"""``[exchange]``: this platform's own system linked to the peer's (console/app_exchange.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from console import config_values as check
from console.config.declare import setting


@dataclass(frozen=True)
class ExchangeSection:
    # off: both platforms on one database; https; database
    exchange_mode: str = setting("exchange.mode", check.choice("off", "https", "database"), "off")
    exchange_system_id: str = setting(
        "exchange.system_id", check.system_id, ""
    )  # "": LN-<platform>
    # "": LN-<the peer platform>
    exchange_peer_id: str = setting("exchange.peer_id", check.system_id, "")
    # where this platform's endpoint listens (https)
    exchange_listen: str = setting("exchange.listen", check.host_port, "127.0.0.1:8443")
    exchange_peer_url: str = setting("exchange.peer_url", check.https_url, "")  # the peer's (https)
    # this system's certificate (CN = its system id), PEM
    exchange_cert: Path | None = setting("exchange.cert", check.file_path, None)
    # its private key, PEM, readable by the console only
    exchange_key: Path | None = setting("exchange.key", check.file_path, None)
    # the CA that signed the peer's certificate
    exchange_ca: Path | None = setting("exchange.ca", check.file_path, None)
    # the intermediate database (database mode)
    exchange_shared_db: str = setting("exchange.shared_db", check.optional_db_url, "")
    # the console runs the endpoint; false: `exchange serve` does
    exchange_embedded: bool = setting("exchange.embedded", check.flag, False)
    # the exchange format the peer's system reads ("1.1"): no newer kind is sent; "": not known
    exchange_peer_format: str = setting("exchange.peer_format", check.format_version, "")
    # a message unacknowledged this long raises an alarm
    unacked_alarm_s: int = setting("exchange.unacked_alarm_s", check.seconds(30, 3600), 120)
