"""factcheck web app (Gradio): check a claim in a chat, check a whole draft, manage sources.

    python app.py [--host 127.0.0.1] [--port 7860]     (or: factcheck serve)

A thin layer over FactChecker, the same core the CLI uses; rendering lives in
factcheck/interfaces/web/render.py as pure functions.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

import gradio as gr
from gradio.data_classes import FileData

from factcheck.api import FactChecker
from factcheck.config import Settings, load_settings
from factcheck.errors import FactCheckError
from factcheck.interfaces.exports import to_claimreview, to_csv, to_markdown
from factcheck.interfaces.web.access import Access
from factcheck.interfaces.web.render import article_html, claims_table, esc, verdict_card
from factcheck.types import Report, Verdict

TITLE = "factcheck"
SOURCE_COLUMNS = ["title", "passages", "trust", "dateline", "id"]
CLAIM_COLUMNS = ["#", "claim", "verdict", "confidence", "sources"]


def _message(text: str) -> str:
    return f'<div class="fc-message" style="padding:8px;color:#8a6d00">{esc(text)}</div>'


def build_ui(
    checker: FactChecker, settings: Settings | None = None, access: Access | None = None
) -> gr.Blocks:
    """The three tabs over one FactChecker. No module globals: state lives in gr.State.

    ``access`` decides who may change sources (ingest, remove, trust); checking is open to
    every login."""
    s = settings or checker.settings
    acl = access or Access()
    not_editor = (
        "Your login can check claims but not change sources: ask for the editor role "
        "(the web_editors setting)."
    )

    def editor(request: gr.Request | None) -> bool:
        return acl.can_edit(getattr(request, "username", None))

    # -- chat --------------------------------------------------------------------------------
    def check_claims(claims: list[str]) -> list[list[dict[str, Any]]]:
        """API /check, batched: concurrent requests are checked together (one embedding
        call, one spaCy pass, one stance-model call), so 20 users do not queue one by one."""
        out: list[dict[str, Any]] = []
        for v in checker.check_many(list(claims)):
            out.append(v.to_dict() if not isinstance(v, Exception) else {"error": str(v)})
        return [out]

    def chat(
        message: str, history: list[dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], str, Verdict | None, str]:
        history = list(history or [])
        history.append({"role": "user", "content": esc(message)})
        verdict = None
        try:
            verdict = checker.check(message)
            card = verdict_card(verdict)
        except FactCheckError as ex:
            card = _message(str(ex))
        history.append({"role": "assistant", "content": card})
        return history, "", verdict, ""

    def remember_ui(verdicts: Any, request: gr.Request) -> str:
        """Store the shown verdict(s) as reviews: an editor's accepted verdict becomes
        memory, shown as "Checked before" when the claim comes back."""
        if not editor(request):
            return _message(not_editor)
        if isinstance(verdicts, Report):
            verdicts = list(verdicts.verdicts)
        elif isinstance(verdicts, Verdict):
            verdicts = [verdicts]
        if not verdicts:
            return _message("Check a claim first.")
        try:
            n = checker.remember(verdicts)
        except FactCheckError as ex:
            return _message(str(ex))
        total = len(verdicts)
        return esc(
            f"Remembered {total} verdict{'s' if total != 1 else ''}"
            + (f" ({total - n} already remembered)." if n < total else ".")
        )

    # -- article -----------------------------------------------------------------------------
    def read_upload(path: str | None) -> str:
        if not path:
            return ""
        from factcheck.sources.readers import read_draft

        return read_draft(Path(path))

    def check_article_api(text: str) -> dict[str, Any]:
        """API: extract and check every claim in an article; returns the report as JSON."""
        try:
            return checker.check_article(text).to_dict()
        except FactCheckError as ex:
            return {"error": str(ex)}

    def run_article(text: str, upload: str | None):
        try:
            if upload:
                text = read_upload(upload)
            report = checker.check_article(text)
        except FactCheckError as ex:
            return (_message(str(ex)), [], None, "", None)
        files = _exports(report, s)
        if not report.verdicts:
            return (_message("No checkable claims found in this text."), [], report, "", files)
        return (article_html(report), claims_table(report), report, "", files)

    def show_evidence(report: Report | None, evt: gr.SelectData) -> str:
        if report is None or evt.index is None:
            return ""
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else int(evt.index)
        ordered = sorted(report.verdicts, key=lambda v: v.claim.span)
        return verdict_card(ordered[row]) if 0 <= row < len(ordered) else ""

    # -- sources -----------------------------------------------------------------------------
    def source_rows() -> list[list[Any]]:
        return [
            [x.title, x.passages, x.trust, x.dateline.isoformat() if x.dateline else "", x.id]
            for x in checker.sources()
        ]

    def source_choices() -> Any:
        return gr.update(
            choices=[(f"{x.title} ({x.passages})", x.id) for x in checker.sources()], value=None
        )

    def ingest_ui(
        files: list[str] | None,
        trust: float | None,
        request: gr.Request,
        progress: gr.Progress = gr.Progress(),
    ):
        if not editor(request):
            return _message(not_editor), source_rows(), source_choices()
        if not files:
            return (
                _message("Choose one or more .txt, .md or .html files first."),
                source_rows(),
                source_choices(),
            )
        paths = [Path(f if isinstance(f, str) else f.name) for f in files]
        progress(0, desc="ingesting")
        try:
            res = checker.ingest(
                paths,
                progress=lambda d, t: progress(d / max(1, t), desc="ingesting"),
                names=_upload_names(paths),
                trust=1.0 if trust is None else float(trust),
            )
        except FactCheckError as ex:
            return _message(str(ex)), source_rows(), source_choices()
        lines = [
            f"{res.files} files: {res.added} added, {res.replaced} replaced, "
            f"{res.unchanged} unchanged, {len(res.errors)} failed; {res.passages} passages."
        ]
        lines += [f"{Path(p).name}: {m}" for p, m in res.errors]
        return ("<br>".join(esc(x) for x in lines), source_rows(), source_choices())

    def ingest_api(files: list[FileData], request: gr.Request) -> dict[str, Any]:
        """API: ingest uploaded files (gradio_client.handle_file)."""
        if not editor(request):
            return {"error": not_editor}
        paths, names = [], {}
        for f in files or []:
            path = Path(f.path if isinstance(f, FileData) else f["path"])
            orig = f.orig_name if isinstance(f, FileData) else f.get("orig_name")
            paths.append(path)
            names[str(path)] = orig or path.name
        return checker.ingest(paths, names=names).to_dict()

    def remove_api(source: str, request: gr.Request) -> dict[str, Any]:
        """API: remove a source by id, path or title."""
        if not editor(request):
            return {"error": not_editor}
        try:
            return {"source": source, "removed_passages": checker.remove(source)}
        except FactCheckError as ex:
            return {"error": str(ex)}

    def trust_ui(source_id: str | None, trust: float | None, request: gr.Request):
        if not editor(request):
            return _message(not_editor), source_rows(), source_choices()
        if not source_id or trust is None:
            return _message("Pick a source and a trust first."), source_rows(), source_choices()
        try:
            n = checker.set_trust(source_id, float(trust))
            msg = f"Trust of {source_id} set to {float(trust):g} ({n} passages)."
        except FactCheckError as ex:
            msg = str(ex)
        return esc(msg), source_rows(), source_choices()

    def remove_ui(source_id: str | None, request: gr.Request):
        if not editor(request):
            return _message(not_editor), source_rows(), source_choices()
        if not source_id:
            return _message("Pick a source to remove."), source_rows(), source_choices()
        try:
            n = checker.remove(source_id)
            msg = f"Removed {source_id}: {n} passages."
        except FactCheckError as ex:
            msg = str(ex)
        return esc(msg), source_rows(), source_choices()

    with gr.Blocks(title=TITLE) as ui:
        gr.Markdown(
            f"# {TITLE}\nCheck figures, dates, counts, names and quotes against your "
            f"sources. Claims up to {s.max_claim_chars:,} characters; articles up to "
            f"{s.max_article_chars:,}."
        )
        with gr.Tab("Chat", id="chat"):
            chatbot = gr.Chatbot(
                label="Verdicts",
                height=480,
                elem_id="chatbot",
                sanitize_html=True,
                render_markdown=False,
            )
            with gr.Row():
                claim_box = gr.Textbox(
                    placeholder="Type a claim, e.g. “Biden and Putin spoke for 90 minutes”",
                    show_label=False,
                    scale=5,
                    elem_id="claim-input",
                )
                check_btn = gr.Button("Check", variant="primary", scale=1, elem_id="check-btn")
            last_verdict = gr.State(None)
            with gr.Row():
                remember_btn = gr.Button(
                    "Remember this verdict", size="sm", scale=1, elem_id="remember-btn"
                )
                remember_msg = gr.HTML(elem_id="remember-msg")
            chat_out = [chatbot, claim_box, last_verdict, remember_msg]
            check_btn.click(chat, [claim_box, chatbot], chat_out, api_visibility="private")
            claim_box.submit(chat, [claim_box, chatbot], chat_out, api_visibility="private")
            remember_btn.click(
                remember_ui, [last_verdict], [remember_msg], api_visibility="private"
            )
        with gr.Tab("Article", id="article"):
            report_state = gr.State(None)
            with gr.Row():
                article_box = gr.Textbox(
                    lines=10,
                    label="Draft",
                    elem_id="article-input",
                    placeholder="Paste a draft here, or upload a file",
                )
                upload = gr.File(
                    label="…or upload .txt / .md / .html / .docx",
                    file_types=[".txt", ".md", ".html", ".htm", ".docx"],
                    type="filepath",
                    elem_id="article-upload",
                )
            art_btn = gr.Button("Check article", variant="primary", elem_id="article-btn")
            art_html = gr.HTML(elem_id="article-html")
            table = gr.Dataframe(
                headers=CLAIM_COLUMNS, interactive=False, elem_id="claims-table", wrap=True
            )
            evidence = gr.HTML(elem_id="claim-evidence")
            downloads = gr.File(
                label="Download the report", file_count="multiple", elem_id="downloads"
            )
            art_btn.click(
                run_article,
                [article_box, upload],
                [art_html, table, report_state, evidence, downloads],
                api_visibility="private",
            )
            table.select(show_evidence, [report_state], [evidence], api_visibility="private")
            with gr.Row():
                remember_all = gr.Button(
                    "Remember these verdicts", size="sm", elem_id="remember-article-btn"
                )
                remember_all_msg = gr.HTML(elem_id="remember-article-msg")
            remember_all.click(
                remember_ui, [report_state], [remember_all_msg], api_visibility="private"
            )
        with gr.Tab("Sources", id="sources"):
            files_in = gr.File(
                label="Add sources (.txt, .md, .html, .docx, NewsML-G2 .xml, .rss, .atom)",
                file_count="multiple",
                type="filepath",
                elem_id="source-upload",
            )
            with gr.Row():
                ingest_trust = gr.Number(
                    value=1.0,
                    minimum=0.0,
                    maximum=1.0,
                    step=0.1,
                    label="Trust of these sources (0–1)",
                    elem_id="ingest-trust",
                )
                ingest_btn = gr.Button("Ingest", variant="primary", elem_id="ingest-btn")
            ingest_msg = gr.HTML(elem_id="ingest-msg")
            src_table = gr.Dataframe(
                headers=SOURCE_COLUMNS,
                value=source_rows,
                interactive=False,
                elem_id="sources-table",
            )
            with gr.Row():
                pick = gr.Dropdown(label="Source", choices=[], elem_id="source-pick")
                new_trust = gr.Number(
                    value=1.0, minimum=0.0, maximum=1.0, step=0.1, label="Trust", elem_id="trust"
                )
                trust_btn = gr.Button("Set trust", elem_id="trust-btn")
                remove_btn = gr.Button("Remove", variant="stop", elem_id="remove-btn")
            ingest_btn.click(
                ingest_ui,
                [files_in, ingest_trust],
                [ingest_msg, src_table, pick],
                api_visibility="private",
            )
            trust_btn.click(
                trust_ui, [pick, new_trust], [ingest_msg, src_table, pick], api_visibility="private"
            )
            remove_btn.click(
                remove_ui, [pick], [ingest_msg, src_table, pick], api_visibility="private"
            )
            ui.load(source_choices, None, [pick], api_visibility="private")
        if s.desk_reports is not None:
            from factcheck.interfaces.web.desk import desk_tab

            desk_tab(Path(s.desk_reports))
        gr.api(
            check_claims,
            api_name="check",
            batch=True,
            max_batch_size=s.web_max_batch,
            concurrency_limit=1,  # one batch at a time: the batch is the parallelism
        )
        gr.api(check_article_api, api_name="check_article")
        gr.api(ingest_api, api_name="ingest")
        gr.api(remove_api, api_name="remove_source")
    return ui


def _upload_names(paths: list[Path]) -> dict[str, str]:
    """Uploads are stored under the user's file name, not Gradio's temporary path (which
    ends with that name)."""
    return {str(p): p.name for p in paths}


def _exports(report: Report, s: Settings) -> list[str]:
    rows = [{"id": f"claim-{i + 1}", **v.to_dict()} for i, v in enumerate(report.verdicts)]
    out = Path(tempfile.mkdtemp(prefix="factcheck-report-"))
    files = {
        "report.json": json.dumps(report.to_dict(), ensure_ascii=False, indent=2),
        "report.csv": to_csv(rows),
        "report.md": to_markdown(rows),
        "claimreview.jsonld": to_claimreview(rows, author=s.author, publisher_url=s.publisher_url),
    }
    for name, body in files.items():
        (out / name).write_text(body, encoding="utf-8")
    return [str(out / n) for n in files]


def launch(settings: Settings, host: str = "127.0.0.1", port: int | None = 7860) -> None:
    """Serve the app. Beyond 127.0.0.1 it refuses to start without logins (web_users)."""
    access = Access.from_settings(settings.web_users, settings.web_editors)
    access.require_for(host)
    checker = FactChecker.from_settings(settings)
    checker.warm_up()
    ui = build_ui(checker, settings, access)
    login = " (login required)" if access.enabled else ""
    print(f"factcheck web app: http://{host}:{port or '(free port)'}{login}", flush=True)
    ui.queue(default_concurrency_limit=4).launch(
        server_name=host,
        server_port=port,
        show_error=False,
        inbrowser=False,
        **access.launch_options(),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description="factcheck web app")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=int(os.environ.get("FACTCHECK_PORT", "7860")))
    ap.add_argument("--store", default=None)
    ap.add_argument("--chroma-url", default=None)
    ap.add_argument("--config", default=None)
    args = ap.parse_args()
    try:
        settings = load_settings(args.config, store_dir=args.store, chroma_url=args.chroma_url)
    except FactCheckError as ex:
        raise SystemExit(f"error: {ex}") from None
    try:
        launch(settings, args.host, args.port)
    except FactCheckError as ex:
        raise SystemExit(f"error: {ex}") from None


if __name__ == "__main__":
    main()
