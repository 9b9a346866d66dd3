"""Retrieval of many claims at once: one embedding call for all of them, then one store
query per distinct metadata filter. The pipeline and the LangChain retriever both use it."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.names import designations, written_names
from factcheck.nlp.sentences import leans_on_before
from factcheck.sources.lexical import TOKEN
from factcheck.sources.store import PassageStore
from factcheck.thresholds import Thresholds
from factcheck.types import WINDOW, Passage


def claim_names(facts: TextFacts) -> tuple[str, ...]:
    """A claim's names as written, for the name search: its entities and its
    designations (:func:`names.designations`) that no entity holds."""
    names = written_names((e.text for e in facts.entities), vocab=facts.vocabulary)
    more = [d for d in designations(facts.text) if not any(d in n for n in names)]
    return names + written_names(more, vocab=facts.vocabulary)


def claim_words(facts: TextFacts) -> tuple[str, ...]:
    """A claim's content words as written, for the word index's ranking."""
    return tuple(dict.fromkeys(facts.text[a:b] for _, a, b in facts.spans))


def search_many(
    store: PassageStore,
    texts: Sequence[str],
    wheres: Sequence[dict[str, Any] | None],
    k: int,
    min_score: float,
    names: Sequence[tuple[str, ...]] | None = None,
    words: Sequence[tuple[str, ...]] | None = None,
    candidates: int = 64,
) -> tuple[list[Any], list[list[Passage]]]:
    """(the texts' vectors, the top ``k`` passages of each with a score of at least
    ``min_score``), in the order of ``texts``. With ``names`` (per text, as written), the
    top ``k`` passages that hold one of them join the pool: a claim is about its names, and
    the passage that states it may be less like it than another story's ("a loss of $15
    billion" is nearer every carmaker's loss than the one sentence of the claim's company).
    Those come from the store's word index: its best ``candidates`` on the names and the
    text's ``words`` (its content words as written), ranked by cosine."""
    if not texts:
        return [], []
    vecs = store.embedder.embed_documents(list(texts))
    groups: dict[str, list[int]] = {}
    for i, w in enumerate(wheres):
        groups.setdefault(repr(w), []).append(i)
    found: list[list[Passage]] = [[] for _ in texts]
    named = list(names or [()] * len(texts))
    said = list(words or [()] * len(texts))
    for idx in groups.values():
        res = store.search_vectors([vecs[i] for i in idx], k, wheres[idx[0]])
        for i, ps in zip(idx, res, strict=True):
            found[i] = [p for p in ps if (p.score or 0.0) >= min_score]
        idx = [i for i in idx if named[i]]
        if not idx:
            continue
        res = store.search_named(
            [vecs[i] for i in idx],
            [named[i] for i in idx],
            [said[i] for i in idx],
            k,
            wheres[idx[0]],
            candidates,
        )
        for i, ps in zip(idx, res, strict=True):
            have = {p.id for p in found[i]}
            found[i] += [p for p in ps if p.id not in have and (p.score or 0.0) >= min_score]
    return list(vecs), found


def copy_key(text: str) -> str:
    """What copies of a text share: its words, whatever their case and spacing."""
    return " ".join(text.lower().split())


def one_copy_each(passages: Sequence[Passage], vocab: Vocabulary | None = None) -> list[Passage]:
    """The passages in their order, each text once (texts alike but for case and spacing
    are copies): at the place of its first copy, the copy of the most trusted source (the
    first of those). A sentence that leans on the one before it ("It carried 41,200
    passengers ...") is never merged: in two articles it may be about two things."""
    vocab = resolve(vocab)
    groups: dict[str, list[Passage]] = {}
    order: list[str] = []
    for n, p in enumerate(passages):
        key = copy_key(p.text)
        if leans_on_before(p.text, vocab):
            key = f"{key}\x00{n}"
        if key not in groups:
            order.append(key)
        groups.setdefault(key, []).append(p)
    return [max(groups[k], key=lambda p: p.trust) for k in order]


