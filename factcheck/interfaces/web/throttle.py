"""Repeated failed logins slow down (issue #30), per login name and per client address:
after ``free`` failures in a row, each further attempt waits twice as long as the one
before (``first_wait`` seconds, then doubling, at most ``max_wait``). A success clears the
count. Names are throttled in the login check itself; addresses by an ASGI middleware on
the login route, since Gradio's login check is not told where a request came from."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any


class LoginThrottle:
    """Failure counts per key (a login name, or an address) and the wait each imposes."""

    def __init__(
        self,
        free: int = 5,
        first_wait: float = 2.0,
        max_wait: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 100_000,
    ) -> None:
        self.free, self.first_wait, self.max_wait = free, first_wait, max_wait
        self.clock, self.max_keys = clock, max_keys
        self._lock = threading.Lock()
        self._fails: dict[Any, tuple[int, float]] = {}  # key -> (failures, last failure)

    def wait(self, key: Any) -> float:
        """Seconds before ``key`` may try again (0: now)."""
        with self._lock:
            n, last = self._fails.get(key, (0, 0.0))
        if n < self.free:
            return 0.0
        delay = min(self.first_wait * 2 ** (n - self.free), self.max_wait)
        return max(0.0, last + delay - self.clock())

    def failed(self, key: Any) -> None:
        with self._lock:
            if len(self._fails) >= self.max_keys and key not in self._fails:
                self._fails.pop(next(iter(self._fails)))  # the oldest: memory stays bounded
            n, _ = self._fails.get(key, (0, 0.0))
            self._fails[key] = (n + 1, self.clock())

    def succeeded(self, key: Any) -> None:
        with self._lock:
            self._fails.pop(key, None)


LOGIN_PATHS = ("/login", "/login/")


class LoginGuard:
    """ASGI middleware: a POST to the login route from an address that must wait gets 429
    and is not checked; the route's answer (200 or 400) counts for or against it."""

    def __init__(self, app: Any, throttle: LoginThrottle) -> None:
        self.app, self.throttle = app, throttle

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if not (
            scope.get("type") == "http"
            and scope.get("method") == "POST"
            and scope.get("path") in LOGIN_PATHS
        ):
            await self.app(scope, receive, send)
            return
        key = ("address", (scope.get("client") or ("?", 0))[0])
        wait = self.throttle.wait(key)
        if wait > 0:
            body = json.dumps(
                {"detail": f"Too many failed logins; try again in {wait:.0f} s"}
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 429,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"retry-after", str(int(wait) + 1).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return

        async def watch(message: dict) -> None:
            if message.get("type") == "http.response.start":
                status = int(message.get("status", 0))
                if status == 200:
                    self.throttle.succeeded(key)
                elif 400 <= status < 500:
                    self.throttle.failed(key)
            await send(message)

        await self.app(scope, receive, watch)
