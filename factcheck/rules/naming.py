"""Whether a passage names what the claim names: the claim's names found in the passage,
the passage before it or its article's headline, the ones missing, and whose figure a
missing name makes the claim's figure. Pure code, used by :func:`compare.assess`."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from factcheck.lang import Vocabulary
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.names import abbreviates, entity_match, norm_entity, without_possessive
from factcheck.nlp.respectively import words
from factcheck.nlp.speech import content_names
from factcheck.nlp.words import fuzzy_in, same_stem
from factcheck.rules.bridging import bridged
from factcheck.types import Value

# Two words this alike are one word spelt two ways ("Phailin" / "Phalin").
_MISSPELT = 0.8
_WORD = re.compile(r"[\w&.'-]+")
# A capitalised word that does not begin a sentence (nor follow an opening quote).
_INNER_CAPITAL = re.compile(r"(?<![.!?:\"“‘(]\s)(?<!^)(?<![\"“‘(])\b[A-Z][\w&'-]+")


def title_words(text: str, vocab: Vocabulary) -> frozenset[str]:
    """A title's words, without a possessive ending the word pattern would keep on them."""
    low = text.lower()
    for ending in vocab.possessive_endings:
        if _WORD.fullmatch(ending):  # "'s", not "’s" (the pattern splits that off anyway)
            low = low.replace(f"{ending} ", " ")
    return frozenset(_WORD.findall(low))


def _headline_names(headline: frozenset[str], vocab: Vocabulary) -> frozenset[str]:
    """The headline's words, and the country of each that is a demonym ("Chinese airlines
    agree ..." names China): a headline is not parsed, so its names are its words."""
    countries = {norm_entity(w, "NORP", vocab=vocab) for w in headline}
    return headline | {w for c in countries - headline for w in c.split()}


def entity_cover(
    claim: TextFacts,
    passage: TextFacts,
    context: TextFacts | None,
    headline: frozenset[str] = frozenset(),
    lead: TextFacts | None = None,
    opened: TextFacts | None = None,
    speaker: str = "",
    article: tuple[TextFacts, ...] = (),
) -> tuple[float, tuple[Value, ...]]:
    """Share of the claim's names that the passage, the passage before it or its article's
    headline names (news copy names a company in the headline, then says "the company"),
    and the claim's names that none of them has.

    The article's ``lead`` names its subjects once ("the new Airbus A380 ...", later "the
    aircraft"): a name there counts for a passage that names nothing but the claim's names
    (a passage that names another company may be about it, not about the lead's). Neither
    the lead, the headline nor the passage before counts for a passage about others
    ("Another automaker, General Motors, ...", "Other companies also reported ...").

    A passage inside a quotation of several passages is read with the passage before the
    quotation too (``opened``): the speaker's "he" and "him" are the people named there;
    and whoever speaks the quotation (``speaker``, named where it opens or closes: '...
    a GM bankruptcy ... ," analyst Himanshu Patel said.') is named for all of it.

    A thing the article named further back and the passage calls by what it is ("the
    plant") counts too, where the claim ties the name to that noun (bridging.bridged;
    ``article``: the passages of the article before this one that the check holds,
    nearest first)."""
    names = sorted({e.name for e in content_names(claim)})
    if not names:
        return 1.0, ()
    vocab = claim.vocabulary
    pnames = {e.name for e in passage.entities} | ({speaker} if speaker else set())
    others = about_others(passage, vocab)
    pool = passage.content | (frozenset() if others else _headline_names(headline, vocab))
    for ctx in (context, opened):
        if ctx is not None and not others:
            pnames |= {e.name for e in ctx.entities}
            pool = pool | ctx.content
    introduced = () if others else tuple(f.text for f in (lead, context, opened) if f is not None)
    if others or lead is None or names_else(passage, claim):
        lead = None
    leads = lead.entities if lead is not None else ()

    def named(n: str) -> bool:
        if any(entity_match(n, p, vocab=vocab) for p in pnames):
            return True
        words = [without_possessive(w, vocab=vocab) for w in n.split()]  # "Apple's WWDC"
        whole = [w in pool for w in words]
        if all(
            # a name written in full with a word clipped ("Kestrel Telecom") is anchored by
            # its other words; a name of one word only by itself ("Motorola", not "motor")
            whole[i] or (fuzzy_in(w, pool) and (any(whole) or not clipped_into(w, pool, vocab)))
            for i, w in enumerate(words)
        ):
            return True
        if any(entity_match(n, e.name, vocab=vocab) for e in leads):
            return True
        if described(n, passage.text, introduced, vocab):
            return True
        return not others and bridged(n, claim, passage, article)

    # a name the passage writes with a run of its words by their initials ("East L.A.")
    short = {
        c.name
        for c in content_names(claim)
        for p in passage.entities
        if abbreviates(p.text, c.text, vocab=vocab, beside=True)
    }
    missing = {n for n in names if n not in short and not named(n)}
    return 1 - len(missing) / len(names), tuple(
        e for e in content_names(claim) if e.name in missing
    )


