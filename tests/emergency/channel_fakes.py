"""Fake far ends for the real channels, on 127.0.0.1: an SMS gateway adapter and an
emergency-management platform speaking the wire formats of docs/partner-channels.md.

Each is a small threaded HTTP server that can be cut (stopped: connections refused) and mended
(started again on the same port), told to answer the next request with a given status, to hang
until released (a timeout), or to take a notification and drop the connection before answering
(a lost answer: the adapter must then get 409 for the same key).
"""

from __future__ import annotations

import json
import re
import ssl
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

Response = tuple[int, Any] | None  # None: drop the connection without an answer


class FakeServer:
    """The common part: routes, faults, start/cut/mend on one port."""

    base_path = "/api"

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.tls = tls  # serve HTTPS with this context
        self.lock = threading.Lock()
        self.accepted: dict[str, dict[str, Any]] = {}  # key -> body, once per key
        self.posts: list[str] = []  # every POSTed key, duplicates too
        self.headers: list[dict[str, str]] = []
        self.answers: list[dict[str, Any]] = []
        self.next_status: int | None = None
        self.drop_next_answer = False
        self.garbage_next = False  # answer the next request 200 with a body that is not JSON
        self.hang = threading.Event()
        self.hang.set()  # set: do not hang
        self._server: ThreadingHTTPServer | None = None
        self.port = 0

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self.port}{self.base_path}"

    def start(self) -> FakeServer:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                self._serve(None)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                self._serve(json.loads(self.rfile.read(length).decode("utf-8")))

            def _serve(self, body: Any) -> None:
                fake.hang.wait(30)
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                with fake.lock:
                    forced, fake.next_status = fake.next_status, None
                    response = (
                        (forced, {"error": "forced"})
                        if forced
                        else fake.route(self.command, parts.path, query, dict(self.headers), body)
                    )
                    garbage, fake.garbage_next = fake.garbage_next, False
                if garbage:
                    response = None
                    self.send_response(200)
                    self.send_header("Content-Length", "6")
                    self.end_headers()
                    self.wfile.write(b"<html>")
                    return
                if response is None:
                    self.close_connection = True
                    self.connection.close()
                    return
                status, payload = response
                data = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        if self.tls is not None:
            self._server.socket = self.tls.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def cut(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def mend(self) -> None:
        self.start()

    def close(self) -> None:
        self.hang.set()
        self.cut()

    def route(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: Any
    ) -> Response:
        raise NotImplementedError

    def take(self, key: str, headers: dict[str, str], body: Any, deliverable: bool) -> Response:
        """The idempotent intake both far ends share."""
        self.posts.append(key)
        self.headers.append(headers)
        if headers.get("Idempotency-Key") != key:
            return 400, {"error": "the Idempotency-Key header and the body's key differ"}
        if key in self.accepted:
            return 409, {"error": "already have this key", "key": key}
        if not deliverable:
            return 422, {"error": "no such recipient"}
        self.accepted[key] = body
        if self.drop_next_answer:
            self.drop_next_answer = False
            return None
        return 202, {"id": f"m{len(self.accepted)}"}

    def page(self, name: str, query: dict[str, str]) -> Response:
        start = int(query.get("cursor") or "0")
        return 200, {name: self.answers[start:], "cursor": str(len(self.answers))}


class FakeSmsGateway(FakeServer):
    def route(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: Any
    ) -> Response:
        if (method, path) == ("POST", f"{self.base_path}/messages"):
            mobile = re.fullmatch(r"1\d{10}", str(body.get("to", "")))
            return self.take(str(body.get("key")), headers, body, mobile is not None)
        if (method, path) == ("GET", f"{self.base_path}/replies"):
            return self.page("replies", query)
        return 404, {"error": "no such endpoint"}

    def partner_answers(self, key: str, refused: bool, text: str | None = None) -> None:
        with self.lock:
            self.answers.append({
                "key": key, "from": self.accepted[key]["to"],
                "text": text if text is not None else ("2" if refused else "1"),
                "at": datetime.now(UTC).isoformat(),
            })  # fmt: skip


class FakePlatform(FakeServer):
    base_path = "/linkage"
    units = frozenset({"YJ-210100-01", "YJ-210100-02"})

    def route(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: Any
    ) -> Response:
        if (method, path) == ("POST", f"{self.base_path}/notices"):
            unit = body.get("linkage", {}).get("recipientUnit")
            return self.take(
                str(body.get("eidoMessageIdentifier")), headers, body, unit in self.units
            )
        if (method, path) == ("GET", f"{self.base_path}/acknowledgements"):
            return self.page("acknowledgements", query)
        return 404, {"error": "no such endpoint"}

    def partner_answers(self, key: str, refused: bool) -> None:
        with self.lock:
            self.answers.append({
                "eidoMessageIdentifier": key, "status": "declined" if refused else "acknowledged",
                "by": "值班员 李", "at": datetime.now(UTC).isoformat(), "note": "",
            })  # fmt: skip
