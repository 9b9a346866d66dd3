"""What is wrong with a language's tables: :func:`problems` (run by tests/test_lang.py for
every language folder)."""

from __future__ import annotations

import math
import re

from .tables import GRAINS, MEANINGS, ClockWords, InjectionWords, Vocabulary


def problems(v: Vocabulary) -> list[str]:
    """What is wrong with a language's tables (empty when nothing): words in two synonym
    groups, units without a dimension or factor, hedges without a direction, spellings of
    two units, numbers out of range."""
    out = []
    seen: dict[str, int] = {}
    for i, group in enumerate(v.synonyms):
        if len(group) < 2:
            out.append(f"synonym group {i} has fewer than two words: {group}")
        for w in group:
            word, _, pos = w.partition(":")
            keys = [w] if pos else [word, *(f"{word}:{p}" for p in ("NOUN", "VERB", "ADJ"))]
            bare = [k for k in keys if k in seen]
            if bare or (pos and word in seen):
                out.append(
                    f"synonym {w!r} is in groups {seen.get(bare[0] if bare else word)} and {i}"
                )
            seen[w] = i
    spellings: dict[str, str] = {}
    for u in v.measures:
        if not u.dimension:
            out.append(f"unit {u.unit!r} has no dimension")
        if not (u.factor > 0 and math.isfinite(u.factor)):
            out.append(f"unit {u.unit!r} has factor {u.factor}")
        if not u.spellings:
            out.append(f"unit {u.unit!r} has no spelling")
        for s in u.spellings:
            if s in spellings and spellings[s] != u.unit:
                out.append(f"spelling {s!r} names {spellings[s]!r} and {u.unit!r}")
            spellings[s] = u.unit
    for p, h in v.hedges.items():
        if h.means not in MEANINGS:
            out.append(f"hedge {p!r} has no direction (means: {h.means!r})")
        elif h.means == "about" and not h.width:
            out.append(f"hedge {p!r} means 'about' but has no width")
        lo, hi = h.factors
        if not 0 <= lo <= 1 <= hi and not (h.gap and (lo > 1 or hi < 1)):
            out.append(f"hedge {p!r} gives factors {lo}..{hi}, which do not bracket the number")
    for p, target in v.hedges_after.items():
        if target not in v.hedges:
            out.append(f"hedge after {p!r} stands for {target!r}, which is not a hedge")
    for c in v.currencies:
        if not re.fullmatch(r"[A-Z]{3}", c.code):
            out.append(f"currency {c.code!r} is not an ISO 4217 code")
    if sorted(set(v.months.values())) != list(range(1, 13)):
        out.append("months do not cover 1..12")
    if sorted(v.weekdays.values()) != list(range(7)):
        out.append("weekdays do not cover 0..6")
    for name, table in (("durations", v.durations), ("ordinals", v.ordinals)):
        out += [f"{name}: {k!r} is {x}" for k, x in table.items() if not x > 0]
    return out + _grammar_problems(v)


def _grammar_problems(v: Vocabulary) -> list[str]:
    """The grammar words, abbreviations and the injection filter's words."""
    out = [
        f"abbreviation {a!r} is not lower-case without its last full stop"
        for a in sorted(v.abbreviations)
        if a != a.lower().rstrip(".") or not a
    ]
    out += [
        f"abbreviation before numbers {a!r} is not an abbreviation"
        for a in sorted(v.numbered_abbreviations - v.abbreviations)
    ]
    out += [
        f"calendar unit {w!r} has grain {g!r}, not one of {GRAINS}"
        for w, g in v.calendar_units.items()
        if g not in GRAINS
    ]
    out += [
        f"weekday modifier {w!r} moves by {x}, not -1, 0 or 1"
        for w, x in v.weekday_modifiers.items()
        if x not in (-1, 0, 1)
    ]
    out += [
        f"range opener for {j!r} is for no range joiner"
        for j in v.range_openers
        if j not in v.range_joiners
    ]
    out += [
        f"{name} {u!r} is not a duration"
        for name, table in (
            ("half duration", v.half_durations),
            ("spoken duration", v.spoken_durations),
        )
        for u in table
        if u not in v.durations
    ]
    out += [
        f"fraction {w!r} has denominator {n}, not 2 or more"
        for w, n in v.fractions.items()
        if not isinstance(n, int) or n < 2
    ]
    if v.elapsed_hedge not in v.hedges:
        out.append(f"elapsed_hedge {v.elapsed_hedge!r} is no hedge of hedges.json")
    if not 0.0 <= v.fraction_width < 0.5:
        out.append(f"fraction_width {v.fraction_width} is not a share below one half")
    required = {
        "ordinal_suffixes": v.ordinal_suffixes,
        "half": v.half,
        "and_a_half": v.and_a_half,
        "minus_words": v.minus_words,
        "of_words": tuple(v.of_words),
        "interview_turns": tuple(v.interview_turns),
        "range_joiners": v.range_joiners,
        "fractions": tuple(v.fractions),
        "fraction_bare_before": v.fraction_bare_before,
        "ratio_joiners": v.ratio_joiners,
        "indefinite_articles": v.indefinite_articles,
        "definite_articles": v.definite_articles,
        "spoken_durations": v.spoken_durations,
        "ago": v.ago,
        "same": v.same,
        "calendar_units": tuple(v.calendar_units),
        "elapsed_since": v.elapsed_since,
        **{f"clock {f}": tuple(getattr(v.clock, f)) for f in ClockWords.__dataclass_fields__},
        "percent spellings of '%'": v.percent.get("%", ()),
        "plural_suffix": (v.plural_suffix,),
        **{f"injection {f}": getattr(v.injection, f) for f in InjectionWords.__dataclass_fields__},
    }
    # An empty table would make its pattern match the empty string (anything).
    out += [f"{name} is empty" for name, words in required.items() if not any(words)]
    return out