def clipped_into(word: str, pool: frozenset[str], vocab: Vocabulary) -> bool:
    """Whether ``word`` shares a stem with the pool only as a longer word that starts with
    a whole pool word, or one without its plural or ending ("motor" of "Motors"), and goes
    on with more than a letter, a plural or a people's name ending (``name_endings``:
    "Motorola" of "motor", "Orvikson" of "orvik"): another name, not a form of it. A
    spelling of the same name ("Zelensky" / "zelenskiy", "O'Neill" / "o'neil") or a form
    of it ("Crimean" / "crimea", "Congolese" / "congo") is no such word."""

    def goes_on(longer: str, shorter: str) -> bool:
        rest = longer[len(shorter) :]
        # an ending may take the place of a last vowel ("Faroese" of "Faroe")
        ends = {rest, longer[len(shorter) - 1 :]} & vocab.name_endings
        return longer.startswith(shorter) and len(rest) > 1 and not ends

    def forms(w: str) -> set[str]:  # "motors" is written from "motor"
        cut = {w[: -len(e)] for e in vocab.name_endings | {vocab.plural_suffix} if w.endswith(e)}
        return {w} | {x for x in cut if len(x) >= 5}

    stems = [w for w in pool if len(w) >= 5 and same_stem(word, w)]
    return bool(stems) and all(
        any(goes_on(word, x) for x in forms(w)) or goes_on(w, word) for w in stems
    )


def described(n: str, text: str, introduced: tuple[str, ...], vocab: Vocabulary) -> bool:
    """Whether ``text`` refers to the name ``n`` by its head noun ("the store" for the "App
    Store" its article's lead or the passage before wrote, ``introduced``): copy names a
    thing once and then calls it by what it is. Only a name of two words or more whose
    last word the text writes in lower case after a definite article, and only one
    written before."""
    parts = n.split()
    if len(parts) < 2:
        return False
    written = r"\s+".join(re.escape(w) for w in parts)
    if not any(re.search(rf"\b{written}\b", x, re.I) for x in introduced):
        return False
    head = parts[-1].lower()
    the = "|".join(re.escape(a) for a in vocab.definite_articles)
    return re.search(rf"\b(?i:{the})\s+{re.escape(head)}\b", text) is not None


def outside_figures(names: tuple[Value, ...], claim: TextFacts) -> tuple[Value, ...]:
    """The names that are not part of one of the claim's figures ("the 2006 Olympics" or
    "US $ 8" are the figure's to check)."""
    spans = [v.span for v in claim.values]
    return tuple(e for e in names if not any(a < e.span[1] and e.span[0] < b for a, b in spans))


def about_others(passage: TextFacts, vocab: Vocabulary) -> bool:
    """Whether the passage says it is about something other than what came before it, as
    its opening words ("Another automaker, General Motors, ...", "Other companies also
    reported ..."); not a word further in ("another small skirmish in a war", "other
    carriers such as Verizon"), which says nothing of whom the passage is about."""
    words = _WORD.findall(passage.text.lower())[:2]
    return any(w in vocab.other_markers for w in words if w not in vocab.definite_articles)


def names_else(passage: TextFacts, claim: TextFacts) -> bool:
    """Whether the passage names something the claim does not: a name the parser found,
    or a capitalised word inside a sentence (one the parser missed: "the Borealis ferry")
    that is not part of a figure or date ("in June") and is not one of the claim's words."""
    vocab = claim.vocabulary
    names = {e.name for e in content_names(claim)}
    if any(
        not any(entity_match(p.name, n, vocab=vocab) for n in names) for p in content_names(passage)
    ):
        return True
    words = {w.lower() for w in _WORD.findall(claim.text)}
    spans = [v.span for v in passage.values]
    return any(
        m.group().lower() not in words and not any(a <= m.start() < b for a, b in spans)
        for m in _INNER_CAPITAL.finditer(passage.text)
    )


def names_instead(claim: TextFacts, passage: TextFacts) -> bool:
    """Whether the passage names, of a kind the claim names, only others (each of the
    claim's names of that kind missing, another of the kind there)."""
    vocab = claim.vocabulary
    theirs = content_names(passage)
    for e in content_names(claim):
        same_kind = [p for p in theirs if p.entity_type == e.entity_type]
        if same_kind and not any(entity_match(e.name, p.name, vocab=vocab) for p in same_kind):
            return True
    return False


def owners_unnamed(unnamed: tuple[Value, ...], figure: Value, vocab: Vocabulary) -> str:
    """The missing names written before ``figure`` (its owner: "Hyundai's sales rose 14%"),
    as written, without a possessive ending; "" when there are none. A passage that does
    not name a figure's owner may give another's figure (the market's, a rival's)."""
    owners = {
        without_possessive(e.text, vocab=vocab) for e in unnamed if e.span[0] < figure.span[0]
    }
    return ", ".join(sorted(owners))


