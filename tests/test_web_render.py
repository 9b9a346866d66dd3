"""interfaces/web/render.py without a browser: every text from a source or a user is
escaped, spans are highlighted at the right offsets, cards and tables say the verdict."""

from __future__ import annotations

import datetime as dt

from factcheck.interfaces.web.render import (
    article_html,
    claims_table,
    esc,
    highlight,
    review_html,
    verdict_card,
)
from factcheck.types import (
    Claim,
    Evidence,
    Label,
    Passage,
    Report,
    Review,
    ReviewMatch,
    Stance,
    Verdict,
)

EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def _verdict(claim_text: str = EVIL, passage_text: str = EVIL) -> Verdict:
    p = Passage(
        id="p1",
        text=passage_text,
        source_id="s1",
        title=f"Title {EVIL}",
        start=0,
        end=len(passage_text),
        dateline=dt.date(2021, 12, 31),
        url="https://example.org/a?x=1&y=<2>",
    )
    e = Evidence(
        passage=p,
        stance=Stance.REFUTES,
        weight=0.9,
        rationale=f"because {EVIL}",
        passage_spans=((0, 8),),
        attribution=f"Aide {EVIL}",
    )
    c = Claim(id="c1", text=claim_text, span=(0, len(claim_text)))
    return Verdict(c, Label.REFUTED, 0.8, f"Refuted: {EVIL}", (e,))


def _unescaped(html: str) -> bool:
    return "<script>" in html or "<img" in html or 'onerror="' in html


def test_esc_and_highlight_escape_and_mark_by_original_offsets():
    assert esc('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    out = highlight("a < b and c", [(4, 5)])
    assert out == 'a &lt; <mark style="background:#ffe58f">b</mark> and c'
    assert highlight("abc", [(2, 1), (0, 9)]) == "abc"  # bad spans are ignored


def test_verdict_card_escapes_everything_it_shows():
    html = verdict_card(_verdict())
    assert not _unescaped(html)
    assert "&lt;script&gt;" in html and 'data-label="REFUTED"' in html and "Refuted" in html


def test_article_html_and_table_escape_the_draft():
    v = _verdict()
    report = Report(article_id="a", verdicts=(v,), text=f"Lead. {EVIL} Tail.")
    assert not _unescaped(article_html(report))
    rows = claims_table(report)
    assert rows[0][0] == 1 and rows[0][2] == "Refuted"


def test_review_html_escapes_the_review():
    r = Review(id="r", claim=EVIL, rating=f"False {EVIL}", author=EVIL, url="javascript:x")
    html = review_html(ReviewMatch(r, 0.9, True))
    assert not _unescaped(html)


def test_only_web_links_become_links():
    bad = Review(id="r", claim="c", rating="False", url="javascript:alert(1)")
    good = Review(id="r", claim="c", rating="False", url="https://example.org/r")
    assert "href" not in review_html(ReviewMatch(bad, 0.9, True))
    assert 'href="https://example.org/r"' in review_html(ReviewMatch(good, 0.9, True))
