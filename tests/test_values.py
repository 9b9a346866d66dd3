import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.nlp.dates import DateContext
from factcheck.nlp.numerals import parse_number, words_to_number
from factcheck.nlp.values import find_values
from factcheck.rules.describe import describe
from factcheck.types import Value, ValueKind

DL = DateContext(dt.date(2021, 12, 31))


def vals(text, ctx=DL):
    return find_values(text, ctx)[0]


def one(text, kind=None, ctx=DL):
    found = [v for v in vals(text, ctx) if kind is None or v.kind == kind]
    assert len(found) == 1, found
    v = found[0]
    assert text[v.span[0] : v.span[1]] == v.text
    return v


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("100,000 troops", 1e5, 1e5),
        ("100k troops", 1e5, 1e5),
        ("1.2 million people", 1.2e6, 1.2e6),
        ("fifty soldiers", 50, 50),
        ("twenty-five thousand people", 25000, 25000),
        ("one hundred and fifty ships", 150, 150),
        ("a dozen eggs", 12, 12),
        ("half a million people", 5e5, 5e5),
        # a share of a scale word is that share of the number, not a share and a million
        ("a quarter of a million people", 2.5e5, 2.5e5),
        ("three-quarters of a million homes", 7.5e5, 7.5e5),
        ("two-thirds of a billion people", 2e9 / 3, 2e9 / 3),
        # vague multiples reach below the next scale word; a second one multiplies
        ("hundreds of people", 200, 999),
        ("tens of thousands of people", 2e4, 99999),
        ("Tens of thousands marched", 2e4, 99999),
        ("hundreds of thousands of homes", 2e5, 999999),
        ("around 100,000 troops", 9e4, 1.1e5),
        ("about 40 boats", 36, 44),
        ("roughly 10 cars", 9, 11),
        ("some 300 houses", 270, 330),
        ("nearly 1,000 homes", 900, 1000),
        ("almost 20 cases", 18, 20),
        ("at least 12 deaths", 12, math.inf),
        ("up to 30 people", 0, 30),
        ("just under 50 boats", 45, 50),
    ],
)
def test_numbers_and_hedges(text, low, high):
    v = one(text)
    assert v.low == pytest.approx(low) and v.high == pytest.approx(high)


@pytest.mark.parametrize("text", ["more than 50 votes", "over 50 votes"])
def test_strict_lower_bound_excludes_the_number(text):
    v = one(text)
    assert v.low > 50 and v.high == math.inf and v.hedge in ("more than", "over")


@pytest.mark.parametrize("text", ["fewer than 50 votes", "under 50 votes"])
def test_strict_upper_bound(text):
    v = one(text)
    assert v.low == 0 and v.high < 50


def test_counted_units_money_percent_distance():
    assert (one("It cost $2bn").kind, one("It cost $2bn").low, one("It cost $2bn").unit) == (
        "money",
        2e9,
        "USD",
    )
    assert one("€3.5 million").low == pytest.approx(3.5e6)
    p = one("unemployment of 3.5%")
    assert (p.kind, p.low, p.unit) == ("percent", 3.5, "%")
    assert one("15 per cent").unit == "%"
    d = one("a road of 40 km")
    assert (d.unit, d.low) == ("m", 40000)
    assert one("1.5C of warming").unit == "degC"


def test_data_sizes_and_nautical_miles_are_measures():
    """ "the 16GB phone" measures storage (not a count of phones), and a nautical mile is
    not a statute mile."""
    g = one("the 16GB phone")
    assert (g.kind, g.unit, g.low) == ("quantity", "byte", 16e9)
    assert one("a 500 MB download").low == 500e6
    n = one("a range of 3,000 nautical miles")
    assert (n.unit, n.low) == ("m", 3000 * 1852)


def test_us_dollars_written_out_are_money():
    m = one("a deal worth some 17 billion US dollars")
    assert (m.kind, m.unit, m.low) == ("money", "USD", pytest.approx(17e9 * 0.9))
    assert one("It cost 5 U.S. dollars.").unit == "USD"


@pytest.mark.parametrize(
    ("text", "unit", "amount"),
    [
        ("priced at US $ 24.00", "USD", 24),
        ("a fine of AU$ 5,000", "AUD", 5000),
        ("raised NZ $ 2 million", "NZD", 2e6),
        ("a CA$ 7 billion loan", "CAD", 7e9),
        ("worth 40 Canadian dollars", "CAD", 40),
        ("HK$ 300 a night", "HKD", 300),
        ("a $5 fee", "USD", 5),
        ("A song will cost 74p on average.", "GBP", 0.74),
        ("The EU price is 99 euro cents.", "EUR", 0.99),
        ("A stamp now costs 50 pence.", "GBP", 0.5),
        ("Each share rose 12 cents.", "USD", 0.12),
    ],
)
def test_other_dollars_are_their_own_currency(text, unit, amount):
    """ "AU$ 5" is five Australian dollars, not five US dollars; a space after the
    country's letters does not lose them. An amount in a currency's hundredth ("74p",
    "99 euro cents") is that money, not 99 euros nor a count of pence."""
    m = one(text)
    assert (m.kind, m.unit, m.low) == ("money", unit, pytest.approx(amount))


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("a 50-minute call", 3000),
        ("an hour and a half", 5400),
        ("three weeks", 3 * 604800),
        ("90 minutes", 5400),
        ("two and a half hours", 9000),
        ("half an hour", 1800),
        ("half a day", 43200),
        ("It took half a year.", 31557600 / 2),
        ("a two-hour meeting", 7200),
    ],
)
def test_durations_in_seconds(text, seconds):
    v = one(text, "duration")
    assert v.low == pytest.approx(seconds) and v.high == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "days"),
    [("It logged two full days of flying.", 2), ("He served five consecutive years.", 1826.25)],
)
def test_a_word_between_a_number_and_its_unit_of_time_keeps_it_a_length(text, days):
    v = one(text, ValueKind.DURATION)
    assert v.low == v.high == days * 86400
    # ten working days are no ten days, and as often a count of work ("1.4 million working
    # days lost to strikes"): they stay a count of days
    assert not [
        x
        for x in vals("It must be returned within ten working days.")
        if x.kind == ValueKind.DURATION
    ]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The recorders' batteries expire after 30 -- 40 days.", 30, 40),  # plain text's dash
        ("a very short, 30-to-60-day bankruptcy process", 30, 60),
        ("a two-to-three-year wait", 730.5, 1095.75),
        ("a three-or-four-day strike", 3, 4),
    ],
)
def test_ranges_written_with_a_double_hyphen_or_inside_a_compound(text, low, high):
    v = one(text, ValueKind.DURATION)
    assert (v.low, v.high) == (pytest.approx(low * 86400), pytest.approx(high * 86400))
    assert v.hedge == "range"


def test_a_names_number_after_a_hyphen_is_still_no_figure():
    assert not vals("The F-16 and the MiG-29 flew past.")


