"""The wire formats newsrooms use (issue #32, part 2): NewsML-G2 news items and messages,
RSS and Atom feeds, Word documents; and what bad XML, bombs and external entities get.

The samples in tests/fixtures/wire/ are written by hand to the public specifications
(IPTC NewsML-G2 2.x, RSS 2.0, RFC 4287), with invented places and people."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.sources.items import Skipped, SourceItem, Withdrawal
from factcheck.sources.readers import iter_paths, read_draft, read_file, read_items
from factcheck.sources.source_log import LoggedSource, SourceLog

from .conftest import FIXTURES

WIRE = FIXTURES / "wire"
PORT = "urn:newsml:wire.example.org:20240514:examplehaven-port"


def stories(path: Path, max_bytes: int = 1_000_000) -> list[SourceItem]:
    return [i for i in read_items(path, max_bytes) if isinstance(i, SourceItem)]


# -- NewsML-G2 ------------------------------------------------------------------------------


def test_a_newsml_item_gives_its_guid_version_headline_byline_and_dateline():
    [item] = read_items(WIRE / "port-v1.xml")
    assert isinstance(item, SourceItem)
    src = item.source
    assert (src.id, src.version) == (PORT, 1)
    assert src.title == "Examplehaven port handled 412 ships in May"
    assert src.author == "Ada Example"  # contentMeta/by, "By" dropped
    assert src.dateline == dt.date(2024, 5, 14)  # contentCreated
    assert src.outlet == "Example Wire Service"
    assert src.path == str((WIRE / "port-v1.xml").resolve())
    # the headline, then the XHTML paragraphs, separated by blank lines (no <h1> twice)
    assert src.text == (
        "Examplehaven port handled 412 ships in May\n\n"
        "The port of Examplehaven handled 412 ships in May, the harbour authority said on "
        "Tuesday.\n\nThat was 30 more than in April, when 382 ships called."
    )
    assert read_file(WIRE / "port-v1.xml")[0] == src  # one story: read_file reads it too


def test_a_news_message_gives_one_source_per_item():
    got = stories(WIRE / "message.xml")
    assert [s.source.id for s in got] == [
        "urn:newsml:wire.example.org:20240515:examplehaven-bridge",
        "urn:newsml:wire.example.org:20240515:examplehaven-rain",
    ]
    bridge, rain = (s.source for s in got)
    assert (bridge.version, bridge.author, bridge.outlet) == (
        1,
        "Ben Example",
        "Example Wire Service",
    )
    assert "2.4 million example dollars" in bridge.text
    assert rain.version == 2 and rain.author == "Cy Example"  # creator/name when no <by>
    # NITF body: its <p>, not the hedline or byline; the date as written (UTC is the 15th)
    assert rain.text.endswith("the most in a day since 2011.")
    assert "By Cy Example" not in rain.text
    assert rain.dateline == dt.date(2024, 5, 14)
    with pytest.raises(InputError, match="holds 2 items"):
        read_file(WIRE / "message.xml")


def test_a_canceled_item_is_a_withdrawal():
    [item] = read_items(WIRE / "port-canceled.xml")
    assert item == Withdrawal(PORT, 3, "canceled", str(WIRE / "port-canceled.xml"))


def test_plain_text_bodies_withheld_items_and_pictures_in_a_message(tmp_path):
    nar = 'xmlns="http://iptc.org/std/nar/2006-10-01/"'
    f = tmp_path / "mixed.xml"
    f.write_text(
        f"<newsMessage {nar}><itemSet>"
        '<newsItem guid="t" version="4"><contentMeta><headline>Tide</headline></contentMeta>'
        "<contentSet><inlineData contenttype='text/plain'>High tide was at 6.12 m.\n\n"
        "It was the highest   this year.</inlineData></contentSet></newsItem>"
        '<newsItem guid="w" version="2"><itemMeta><pubStatus '
        'uri="http://cv.iptc.org/newscodes/pubstatusg2/withheld"/></itemMeta></newsItem>'
        '<newsItem guid="pic" version="1"><itemMeta><itemClass qcode="ninat:picture"/>'
        "</itemMeta><contentSet><remoteContent href='pic.jpg'/></contentSet></newsItem>"
        "</itemSet></newsMessage>"
    )
    tide, withheld, picture = read_items(f)
    assert isinstance(tide, SourceItem) and tide.source.version == 4
    assert tide.source.text == "Tide\n\nHigh tide was at 6.12 m.\n\nIt was the highest this year."
    assert withheld == Withdrawal("w", 2, "withheld", str(f))
    assert isinstance(picture, Skipped) and "pic: has no text" in picture.message


# -- feeds ------------------------------------------------------------------------------------


def test_an_rss_feed_of_three_items_gives_three_sources():
    a, b, c = (s.source for s in stories(WIRE / "harbour.rss"))
    assert a.id == "harbour-2024-0514-ships"  # the guid
    assert a.title == "Examplehaven port handled 412 ships in May"
    assert a.url == "https://news.example.org/2024/05/port-ships"
    assert a.author == "Ada Example" and a.outlet == "Examplehaven Harbour News"
    assert a.dateline == dt.date(2024, 5, 14)  # 23:30 at -05:00: the 14th, as published
    assert a.text == (
        "Examplehaven port handled 412 ships in May\n\n"
        "The port of Examplehaven handled 412 ships in May.\n\nThat was 30 more than in April."
    )
    assert "<" not in a.text and "alert" not in a.text
    assert (b.id, b.author, b.dateline) == (b.url, "Ben Example", dt.date(2024, 5, 15))
    assert c.id == "https://news.example.org/2024/05/fish-market"  # no guid: the link
    assert c.text.endswith("The fish market will open on Sundays from June 2.")
    assert {s.version for s in (a, b, c)} == {0}


def test_an_atom_feed_and_a_feed_saved_as_xml():
    a, b = (s.source for s in stories(WIRE / "harbour.atom"))
    assert a.id == "urn:uuid:8b1d3f0e-0000-4000-8000-000000000002"
    assert (a.author, a.url) == ("Cy Example", "https://council.example.org/notes/bus-stops")
    assert a.dateline == dt.date(2024, 5, 15)  # published wins over updated
    assert a.text.endswith("The council approved 14 new bus stops.\n\nWork starts in July.")
    assert b.dateline == dt.date(2024, 5, 16)  # no published: updated
    assert a.outlet == "Examplehaven Council Notes"


def test_a_feed_saved_as_xml_is_read_as_a_feed(tmp_path):
    f = tmp_path / "harbour-feed.xml"
    shutil.copy(WIRE / "harbour.rss", f)
    assert len(stories(f)) == 3


def test_one_bad_item_is_skipped_with_a_warning_and_the_others_go_on(hash_checker):
    items = read_items(WIRE / "one-bad-item.rss")
    assert [type(i).__name__ for i in items] == ["SourceItem", "Skipped", "SourceItem"]
    skipped = items[1]
    assert isinstance(skipped, Skipped)
    assert "one-bad-item.rss: item 2 (harbour-empty)" in skipped.message
    res = hash_checker.ingest([WIRE / "one-bad-item.rss"])
    assert (res.files, res.added, res.errors) == (1, 2, ())
    assert any("harbour-empty" in w for w in res.warnings)
    assert {s.id for s in hash_checker.sources()} == {"harbour-lighthouse", "harbour-tugboats"}


# -- versions and withdrawals, through the real ingest path -----------------------------------


def test_newsml_versions_replace_older_ones_never_the_reverse_and_cancel_removes(
    hash_store, analyzer, tmp_path
):
    from factcheck.api import FactChecker
    from factcheck.config import Settings

    log = SourceLog(tmp_path / "log")
    fc = FactChecker(hash_store, analyzer, Settings(use_stance_model=False), source_log=log)

    def stored_text() -> str:
        return " ".join(hash_store.collection.get(where={"source_id": PORT})["documents"])

    assert fc.ingest([WIRE / "port-v1.xml"]).added == 1
    res = fc.ingest([WIRE / "port-v2.xml"])
    assert res.replaced == 1 and not res.warnings
    assert "415 ships" in stored_text() and "412" not in stored_text()
    [info] = fc.sources()
    assert (info.id, info.version, info.title) == (
        PORT,
        2,
        "Examplehaven port handled 415 ships in May",
    )
    assert log.entries()[PORT].version == 2

    late = fc.ingest([WIRE / "port-v1.xml"])  # version 1 arrives after version 2
    assert (late.added, late.replaced, late.unchanged, late.errors) == (0, 0, 0, ())
    assert any("version 1 is older than the stored version 2" in w for w in late.warnings)
    assert "415 ships" in stored_text() and "412" not in stored_text()
    assert fc.ingest([WIRE / "port-v2.xml"]).unchanged == 1  # same version, same text

    gone = fc.ingest([WIRE / "port-canceled.xml"])
    assert gone.removed == 1 and gone.to_dict()["removed"] == 1
    assert fc.sources() == [] and PORT not in log.entries()
    assert fc.ingest([WIRE / "port-canceled.xml"]).removed == 0  # nothing left to remove


def test_two_versions_in_one_run_keep_the_newer_whatever_their_order(hash_checker, tmp_path):
    shutil.copy(WIRE / "port-v2.xml", tmp_path / "a-newer.xml")
    shutil.copy(WIRE / "port-v1.xml", tmp_path / "b-older.xml")
    res = hash_checker.ingest([tmp_path])
    assert res.added == 1 and any("older than the stored version 2" in w for w in res.warnings)
    [info] = hash_checker.sources()
    assert info.version == 2


def test_an_older_cancel_does_not_remove_a_newer_story(hash_checker, tmp_path):
    old_cancel = tmp_path / "cancel-v1.xml"
    old_cancel.write_text(
        (WIRE / "port-canceled.xml").read_text().replace('version="3"', 'version="1"')
    )
    hash_checker.ingest([WIRE / "port-v2.xml"])
    res = hash_checker.ingest([old_cancel])
    assert res.removed == 0 and any(
        "older than the stored version 2; kept" in w for w in res.warnings
    )
    assert [s.id for s in hash_checker.sources()] == [PORT]


def test_a_log_written_before_versions_still_loads(tmp_path):
    old = {"id": "a", "title": "A", "content_hash": "h", "body_start": 0}
    assert LoggedSource(**old).version == 0
    assert LoggedSource(**old).source("text").version == 0


# -- Word -------------------------------------------------------------------------------------


def _docx(path: Path, paragraphs: list[tuple[str, str]], **core: object) -> Path:
    import docx

    doc = docx.Document()
    for style, text in paragraphs:
        if style.startswith("Heading"):
            doc.add_heading(text, level=int(style.split()[-1]))
        else:
            doc.add_paragraph(text)
    for key, value in core.items():
        setattr(doc.core_properties, key, value)
    doc.save(str(path))
    return path


BODY = [
    ("Heading 1", "Examplehaven port figures"),
    ("Normal", "The port of Examplehaven handled 412 ships in May."),
    ("Normal", "That was 30 more than in April."),
]


def test_a_docx_source_gives_its_paragraphs_title_author_and_dateline(tmp_path):
    f = _docx(
        tmp_path / "port.docx",
        BODY,
        title="Port figures for May",
        author="Ada Example",
        created=dt.datetime(2024, 5, 14, 9, 30),
    )
    src, body = read_file(f)
    assert src.text == (
        "Examplehaven port figures\n\nThe port of Examplehaven handled 412 ships in May.\n\n"
        "That was 30 more than in April."
    )
    assert (src.title, src.author, src.dateline) == (
        "Port figures for May",
        "Ada Example",
        dt.date(2024, 5, 14),
    )
    assert body == 0 and src.id == str(f.resolve()) and src.version == 0


def test_a_docx_without_properties_falls_back_to_its_heading_and_its_own_date_line(tmp_path):
    f = _docx(tmp_path / "port.docx", BODY)  # python-docx's template: no title, no real date
    src, _ = read_file(f)
    assert (src.title, src.author, src.dateline) == ("Examplehaven port figures", "", None)
    dated = _docx(
        tmp_path / "dated.docx",
        [("Normal", "Date: 2024-05-20"), *BODY[1:]],
        created=dt.datetime(2019, 1, 1),
    )
    src, body = read_file(dated)
    assert src.dateline == dt.date(2024, 5, 20)  # the date line beats the file's creation
    assert src.text[body:].lstrip().startswith("The port of Examplehaven")
    plain = _docx(tmp_path / "no-heading.docx", BODY[1:])
    assert read_file(plain)[0].title == "no-heading"


def test_read_draft_reads_every_single_document_format(tmp_path):
    f = _docx(tmp_path / "draft.docx", BODY)
    assert read_draft(f, 1_000_000) == (
        "Examplehaven port figures\n\nThe port of Examplehaven handled 412 ships in May.\n\n"
        "That was 30 more than in April."
    )
    txt = tmp_path / "draft.txt"
    txt.write_text("date 2024-05-14 Port\n\nThe port handled 412 ships.\n")
    assert read_draft(txt) == txt.read_text()  # as check-article has always read it
    with pytest.raises(InputError, match=r"harbour\.rss: .* not a draft"):
        read_draft(WIRE / "harbour.rss")
    with pytest.raises(InputError, match=r"missing\.docx: no such file"):
        read_draft(tmp_path / "missing.docx")
    with pytest.raises(InputError, match=r"draft\.docx: too large"):
        read_draft(f, 100)


# -- bad input ----------------------------------------------------------------------------------


def _one_line_error(path: Path, max_bytes: int = 1_000_000) -> str:
    with pytest.raises(InputError) as ei:
        read_items(path, max_bytes)
    msg = str(ei.value)
    assert str(path) in msg and "\n" not in msg
    return msg


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed.xml", "is not well-formed XML (Opening and ending tag mismatch"),
        ("bomb.xml", "declares XML entities"),
        ("empty.rss", "the feed has no items"),
    ],
)
def test_bad_wire_files_get_one_line_errors_naming_the_file(name, message):
    assert message in _one_line_error(WIRE / name)


def test_a_billion_laughs_is_refused_without_expanding(tmp_path):
    bomb = (WIRE / "bomb.xml").read_text()
    as_feed = tmp_path / "bomb.rss"
    as_feed.write_text(
        bomb.split("<newsItem")[0] + "<rss version='2.0'><channel><item><title>&lol9;</title>"
        "<description>&lol9;</description></item></channel></rss>"
    )
    for f in (WIRE / "bomb.xml", as_feed):
        t0 = time.perf_counter()
        assert "declares XML entities" in _one_line_error(f)
        assert time.perf_counter() - t0 < 2


SECRET = "TOPSECRET-examplehaven-4242"


@pytest.mark.parametrize("kind", ["newsml", "rss", "external-dtd"])
def test_an_external_entity_is_never_read(tmp_path, hash_checker, kind):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    if kind == "external-dtd":  # entities declared in an external DTD: it is never loaded
        dtd = tmp_path / "evil.dtd"
        dtd.write_text(f'<!ENTITY x "{SECRET}">')
        head = f'<!DOCTYPE newsItem SYSTEM "{dtd.as_uri()}">'
    else:
        head = f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    if kind == "rss":
        body = (
            "<rss version='2.0'><channel><title>t</title><item><guid>g</guid>"
            "<title>Port &x;</title><description>Ships &x;</description></item></channel></rss>"
        )
    else:
        body = (
            '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1">'
            "<contentMeta><headline>Port &x;</headline></contentMeta><contentSet><inlineXML>"
            '<p xmlns="http://www.w3.org/1999/xhtml">The port handled 412 ships &x;.</p>'
            "</inlineXML></contentSet></newsItem>"
        )
    f = tmp_path / ("wire.rss" if kind == "rss" else "wire.xml")
    f.write_text(f'<?xml version="1.0"?>\n{head}\n{body}')
    try:
        got = read_items(f)
    except InputError as ex:
        assert SECRET not in str(ex) and str(f) in str(ex)
        got = []
    for item in got:
        assert isinstance(item, SourceItem) and SECRET not in item.source.text
    hash_checker.ingest([f])
    everything = hash_checker.store.collection.get(include=["documents", "metadatas"])
    assert SECRET not in repr(everything)
    assert kind == "external-dtd" or not got  # declared entities are refused outright


def test_a_docx_that_is_not_a_zip_or_expands_too_far_is_refused(tmp_path):
    fake = tmp_path / "notes.docx"
    fake.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert "is not a Word document" in _one_line_error(fake)
    real = _docx(tmp_path / "big.docx", BODY)
    size = real.stat().st_size
    assert "expand to" in _one_line_error(real, size + 1)  # the parts are larger unzipped


def test_a_bad_file_among_good_ones_is_one_error_row(hash_checker, tmp_path):
    for name in ("harbour.rss", "malformed.xml", "message.xml"):
        shutil.copy(WIRE / name, tmp_path / name)
    res = hash_checker.ingest([tmp_path])
    assert (res.files, res.added) == (3, 5)
    [(path, msg)] = res.errors
    assert path.endswith("malformed.xml") and "not well-formed XML" in msg


def test_folders_pick_up_the_new_formats(tmp_path):
    for name in ("a.xml", "b.rss", "c.atom", "d.docx", "e.doc", "f.json"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in iter_paths([tmp_path])] == ["a.xml", "b.rss", "c.atom", "d.docx"]
