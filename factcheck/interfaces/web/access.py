"""Who may use the web app: logins from the settings, an editor role, and the rule that an
app reachable beyond this machine never runs without a login. Passwords are compared in
constant time and never logged or shown."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from dataclasses import dataclass, field
from typing import Any

from factcheck.errors import ConfigError
from factcheck.interfaces.web.throttle import LoginThrottle


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: assume it is reachable from elsewhere


@dataclass(frozen=True)
class Access:
    """Logins (name -> password or ``sha256:<hex>``) and the editors among them."""

    users: dict[str, str] = field(default_factory=dict, repr=False)
    editors: frozenset[str] | None = None  # None: every login may edit
    # failed logins per name slow down (per address: throttle.LoginGuard, same counts)
    throttle: LoginThrottle = field(default_factory=LoginThrottle, repr=False, compare=False)

    @classmethod
    def from_settings(cls, users: str | None, editors: str | None) -> Access:
        table: dict[str, str] = {}
        for item in (users or "").split(","):
            if not item.strip():
                continue
            name, sep, password = item.strip().partition(":")
            if not sep or not name or not password:
                # Name the entry by its user only: the password must not reach a log.
                raise ConfigError(
                    f"web_users entry for {name or '(no name)'!r} must look like name:password"
                )
            table[name] = password
        eds = frozenset(x.strip() for x in (editors or "").split(",") if x.strip()) or None
        if eds and table and not eds <= set(table):
            raise ConfigError(f"web_editors names unknown logins: {sorted(eds - set(table))}")
        return cls(table, eds)

    def launch_options(self) -> dict[str, Any]:
        """What ``Blocks.launch`` needs for these logins: the check, the message, and the
        middleware that slows down failures per address."""
        if not self.enabled:
            return {}
        from starlette.middleware import Middleware

        from factcheck.interfaces.web.throttle import LoginGuard

        return {
            "auth": self.login_ok,
            "auth_message": "factcheck: log in with your newsroom account",
            "app_kwargs": {"middleware": [Middleware(LoginGuard, throttle=self.throttle)]},
        }

    @property
    def enabled(self) -> bool:
        return bool(self.users)

    def login_ok(self, name: str, password: str) -> bool:
        """Gradio's ``auth`` callback. A name with too many failures in a row is refused
        unchecked until its wait is over (each further failure doubles the wait)."""
        key = ("name", name)
        if self.throttle.wait(key) > 0:
            return False
        ok = self._password_ok(name, password)
        if ok:
            self.throttle.succeeded(key)
        else:
            self.throttle.failed(key)
        return ok

    def _password_ok(self, name: str, password: str) -> bool:
        want = self.users.get(name)
        if want is None:
            hmac.compare_digest(password, password)  # same work for unknown names
            return False
        if want.startswith("sha256:"):
            got = "sha256:" + hashlib.sha256(password.encode()).hexdigest()
            return hmac.compare_digest(got, want)
        return hmac.compare_digest(password.encode(), want.encode())

    def can_edit(self, name: str | None) -> bool:
        if not self.enabled:
            return True  # no logins: a loopback-only app, this machine's user
        return name is not None and (self.editors is None or name in self.editors)

    def require_for(self, host: str) -> None:
        """Refuse to serve beyond this machine without logins."""
        if not is_loopback(host) and not self.enabled:
            raise ConfigError(
                f"The web app would listen on {host}, reachable from other machines, with no "
                "login. Set web_users (FACTCHECK_WEB_USERS='name:password,...' or the settings "
                "file), or listen on 127.0.0.1."
            )
