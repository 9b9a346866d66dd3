"""Who may use the web app: logins, the editor role, and no login-free app beyond
127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
import uuid

import pytest
from click.testing import CliRunner

from factcheck.errors import ConfigError
from factcheck.interfaces.cli.commands import main
from factcheck.interfaces.web.access import Access, is_loopback

from .conftest import SEEDS, free_port


def test_logins_and_roles():
    digest = hashlib.sha256(b"s3cret").hexdigest()
    a = Access.from_settings(f"alice:pw1, bob:sha256:{digest}", "alice")
    assert a.login_ok("alice", "pw1") and not a.login_ok("alice", "pw2")
    assert a.login_ok("bob", "s3cret") and not a.login_ok("bob", digest)
    assert not a.login_ok("mallory", "pw1")
    assert a.can_edit("alice") and not a.can_edit("bob") and not a.can_edit(None)
    assert Access().can_edit(None)  # no logins: loopback only, this machine's user
    assert Access.from_settings("alice:pw1", None).can_edit("alice")


def test_bad_login_settings_never_echo_a_password():
    with pytest.raises(ConfigError) as ei:
        Access.from_settings("alice:pw1,bob", None)
    assert "bob" in str(ei.value) and "pw1" not in str(ei.value)
    with pytest.raises(ConfigError, match="unknown logins"):
        Access.from_settings("alice:pw1", "carol")
    assert "pw1" not in repr(Access.from_settings("alice:pw1", None))


@pytest.mark.parametrize(
    ("host", "loop"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("factcheck.newsroom.example", False),
    ],
)
def test_beyond_loopback_a_login_is_required(host, loop):
    assert is_loopback(host) is loop
    if loop:
        Access().require_for(host)
    else:
        with pytest.raises(ConfigError, match="no login"):
            Access().require_for(host)
        Access.from_settings("alice:pw", None).require_for(host)


def test_serve_refuses_to_start_open_to_the_network(tmp_path):
    r = CliRunner().invoke(
        main, ["--store", str(tmp_path / "vs"), "serve", "--host", "0.0.0.0"], env={}
    )
    assert r.exit_code == 1 and "no login" in r.output and "Traceback" not in r.output


@pytest.fixture(scope="module")
def guarded_app(embedder, analyzer, tmp_path_factory):
    import chromadb

    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.interfaces.web.app import build_ui
    from factcheck.sources.store import PassageStore

    client = chromadb.PersistentClient(
        path=str(tmp_path_factory.mktemp("guarded")),
        settings=chromadb.Settings(anonymized_telemetry=False),
    )
    fc = FactChecker(
        PassageStore(client, embedder, f"g{uuid.uuid4().hex[:6]}"),
        analyzer,
        Settings(use_stance_model=False),
    )
    fc.ingest([SEEDS])
    access = Access.from_settings("alice:editor-pw,bob:reader-pw", "alice")
    ui = build_ui(fc, access=access)
    port = free_port()
    ui.queue().launch(
        server_name="127.0.0.1",
        server_port=port,
        prevent_thread_lock=True,
        quiet=True,
        **access.launch_options(),
    )
    yield f"http://127.0.0.1:{port}", fc, access
    ui.close()


@pytest.mark.integration
def test_an_unauthenticated_request_is_refused(guarded_app):
    url, _, _ = guarded_app
    req = urllib.request.Request(
        f"{url}/gradio_api/call/check",
        data=json.dumps({"data": ["Putin seized Crimea in 2014"]}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as ei:
        urllib.request.urlopen(req, timeout=30)
    assert ei.value.code in (401, 403)
    with pytest.raises(urllib.error.HTTPError) as ei:
        urllib.request.urlopen(f"{url}/gradio_api/info", timeout=30)
    assert ei.value.code in (401, 403)


@pytest.mark.integration
def test_readers_check_and_only_editors_change_sources(guarded_app, tmp_path):
    from gradio_client import Client, handle_file

    url, _fc, _ = guarded_app
    f = tmp_path / "harbour.txt"
    f.write_text("date 2022-02-01 Harbour\n\nThe port handled 412 cruise ships in 2021.\n")
    bob = Client(url, auth=("bob", "reader-pw"), verbose=False)
    assert bob.predict("Putin seized Crimea in 2014", api_name="/check")["label"] == "SUPPORTED"
    assert "editor role" in bob.predict([handle_file(str(f))], api_name="/ingest")["error"]
    assert "editor role" in bob.predict("harbour.txt", api_name="/remove_source")["error"]
    alice = Client(url, auth=("alice", "editor-pw"), verbose=False)
    assert alice.predict([handle_file(str(f))], api_name="/ingest")["added"] == 1
    assert alice.predict("harbour.txt", api_name="/remove_source")["removed_passages"] >= 1
    with pytest.raises(Exception):  # noqa: B017 - gradio_client raises its own error types
        Client(url, auth=("bob", "wrong"), verbose=False)


# -- failed logins slow down, per name and per address (issue #30) -----------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_failures_past_the_free_ones_double_the_wait_and_a_success_clears_it():
    from factcheck.interfaces.web.throttle import LoginThrottle

    clock = Clock()
    t = LoginThrottle(free=3, first_wait=2.0, max_wait=10.0, clock=clock)
    for _ in range(3):
        assert t.wait("k") == 0.0
        t.failed("k")
    assert t.wait("k") == 2.0
    clock.now += 2.0
    assert t.wait("k") == 0.0
    t.failed("k")
    assert t.wait("k") == 4.0  # doubled
    for _ in range(5):
        t.failed("k")
    assert t.wait("k") == 10.0  # capped
    assert t.wait("other") == 0.0  # per key
    t.succeeded("k")
    assert t.wait("k") == 0.0


def test_a_login_name_with_too_many_failures_is_refused_unchecked_for_a_while():
    from factcheck.interfaces.web.throttle import LoginThrottle

    clock = Clock()
    a = Access.from_settings("alice:pw1", None)
    object.__setattr__(a, "throttle", LoginThrottle(free=2, first_wait=5.0, clock=clock))
    assert not a.login_ok("alice", "x") and not a.login_ok("alice", "y")
    assert not a.login_ok("alice", "pw1")  # the right password waits too
    clock.now += 5.0
    assert a.login_ok("alice", "pw1")
    assert a.login_ok("alice", "pw1")  # cleared


def test_the_login_route_slows_down_per_address():
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.responses import JSONResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from factcheck.interfaces.web.throttle import LoginGuard, LoginThrottle

    async def login(request):
        form = await request.form()
        ok = form.get("password") == "pw"
        return JSONResponse({"success": ok}, status_code=200 if ok else 400)

    throttle = LoginThrottle(free=3, first_wait=30.0)
    app = Starlette(
        routes=[Route("/login", login, methods=["POST"])],
        middleware=[Middleware(LoginGuard, throttle=throttle)],
    )
    client = TestClient(app)
    codes = [client.post("/login", data={"password": "bad"}).status_code for _ in range(4)]
    assert codes == [400, 400, 400, 429]
    r = client.post("/login", data={"password": "pw"})
    assert r.status_code == 429 and "try again" in r.json()["detail"]
    assert int(r.headers["retry-after"]) > 0
    throttle.succeeded(("address", "testclient"))
    assert client.post("/login", data={"password": "pw"}).status_code == 200


@pytest.mark.integration
def test_the_running_app_slows_down_failed_logins(guarded_app):
    url, _, access = guarded_app
    access.throttle.succeeded(("address", "127.0.0.1"))  # earlier tests' failures
    codes = []
    try:
        for _ in range(access.throttle.free + 1):
            req = urllib.request.Request(
                f"{url}/login", data=b"username=mallory&password=guess", method="POST"
            )
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
            try:
                codes.append(urllib.request.urlopen(req, timeout=30).status)
            except urllib.error.HTTPError as ex:
                codes.append(ex.code)
    finally:
        access.throttle.succeeded(("address", "127.0.0.1"))
        access.throttle.succeeded(("name", "mallory"))
    assert codes[:-1] == [400] * access.throttle.free and codes[-1] == 429