def test_hedged_durations():
    v = one("just over three weeks", "duration")
    assert v.low == pytest.approx(3 * 604800) and v.high > v.low
    v = one("less than an hour", "duration")
    assert v.high < 3600 and v.low == 0
    assert describe(one("a 90-minute call")) == "90 minutes"
    # a range is told by its two ends, in one unit, never by its middle
    assert describe(one("between 60 and 90 days", "duration")) == "60 to 90 days"
    assert describe(one("two to three months", "duration")) == "2 to 3 months"
    # a length read off two dates is told rounded in its largest unit
    assert describe(one("from 2004 to 2009", "duration")) == "about 5 years"


def test_word_intervals_are_told_as_written():
    # "millions of" is 2 million to 999 million: its middle ("501 million") is no figure
    # the text gives, so a rationale tells it as the text wrote it
    from dataclasses import replace

    many = one("Thousands of dockers went on strike.")
    assert describe(many) == "Thousands of"
    assert describe(replace(many, noun="docker")) == "Thousands of docker"
    assert describe(one("It cost millions of dollars.")) == "millions of dollars"
    assert describe(replace(one("about 300 dockers"), noun="docker")) == "about 300 docker"


@pytest.mark.parametrize(
    ("text", "frm", "to"),
    [
        ("on Thursday", "2021-12-30", "2021-12-30"),
        ("earlier this month", "2021-12-01", "2021-12-31"),
        ("on January 10", "2022-01-10", "2022-01-10"),
        ("in 2014", "2014-01-01", "2014-12-31"),
        ("in January", "2022-01-01", "2022-01-31"),
        ("on December 30, 2021", "2021-12-30", "2021-12-30"),
        ("on 3 March 2020", "2020-03-03", "2020-03-03"),
        ("yesterday", "2021-12-30", "2021-12-30"),
        ("last year", "2020-01-01", "2020-12-31"),
        ("next month", "2022-01-01", "2022-01-31"),
        ("in the 1990s", "1990-01-01", "1999-12-31"),
        ("two weeks ago", "2021-12-14", "2021-12-20"),
        ("in May 2019", "2019-05-01", "2019-05-31"),
        ("on 2020-02-29", "2020-02-29", "2020-02-29"),
        # two days of one month
        ("on 23 and 24 March 2020", "2020-03-23", "2020-03-24"),
        ("on March 23-24, 2020", "2020-03-23", "2020-03-24"),
        ("last weekend", "2021-12-25", "2021-12-26"),
        ("next weekend", "2022-01-01", "2022-01-02"),
        # a season with its year: its months (dates.json seasons)
        ("in the autumn of 2007", "2007-09-01", "2007-11-30"),
        ("scheduled for fall 2007", "2007-09-01", "2007-11-30"),
        ("in Spring 2010", "2010-03-01", "2010-05-31"),
    ],
)
def test_dates_resolved_against_the_dateline(text, frm, to):
    v = one(text, "date")
    assert (v.date_from, v.date_to) == (frm, to)


@pytest.mark.parametrize(
    ("text", "frm", "to"),
    [
        ("four years ago", "2017-01-01", "2017-12-31"),  # a count of years: a calendar year
        # a count of decades or centuries reaches a quarter of its unit either side
        ("two decades ago", "1999-07-02", "2004-07-01"),
        ("three centuries ago", "1696-12-28", "1746-12-29"),
        # a hedge makes an interval of the time back, as it does of a figure
        ("more than four years ago", "0001-01-01", "2017-12-31"),
        ("less than two weeks ago", "2021-12-17", "2021-12-31"),
        # never narrower than the count rounded, on the side the hedge leaves open
        ("nearly two years ago", "2020-01-01", "2020-07-01"),
        ("about a year ago", "2020-07-01", "2021-07-01"),
        # the same count forward
        ("six years from now", "2027-01-01", "2027-12-31"),
        ("more than a decade from now", "2032-01-01", "9999-12-31"),
    ],
)
def test_how_long_ago_or_ahead_in_decades_or_with_a_hedge(text, frm, to):
    v = one(f"It opened {text}.", "date")
    assert (v.date_from, v.date_to) == (frm, to)
    assert v.text == text and not [x for x in vals(f"It opened {text}.") if x.kind != "date"]


@pytest.mark.parametrize("day", [dt.date(1, 1, 5), dt.date(50, 3, 1), dt.date(9999, 12, 20)])
def test_how_long_ago_or_ahead_at_the_calendars_edges_reads_without_error(day):
    """A dateline near the calendar's first or last day: a count back or forward past it
    stops at that day, and every text still reads (a plain sentence once failed there)."""
    ctx = DateContext(day)
    for text in ["It opened two years ago.", "It will open 999 weeks from now.", "Plain text."]:
        vals(text, ctx)
    assert one("It opened 30 years ago.", "date", DateContext(dt.date(50, 3, 1))).date_from == (
        "0020-01-01"
    )
    assert vals("It opened by 2012.", ctx) is not None


def test_a_particle_is_no_hedge_of_how_long_ago_and_half_a_century_is_no_century():
    # "took over", "went under": the verb's particle, not "more/less than a year ago"
    assert one("Smith took over a year ago as chief.", "date").text == "a year ago"
    assert one("The firm went under two years ago.", "date").text == "two years ago"
    v = one("The mine closed half a century ago.", "date")  # half of it, not a century
    assert v.text == "half a century ago"
    day = DL.dateline
    assert day.year - 63 <= int(v.date_from[:4]) <= int(v.date_to[:4]) <= day.year - 37
    v = one("The freeze will last for two years from now.")
    assert v.kind == ValueKind.DURATION and v.text == "two years"  # a length, from now


def test_a_rating_scales_two_ends_are_no_figure():
    assert [v.text for v in vals("Inspectors rated the risk at 7 on a 1-to-10 scale.")] == ["7"]
    assert [v.text for v in vals("It scored 4 on a scale of 1 to 5.")] == ["4"]
    # a range on "a scale of" that starts anywhere else is a figure
    assert vals("Layoffs on a scale of 20,000 to 30,000 are planned.")[0].low == 20000


def test_a_figure_with_its_unit_before_a_spaced_dash_opens_no_range():
    assert [
        v.text for v in vals("Shares rose 20 percent -- 40 percent of analysts expected a fall.")
    ] == [
        "20 percent",
        "40 percent",
    ]


def test_a_fall_of_a_year_is_no_season_nor_is_a_winter():
    """ "The fall of 1989" is as often a collapse; a winter's months span two years."""
    v = one("after the fall of 1989", "date")
    assert (v.date_from, v.date_to) == ("1989-01-01", "1989-12-31")
    w = one("in the winter of 2009", "date")
    assert (w.date_from, w.date_to) == ("2009-01-01", "2009-12-31")
    # "fall" is a verb too: a figure after it stays a figure
    assert one("The index could fall 2000 points.").low == 2000
    assert not [x for x in vals("Sales may fall 1000 units.") if x.kind == "date"]


