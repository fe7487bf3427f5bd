"""A blocking JSON-over-HTTP(S) exchange for the real channels: one request, one answer, within
a timeout. Anything that is not an answer from the far end (refused connection, timeout, reset,
TLS failure, a body that is not JSON) is :class:`ChannelDown`; the status decides the rest.

The port is synchronous and called from a worker thread, so the standard library's blocking
client is the right tool: no event loop, no new dependency. Proxies from the environment are
not used (a site's gateway adapter sits on its own network).
"""

from __future__ import annotations

import http.client
import json
import logging
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.services.partner_notifier import ChannelDown, Handover

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: Any  # the decoded JSON (None for an empty body)


class JsonClient:
    """Requests to one base URL (``https://gw.example:8443/api`` or a loopback ``http://``)."""

    def __init__(self, base_url: str, timeout_s: float, ca_file: Path | None = None) -> None:
        self.base = base_url.rstrip("/")
        self.timeout_s = timeout_s
        handlers: list[urllib.request.BaseHandler] = [urllib.request.ProxyHandler({})]
        if self.base.startswith("https:"):
            context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
            handlers.append(urllib.request.HTTPSHandler(context=context))
        self._opener = urllib.request.build_opener(*handlers)

    def call(
        self, method: str, path: str, body: object = None, headers: dict[str, str] | None = None
    ) -> Reply:
        """The far end's status and JSON answer; :class:`ChannelDown` when there is none."""
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json; charset=utf-8")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with self._opener.open(request, timeout=self.timeout_s) as response:
                return Reply(response.status, _decode(response.read(), self.base + path))
        except urllib.error.HTTPError as exc:  # a status the far end chose: the caller reads it
            try:
                raw = exc.read()
            except (OSError, http.client.HTTPException):
                raw = b""
            finally:
                exc.close()
            try:
                decoded = _decode(raw, self.base + path)
            except ChannelDown:
                decoded = None  # an error page: the status says enough
            return Reply(exc.code, decoded)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            # URLError, timeouts, resets and TLS errors are OSErrors; ValueError: a bad URL
            raise ChannelDown(f"{method} {self.base}{path}: {exc}") from exc


def _decode(raw: bytes, where: str) -> Any:
    if not raw.strip():
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ChannelDown(f"{where}: the answer is not JSON: {exc}") from exc


_REFUSING = frozenset({400, 410, 422})  # the far end says it can never deliver this one


def handover_of(reply: Reply, where: str) -> Handover:
    """What a status means for a handed-over notification: 2xx taken, 409 already held
    (the idempotency key), 400/410/422 never deliverable (an unknown address); anything else
    is ChannelDown, to be tried again: 5xx, 429 throttling, and 401/403/404 — a wrong
    credential or URL is the site's to fix, and the notifications wait for it, logged."""
    if 200 <= reply.status < 300:
        return Handover.ACCEPTED
    if reply.status == 409:
        return Handover.DUPLICATE
    if reply.status in _REFUSING:
        log.warning("%s refused the notification (HTTP %s): %s", where, reply.status, reply.body)
        return Handover.REFUSED
    raise ChannelDown(f"{where}: HTTP {reply.status}: {reply.body}")