def _neighbour(facts: TextFacts, at: int, side: int) -> str | None:
    """The content word written right beside ``facts.spans[at]`` on ``side`` (-1 before,
    +1 after), with nothing but a space or a hyphen between: a word of the same name or
    noun phrase ("iPod nano", "General Motors")."""
    j = at + side
    if not 0 <= j < len(facts.spans):
        return None
    (_, _, e1), (_, s2, _) = sorted((facts.spans[at], facts.spans[j]), key=lambda x: x[1])
    if facts.text[e1:s2].strip(" -"):
        return None
    return facts.spans[j][0]


def _named_pair(facts: TextFacts, at: int, other: int) -> bool:
    """Whether the words at ``facts.spans[at]`` and ``facts.spans[other]`` (side by side)
    are written as one name: inside one of the parser's names, or both capitalised (not
    only as a sentence's first word: "New aircraft were ordered"), or a brand written in
    camel case with its model ("iPod nano"); never with a predicate ("Douglas
    introduced")."""
    (_, s, e), (olem, os_, oe) = facts.spans[at], facts.spans[other]
    lo, hi = min(s, os_), max(e, oe)
    if any(x.span[0] <= lo and hi <= x.span[1] for x in facts.entities):
        return True
    if olem in facts.predicates:
        return False
    word, theirs = facts.text[s:e], facts.text[os_:oe]
    if word[:1].isupper() and theirs[:1].isupper():
        return bool(facts.text[:lo].strip())
    return word[:1].islower() and any(ch.isupper() for ch in word[1:])


def _with_model(facts: TextFacts, e: Value) -> str:
    """An entity's name with the model word written after it as one name, where the
    parser's name stops short of it ("iPod" of "the new iPod touch" -> "ipod touch"): the
    claim names that member of the family, not the family. Only a brand written in camel
    case with a model word in lower case ("the Zelmart CEO" names no member)."""
    last = [k for k, (_, s, _e) in enumerate(facts.spans) if e.span[0] <= s < e.span[1]]
    if last:
        k = last[-1]
        after = _neighbour(facts, k, 1)
        brand = facts.text[facts.spans[k][1] : facts.spans[k][2]]
        camel = brand[:1].islower() and any(ch.isupper() for ch in brand[1:])
        if (
            after is not None
            and camel
            and facts.spans[k + 1][1] >= e.span[1]
            and facts.text[facts.spans[k + 1][1]].islower()
            and _named_pair(facts, k, k + 1)
        ):
            return f"{e.name} {after}"
    return e.name


def sibling(claim: TextFacts, passage: TextFacts) -> tuple[str, str] | None:
    """A name of the passage that is a sibling of what the claim names, and the claim's
    words it differs from: the two share a word written as a name, and where the claim
    writes another word beside it (one the passage never uses), the passage's name writes
    a capitalised word of its own on the same side ("iPod Shuffle" / "iPod nano", "General
    Electric" / "General Motors", "South Korea" / "North Korea"). The passage is then about
    another member of the family, and its figures are that member's. A fuller name of the
    same thing is no sibling ("Apple" / "Apple Inc.", "the A380 superjumbo" / "Airbus
    A380"), nor is a misspelling of the claim's word ("Cyclone Phalin" / "Phailin")."""
    vocab = claim.vocabulary
    claimed = [_with_model(claim, e) for e in claim.entities]
    for p in passage.entities:
        if any(entity_match(p.name, n, vocab=vocab) for n in claimed):
            continue
        inside = [i for i, (_, s, _e) in enumerate(passage.spans) if p.span[0] <= s < p.span[1]]
        for i in inside:
            word = passage.spans[i][0]
            if not fuzzy_in(word, claim.content):
                continue
            if any(lem == word and not p.span[0] <= at < p.span[1] for lem, at, _ in passage.spans):
                continue  # it names the claim's own one too: "Zandor" by "Zandor Finance"
            for side in (-1, 1):
                own = _neighbour(passage, i, side)
                if (
                    own is None
                    or i + side not in inside
                    or fuzzy_in(own, claim.content)
                    or own.rstrip(".") in vocab.abbreviations
                    or not passage.text[passage.spans[i + side][1]].isupper()
                ):
                    continue
                for k, (lem, _s, _e) in enumerate(claim.spans):
                    theirs = _neighbour(claim, k, side) if lem == word else None
                    if (
                        theirs is not None
                        and _named_pair(claim, k, k + side)
                        and not fuzzy_in(theirs, passage.content)
                        and SequenceMatcher(None, own, theirs).ratio() < _MISSPELT
                    ):
                        a, b = sorted((k, k + side))
                        return p.text, claim.text[claim.spans[a][1] : claim.spans[b][2]]
    return None


def named_words(facts: TextFacts) -> frozenset[str]:
    """A text's words as written and the words of its names as normalised ("US" also
    names "united states"): where an owner's or a subject's words are looked for."""
    return words(facts.text) | {x for e in facts.entities for x in e.name.split()}