def test_weekday_uses_tense():
    past = one("Biden warned Putin on Thursday", "date")
    future = one("They will meet on Thursday", "date")
    assert past.date_from == "2021-12-30"
    assert future.date_from == "2022-01-06"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Roe Motors said on Thursday it will close the plant.", "2021-12-30"),
        ("The yard will be sold for $5 million, an official said Thursday.", "2021-12-30"),
        ("Roe Motors said it will close the plant on Thursday.", "2022-01-06"),
        ("On Thursday, the minister will meet the union.", "2022-01-06"),
        # a quotation's "will" is its speaker's future, not the narration's
        ('On Thursday, Ida Roe told Tarn Radio: "We will act."', "2021-12-30"),
        ("On Thursday, Ida Roe said: “Prices will fall.”", "2021-12-30"),
        # a vote that is due, expected or set for a day is ahead of the dateline
        ("The vote is due on Thursday.", "2022-01-06"),
        ("The ruling is expected on Thursday.", "2022-01-06"),
        ("The hearing is set for Thursday.", "2022-01-06"),
    ],
)
def test_a_weekday_takes_the_tense_of_its_own_clause(text, day):
    """A "will" in what was said does not put the day of saying it ahead."""
    assert one(text, "date").date_from == day


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("The terminal will open in July.", "2019-07"),  # never before the dateline's month
        ("The terminal will open in November.", "2018-11"),
        ("The terminal opened in July.", "2018-07"),  # else the nearest, as before
        ("Roe Motors said in July it will close the plant.", "2018-07"),
        ("Deliveries are expected to start on 5 March.", "2019-03"),
        # a word that sets the way wins over the clause: "last" and "since" look back
        ("The freighter, announced last November, will fly soon.", "2017-11"),
        ("Roe Motors will report its sales, which have fallen since November.", "2017-11"),
        ("Output has been low since January of this year.", "2018-01"),
    ],
)
def test_a_month_in_a_clause_about_the_future_is_not_a_past_one(text, month):
    assert one(text, "date", ctx=DateContext(dt.date(2018, 10, 2))).date_from[:7] == month


def test_the_datelines_own_weekday_is_the_dateline_itself():
    # the dateline (2021-12-31) is a Friday: a story of that day names its own day so,
    # in either tense; "next" and "last" move a week off it
    assert one("They will meet on Friday", "date").date_from == "2021-12-31"
    assert one("The vote was set to take place on Friday", "date").date_from == "2021-12-31"
    assert one("Biden warned Putin on Friday", "date").date_from == "2021-12-31"
    assert one("They will meet next Friday", "date").date_from == "2022-01-07"
    assert one("They met last Friday", "date").date_from == "2021-12-24"
    assert one("They will meet this coming Friday", "date").date_from == "2022-01-07"


@pytest.mark.parametrize(
    ("text", "written", "day"),
    [
        # the weekday of a day written out is one date with it, not a weekday read from
        # the dateline (a Friday, 2021-12-31) besides
        ("The fair opens on Thursday, 6 January.", "on Thursday, 6 January", "2022-01-06"),
        ("They met on Monday 13 December 2021.", "on Monday 13 December 2021", "2021-12-13"),
        ("It closed Tuesday, December 28.", "Tuesday, December 28", "2021-12-28"),
        # the day as written decides: a weekday that does not fit it is a slip
        ("The fair opened on Tuesday, December 28.", "on Tuesday, December 28", "2021-12-28"),
        ("The fair opened on Monday, December 28.", "on Monday, December 28", "2021-12-28"),
    ],
)
def test_a_weekday_before_the_day_it_names_is_one_date(text, written, day):
    dates = [v for v in vals(text) if v.kind == "date"]
    assert [(v.text, v.date_from, v.date_to) for v in dates] == [(written, day, day)]


def test_a_weekday_apart_from_a_day_is_its_own_date():
    dates = [v for v in vals("They met on Monday and left on 28 December.") if v.kind == "date"]
    assert [v.date_from for v in dates] == ["2021-12-27", "2021-12-28"]


def test_this_weekend_uses_the_tense_of_its_own_clause():
    # the dateline is a Friday: without a future word, the weekend just past or the next
    got = one("It came to light this weekend", "date")
    assert (got.date_from, got.date_to) == ("2021-12-25", "2022-01-02")
    assert one("They will meet this weekend", "date").date_from == "2022-01-01"
    # "due to" in another clause does not make it a plan
    got = one("It was late, due to a strike -- and only came to light this weekend", "date")
    assert got.date_from == "2021-12-25"
    # on a Saturday or Sunday, "this weekend" is that one and "last weekend" the one before
    sat = DateContext(dt.date(2022, 1, 8))
    assert one("They won this weekend", "date", sat).date_from == "2022-01-08"
    assert one("They won last weekend", "date", sat).date_from == "2022-01-01"


def test_the_same_year_refers_back():
    found = vals("Putin seized Crimea in 2014 and an insurgency began the same year.")
    years = [v.date_from[:4] for v in found if v.kind == "date"]
    assert years == ["2014", "2014"]
    # ... and across sentences, when the context is carried
    _, ctx = find_values("Crimea was seized in 2014.", DL)
    v = find_values("The insurgency started the same year.", ctx)[0][0]
    assert v.date_from == "2014-01-01"


def test_dates_without_a_dateline_stay_partial():
    v = one("on January 10", "date", DateContext(None))
    assert v.date_from == "--01-10"
    assert vals("on Thursday", DateContext(None)) == []


@pytest.mark.parametrize(
    "text",
    [
        "I had a second thought about it.",
        "She may come later.",
        "May I ask a question?",
        "One of the reasons was cost.",
        "No one came to the party.",
        "He arrived in a split second.",
        "The COVID-19 pandemic and the G7 summit.",
        "They march on Washington.",
        "It was second-hand.",
    ],
)
def test_negative_cases_find_nothing(text):
    assert [v for v in vals(text) if v.kind != "date" or "May" in text] == []


def test_ordinals_of_events():
    v = one("their second call in a month", "ordinal")
    assert v.low == 2
    assert one("for the first time", "ordinal").low == 1
    assert one("the 3rd round", "ordinal").low == 3


def test_year_is_not_a_quantity_and_a_quantity_is_not_a_year():
    assert one("in 2014", None).kind == "date"
    assert one("2,014 votes").kind == "quantity"


@pytest.mark.parametrize(
    "text",
    [
        "GM's 2008 revenue fell",
        "its 1967 debut",
        "in a 2003 interview",
        "their 2016 plan",
        "Kestrel Motors' 2005 results",  # a plural's possessive
    ],
)
def test_a_year_after_a_determiner_or_a_possessive_is_a_year(text):
    """A count after a determiner would need a plural noun ("a 2003 interviews" cannot
    be): the number is the year of the thing named."""
    assert one(text, None).kind == "date"
    assert one(text.replace("20", "2,0").replace("19", "1,9"), None).kind == "quantity"


@pytest.mark.parametrize(
    "text",
    ["the Carsons' 2000 acres", "Brandt Partners' 1500 jobs", "the boys' 1600 meter run"],
)
def test_a_number_after_a_plurals_possessive_is_a_count_but_before_a_dating_word(text):
    """'Kestrel Motors' 2005 results' is a year (a word that dates figures follows it);
    'the Carsons' 2000 acres' and 'the boys' 1600 meter run' are a count and a measure."""
    assert one(text, None).kind == "quantity"
    assert one("It processed 1600 results.", None).kind == "quantity"  # no possessive