def follow_ons(
    store: PassageStore,
    found: Sequence[tuple[str, list[Passage], Any]],
    near: dict[str, Passage],
    top: int,
    min_score: float,
) -> list[list[Passage]]:
    """For each claim's (text, passages, vector or None): the sentence after each of its
    ``top`` passages, when not retrieved already, scored by its own cosine to the claim (at least
    ``min_score``). Copy goes on in the next sentence ("That decision is due by the end of
    next month"), which names its subject only in the one before (its context in the
    comparison), so retrieval alone rarely finds it. ``near``: the passages' neighbours,
    by id."""
    todo = [[near[p.next_id] for p in ps[:top] if p.next_id in near] for _, ps, _ in found]
    return scored(store, found, todo, min_score)


def story_sources(ps: Sequence[Passage], names: Sequence[str], n: int) -> list[str]:
    """The ``n`` articles a claim is most likely about, of those its passages come from:
    the ones whose passages hold the claim's most specific names first (each name counts
    one divided by the number of these articles that hold it, so "A400M", held by one,
    outweighs "Airbus", held by six), then in the order retrieval ranked them. Retrieval
    ranks a story's sentences by how they read, and an article about another model of the
    same maker can outrank the article about the claim's."""
    ranked = list(dict.fromkeys(p.source_id for p in ps))
    if not names or len(ranked) <= n:
        return ranked[:n]
    held = []
    for name in dict.fromkeys(names):
        pat = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
        srcs = {p.source_id for p in ps if pat.search(p.text)}
        if srcs:
            held.append(srcs)
    weight = {src: sum(1 / len(h) for h in held if src in h) for src in ranked}
    return sorted(ranked, key=lambda src: -weight[src])[:n]  # stable: rank breaks ties


def article_matches(
    store: PassageStore,
    found: Sequence[tuple[str, list[Passage], Any]],
    words: Sequence[Sequence[str]],
    sources: int,
    per_source: int,
    min_score: float,
    names: Sequence[Sequence[str]] | None = None,
) -> list[list[Passage]]:
    """For each claim's (text, passages, vector or None) and its ``words``: the passages of
    the ``sources`` articles it is most likely about (:func:`story_sources`, with its
    ``names``) that hold most of its words (BM25 within each article), ``per_source`` of
    each, when not retrieved already, scored by their cosine to the claim (at least
    ``min_score``). A claim is about a story, and the sentence that states it may say it
    in other words than the ones retrieval ranks first ("It will seat 200 to 300 people",
    two sentences after the one naming the aircraft)."""
    named = names if names is not None else [()] * len(found)
    tops = [story_sources(ps, ns, sources) for (_, ps, _), ns in zip(found, named, strict=True)]
    texts = store.article_texts(sorted({src for t in tops for src in t}))
    picks: list[list[str]] = []
    for (_, ps, _), srcs, said in zip(found, tops, words, strict=True):
        have = {p.id for p in ps}
        terms = {t.lower() for w in said for t in TOKEN.findall(w)}
        mine: list[str] = []
        for src in srcs:
            rows = [(pid, text) for pid, text in texts.get(src, []) if pid not in have]
            mine += best_matches(rows, terms, per_source)
        picks.append(mine)
    got = store.get_passages([pid for m in picks for pid in m])
    todo = [[got[pid] for pid in m if pid in got] for m in picks]
    return scored(store, found, todo, min_score)


def word_matches(
    store: PassageStore,
    found: Sequence[tuple[str, list[Passage], Any]],
    words: Sequence[Sequence[str]],
    wheres: Sequence[dict[str, Any] | None],
    n: int,
    min_score: float,
) -> list[list[Passage]]:
    """For each claim's (text, passages, vector or None) and its ``words`` (names and
    content words): the ``n`` passages of the whole store, within its filter, that share
    most of its rarer words (BM25 on the word index), when not retrieved already, scored
    by their cosine to the claim (at least ``min_score``). A sentence that restates a
    claim in the reporter's words around the claim's own figures and terms ("He ... took
    six months off in early 2009") can be far from it for the embedder, and a name search
    misses it when it names no one."""
    if n <= 0:
        return [[] for _ in found]
    todo = store.search_worded([tuple(w) for w in words], n, list(wheres))
    return scored(store, found, todo, min_score)


