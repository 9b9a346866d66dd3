"""The web app in a real browser (Debian's Chromium driven by Playwright), and its API
endpoints through gradio_client. Each browser test saves a screenshot in test-output/."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_FILE, SEEDS, free_port

pytestmark = pytest.mark.integration
SHOTS = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """The reports folder the app's Desk tab shows."""
    return tmp_path_factory.mktemp("desk")


@pytest.fixture(scope="module")
def app_checker(embedder, analyzer, tmp_path_factory):
    import chromadb

    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    client = chromadb.PersistentClient(
        path=str(tmp_path_factory.mktemp("appstore")),
        settings=chromadb.Settings(anonymized_telemetry=False),
    )
    fc = FactChecker(
        PassageStore(client, embedder, f"app{uuid.uuid4().hex[:6]}"),
        analyzer,
        Settings(use_stance_model=False),
    )
    fc.ingest([SEEDS])
    return fc


@pytest.fixture(scope="module")
def app_url(app_checker, desk):
    from factcheck.config import Settings
    from factcheck.interfaces.web.app import build_ui

    ui = build_ui(app_checker, Settings(use_stance_model=False, desk_reports=desk))
    port = free_port()
    ui.queue().launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True
    )
    yield f"http://127.0.0.1:{port}"
    ui.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make test` to install it"
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium")),
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
            viewport={"width": 1280, "height": 900},
        )
        yield ctx
        ctx.close()


@pytest.fixture
def page(browser, app_url):
    pg = browser.new_page()
    outside: list[str] = []
    pg.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith((app_url, "data:", "blob:")) else None
        ),
    )
    pg.goto(app_url)
    pg.wait_for_selector("#claim-input textarea", timeout=60_000)
    yield pg
    assert outside == [], f"the page loaded things from outside the machine: {outside[:5]}"
    pg.close()


def _label(card) -> str:
    return next(
        c[3:]
        for c in card.get_attribute("class").split()
        if c.startswith("fc-") and c[3:].isupper()
    )


def _check_in_chat(page, claim: str):
    page.fill("#claim-input textarea", claim)
    before = page.locator(".fc-card").count()
    page.click("#check-btn")
    page.wait_for_function(
        f"document.querySelectorAll('.fc-card').length > {before}", timeout=60_000
    )
    return page.locator(".fc-card").last


def test_check_a_claim_in_the_chat(page):
    card = _check_in_chat(page, "Biden and Putin spoke for 90 minutes on the phone.")
    assert _label(card) == "REFUTED"
    assert "50-minute" in card.locator("mark").all_inner_texts()
    assert "2021-12-31" in card.inner_text()
    # a follow-up is checked on its own, and the history stays
    card2 = _check_in_chat(page, "Putin seized Crimea in 2014.")
    assert _label(card2) == "SUPPORTED"
    assert page.locator(".fc-card").count() == 2
    page.screenshot(path=str(SHOTS / "chat.png"), full_page=True)


def test_empty_claim_gets_a_friendly_message(page):
    page.click("#check-btn")
    page.wait_for_selector(".fc-message", timeout=30_000)
    assert "empty" in page.locator(".fc-message").last.inner_text()


def test_check_the_seed_article(page):
    page.get_by_role("tab", name="Article").click()
    page.fill("#article-input textarea", SEED_FILE.read_text(encoding="utf-8"))
    page.click("#article-btn")
    page.wait_for_selector(".fc-claim-mark", timeout=120_000)
    marks = page.locator(".fc-claim-mark")
    assert marks.count() >= 10
    assert page.locator(".fc-legend").count() == 1
    page.locator("#claims-table").get_by_text("50-minute").first.click()
    page.wait_for_selector("#claim-evidence .fc-card", timeout=30_000)
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)


def test_ingest_check_and_remove_a_new_source(page, tmp_path):
    f = tmp_path / "harbour-report.txt"
    f.write_text(
        "date 2022-02-01 Harbour report\n\nThe port of Valletta handled 412 cruise "
        "ships in 2021, the harbour authority said on Monday.\n",
        encoding="utf-8",
    )
    claim = "The port of Valletta handled 412 cruise ships in 2021."
    page.get_by_role("tab", name="Sources").click()
    page.locator("#source-upload input[type=file]").set_input_files(str(f))
    page.wait_for_timeout(1000)
    page.click("#ingest-btn")
    page.wait_for_function(
        "document.querySelector('#ingest-msg').innerText.includes('1 added')", timeout=60_000
    )
    assert "Harbour report" in page.locator("#sources-table").inner_text()
    page.screenshot(path=str(SHOTS / "sources.png"), full_page=True)
    page.get_by_role("tab", name="Chat").click()
    assert _label(_check_in_chat(page, claim)) == "SUPPORTED"
    page.get_by_role("tab", name="Sources").click()
    page.locator("#source-pick input").click()
    page.get_by_role("option", name=re.compile("Harbour report")).click()
    page.click("#remove-btn")
    page.wait_for_function(
        "document.querySelector('#ingest-msg').innerText.includes('Removed')", timeout=30_000
    )
    assert "Harbour report" not in page.locator("#sources-table").inner_text()
    page.get_by_role("tab", name="Chat").click()
    assert _label(_check_in_chat(page, claim)) == "NOT_ENOUGH_INFO"
    page.screenshot(path=str(SHOTS / "after-remove.png"), full_page=True)


def test_script_and_onerror_in_sources_are_shown_not_run(page, app_url, tmp_path):
    from gradio_client import Client, handle_file

    evil = tmp_path / "evil.txt"
    evil.write_text(
        "The Zorblat council approved 77 new bridges <script>window.__pwned=1;alert(1)</script> "
        'in 2020 <img src=x onerror="window.__pwned=2;alert(2)">, officials said.\n',
        encoding="utf-8",
    )
    res = Client(app_url, verbose=False).predict([handle_file(str(evil))], api_name="/ingest")
    assert res["added"] == 1
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    card = _check_in_chat(page, "The Zorblat council approved 77 new bridges in 2020.")
    page.wait_for_timeout(1000)
    assert dialogs == []
    assert page.evaluate("window.__pwned") is None
    assert "<script>" in card.inner_text()
    assert card.locator("script").count() == 0 and card.locator("img").count() == 0
    page.screenshot(path=str(SHOTS / "xss.png"), full_page=True)


def test_markup_in_a_draft_and_a_source_title_is_shown_not_run(page, app_url, tmp_path):
    """The article report and the source list escape everything too."""
    from gradio_client import Client, handle_file

    titled = tmp_path / "titled.txt"
    titled.write_text(
        'date 2021-06-01 Quarry <img src=x onerror="window.__pwned=3;alert(3)"> news\n\n'
        "The Quarrington quarry employed 212 workers in 2020, its owner said.\n",
        encoding="utf-8",
    )
    Client(app_url, verbose=False).predict([handle_file(str(titled))], api_name="/ingest")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.reload()
    page.wait_for_selector("#claim-input textarea", timeout=60_000)
    page.get_by_role("tab", name="Sources").click()
    page.wait_for_function(
        "document.querySelector('#sources-table').innerText.includes('Quarry')",
        timeout=30_000,
    )
    table = page.locator("#sources-table")
    assert "onerror" in table.inner_text() and table.locator("img").count() == 0
    page.get_by_role("tab", name="Article").click()
    page.fill(
        "#article-input textarea",
        "The Quarrington quarry employed 212 workers in 2020 "
        '<img src=x onerror="window.__pwned=4;alert(4)"><script>window.__pwned=5</script>.\n',
    )
    page.click("#article-btn")
    page.wait_for_selector(".fc-claim-mark", timeout=120_000)
    page.wait_for_timeout(1000)
    report = page.locator("#article-html")
    assert "<script>" in report.inner_text()
    assert report.locator("img").count() == 0 and report.locator("script").count() == 0
    assert page.locator("#claims-table img").count() == 0
    assert dialogs == [] and page.evaluate("window.__pwned") is None
    page.screenshot(path=str(SHOTS / "xss-article.png"), full_page=True)


def test_api_endpoints_with_gradio_client(app_url, tmp_path):
    from gradio_client import Client, handle_file

    c = Client(app_url, verbose=False)
    v = c.predict("Around 100,000 Russian troops are at the border.", api_name="/check")
    assert v["label"] == "SUPPORTED" and v["evidence"]
    assert "error" in c.predict("", api_name="/check")
    rep = c.predict(SEED_FILE.read_text(encoding="utf-8"), api_name="/check_article")
    assert len(rep["verdicts"]) >= 10
    f = tmp_path / "api-source.md"
    f.write_text("---\ntitle: API note\ndate: 2022-03-03\n---\nThe ferry carried 95 cars.\n")
    assert c.predict([handle_file(str(f))], api_name="/ingest")["added"] == 1
    assert c.predict("API note", api_name="/remove_source")["removed_passages"] == 1
    assert "No source" in c.predict("API note", api_name="/remove_source")["error"]


def test_serve_command_starts_the_app(tmp_path):
    import subprocess
    import sys
    import time
    import urllib.request

    port = free_port()
    env = {
        **__import__("os").environ,
        "FACTCHECK_USE_STANCE_MODEL": "false",
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "factcheck.interfaces.cli.commands",
            "--store",
            str(tmp_path),
            "serve",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("factcheck serve did not answer")
        assert b"factcheck" in page
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert f"http://127.0.0.1:{port}" in out


def test_set_a_sources_trust_in_the_sources_tab(page):
    page.get_by_role("tab", name="Sources").click()
    page.wait_for_function(
        "document.querySelector('#sources-table').innerText.includes('Biden and Putin')",
        timeout=30_000,
    )
    page.locator("#source-pick input").click()
    page.get_by_role("option", name=re.compile("Biden and Putin both issue")).click()
    page.fill("#trust input", "0.5")
    page.click("#trust-btn")
    page.wait_for_function(
        "document.querySelector('#ingest-msg').innerText.includes('set to 0.5')", timeout=30_000
    )
    assert "0.5" in page.locator("#sources-table").inner_text()
    page.screenshot(path=str(SHOTS / "trust.png"), full_page=True)
    page.locator("#source-pick input").click()
    page.get_by_role("option", name=re.compile("Biden and Putin both issue")).click()
    page.fill("#trust input", "1")
    page.click("#trust-btn")
    page.wait_for_function(
        "document.querySelector('#ingest-msg').innerText.includes('set to 1')", timeout=30_000
    )


def _wait_text(page, selector: str, text: str) -> None:
    page.wait_for_function(
        "([s, t]) => (document.querySelector(s)?.innerText || '').includes(t)",
        arg=[selector, text],
        timeout=30_000,
    )


def test_the_desk_shows_watched_drafts_and_refreshes_without_a_reload(
    page, app_checker, desk, tmp_path
):
    from factcheck.interfaces.watch.watcher import WatchConfig, Watcher

    wires, drafts = tmp_path / "wires", tmp_path / "drafts"
    wires.mkdir()
    drafts.mkdir()
    (drafts / "summit.md").write_text("Biden and Putin spoke for 90 minutes on the phone.\n")
    w = Watcher(app_checker, WatchConfig((wires,), drafts, desk), say=lambda s: None)
    w.look()
    page.click("button[role=tab]:has-text('Desk')")
    _wait_text(page, "#desk-table", "summit.md")
    # a draft checked while the page is open appears without a reload
    (drafts / "troops.md").write_text("Around 100,000 troops are at the border.\n")
    w.look()
    _wait_text(page, "#desk-table", "troops.md")
    page.locator("#desk-table").get_by_text("summit.md", exact=True).last.click()
    _wait_text(page, "#desk-report", "Fact-check: summit.md")
    assert "REFUTED" in page.locator("#desk-report").inner_text()
    page.screenshot(path=str(SHOTS / "desk.png"))