def test_parse_number_helpers():
    assert parse_number("1,200") == 1200
    assert parse_number("2bn") == 2e9
    assert words_to_number("ninety-nine") == 99
    assert words_to_number("banana") is None
    # a transcript's decimals: "eight point six billion" is 8.6 billion
    assert words_to_number("eight point six billion") == 8.6e9
    assert words_to_number("two point zero five") == pytest.approx(2.05)


def test_decimals_in_words_and_the_idiom_at_one_point():
    assert (one("GM lost eight point six billion dollars.", None).low) == 8.6e9
    assert one("Unemployment was three point two percent.", None).low == pytest.approx(3.2)
    assert not [v for v in vals("At one point six ferries were stuck.") if v.kind == "quantity"]


def _group(n: int) -> str:
    return f"{n:,}"


@given(st.integers(min_value=1, max_value=999_999_999))
def test_property_digit_formats_agree(n):
    plain, grouped = str(n), _group(n)
    a = one(f"there were {plain} cases")
    b = one(f"there were {grouped} cases")
    assert a.low == b.low == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_property_scale_words_and_suffixes(n, scale):
    mult = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    suffix = {"thousand": "k", "million": "m", "billion": "bn"}[scale]
    assert one(f"{n} {scale} dollars").low == pytest.approx(n * mult)
    assert one(f"about {n}{suffix} dollars").low == pytest.approx(n * mult * 0.9)


_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell(n: int) -> str:
    if n < 20:
        return _WORDS[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _WORDS[n % 10])
    rest = n % 100
    return _WORDS[n // 100] + " hundred" + ("" if rest == 0 else " and " + _spell(rest))


@given(st.integers(min_value=2, max_value=999))
def test_property_words_equal_digits(n):
    assert one(f"they counted {_spell(n)} ships").low == n
    assert one(f"they counted {n} ships").low == n


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("for 80 to 90 years", 80 * 31557600, 90 * 31557600),
        ("temperatures 6-10C above normal", 6, 10),
        ("between 0.2 and 0.3% of GDP", 0.2, 0.3),
        ("six or seven feet of water", 6 * 0.3048, 7 * 0.3048),
        # both ends with their scale: the first is not scaled again
        ("16 million to 28 million dollars", 16e6, 28e6),
        ("sixteen million to twenty million dollars", 16e6, 20e6),
        # a sum's first end takes the scale of the second
        ("It costs $5 to $6 million.", 5e6, 6e6),
        # a first end with a hedge of approximation, its low end widened by it
        ("the equivalent of roughly 16 million to 28 million US dollars", 16e6 * 0.9, 28e6),
        ("(about US$ 16 million to $28 million)", 16e6 * 0.9, 28e6),
    ],
)
def test_ranges_become_one_interval(text, low, high):
    v = one(text)
    assert v.low == pytest.approx(low) and v.high == pytest.approx(high)


def test_scores_and_pages_are_not_ranges():
    assert len(vals("They won 3-1 at home.")) == 2
    assert len(vals("See pages 3 and 4.")) == 2
    # a hedged change, then the level it reached: no range ("rose about 2% to 7%")
    assert len(vals("Unemployment rose about 2% to 7%.")) == 2
    assert len(vals("Fares were cut by about $20 to $39.")) == 2
    assert len(vals("Exports climbed about $2 billion to $40 billion.")) == 2
    assert len(vals("The price was cut about $200 to $399.")) == 2


DL = DateContext(dt.date(2021, 12, 31))


@pytest.mark.parametrize(
    "text, low, unit",
    [
        ("It cost 1.5e6 dollars.", 1.5e6, "USD"),
        ("About 2E3 people came.", 1800.0, ""),
        ("There were 10^6 cells.", 1e6, ""),
        ("There were 3 x 10^9 cells.", 3e9, ""),
        ("A 1e-3 chance.", 1e-3, ""),
        ("It has 1.5m people.", 1.5e6, ""),
        ("The rope is 1.5m long.", 1.5, "m"),
        ("She won the 100m race.", 100.0, "m"),
    ],
)
def test_scientific_notation_powers_and_m_are_read_whole(text, low, unit):
    [v] = find_values(text, DL)[0]
    assert v.low == pytest.approx(low) and v.unit == unit


@pytest.mark.parametrize(
    "text, bad",
    [
        ("The debt reached 1e400 dollars.", "'1e400' is not a finite number"),
        ("Some 10^999 atoms.", "'10^999' is not a finite number"),
        ("The value was NaN.", "'NaN' is not a finite number"),
        ("The growth was ∞ percent.", "'∞' is not a finite number"),
        ("It happened on February 30, 2021.", "'February 30, 2021' is not a real date"),
        ("It happened on 31 April 2020.", "'31 April 2020' is not a real date"),
        ("They met on February 30.", "'February 30' is not a real date"),
        ("Filed on 2021-02-29.", "'2021-02-29' is not a real date"),
    ],
)
def test_impossible_values_are_refused_never_misread(text, bad):
    assert find_values(text, DL)[0] == []  # no "1", no "30", no "2021"
    [v] = find_values(text, DL, keep_invalid=True)[0]
    assert v.kind == "invalid" and v.note == bad


def test_leap_days_are_real():
    [v] = find_values("On February 29, 2020 it rained.", DL)[0]
    assert v.date_from == "2020-02-29"


def _gold_cases() -> list[dict]:
    import json
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "values.en.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("case", _gold_cases(), ids=lambda c: c["text"][:40])
def test_value_tables_gold_cases(case):
    """tests/fixtures/values.en.jsonl: each text with every value it states, normalised
    (hand-checked; in the manner of quantulum3's data-driven tests)."""
    import datetime as dt

    dl = dt.date.fromisoformat(case["dateline"]) if case["dateline"] else None
    found, _ = find_values(case["text"], DateContext(dl), keep_invalid=True)
    assert len(found) == len(case["values"]), [v.text for v in found]
    for v, want in zip(found, case["values"], strict=True):
        assert (v.kind.value, v.text) == (want["kind"], want["text"])
        for key in ("unit", "hedge", "date_from", "date_to", "grain", "note"):
            assert getattr(v, key) == want.get(key, ""), key
        for key in ("low", "high"):
            x = want.get(key)
            x = float("inf") if x == "inf" else x
            assert getattr(v, key) == (x if x is None else pytest.approx(x)), key


# -- issue #30: a sign is read or refused, every hyphen joins, no-break-space thousands --


def _vals(text: str) -> list[tuple[str, str, float | None, float | None]]:
    import datetime as dt

    from factcheck.nlp.dates import DateContext
    from factcheck.nlp.values import find_values

    found, _ = find_values(text, DateContext(dt.date(2021, 12, 31)), keep_invalid=True)
    return [(v.kind.value, v.text, v.low, v.high) for v in found]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("It was \u221212 degrees at dawn.", [("quantity", "\u221212 degrees", -12.0, -12.0)]),
        ("It was minus 12 degrees.", [("quantity", "minus 12 degrees", -12.0, -12.0)]),
        ("It was -12 degrees.", [("quantity", "-12 degrees", -12.0, -12.0)]),
        ("a \u221250 minutes call", [("invalid", "\u221250 minutes", None, None)]),
        ("minus 50 minutes later", [("invalid", "minus 50 minutes", None, None)]),
    ],
)
def test_a_minus_sign_is_read_or_the_value_refused(text, want):
    assert _vals(text) == want


