import datetime as dt
import os
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.ingest import iter_paths, load_text, read_file, split_passages, split_sentences

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
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
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
