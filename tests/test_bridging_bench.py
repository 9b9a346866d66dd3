"""benchmarks/bridging.py: the sentences that call a thing the article named by its noun,
and the claims it writes from them."""

import datetime as dt

from benchmarks.bridging import build_cases, pick

DL = dt.date(2009, 6, 10)


def _items(analyzer, *paras):
    return pick(analyzer.nlp, [("a.txt", DL, "\n\n".join(paras))])


def test_a_noun_named_once_then_called_by_its_noun_gives_two_claims(analyzer):
    items = _items(
        analyzer,
        "Norrland Motors also has a sales office in Oslo.",
        "Norrland Motors will close its plant in Toronto next year.",
        "Workers say the plant has been losing money for several years now.",
    )
    assert [(i["name"], i["noun"]) for i in items] == [("Toronto", "plant")]
    cases = build_cases(items)
    assert [(c.label, c.kind, c.claim) for c in cases] == [
        (
            "SUPPORTED",
            "kept",
            "Workers say the Toronto plant has been losing money for several years now.",
        ),
        (
            "NOT_ENOUGH_INFO",
            "swapped",
            "Workers say the Oslo plant has been losing money for several years now.",
        ),
    ]


def test_no_claim_where_the_noun_was_named_twice_or_names_itself(analyzer):
    two = "Norrland Motors will keep its Toronto plant but close its Oslo plant in May."
    assert _items(analyzer, two, "Workers say the plant has been losing money for years.") == []
    named = "Norrland Motors will close its plant in Toronto next year, the company said."
    again = "Workers say the plant in Toronto has been losing money for years."
    assert _items(analyzer, named, again) == []
