"""Lists paired in order ("the losses of Adam Air Flight 574 and Garuda Indonesia Flight
200, which killed 102 and 21 people respectively"): in a sentence with a word of
``respective_markers``, each figure of a coordinated list of figures belongs to the
members at its place in the sentence's other lists of as many members. A figure's owner is
the words of its members that the other places do not share ("adam", "air", "574"): a
claim that names none of them is not about that figure. Pure code over a spaCy parse."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from factcheck.lang import Vocabulary
from factcheck.types import Value

Span = tuple[int, int]
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_CLAUSE_HEADS = frozenset(["VERB", "AUX"])  # a list of clauses pairs nothing


def _conjuncts(head: Any) -> list[Any]:
    """``head`` and every token joined to it by "conj" ("A, B and C"), in text order."""
    out, todo = [head], [head]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj":
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _member(t: Any, members: set[int]) -> list[Any]:
    """The tokens of one member: its subtree without the other members, the "and" and
    the commas between them."""
    skip: set[int] = set()
    for c in t.children:
        if c.i in members or c.dep_ in ("cc", "preconj", "punct"):
            skip.update(x.i for x in c.subtree)
    return [x for x in t.subtree if x.i not in skip]


def words(text: str) -> frozenset[str]:
    """Lower-case words and figures, a figure apart from its unit ("4GB" -> "4", "gb")."""
    return frozenset(_WORD.findall(text.lower()))


def _lists(sent: Any) -> list[list[list[Any]]]:
    """The sentence's coordinated lists of things (two members or more; not of clauses),
    each member its tokens."""
    out = []
    for t in sent:
        if t.dep_ == "conj" or t.pos_ in _CLAUSE_HEADS:
            continue
        chain = _conjuncts(t)
        if len(chain) < 2 or any(m.pos_ in _CLAUSE_HEADS for m in chain):
            continue
        ids = {x.i for x in chain}
        out.append([_member(m, ids - {m.i}) for m in chain])
    return out


def _span(tokens: list[Any]) -> Span:
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def _named_list(sent: Any, before: int, k: int, labels: frozenset[str]) -> list[list[Any]]:
    """The last ``k`` names before character ``before``, when nothing but "and" and commas
    stands between them: a list the parser did not join ("Northline Flight 12 and Skyway
    Flight 88", parsed as an apposition)."""
    ents = [e for e in sent.ents if e.label_ in labels and e.end_char <= before][-k:]
    if len(ents) < k or k < 2:
        return []
    doc = sent.doc
    for a, b in itertools.pairwise(ents):
        if not all(t.pos_ in ("CCONJ", "PUNCT") for t in doc[a.end : b.start]):
            return []
    return [list(e) for e in ents]


def owners(
    doc: Any, values: Sequence[Value], vocab: Vocabulary, labels: frozenset[str]
) -> dict[Span, frozenset[str]]:
    """Value span -> the words that name its owner, for the figures of a "respectively"
    list (none elsewhere); ``labels``: the entity types that name things."""
    out: dict[Span, frozenset[str]] = {}
    for sent in {t.sent for t in doc if t.lower_ in vocab.respective_markers}:
        lists = _lists(sent)
        for lst in lists:
            spans = [_span(m) for m in lst]
            held = [[v for v in values if v.span[0] < b and a < v.span[1]] for a, b in spans]
            if not all(len(h) == 1 for h in held) or len({id(h[0]) for h in held}) < len(lst):
                continue  # not a list of figures, one to a member
            mine = {t.i for m in lst for t in m}
            others = [o for o in lists if o is not lst and len(o) == len(lst)]
            if not others and (by_name := _named_list(sent, spans[0][0], len(lst), labels)):
                others = [by_name]
            named = [
                frozenset().union(
                    *(
                        words(t.text)
                        for o in others
                        for t in o[i]
                        if t.i not in mine and not (t.is_stop or t.is_punct)
                    )
                )
                for i in range(len(lst))
            ]
            for i, h in enumerate(held):
                rest = frozenset().union(*(w for j, w in enumerate(named) if j != i))
                if own := named[i] - rest:
                    out[h[0].span] = own
    return out
