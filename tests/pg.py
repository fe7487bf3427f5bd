"""A throwaway PostgreSQL cluster on a loopback port in a temp dir, for the test session.

initdb refuses to run as root, so as root the cluster is made and run as the ``postgres`` user.
Given a server certificate (``tls=``), the cluster speaks TLS and accepts TCP connections over
TLS only (``hostssl`` in pg_hba.conf): a connection that does not encrypt is refused.

Each cluster's folder names the test process that made it (``owner.pid``): under pytest-xdist
every worker starts its own clusters, and a worker killed mid-run (or a run killed with -9)
leaves a server running on files in memory. :func:`sweep_orphans` stops and deletes those whose
process is gone; conftest calls it before a run and after its workers have stopped.
"""

from __future__ import annotations

import contextlib
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


_OWNER = "owner.pid"
_PREFIXES = ("console-pg-", "console-pgbouncer-")


def _owned_folder(prefix: str) -> Path:
    """A new temp folder that names this process as its owner, before anything runs in it."""
    root = Path(tempfile.mkdtemp(prefix=prefix))
    (root / _OWNER).write_text(f"{os.getpid()}\n", encoding="ascii")
    return root


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb, pg_ctl and pgbouncer refuse to run as root: as root they run as ``postgres``."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def sweep_orphans() -> list[Path]:
    """Stop the servers of the clusters and PgBouncers whose test process has died and delete
    their folders (in this TMPDIR, /tmp and /dev/shm); returns the folders deleted. A folder
    whose owner lives, or without an owner file (being made, or another tool's), is left."""
    gone: list[Path] = []
    folders = {Path(tempfile.gettempdir()), Path("/tmp"), Path("/dev/shm")}
    for root in sorted(r for f in folders for p in _PREFIXES for r in f.glob(f"{p}*")):
        try:
            owner = int((root / _OWNER).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        if (root / "data" / "postmaster.pid").exists():
            with contextlib.suppress(PgUnavailable, subprocess.SubprocessError):
                bindir = _bindir()
                subprocess.run(
                    _as_postgres([str(bindir / "pg_ctl"), "-D", str(root / "data"),
                                  "-m", "immediate", "-w", "stop"]),
                    capture_output=True, timeout=60, check=False,
                )  # fmt: skip
        _stop_pgbouncer(root)
        shutil.rmtree(root, ignore_errors=True)
        gone.append(root)
    return gone


def _stop_pgbouncer(root: Path) -> None:
    """Kill the PgBouncer that runs from ``root`` (its own pidfile; the pid checked against its
    command line so that a reused pid is not killed)."""
    try:
        pid = int((root / "pgbouncer.pid").read_text(encoding="ascii"))
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return
    if str(root).encode() in cmdline:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)


class Cluster:
    def __init__(self, tls: Issued | None = None) -> None:
        self.tls = tls
        self.bindir = _bindir()
        self.root = _owned_folder("console-pg-")
        self.port = _free_port()
        self._run_as_postgres = os.geteuid() == 0
        if self._run_as_postgres:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        done = subprocess.run(_as_postgres(list(args)), capture_output=True, text=True, timeout=120)
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
        for tries_left in reversed(range(5)):
            log_size = self._log_size()
            try:
                self.run_server(opts)
                return
            except PgUnavailable:
                taken = "Address already in use" in self._log_since(log_size)
                if not taken or not tries_left:
                    raise
            # Another process took the port between _free_port() and the server's bind (two
            # xdist workers, or anything else on this machine): another free port, once more.
            self.port = _free_port()

    def _log_size(self) -> int:
        try:
            return (self.root / "log").stat().st_size
        except FileNotFoundError:
            return 0

    def _log_since(self, offset: int) -> str:
        try:
            with (self.root / "log").open("rb") as log:
                log.seek(offset)
                return log.read().decode(errors="replace")
        except FileNotFoundError:
            return ""

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
        if self._run_as_postgres:
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
        self.root = _owned_folder("console-pgbouncer-")
        (self.root / "users.txt").write_text('"app" ""\n', encoding="ascii")
        (self.root / "pgbouncer.ini").write_text(
            f"[databases]\n* = host=127.0.0.1 port={cluster.port}\n"
            f"[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {self.port}\n"
            f"unix_socket_dir =\nauth_type = trust\nauth_file = {self.root / 'users.txt'}\n"
            "pool_mode = transaction\ndefault_pool_size = 4\nmax_client_conn = 200\n"
            "ignore_startup_parameters = extra_float_digits,options\n"
            f"pidfile = {self.root / 'pgbouncer.pid'}\n",
            encoding="ascii",
        )
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._proc = subprocess.Popen(
            _as_postgres([binary, str(self.root / "pgbouncer.ini")]),
            stdout=subprocess.DEVNULL,
            stderr=(self.root / "log").open("wb"),
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
