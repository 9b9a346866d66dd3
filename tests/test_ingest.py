import datetime as dt
import os
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.nlp.sentences import split_passages, split_sentences
from factcheck.sources.readers import iter_paths, load_text, read_file

from .conftest import SEED_FILE


def test_seed_dateline_and_title():
    src, body = read_file(SEED_FILE)
    assert src.dateline == dt.date(2021, 12, 31)
    assert src.title.startswith("Biden and Putin both issue warnings")
    assert src.text[body:].startswith("Biden and Putin")  # the "date ..." prefix is skipped


def test_passage_offsets_slice_back_exactly():
    src, body = read_file(SEED_FILE)
    passages = split_passages(src, body)
    assert len(passages) > 10
    for p in passages:
        assert src.text[p.start : p.end] == p.text
        assert p.dateline == src.dateline
    assert any("50-minute phone discussion" in p.text for p in passages)
    # no passage crosses a sentence-final full stop followed by a new sentence mid-way
    assert all(p.text.count(". ") <= 2 for p in passages)


def test_every_passage_knows_its_articles_lead():
    """The lead is the first passage that is not the headline; the passages after it point
    to it (the rules read the names it gives), the headline and the lead itself do not."""
    src, body = load_text(
        "Harbour board backs new ferry\n\nThe Westport harbour board approved a new ferry "
        "on Monday. The vessel will carry 400 passengers across the estuary every day. "
        "It is expected to enter service in May, the board's chairman said.",
        source_id="s",
        title="Harbour board backs new ferry",
    )
    ps = split_passages(src, body)
    lead = next(p for p in ps if p.text.startswith("The Westport"))
    assert [p.lead_id for p in ps if p.start < lead.start] == [""] * (ps.index(lead))
    assert lead.lead_id == ""
    after = [p.lead_id for p in ps if p.start > lead.start]
    assert len(after) == 2 and set(after) == {lead.id}


def test_sentence_splitter_keeps_abbreviations_and_quotes():
    text = "Mr. Smith met U.S. officials on Jan. 5. He said “no.” Then he left! Did he? Yes."
    sents = [text[s:e] for s, e in split_sentences(text)]
    assert sents == [
        "Mr. Smith met U.S. officials on Jan. 5.",
        "He said “no.”",
        "Then he left!",
        "Did he?",
        "Yes.",
    ]


def test_sentence_splitter_reads_the_abbreviations_of_its_vocabulary():
    import dataclasses

    from factcheck.lang import vocabulary

    en = vocabulary("en")
    text = "They met Gen. Petraeus. No. 5 was next. He said no. Then he left."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "They met Gen. Petraeus.",
        "No. 5 was next.",
        "He said no.",
        "Then he left.",
    ]
    without = dataclasses.replace(en, abbreviations=en.abbreviations - {"gen"})
    assert [text[s:e] for s, e in split_sentences(text, vocab=without)][:2] == [
        "They met Gen.",
        "Petraeus.",
    ]


def test_yaml_front_matter_dateline():
    raw = (
        "---\ntitle: Storm report\ndate: 2023-03-04\nauthor: A. Writer\n"
        "url: https://example.org/a\n---\nThe storm killed 12 people. Power returned on Monday.\n"
    )
    src, body = load_text(raw, source_id="storm.md", fmt="markdown")
    assert src.dateline == dt.date(2023, 3, 4)
    assert (src.title, src.author, src.url) == (
        "Storm report",
        "A. Writer",
        "https://example.org/a",
    )
    ps = split_passages(src, body)
    assert ps[0].text.startswith("The storm killed 12 people.")
    assert src.text[ps[0].start : ps[0].end] == ps[0].text


def test_date_colon_line_and_markdown_heading():
    src, _ = load_text(
        "Date: 2020-02-29\n\n# Leap day\n\nIt happened.", source_id="x.md", fmt="markdown"
    )
    assert src.dateline == dt.date(2020, 2, 29)
    assert src.title == "Leap day"


HTML = """<html><head><title>Flood news</title>
<meta property="article:published_time" content="2022-06-15T08:00:00Z">
<meta property="og:site_name" content="Example Gazette"></head>
<body><nav><a href="/">Home</a> | <a href="/sport">Sport</a> | Subscribe now</nav>
<article><h1>Flood hits town</h1>
<p>The river rose by 3 metres on Tuesday, flooding 400 homes in the town centre.</p>
<p>Officials said about 1,200 residents were moved to shelters overnight by rescue teams.</p>
<p>The mayor said repairs would cost more than $5 million and take at least six months.</p>
</article><footer>Copyright 2022 Example Gazette. All rights reserved. Cookie policy.</footer>
<script>var tracking = "do not index me";</script></body></html>"""


