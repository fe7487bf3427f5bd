"""A throwaway PostgreSQL cluster on a loopback port in a temp dir, for the test session.

initdb refuses to run as root, so as root the cluster is made and run as the ``postgres`` user.
Given a server certificate (``tls=``), the cluster speaks TLS and accepts TCP connections over
TLS only (``hostssl`` in pg_hba.conf): a connection that does not encrypt is refused.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.tls import Issued


class PgUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PgUnavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    def __init__(self, tls: Issued | None = None) -> None:
        self.tls = tls
        self.bindir = _bindir()
        self.root = Path(tempfile.mkdtemp(prefix="console-pg-"))
        self.port = _free_port()
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise PgUnavailable(f"{' '.join(args)} failed: {done.stderr or done.stdout}")

    def start(self) -> None:
        data = self.root / "data"
        self._run(
            str(self.bindir / "initdb"), "-D", str(data), "-U", "app", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        opts = ""
        if self.tls is not None:
            opts += self._tls_only(data)
        self.run_server(opts)

    def run_server(self, extra: str = "") -> None:
        """Start the server on this cluster's data directory (``pg_ctl start``, waiting)."""
        opts = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off{extra}"
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-o", opts,
            "-l", str(self.root / "log"), "-w", "start",
        )  # fmt: skip

    def start_standby_of(self, primary: Cluster) -> None:
        """Make this cluster a streaming standby of ``primary`` (``pg_basebackup -R``) and start
        it; it takes reads only until :meth:`promote`."""
        self._run(
            str(self.bindir / "pg_basebackup"), "-D", str(self.root / "data"), "-h", "127.0.0.1",
            "-p", str(primary.port), "-U", "app", "-R", "-X", "stream", "--no-sync",
        )  # fmt: skip
        self.run_server()

    def promote(self) -> None:
        """``pg_ctl promote``, waiting until the standby takes writes."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-w", "promote")

    def crash(self) -> None:
        """Stop the server at once (``-m immediate``: as a power cut would), keeping its files."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                  "stop")  # fmt: skip

    def _tls_only(self, data: Path) -> str:
        """Write the server's certificate and key (0600, the server's own: PostgreSQL refuses a
        key others may read), allow TCP over TLS only, and return the options that turn TLS on."""
        assert self.tls is not None
        cert, key = self.root / "server.crt", self.root / "server.key"
        cert.write_bytes(self.tls.cert_pem)
        key.touch(mode=0o600)
        key.write_bytes(self.tls.key_pem)
        (data / "pg_hba.conf").write_text(
            "local all all trust\nhostssl all all 127.0.0.1/32 trust\n", encoding="ascii"
        )
        if self._as_postgres:
            for path in (cert, key):
                shutil.chown(path, "postgres", "postgres")
        return f" -c ssl=on -c ssl_cert_file={cert} -c ssl_key_file={key}"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://app@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        try:
            self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-m",
                "immediate",
                "stop",
            )
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


class PgBouncer:
    """PgBouncer in transaction mode on a loopback port in front of ``cluster`` (trust auth, user
    ``app``), run in the foreground as a child process (as ``postgres`` when we are root:
    PgBouncer refuses root). :class:`PgUnavailable` when ``pgbouncer`` is not installed."""

    def __init__(self, cluster: Cluster) -> None:
        binary = shutil.which("pgbouncer") or (
            "/usr/sbin/pgbouncer" if os.path.exists("/usr/sbin/pgbouncer") else None
        )
        if binary is None:
            raise PgUnavailable("pgbouncer is not installed (Debian: apt-get install pgbouncer)")
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="console-pgbouncer-"))
        (self.root / "users.txt").write_text('"app" ""\n', encoding="ascii")
        (self.root / "pgbouncer.ini").write_text(
            f"[databases]\n* = host=127.0.0.1 port={cluster.port}\n"
            f"[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {self.port}\n"
            f"unix_socket_dir =\nauth_type = trust\nauth_file = {self.root / 'users.txt'}\n"
            "pool_mode = transaction\ndefault_pool_size = 4\nmax_client_conn = 200\n"
            "ignore_startup_parameters = extra_float_digits,options\n",
            encoding="ascii",
        )
        cmd = [binary, str(self.root / "pgbouncer.ini")]
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        self._proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=(self.root / "log").open("wb")
        )

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://app@127.0.0.1:{self.port}/{database}"

    def log(self) -> str:
        return (self.root / "log").read_text(errors="replace")

    def stop(self) -> None:
        self._proc.terminate()
        try:
            self._proc.wait(timeout=10)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