def extra_passages(
    store: PassageStore,
    found: Sequence[tuple[str, list[Passage], Any]],
    words: Sequence[Sequence[str]],
    near: dict[str, Passage],
    t: Thresholds,
    min_score: float,
    joinable: Sequence[bool] | None = None,
    named: tuple[Sequence[Sequence[str]], Sequence[dict[str, Any] | None]] | None = None,
) -> list[list[Passage]]:
    """Each claim's passages compared beyond those retrieved: the sentences after its best
    (:func:`follow_ons`), with ``named`` (each claim's names, and its store filter) the
    best passages of its names and words in the whole store (:func:`word_matches`), its
    words in the articles it is most likely about, among all these
    (:func:`article_matches`), then, for the ``joinable`` claims
    (all when None), its best passages joined with their neighbours (:func:`windows`).
    ``near`` (neighbours by id) gains the neighbours of the new ones, their context."""
    more = follow_ons(store, found, near, t.follow_on, min_score)
    grown = [(c, ps + m, v) for (c, ps, v), m in zip(found, more, strict=True)]
    said: list[list[Passage]] = [[] for _ in found]
    if named is not None:
        terms = [(*n, *w) for n, w in zip(named[0], words, strict=True)]
        said = word_matches(store, grown, terms, named[1], t.word_matches, min_score)
        # the articles the whole store's word search found count in choosing the story
        grown = [(c, ps + w, v) for (c, ps, v), w in zip(grown, said, strict=True)]
    arts = article_matches(
        store,
        grown,
        words,
        t.article_sources,
        t.article_matches,
        min_score,
        named[0] if named is not None else None,
    )
    arts = [a + w for a, w in zip(arts, said, strict=True)]
    pairs = windows(store, found, near, t.windows, min_score, joinable)
    added = [p for ps in (*more, *arts, *pairs) for p in ps]
    near.update(store.get_passages([q for p in added for q in around(p) if q not in near]))
    return [m + a + w for m, a, w in zip(more, arts, pairs, strict=True)]


def windows(
    store: PassageStore,
    found: Sequence[tuple[str, list[Passage], Any]],
    near: dict[str, Passage],
    top: int,
    min_score: float,
    joinable: Sequence[bool] | None = None,
) -> list[list[Passage]]:
    """For each ``joinable`` claim's (text, passages, vector): each of its ``top`` best
    passages joined
    with the sentence before it and with the one after it (from ``near``), as one passage
    of two sentences, scored by the cosine of the claim to the sum of the two sentences'
    vectors. News copy says one thing over two sentences ("Daniel Roe, 19, a lifelong
    member, was arrested." / "He was released on $20,000 bail."), and neither alone
    states a claim that restates both."""
    todo: list[list[tuple[Passage, Passage]]] = []
    ok = list(joinable) if joinable is not None else [True] * len(found)
    for (_, ps, _), join in zip(found, ok, strict=True):
        mine = []
        for p in ps[:top] if join else ():
            for a, b in ((near.get(p.prev_id), p), (p, near.get(p.next_id))):
                if a is not None and b is not None and a.source_id == b.source_id:
                    mine.append((a, b))
        todo.append(mine)
    vecs = store.vectors([x.id for mine in todo for pair in mine for x in pair])
    out: list[list[Passage]] = []
    for (_, _, vec), mine in zip(found, todo, strict=True):
        got: dict[str, Passage] = {}
        for a, b in mine:
            va, vb = vecs.get(a.id), vecs.get(b.id)
            if vec is None or va is None or vb is None:
                continue
            score = _cosine(vec, _unit(va) + _unit(vb))
            if score >= min_score:
                w = joined(a, b, score)
                got.setdefault(w.id, w)
        out.append(list(got.values()))
    return out