def test_html_main_text_and_meta_date(tmp_path):
    f = tmp_path / "flood.html"
    f.write_text(HTML, encoding="utf-8")
    src, body = read_file(f)
    assert src.dateline == dt.date(2022, 6, 15)
    assert "flooding 400 homes" in src.text
    assert "do not index me" not in src.text
    assert "Subscribe now" not in src.text and "Cookie policy" not in src.text
    for p in split_passages(src, body):
        assert src.text[p.start : p.end] == p.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"   \n\n ", "is empty"),
        ("binary.txt", b"\x00\x01\x02PNG\x00", "binary"),
        ("latin1.txt", "caf\u00e9 cr\u00e8me".encode("latin-1"), "not valid UTF-8"),
        ("image.png", b"\x89PNG", "unsupported file type"),
        ("notes.docx", b"PK\x03\x04", "not a Word document"),
        ("notes.odt", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_files_get_clear_errors_naming_the_file(tmp_path, name, content, message):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(InputError) as ei:
        read_file(f)
    assert message in str(ei.value)
    assert name in str(ei.value)


def test_unreadable_file(tmp_path):
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "missing-target.txt", link)
    with pytest.raises(InputError, match=r"gone\.txt: no such file"):
        read_file(link)
    d = tmp_path / "folder.txt"
    d.mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_file(d)


def test_folders_are_walked_recursively_skipping_hidden(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.md").write_text("x")
    (tmp_path / "top.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("x")
    (tmp_path / "skip.bin").write_text("x")
    found = sorted(p.name for p in iter_paths([Path(tmp_path)]))
    assert found == ["deep.md", "top.txt"]


def test_long_sentences_are_wrapped_under_the_limit():
    text = "word " * 400 + "end."
    src, body = load_text(text, source_id="long.txt")
    ps = split_passages(src, body, max_chars=200)
    assert all(len(p.text) <= 200 for p in ps)
    assert all(src.text[p.start : p.end] == p.text for p in ps)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read(tmp_path, encoding):
    import codecs

    text = "date 2021-12-31 Title\n\nThe council approved 12 bridges.\n"
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    f = tmp_path / "wide.txt"
    f.write_bytes(bom + text.encode(encoding))
    src, _ = read_file(f)
    assert src.dateline == dt.date(2021, 12, 31) and "12 bridges" in src.text


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("x")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems = []
    found = list(iter_paths([tmp_path], on_error=lambda p, m: problems.append(m)))
    assert [p.name for p in found] == ["a.txt"]
    assert len(problems) == 1 and "locked: folder cannot be read" in problems[0]


def test_sources_are_cleaned_of_escapes_and_invisible_characters():
    src, _ = load_text(
        "The council\x1b[31m approved\u200b 12 bridges.\r\nIt met \x1b]0;x\x07on Monday.",
        source_id="s",
    )
    assert src.text == "The council approved 12 bridges.\nIt met on Monday."


def test_a_large_source_streams_into_the_same_passages(hash_checker, monkeypatch, tmp_path):
    """Above the streaming size a source is embedded and written a slice at a time; the
    stored passages are the same as in one piece, and progress counts passages."""
    import factcheck.pipeline.ingest as ingest_run
    import factcheck.sources.store as store

    text = "date 2021-12-31 Big\n\n" + " ".join(
        f"Sentence number {i} says that {i * 3} boats sailed." for i in range(1500)
    )
    f = tmp_path / "big.txt"
    f.write_text(text)
    src, body = read_file(f)
    want = {
        p.id: (p.start, p.end, p.prev_id, p.next_id, p.lead_id) for p in split_passages(src, body)
    }
    monkeypatch.setattr(ingest_run, "STREAM_CHARS", 1000)
    monkeypatch.setattr(store, "_EMBED_BATCH", 100)
    seen: list[int] = []
    res = hash_checker.ingest([f], on_passages=seen.append)
    assert res.added == 1 and res.passages == len(want)
    got = hash_checker.store.collection.get(include=["metadatas"])
    stored = {
        i: (m["start"], m["end"], m["prev_id"], m["next_id"], m["lead_id"])
        for i, m in zip(got["ids"], got["metadatas"], strict=True)
    }
    assert stored == want
    assert seen[-1] == len(want) and len(seen) > 10  # counted slice by slice
    assert hash_checker.ingest([f]).unchanged == 1
    f.write_text(text.replace("boats", "ships"))
    again = hash_checker.ingest([f])
    assert again.replaced == 1 and hash_checker.store.count() == len(want)


def test_uploads_keep_their_own_name(hash_checker, tmp_path):
    tmp = tmp_path / "gradio" / "4f1c2e" / "wire-123.txt"
    tmp.parent.mkdir(parents=True)
    tmp.write_text("date 2021-12-31\n\nThe council approved 12 bridges on Monday.")
    res = hash_checker.ingest([tmp], names={str(tmp): "wire-123.txt"})
    assert res.added == 1
    [info] = hash_checker.sources()
    assert info.id == "wire-123.txt" and info.title == "wire-123"
    assert hash_checker.remove("wire-123.txt") == 1