def test_a_hyphen_inside_a_range_or_a_name_is_no_sign():
    assert _vals("5-10 people") == [("quantity", "5-10", 5.0, 10.0)]
    assert _vals("the F-16 jet") == []


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2013"])
def test_every_hyphen_joins_a_compound(dash):
    assert _vals(f"a 50{dash}minute call") == [("duration", f"50{dash}minute", 3000.0, 3000.0)]
    assert _vals(f"twenty{dash}five people")[0][2] == 25.0


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_thousands_with_no_break_and_thin_spaces(space):
    text = f"1{space}000{space}000 troops"
    assert _vals(text) == [("quantity", f"1{space}000{space}000", 1e6, 1e6)]
    from factcheck.sources.hygiene import clean_claim

    assert clean_claim(text) == "1,000,000 troops"


def test_a_designation_after_an_article_is_not_a_power_of_ten():
    assert _vals("The aircraft was once named the 7E7.") == []
    assert _vals("About 2E3 people came.")[0][2] == pytest.approx(1800.0)


def _dates(text: str, order: str = "") -> list[tuple[str, str, str]]:
    import datetime as dt

    from factcheck.nlp.dates import DateContext
    from factcheck.nlp.values import find_values

    found, _ = find_values(text, DateContext(dt.date(2022, 1, 1), order=order), keep_invalid=True)
    return [(v.kind.value, v.date_from, v.note) for v in found]


@pytest.mark.parametrize("order", ["", "dmy", "mdy"])
def test_a_numeric_date_with_a_part_over_12_is_read_whatever_the_order(order):
    assert _dates("Signed on 31/12/2021 in Oslo.", order) == [("date", "2021-12-31", "")]
    assert _dates("Signed on 12/31/2021.", order) == [("date", "2021-12-31", "")]
    assert _dates("Opened on 4.4.2021.", order) == [("date", "2021-04-04", "")]
    assert _dates("It was 45/12/2021.", order)[0][0] == "invalid"


def test_an_ambiguous_numeric_date_needs_the_date_order_setting():
    [(kind, _, note)] = _dates("Signed on 03/04/2021.")
    assert kind == "invalid" and "set date_order" in note  # never read as 3 and 4
    assert _dates("Signed on 03/04/2021.", "dmy") == [("date", "2021-04-03", "")]
    assert _dates("Signed on 03/04/2021.", "mdy") == [("date", "2021-03-04", "")]


def test_the_date_order_setting_reaches_the_analyzer(hash_store):
    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.errors import ConfigError

    fc = FactChecker(hash_store, settings=Settings(use_stance_model=False, date_order="mdy"))
    [d] = fc.analyzer.analyze("Signed on 03/04/2021.").values
    assert d.date_from == "2021-03-04"
    with pytest.raises((ConfigError, ValueError)):
        Settings(date_order="ymd")


def test_volumes_and_areas_are_their_own_dimensions():
    from factcheck.nlp.values import find_values

    text = "It holds 40 million cubic metres and covers 12 square kilometres."
    found, _ = find_values(text, None)
    assert [(v.unit, v.low) for v in found] == [("m3", 40e6), ("m2", 12e6)]
    litres, _ = find_values("They used 2,000 litres.", None)
    assert [(v.unit, v.low) for v in litres] == [("m3", 2.0)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("winds of 150 km/h", "winds of 93 mph"),
        ("a top speed of 20 knots", "a top speed of 37 km/h"),
        ("a 42-gallon drum", "a drum of one barrel"),
        ("a noise of 120 dB", "a noise of 120 decibels"),
    ],
)
def test_speeds_sound_and_oil_are_measures_however_written(a, b):
    """One speed in km/h, mph or knots; a barrel is 42 US gallons; "dB" is a decibel."""
    (x,) = [v for v in vals(a) if v.unit]
    (y,) = [v for v in vals(b) if v.unit]
    assert x.unit == y.unit and x.low == pytest.approx(y.low, rel=0.01)


def test_huge_magnitudes_are_printed_in_scientific_form():
    from factcheck.lang import resolve
    from factcheck.rules.describe import _fmt

    assert _fmt(1e29, resolve(None)) == "1 × 10^29"
    assert _fmt(2.5e9, resolve(None)) == "2.5 billion"
    assert _fmt(3.4e12, resolve(None)) == "3.4 trillion"


def test_a_sources_front_matter_sets_its_own_date_order(hash_store, tmp_path):
    """A wire that writes day/month says so once in its front matter; its passages are read
    that way (stored at ingest, and again after a reindex), whatever the setting says."""
    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.pipeline.passage_facts import passage_facts, refresh_facts
    from factcheck.sources.records import passage_from_record

    wires = tmp_path / "wires"
    wires.mkdir()
    for name, order in (("uk", "dmy"), ("us", "MDY"), ("odd", "ymd"), ("none", "")):
        head = f"---\ntitle: {name}\ndate: 2021-06-01\ndate_order: {order}\n---\n"
        (wires / f"{name}.md").write_text(head + f"The {name} bridge opened on 03/04/2021.\n")
    fc = FactChecker(hash_store, settings=Settings(use_stance_model=False))
    got = fc.ingest([wires])
    assert got.added == 4
    [warning] = [w for w in got.warnings if "date_order" in w]
    assert "odd.md" in warning and "'ymd'" in warning and "left empty" in warning

    def dates() -> dict[str, tuple[str, str]]:
        rec = fc.store.collection.get(include=["documents", "metadatas"])
        ps = [
            passage_from_record(i, d, m, None)
            for i, d, m in zip(rec["ids"], rec["documents"], rec["metadatas"], strict=True)
        ]
        out = {}
        for p, f in zip(ps, passage_facts(fc.analyzer, ps), strict=True):
            [v] = [v for v in f.values + f.unreadable if v.kind.value in ("date", "invalid")]
            assert p.facts_version == fc.analyzer.fingerprint_for(p.date_order or None)
            out[p.text.split()[1]] = (p.date_order, v.date_from if v.kind.value == "date" else "")
        return out

    want = {"uk": ("dmy", "2021-04-03"), "us": ("mdy", "2021-03-04"), "odd": ("", ""),
            "none": ("", "")}  # fmt: skip
    assert dates() == want
    assert refresh_facts(fc.store.collection, fc.analyzer) == 0  # all current
    fc.analyzer.date_order = "mdy"  # the setting changes: only the sources without their own
    fc.analyzer._fingerprints.clear()
    assert refresh_facts(fc.store.collection, fc.analyzer) == 2
    assert dates() == {**want, "odd": ("", "2021-03-04"), "none": ("", "2021-03-04")}
    assert fc.check("The uk bridge opened on 3 April 2021.").label.value != "REFUTED"
    assert fc.check("The uk bridge opened on 4 March 2021.").label.value == "REFUTED"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales doubled in the past decade.", [("the past decade", 10 * 365.25 * 86400)]),
        (
            "Jobs has taken leave three times in the last decade.",
            [("the last decade", 10 * 365.25 * 86400)],
        ),
        ("On the last day of the month the plant closed.", []),  # a day, not a window
    ],
)
def test_the_past_decade_is_one_decade(text, expected):
    got = [(v.text, v.low) for v in vals(text) if v.kind.value == "duration"]
    assert got == expected