def joined(a: Passage, b: Passage, score: float) -> Passage:
    """Two adjacent passages of a source as one (its offsets span both; the space between
    them as spaces, so that offsets into the text are offsets into the source)."""
    return replace(
        a,
        id=f"{a.id}{WINDOW}{b.id}",
        text=a.text + " " * max(1, b.start - a.end) + b.text,
        end=b.end,
        score=score,
        next_id=b.next_id,
        lead_id=a.lead_id or b.lead_id,
        trust=min(a.trust, b.trust),
        quote_run=None,
        facts="",
        facts_version="",
    )


def around(p: Passage) -> tuple[str, ...]:
    """The ids of the passages a check reads a passage with: those before and after it,
    its article's lead, and where a quotation it is inside names its speaker."""
    return tuple(q for q in (p.prev_id, p.next_id, p.lead_id, *(p.quote_run or ())) if q)


def best_matches(rows: Sequence[tuple[str, str]], terms: set[str], n: int) -> list[str]:
    """The ids of the ``n`` rows (id, text) best by BM25 on ``terms`` (k1 1.2, b 0.75), the
    rows themselves the collection; rows that hold none of the terms are not returned."""
    if not rows or not terms or n <= 0:
        return []
    toks = [[t.lower() for t in TOKEN.findall(text)] for _, text in rows]
    avg = max(sum(map(len, toks)) / len(toks), 1.0)
    df = {t: sum(1 for ts in toks if t in ts) for t in terms}
    idf = {t: math.log(1 + (len(toks) - d + 0.5) / (d + 0.5)) for t, d in df.items() if d}
    scores = []
    for (pid, _), ts in zip(rows, toks, strict=True):
        tf: dict[str, int] = {}
        for t in ts:
            if t in idf:
                tf[t] = tf.get(t, 0) + 1
        if tf:
            norm = 1.2 * (0.25 + 0.75 * len(ts) / avg)
            scores.append((sum(idf[t] * f * 2.2 / (f + norm) for t, f in tf.items()), pid))
    scores.sort(key=lambda x: -x[0])
    return [pid for _, pid in scores[:n]]


def scored(
    store: PassageStore,
    found: Sequence[tuple[str, list[Passage], Any]],
    todo: Sequence[Sequence[Passage]],
    min_score: float,
) -> list[list[Passage]]:
    """Each claim's ``todo`` passages not among its own, with their cosine to the claim as
    their score, those of at least ``min_score``; one store round trip for all the vectors.
    A claim retrieved through another retriever has no vector yet: those are embedded in
    one call."""
    missing = [i for i, (_, _, vec) in enumerate(found) if vec is None and todo[i]]
    made: dict[int, Any] = {}
    if missing:
        texts = [found[i][0] for i in missing]
        made = dict(zip(missing, store.embedder.embed_documents(texts), strict=True))
    vecs = store.vectors([q.id for qs in todo for q in qs])
    out: list[list[Passage]] = []
    for n, ((_, ps, vec), qs) in enumerate(zip(found, todo, strict=True)):
        vec = made.get(n, vec)
        seen = {p.id for p in ps}
        extra = []
        for q in qs:
            v = vecs.get(q.id)
            if v is None or q.id in seen:
                continue
            score = _cosine(vec, v)
            if score >= min_score:
                extra.append(replace(q, score=score))
                seen.add(q.id)
        out.append(extra)
    return out


def _cosine(a: Any, b: Any) -> float:
    import numpy as np

    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    d = float(np.linalg.norm(x) * np.linalg.norm(y))
    return float(x @ y) / d if d else 0.0


def _unit(v: Any) -> Any:
    import numpy as np

    x = np.asarray(v, dtype=float)
    n = float(np.linalg.norm(x))
    return x / n if n else x
