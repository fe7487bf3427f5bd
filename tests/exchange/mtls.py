"""Two platforms' certificates for the HTTPS transport's tests, and a far end to start and
stop: throwaway CAs from tests/tls.py written to PEM files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from console.services.exchange_https import TlsFiles
from console.services.exchange_https_server import RunningServer, start_server
from console.services.exchange_link import Receiving
from tests.tls import Issued, client_cert, make_ca, server_cert

CLIENT_ID = "LN-110"  # the sending platform's system id: its certificate's CN


def write_tls(folder: Path, name: str, issued: Issued, ca_pem: bytes) -> TlsFiles:
    folder.mkdir(parents=True, exist_ok=True)
    files = TlsFiles(folder / f"{name}.pem", folder / f"{name}.key", folder / f"{name}-ca.pem")
    files.cert.write_bytes(issued.cert_pem)
    files.key.write_bytes(issued.key_pem)
    files.ca.write_bytes(ca_pem)
    return files


class Pki:
    """One CA signing the server's and the clients' certificates, and a stranger CA."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._ca, self._stranger = make_ca(), make_ca("a stranger's CA")

    @property
    def server(self) -> TlsFiles:
        return write_tls(self.folder, "server", server_cert(self._ca), self._ca.pem)

    def client(self, cn: str = CLIENT_ID, *, not_after: datetime | None = None) -> TlsFiles:
        issued = client_cert(self._ca, cn, not_after=not_after)
        return write_tls(self.folder, f"client-{cn}", issued, self._ca.pem)

    def stranger_client(self) -> TlsFiles:
        """A client whose certificate another CA signed (it trusts our server, though)."""
        return write_tls(self.folder, "stranger", client_cert(self._stranger, CLIENT_ID),
                         self._ca.pem)  # fmt: skip

    def client_trusting_a_stranger(self) -> TlsFiles:
        """A client with a good certificate that checks the server against another CA."""
        good = self.client()
        return TlsFiles(
            good.cert, good.key, write_ca(self.folder, "stranger-ca", self._stranger.pem)
        )


def write_ca(folder: Path, name: str, pem: bytes) -> Path:
    path = folder / f"{name}.pem"
    path.write_bytes(pem)
    return path


@dataclass
class FarEnd:
    """A server around ``receiving`` that the test stops and starts again on the same port."""

    receiving: Receiving
    tls: TlsFiles
    max_bytes: int = 4 * 1024 * 1024
    peer_ids: frozenset[str] | None = None
    refused: list[tuple[str, str]] = field(default_factory=list)
    port: int = 0
    server: RunningServer | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    async def start(self) -> FarEnd:
        self.server = await start_server(
            self.receiving, host="127.0.0.1", port=self.port, tls=self.tls,
            on_refused=lambda peer, why: self.refused.append((peer, why)),
            max_bytes=self.max_bytes, peer_ids=self.peer_ids,
        )  # fmt: skip
        self.port = self.server.port
        return self

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.stop()
            self.server = None