# -- times of day (nlp/clock.py) ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The vote closed at 18:30 UTC with 14 seats undecided.",
        "The ferry left at 7:15 a.m. and 14 people were aboard.",
        "By 6pm, 14 people had gathered.",
        "At ten o'clock, 14 people were waiting.",
    ],
)
def test_a_time_of_day_is_no_figure(text):
    """Its digits are no counts: only the 14 people are read."""
    found = vals(text)
    assert [v.text for v in found] == ["14"], found


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("The shop is open from 9 a.m. to 5 p.m. on weekdays.", 8),
        ("Crews worked from six in the morning until midnight.", 18),
        ("The road was shut between noon and 3pm.", 3),
        ("The night shift runs 10pm to 2am.", 4),
        ("Polls were open 07:00-19:30 local time.", 12.5),
    ],
)
def test_two_times_of_a_range_make_a_length_of_time(text, hours):
    v = one(text, ValueKind.DURATION)
    assert v.low == v.high == hours * 3600


def test_two_times_of_one_sentence_are_two_events_that_far_apart():
    """The time between two events, as two dates' (role 'between'): a length or an offset
    may be read off it ("N hours after", "lasted N hours"); never across two zones."""
    v = one("The speech at 16:00 UTC came after the 12:30 UTC announcement.")
    assert v.kind == ValueKind.DURATION and v.role == "between" and v.low == 3.5 * 3600
    v = one("The Harlow talks began at 9 a.m. and ended at 3 p.m.")
    assert v.kind == ValueKind.DURATION and v.role == "between" and v.low == 6 * 3600
    assert not vals("The plane left at 16:00 UTC and landed at 09:00 EST.")
    assert [v.text for v in vals("I am 5 and she is 6")] == ["5", "6"]


# -- the time since a date (nlp/elapsed.py) ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "within", "beyond"),
    [
        ("The mill has been closed since March 3, 2019.", (2.7, 3), (2, 3.5)),  # at 2021-12-31
        ("She has led the union ever since 2011.", (10, 11), (8, 13)),
        ("It posted its first loss since 2014.", (7, 8), (6, 9)),
        # what dates back to a year has lasted since it
        ("My ties to the party date back to 1979.", (42, 43), (35, 50)),
        ("The hull design dates back to 2011.", (10, 11), (8, 13)),
    ],
)
def test_a_date_after_since_gives_the_time_since_it_too(text, within, beyond):
    """About the time from the date to the dateline: as wide as the date, and rounded."""
    v = one(text, ValueKind.DURATION)
    assert v.text.lower().startswith(("since", "ever since", "date")) and v.hedge == "about"
    year = 365.25 * 86400
    assert all(v.low <= y * year <= v.high for y in within)
    assert not any(v.low <= y * year <= v.high for y in beyond)


def test_a_date_not_after_since_or_not_yet_past_gives_no_time_since_it():
    def lengths(text, ctx=DL):
        return [v for v in vals(text, ctx) if v.kind == ValueKind.DURATION]

    assert not lengths("The mill closed on March 3, 2019.")
    assert not lengths("Prices have risen since Friday.", DateContext(None))
    assert not lengths("It will run until 2023.")
    assert not lengths("The ferry will go back to Bergen in 2019.")  # no date after the words
    # "go back to" as often returns to something; "records dating back to 1986" dates them
    assert not lengths("Sales may go back to 2008 levels.")
    assert not lengths("The drought is the worst in records dating back to 1986.")


def test_by_a_date_ahead_gives_the_term_to_it(analyzer):
    """'will cut 30,000 jobs by 2012', in a report of 2006: about six years ahead, a term
    as 'over the next six years' is; a date already past, or 'by' of a figure, none."""
    ctx = DateContext(dt.date(2006, 1, 23))
    [v] = [x for x in vals("Ford will cut 30,000 jobs by 2012.", ctx) if x.kind == "duration"]
    year = 365.25 * 86400
    assert v.text == "by 2012" and v.role == "ahead" and v.low <= 6 * year <= v.high
    assert not v.low <= 9 * year <= v.high
    [v] = [x for x in vals("It will be cut by the end of 2008.", ctx) if x.kind == "duration"]
    assert v.low == v.high == (dt.date(2008, 12, 31) - dt.date(2006, 1, 23)).days * 86400

    def terms(text):
        return [x for x in vals(text, ctx) if x.kind == "duration" and x.text.startswith("by")]

    # which of two deadlines a claim's term is of, the words do not say
    assert not terms("Ford will end its losses by 2008 and close 14 plants by 2012.")
    # a plan dated before the report counts from its own date
    assert not terms("In 2004, Ford pledged to cut 10,000 jobs by 2008.")
    assert terms("Ford said on Friday it will cut 30,000 jobs by 2012.")  # the report's week
    # a year that says what kind of thing, no deadline (read in the parse)
    said = analyzer.analyze("Its plants are squeezed by 2011 emissions rules.", ctx.dateline)
    assert not [x for x in said.found if x.value.kind == "duration"]
    said = analyzer.analyze(
        "GM could be profitable in two years' time and repay its loans by 2017.", ctx.dateline
    )
    assert [x.value.text for x in said.found if x.value.kind == "duration"] == ["two years"]
    said = analyzer.analyze("The deal will be finalised by June 10.", ctx.dateline)
    assert [x.value.text for x in said.found if x.value.kind == "duration"] == ["by June 10"]
    assert not [x for x in vals("The plant closed by 2004.", ctx) if x.kind == "duration"]
    [v] = [x for x in vals("GM must act no later than June 1.", ctx) if x.kind == "duration"]
    assert v.role == "ahead" and v.low <= 129 * 86400 <= v.high  # 23 January to 1 June
    assert not [x for x in vals("Sales rose by 5%.", ctx) if x.kind == "duration"]


def test_the_time_since_a_date_is_told_in_its_largest_unit():
    from factcheck.rules.describe import describe

    assert describe(one("My ties to the party date back to 1979.", ValueKind.DURATION)) == (
        "about 42 years"
    )


# -- two dates of a range (nlp/date_ranges.py) -------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "within", "beyond"),
    [
        ("The strike ran from March to September.", 30.44, (6, 7), (4, 8)),
        ("The mill made boots between 2004 and 2009.", 365.25, (4.5, 5, 6), (3, 7)),
        ("The 1998-2004 expansion cost millions.", 365.25, (5.5, 6, 7), (4, 8)),
        ("The fair runs from 3 May to 5 May.", 1, (2, 3), (1, 4)),
        ("The talks lasted from November 2019 to February.", 30.44, (2.5, 3, 3.5), (1.5, 4.5)),
        ("They met between September and December 2018.", 30.44, (2.5, 3, 3.5), (1.5, 4.5)),
    ],
)
def test_two_dates_of_a_range_make_a_length_of_time(text, unit, within, beyond):
    """As wide as the dates are coarse: a bare far end takes the other end's year (the
    next one's past December), and a year after a dash is no count."""
    v = one(text, ValueKind.DURATION)
    day = 86400
    got = (v.low / day / unit, v.high / day / unit)
    assert all(v.low <= n * unit * day <= v.high for n in within), got
    assert not any(v.low <= n * unit * day <= v.high for n in beyond), got
    assert not [x for x in vals(text) if x.kind == ValueKind.QUANTITY]


def test_two_dates_that_make_no_range_make_no_length_of_time():
    def lengths(text):
        return [v for v in vals(text) if v.kind == ValueKind.DURATION and v.role != "between"]

    assert not lengths("The fund opened in March and closed on 5 May 2019.")
    assert not lengths("Shares rose from 2,004 to 2,009 points.")
    assert not lengths("It was delayed from 2019 to 2019.")
    assert [v.text for v in vals("between 2014 and 2016")] == ["2014", "2014 and 2016", "2016"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("The walkout began on 12 January 2017 and the crews returned on 20 July 2017.", 189),
        ("Crews returned on 20 July 2017, after walking out on 12 January 2017.", 189),
        ("The yard opened in March 2015 and shut in May 2016.", (397, 458)),
    ],
)
def test_two_dates_of_one_sentence_are_the_time_between_two_events(text, days):
    """Either way round; as wide as the dates are coarse."""
    v = one(text, ValueKind.DURATION)
    low, high = days if isinstance(days, tuple) else (days, days + 1)
    assert (v.role, v.low / 86400, v.high / 86400) == ("between", low, high)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Her salary was set at US$ 1.6 million a year.", "rate"),
        ("Dockers earn $30 an hour.", "rate"),
        ("Prices rose 5% a year.", "rate"),
        ("The talks lasted an hour.", ""),  # no figure before it: a length of time
        # after the noun the figure counts, or after "per"
        ("The site drew 14 million unique visitors a month.", "rate"),
        ("Staff photographed each tank three times a day.", "rate"),
        ("The site drew 14 million visitors per month.", "rate"),
        # a preposition or a word of time order between or after: no rate
        ("Ten people arrived in a day.", ""),
        ("Two ferries sank and a week later a third.", ""),
        # a word of time order right after: when the figure was, not per what
        ("Profit rose from $900 million a year earlier.", ""),
        ("Output fell to 9.4% from 9.6% a month before.", ""),
    ],
)
def test_a_unit_of_time_after_a_figure_is_its_rate(text, role):
    from factcheck.rules.align import compatible

    v = one(text, ValueKind.DURATION)
    assert v.role == role
    if role:  # compared with another rate only, never with a length of time
        assert compatible(v, one("Dockers earn $30 a day.", ValueKind.DURATION))
        assert not compatible(v, one("She worked there for 33 years.", ValueKind.DURATION))


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("They talked for a quarter of an hour.", 15),
        ("It took three quarters of an hour.", 45),
        ("Review took roughly a third of a year.", 365.25 * 24 * 60 / 3),
    ],
)
def test_a_share_of_a_unit_of_time_is_that_length(text, minutes):
    v = one(text, ValueKind.DURATION)
    assert v.low <= minutes * 60 <= v.high and v.high < minutes * 60 * 1.2
    assert not [x for x in vals(text) if x.kind in (ValueKind.PERCENT, ValueKind.ORDINAL)]


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("The terminal will open in January next year.", "2019-01"),
        ("The plant closed in March last year.", "2017-03"),
        ("It opens in May this year.", "2018-05"),
        ("He will visit in January, 2020.", "2020-01"),
    ],
)
def test_a_month_with_its_year_after_it_is_one_date(text, month):
    ctx = DateContext(dt.date(2018, 10, 2))
    v = one(text, ValueKind.DATE, ctx=ctx)
    assert (v.date_from[:7], v.grain) == (month, "month")
    assert not [x for x in vals(text, ctx) if x.kind == ValueKind.DURATION]


def test_two_dates_written_without_figures_give_no_time_between_them():
    ctx = DateContext(dt.date(2018, 10, 2))
    assert not [x for x in vals("It fell in March, last year it rose.", ctx) if x.role]


@pytest.mark.parametrize(
    ("claim", "source", "agree"),
    [
        ("three months", "90 days", True),  # to the nearest month
        ("six months", "189 days", True),
        ("a year", "14 months", True),
        ("1.5 years", "18 months", True),
        ("48 hours", "two days", True),
        ("five years", "six years", False),  # never a whole unit apart
        ("three months", "four months", False),
        ("two weeks", "10 days", False),
        ("a decade", "seven years", False),  # past a year, the figure decides
    ],
)
def test_a_length_of_time_in_whole_units_is_rounded_to_the_unit(claim, source, agree):
    from factcheck.rules.align import values_agree

    def length(t):
        return one(f"It lasted {t}.", ValueKind.DURATION)

    assert values_agree(length(claim), length(source)) is agree


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Sales posted gains of eight and fourteen percent.", [("%", 8), ("%", 14)]),
        ("Stages of 5, 10 and 20 km", [("m", 5000), ("m", 10000), ("m", 20000)]),
        ("Terms of two and three years", [("second", 2 * 31557600), ("second", 3 * 31557600)]),
        ("Between 8 and 14 percent", [("%", 8)]),  # a range: one value
        ("Children aged 8 and 14", [("", 8), ("", 14)]),
    ],
)
def test_a_unit_after_a_list_of_figures_is_each_ones(text, kinds):
    got = [(v.unit, v.low) for v in vals(text)]
    assert got == [(u, pytest.approx(n)) for u, n in kinds]


@pytest.mark.parametrize(
    ("text", "kind", "low", "high"),
    [
        ("Dockers earn $30 an hour; new hires will earn about half that.", "money", 13.5, 16.5),
        ("Costs rose to 2 billion dollars, three times that.", "money", 6e9, 6e9),
        ("The mill made 40,000 boots, double that.", "quantity", 8e4, 8e4),
    ],
)
def test_a_multiple_of_the_figure_before_is_the_figure_it_stands_for(text, kind, low, high):
    """ "About half that" after "$30 an hour" is about $15, not half of the hour nor a
    share; the multiplier's own number is no figure."""
    v = vals(text)[-1]
    assert (v.kind, v.low, v.high) == (kind, pytest.approx(low), pytest.approx(high))
    assert text.endswith(v.text + ".")
    assert not [x for x in vals(text) if x.kind == ValueKind.PERCENT or x.text == "three"]


def test_that_of_compares_with_something_else_and_makes_no_multiple():
    assert [v.text for v in vals("Sales were 500, twice that of 2019.")] == ["500", "2019"]


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Sales in Europe fell by a quarter.", 25.0),
        ("Output was cut by half in March.", 50.0),
        ("The budget grew by two-thirds.", 66.7),
    ],
)
def test_a_change_by_a_share_in_words_is_that_percentage(text, low):
    v = one(text, ValueKind.PERCENT)
    assert v.low <= low <= v.high
    # a quarter of a year or of a league is no change by a share
    assert not [x for x in vals("Sales fell in a quarter.") if x.kind == ValueKind.PERCENT]


def test_a_bare_amount_takes_the_sentences_one_currency(analyzer):
    """Copy names the currency once: "an additional US$ 5 billion in aid on top of the
    four billion it has already received" gives two amounts of dollars; an amount of a
    counted noun, or of a sentence with two currencies, keeps its own reading."""

    def money(text: str) -> list[tuple[str, str, str]]:
        return [(v.text, v.kind.value, v.unit) for v in analyzer.analyze(text).values]

    assert money(
        "Tern asked for an additional US$ 5 billion on top of the four billion it received."
    ) == [("US$ 5 billion", "money", "USD"), ("four billion", "money", "USD")]
    people = money("Sales reached $5 billion as the world's people passed 8 billion people.")
    assert people[1][1] == "quantity"
    two = money("Sales reached $5 billion and 4 billion euros, against 3 billion before.")
    assert two[-1][1] == "quantity"  # two currencies: which one is not said


def test_a_glued_p_is_pence_only_against_a_number(analyzer):
    for text in ("The meeting starts at 5pm.", "He scored 3 points and 4 p."):
        kinds = [v.kind.value for v in analyzer.analyze(text).values]
        assert "money" not in kinds, text


@pytest.mark.parametrize(
    ("claim", "source", "agree"),
    [
        ("between 60 and 180 days", "between 60 and 90 days", False),  # one end moved
        ("1.5 to 4 years", "1.5 to 2 years", False),
        ("between 60 and 90 days", "between 60 and 90 days", True),
        ("two to three months", "60 to 90 days", True),  # each end within its rounding
        ("eight to 12 weeks", "two to three months", True),  # low ends apart: may be one
        ("between 70 and 80 days", "between 60 and 90 days", True),
        ("75 days", "between 60 and 90 days", True),  # a figure in a range: may both be true
    ],
)
def test_two_ranges_agree_only_end_for_end(claim, source, agree):
    from factcheck.rules.align import values_agree

    def length(t):
        return one(f"It would take {t}.", ValueKind.DURATION)

    assert values_agree(length(claim), length(source)) is agree


def test_two_ranges_of_a_count_agree_only_end_for_end():
    from factcheck.rules.align import values_agree

    def count(t):
        return one(f"The plane seats {t} people.", ValueKind.QUANTITY)

    assert not values_agree(count("200 to 400"), count("200 to 300"))
    assert values_agree(count("200 to 300"), count("200 to 300"))


def test_a_change_to_a_level_read_as_a_range_is_not_two_ends():
    """ "Rose 5 cents to $4.50" is read as a range from 5 cents; it states "rose from $4.45
    to $4.50" (one level, two ways to the rise): only ranges from one low end differ."""
    from factcheck.rules.align import values_agree

    def money(t):
        (v,) = [v for v in vals(f"Kestrel shares rose {t} on Monday.") if v.low is not None]
        return v

    assert values_agree(money("from $4.45 to $4.50"), money("5 cents to $4.50"))
    assert values_agree(money("5 cents to $4.50"), money("from $4.45 to $4.50"))


@pytest.mark.parametrize(
    ("claim", "source", "agree"),
    [
        ("roughly 65 percent", "approximately 56 percent", False),  # reaches meet, no more
        ("about 15,000", "about 12,000", False),
        ("about 10,500", "around 10,000", True),  # each within the other's reach
        ("about a million", "an estimated 1.2 million", True),  # one significant digit
        ("about 56 percent", "approximately 56 percent", True),
        ("about 60 percent", "56 percent", True),  # one approximation: as before
    ],
)
def test_two_approximations_agree_only_within_each_others_reach(claim, source, agree):
    from factcheck.rules.align import values_agree

    def share(t):
        (v,) = [v for v in vals(f"The Kestrel party won {t} of the vote.") if v.low is not None]
        return v

    assert values_agree(share(claim), share(source)) is agree


def test_two_approximate_lengths_of_time_keep_their_units_rounding():
    from factcheck.rules.align import values_agree

    def length(t):
        return one(f"The strike lasted {t}.", ValueKind.DURATION)

    assert values_agree(length("about a year"), length("about 14 months"))
    assert values_agree(length("about two weeks"), length("about 12 days"))


@pytest.mark.parametrize("text", ["It opened in mid-2011.", "Output peaked in Mid-2011."])
def test_a_modifier_joined_to_a_year_by_a_hyphen_leaves_it_a_year(text):
    """'mid-2011' is a year (and nothing else), where a hyphen before four digits else
    joins a code ('X-2011')."""
    v = one(text)
    assert (v.kind, v.date_from, v.date_to) == ("date", "2011-01-01", "2011-12-31")
    assert not [
        x for x in find_values("The Kestrel X-2011 was built.", None)[0] if x.kind == "date"
    ]


def test_two_years_joined_by_a_hyphen_are_both_years():
    """'2005-2011' is a range of years, as '2005–2011' is; neither end is a count."""
    found = vals("Sales rose in 2005-2011.")
    assert [x.text for x in found if x.kind == "date"] == ["2005", "2011"]
    assert not [x for x in found if x.kind == "quantity"]


def test_a_share_of_a_scale_takes_its_currency():
    (v,) = vals("Marlow spent three-quarters of a billion dollars on the bridge.")
    assert (v.kind, v.unit, v.low) == ("money", "USD", pytest.approx(7.5e8))
    # a share of what follows stays a share
    (share,) = vals("A quarter of the staff left.")
    assert share.kind == "percent"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Tarn United won the 2012-13 title.", "2012-13"),
        ("Its deficit for fiscal 2012/13 was 4%.", "2012/13"),
        ("The 1999-00 season was its last.", "1999-00"),
        ("Exports rose 4% in 2019-20.", "2019-20"),  # ending the sentence
    ],
)
def test_a_season_over_two_years_is_one_date(text, written):
    """'the 2012-13 season' is one period from 2012 into 2013, not 2012 and a count of 13."""
    found = vals(text)
    (v,) = [x for x in found if x.kind == "date"]
    first = int(written[:4])
    assert (v.text, v.date_from, v.date_to) == (written, f"{first}-01-01", f"{first + 1}-12-31")
    assert not [x for x in found if x.kind == "quantity" and x.text in written]
    assert describe(v) == f"{first} to {first + 1}"


def test_two_years_apart_after_a_hyphen_are_no_season():
    found = vals("Sales rose in 2005-09.")
    assert [x.date_to for x in found if x.kind == "date"] == ["2005-12-31"]


def test_a_date_of_several_years_is_told_in_its_years():
    """A rationale tells "two decades ago" as the years it reaches, not as two days."""
    assert describe(one("It opened two decades ago.", "date")) == "1999 to 2004"
    assert describe(one("It opened about a year ago.", "date")) == "2020-07-01..2021-07-01"
    assert describe(one("It opened in 2019.", "date")) == "2019"
    yearless = Value(
        kind=ValueKind.DATE, text="x", span=(0, 1), date_from="--06-01", date_to="--06-05"
    )
    assert describe(yearless) == "--06-01..--06-05"  # no year to tell
