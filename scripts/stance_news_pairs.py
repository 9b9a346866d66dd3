"""Stance-model pairs made from the news articles (issue #29): a frozen, seeded generator.

    .venv/bin/python scripts/stance_news_pairs.py --out DIR [--limit-articles N]

Writes DIR/news_pairs.jsonl (one pair a line: premise, claim, label 0 supports / 1 refutes /
2 neutral, kind, window, article, split) and DIR/news_pairs.json (counts). Pairs of
``split == "heldout"`` come from articles that a yardstick reports on, and are only for the
pair-level report; ``scripts/train_stance.py`` trains on ``split == "train"`` alone.

Kinds, each made by a general mechanism, never a list written for one story:
- ``hard_neutral`` (2): a sentence as the claim, against the sentences of its own article
  and of the nearest articles that the embedder ranks closest to it; a candidate that
  states every figure and name of the claim is dropped (it may well be a restatement).
- ``opposite`` (1): one evaluative word swapped for a word of the other polarity (VADER's
  MIT-licensed lexicon, shipped in the vaderSentiment wheel), same part of speech and
  inflection (lemminflect), the nearest such word by the embedder.
- ``negation`` (1): the main verb negated, or its negation removed (spaCy's parse).
- ``reported_speech`` (0): a quotation with its speaker rewritten as indirect speech (tense
  backshift, first-person plural to third); ``speaker_swap`` (1): the same rewrite given to
  another speaker of the same article.
- ``shortened`` (0): the sentence without its last comma-separated phrase.
Every pair is also offered with a window (the premise with one or two neighbouring
sentences), so the model learns evidence spread over a few sentences.

No pair uses the contrast generator's templates. VERSION changes whenever the output can.
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
VERSION = 2  # 2: the test halves of the third to sixth hand-checked sets held out
SEED = 29
SUPPORTS, REFUTES, NEUTRAL = 0, 1, 2

_Q = r'[“"](?P<q>[^“”"]{20,400}?)[,.]?[”"]'  # a quotation, its closing punctuation
_QUOTE_AFTER = re.compile(
    "^" + _Q + r',? (?P<verb>said|says|added|told [^,.]{1,40}) (?P<spk>[A-Za-z][^,.;:"“”]{2,60})\.$'
)
_QUOTE_AFTER_INV = re.compile(
    "^" + _Q + r',? (?P<spk>[A-Z][^,.;:"“”]{2,60}?) (?P<verb>said|says|added)\.$'
)
_QUOTE_BEFORE = re.compile(
    r'^(?P<spk>[A-Z][^,.;:"“”]{2,60}?) (?P<verb>said|says|added),? [“"]'
    r'(?P<q>[^“”"]{20,400}?)[.]?[”"]$'
)
_FIRST_SINGULAR = re.compile(r"\b(I|me|my|mine|myself|I'm|I've|I'll|I'd)\b")
_SECOND = re.compile(r"\b(you|your|yours|yourself)\b", re.I)
_PLURAL = {"we": "they", "us": "them", "our": "their", "ours": "theirs", "ourselves": "themselves"}
_BACKSHIFT = {
    "is": "was", "are": "were", "am": "was", "has": "had", "have": "had", "will": "would",
    "can": "could", "may": "might", "shall": "should", "do": "did", "does": "did",
    "'s": " was", "'re": " were", "'ll": " would", "'ve": " had", "won't": "would not",
    "can't": "could not", "isn't": "was not", "aren't": "were not", "don't": "did not",
    "doesn't": "did not", "hasn't": "had not", "haven't": "had not",
}  # fmt: skip
_FIGURE = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True)
class Article:
    name: str
    headline: str
    sentences: tuple[str, ...]
    dateline: str = ""


def stable(key: str) -> int:
    return int(hashlib.sha256(f"{SEED}:{key}".encode()).hexdigest()[:8], 16)


def read_articles(folder: Path = NEWS) -> list[Article]:
    from factcheck.nlp.sentences import split_sentences

    out = []
    for f in sorted(folder.glob("*.txt")):
        head, _, body = f.read_text(encoding="utf-8").partition("\n")
        headline = head.split(" ", 2)[2] if head.startswith("date ") else head
        dateline = head.split(" ", 2)[1] if head.startswith("date ") else ""
        sents = []
        for s, e in split_sentences(body):
            t = " ".join(body[s:e].split())
            if 6 <= len(t.split()) <= 60 and not t.endswith(":"):
                sents.append(t)
        out.append(Article(f.name, headline, tuple(sents), dateline))
    return out


def heldout_articles() -> set[str]:
    """Articles any yardstick reports on: the contrast test half, every article with a test
    claim in the first and the third to sixth hand-checked sets, every article of the
    second set, and the hand pairs' test half. None of their pairs is trained on."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.contrast import split_of

    out = {f.name for f in NEWS.glob("*.txt") if split_of(f.name) == "test"}
    data = ROOT / "benchmarks" / "data"
    for name, test_only in (
        ("news_claims.jsonl", True),
        ("news_claims_2.jsonl", False),
        *((f"news_claims_{n}.jsonl", True) for n in range(3, 7)),
        ("stance_pairs_hand.jsonl", True),
    ):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if not test_only or r.get("split") == "test":
                out.add(r["source"])
    return out


# --- evaluative opposites -------------------------------------------------------------


def vader_lexicon() -> dict[str, float]:
    import vaderSentiment

    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[a-z]{3,}", parts[0]):
            out[parts[0]] = float(parts[1])
    return out


class Opposites:
    """For a word of clear polarity, a lemma of the other polarity with the same part of
    speech, inflected like the word: its prefix antonym when the lexicon has one ("fair" /
    "unfair"), else the candidate nearest to it by the embedder whose sentence stays
    closest to the original sentence (so the new word fits its context)."""

    MIN_VALENCE = 1.0
    POS = ("ADJ", "VERB", "ADV", "NOUN")
    PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "mis")
    SHORTLIST = 6
    MIN_SIMILARITY = 0.5

    def __init__(self, embed: Any, corpus_lemmas: set[str]) -> None:
        import numpy as np
        from lemminflect import getAllLemmas

        lex = vader_lexicon()
        self.valence = lex
        by_pos: dict[str, list[tuple[str, float]]] = {p: [] for p in self.POS}
        for w, v in lex.items():
            if abs(v) < self.MIN_VALENCE or w not in corpus_lemmas:
                continue
            lemmas = getAllLemmas(w)
            for pos in self.POS:
                if w in lemmas.get(pos, ()):
                    by_pos[pos].append((w, v))
        self.by_pos = by_pos
        self._embed = embed
        self._np = np
        # Each lemma's partner: the nearest lemma of the other polarity, kept only when the
        # two are each other's nearest (antonyms sit close together in the embedding; a
        # one-way nearest is usually an unrelated word) and close enough.
        self.partner: dict[tuple[str, str], str] = {}
        for pos, ws in by_pos.items():
            if len(ws) < 2:
                continue
            mat = _unit(np.asarray(embed([w for w, _ in ws]), dtype="float32"))
            sims = mat @ mat.T
            sign = np.sign([v for _, v in ws])
            opp = sign[:, None] * sign[None, :] < 0
            sims = np.where(opp, sims, -2.0)
            best = sims.argmax(1)
            for i, j in enumerate(best):
                if best[j] == i and sims[i, j] >= self.MIN_SIMILARITY:
                    self.partner[(ws[i][0], pos)] = ws[j][0]

    def _antonym(self, lemma: str, v: float, pos: str) -> str | None:
        from lemminflect import getAllLemmas

        for p in self.PREFIXES:
            for cand in (p + lemma, lemma[len(p) :] if lemma.startswith(p) else ""):
                cv = self.valence.get(cand)
                if not cand or cv is None or cv * v >= 0:
                    continue
                if cand in getAllLemmas(cand).get(pos, ()):
                    return cand
        return None

    def candidates(self, token: Any) -> list[str]:
        """Inflected replacements for ``token``, best first (empty when it has no clear
        polarity)."""
        from lemminflect import getInflection

        lemma = token.lemma_.lower()
        v = self.valence.get(lemma, self.valence.get(token.lower_))
        if v is None or abs(v) < self.MIN_VALENCE or token.pos_ not in self.POS:
            return []
        ant = self._antonym(lemma, v, token.pos_)
        partner = ant or self.partner.get((lemma, token.pos_))
        shortlist = [partner] if partner else []
        out = []
        for best in shortlist:
            if token.tag_ in ("JJ", "RB", "VB"):
                form = best
            else:
                inflected = getInflection(best, tag=token.tag_)
                if not inflected:
                    continue
                form = inflected[0]
            out.append(form.capitalize() if token.text[0].isupper() else form)
        return out


def _unit(m: Any) -> Any:
    import numpy as np

    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)


def opposite(doc: Any, opp: Opposites) -> tuple[str, str] | None:
    """The sentence with its first evaluative word (outside names, quotations and
    hyphenated compounds) swapped for an opposite, and a note."""
    import numpy as np

    quoted = _quoted_chars(doc.text)
    for tok in doc:
        if (
            tok.ent_type_
            or tok.idx in quoted
            or "-"
            in (
                doc.text[tok.idx - 1 : tok.idx],
                doc.text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 1],
            )
        ):
            continue
        cands = [c for c in opp.candidates(tok) if c.lower() != tok.lower_]
        if not cands:
            continue
        texts = [doc.text[: tok.idx] + c + doc.text[tok.idx + len(tok.text) :] for c in cands]
        vecs = _unit(np.asarray(opp._embed([doc.text, *texts]), dtype="float32"))
        k = int(np.argmax(vecs[1:] @ vecs[0]))
        return texts[k], f"{tok.text} -> {cands[k]}"
    return None


def _quoted_chars(text: str) -> set[int]:
    out: set[int] = set()
    for m in re.finditer(r'[“"][^“”"]*[”"]', text):
        out.update(range(m.start(), m.end()))
    return out


# --- negation -------------------------------------------------------------------------


def negation(doc: Any) -> tuple[str, str] | None:
    """The main verb negated, or its negation removed."""
    from lemminflect import getInflection

    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    text = doc.text
    negs = [c for c in root.children if c.dep_ == "neg"]
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if negs:
        neg = negs[0]
        do = next((a for a in auxes if a.lemma_ == "do"), None)
        if do is not None:
            forms = getInflection(root.lemma_, tag=do.tag_ if do.tag_ != "VBP" else "VBP")
            if not forms or do.tag_ not in ("VBD", "VBZ", "VBP"):
                return None
            start, end = do.idx, root.idx + len(root.text)
            return text[:start] + forms[0] + text[end:], f"removed '{do.text} {neg.text}'"
        if neg.text.lower() == "never":
            return None
        start = neg.idx
        end = neg.idx + len(neg.text)
        if neg.text.lower() == "n't":
            return text[:start] + text[end:], "removed n't"
        return (text[:start].rstrip() + " " + text[end:].lstrip()).replace("  ", " "), "removed not"
    if auxes:
        a = auxes[0]
        end = a.idx + len(a.text)
        return text[:end] + " not" + text[end:], f"not after '{a.text}'"
    if root.lemma_ == "be":
        end = root.idx + len(root.text)
        return text[:end] + " not" + text[end:], f"not after '{root.text}'"
    do_form = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
    if do_form is None:
        return None
    new = f"{do_form} not {root.lemma_}"
    return text[: root.idx] + new + text[root.idx + len(root.text) :], f"-> {new}"


# --- reported speech ------------------------------------------------------------------


def quotations(sentence: str) -> tuple[str, str, str] | None:
    """(speaker, verb, quote) of a sentence that is one attributed quotation."""
    for pat in (_QUOTE_AFTER, _QUOTE_AFTER_INV, _QUOTE_BEFORE):
        m = pat.match(sentence)
        if m:
            spk = m["spk"].strip()
            if not re.search(r"\b[A-Z][a-z]", spk):
                continue  # a speaker is named ("harbour master Ines Vidal")
            if spk.split()[0].lower() in {"he", "she", "they", "it", "i", "we"}:
                return None
            return spk, m["verb"].split()[0], m["q"].strip()
    return None


def indirect(quote_doc: Any) -> str | None:
    """A quotation as indirect speech: tense backshift and first person plural to third;
    None when it speaks in the first person singular or to "you" (the speaker's pronoun
    is not known)."""
    from lemminflect import getInflection

    q = quote_doc.text
    if _FIRST_SINGULAR.search(q) or _SECOND.search(q) or "?" in q or "!" in q:
        return None
    out: list[str] = []
    for tok in quote_doc:
        w, low = tok.text, tok.lower_
        if low in _PLURAL:
            new = _PLURAL[low]
        elif low in _BACKSHIFT and tok.tag_ in ("VBZ", "VBP", "MD"):
            new = _BACKSHIFT[low]
        elif tok.tag_ in ("VBZ", "VBP") and tok.pos_ == "VERB":
            forms = getInflection(tok.lemma_, tag="VBD")
            new = forms[0] if forms else w
        else:
            new = w
        if tok.i == 0 and not (tok.ent_type_ or tok.pos_ == "PROPN" or w == "I"):
            new = new[:1].lower() + new[1:]
        out.append(new + tok.whitespace_)
    text = "".join(out).strip().rstrip(".,;")
    return text if len(text.split()) >= 4 else None


def shortened(doc: Any) -> str | None:
    """The sentence without its last comma-separated phrase, when that phrase is one
    whole subtree of the parse hanging off the kept part (a modifier, a clause), and
    the kept part still holds the main verb: the shorter sentence follows from it."""
    if '"' in doc.text or "“" in doc.text:
        return None
    commas = [t.i for t in doc if t.text == ","]
    if not commas:
        return None
    cut = commas[-1]
    kept = range(0, cut)
    dropped = [t for t in doc[cut + 1 :] if not t.is_punct]
    if len(kept) < 6 or len(dropped) < 3:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.i >= cut:
        return None
    if any(doc[i].head.i > cut for i in kept):
        return None  # a kept word depends on the dropped phrase
    attached = [t for t in dropped if t.head.i < cut]
    if len(attached) != 1 or attached[0].dep_ not in _DROPPABLE:
        return None
    return doc[:cut].text.rstrip() + "."


_MONTHS = tuple(calendar.month_name)[1:]
_WEEKDAYS = tuple(calendar.day_name)


def dated(sentence: str, dateline: str) -> tuple[str, str] | None:
    """The sentence with one relative time word resolved against its article's dateline
    ("on Tuesday" -> "on 7 June 2005", "this month" -> "in June 2005", "yesterday", "this
    year", "last year"): a reporter's restatement that the dateline supports."""
    import datetime as dt

    if not dateline:
        return None
    d = dt.date.fromisoformat(dateline)

    def long(x: dt.date) -> str:
        return f"{x.day} {_MONTHS[x.month - 1]} {x.year}"

    subs = [
        (r"\bon (" + "|".join(_WEEKDAYS) + r")\b", None),
        (r"\byesterday\b", "on " + long(d - dt.timedelta(days=1))),
        (r"\bthis month\b", f"in {_MONTHS[d.month - 1]} {d.year}"),
        (r"\bthis year\b(?!'s)", f"in {d.year}"),
        (r"\blast year\b(?!'s)", f"in {d.year - 1}"),
    ]
    for pat, new in subs:
        m = re.search(pat, sentence)
        if not m:
            continue
        if new is None:
            back = (d.weekday() - _WEEKDAYS.index(m[1])) % 7
            new = "on " + long(d - dt.timedelta(days=back))
        return sentence[: m.start()] + new + sentence[m.end() :], f"{m[0]} -> {new}"
    return None


def in_words(doc: Any) -> tuple[str, str] | None:
    """The sentence with its first small whole number (2 to 999, not a year or part of a
    longer figure) written in words, as reporters do."""
    from num2words import num2words

    for tok in doc:
        if tok.like_num and tok.text.isdigit() and 2 <= int(tok.text) <= 999:
            nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
            prev = doc[tok.i - 1].text if tok.i > 0 else ""
            if nxt in ("%", ".", ",", ":", "/", "-") or prev in ("$", "£", "€", "/", "-"):
                continue
            words = num2words(int(tok.text))
            text = doc.text[: tok.idx] + words + doc.text[tok.idx + len(tok.text) :]
            return text, f"{tok.text} -> {words}"
    return None


_DROPPABLE = {"advcl", "prep", "relcl", "acl", "appos", "npadvmod", "advmod", "conj"}


# --- the generator --------------------------------------------------------------------


def _facts(doc: Any) -> set[str]:
    figs = {m.group().rstrip(".,") for m in _FIGURE.finditer(doc.text)}
    names = {e.text.lower() for e in doc.ents if e.label_ not in ("CARDINAL", "ORDINAL")}
    return figs | names


def _states_all(claim_facts: set[str], premise: str) -> bool:
    low = premise.lower()
    return all(f.lower() in low for f in claim_facts)


def _window(art: Article, i: int, rng: random.Random, avoid: str | None = None) -> tuple[str, int]:
    """The i-th sentence with one or two of its neighbours, never the ``avoid`` sentence."""
    size = rng.choice((2, 3))
    lo = max(0, min(i - rng.randint(0, size - 1), len(art.sentences) - size))
    span = art.sentences[lo : lo + size]
    if (avoid is not None and avoid in span) or len(span) < 2:
        return art.sentences[i], 1
    return " ".join(span), len(span)


def generate(
    articles: list[Article],
    heldout: set[str],
    nlp: Any,
    embed: Any,
    *,
    window_share: float = 0.33,
    neutrals_per_claim: int = 2,
) -> tuple[list[dict[str, Any]], Opposites]:
    import numpy as np

    rng = random.Random(SEED)
    docs = {a.name: list(nlp.pipe(a.sentences)) for a in articles}
    lemmas = {t.lemma_.lower() for ds in docs.values() for d in ds for t in d}
    opp = Opposites(embed, lemmas)
    vecs = {
        a.name: np.asarray(embed(list(a.sentences)), dtype="float32")
        for a in articles
        if a.sentences
    }
    names = [a.name for a in articles if a.sentences]
    centroids = np.stack([vecs[n].mean(0) for n in names])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    by_name = {a.name: a for a in articles}
    pairs: list[dict[str, Any]] = []

    def add(
        art: Article,
        i: int,
        claim: str,
        label: int,
        kind: str,
        note: str = "",
        avoid: str | None = None,
    ) -> None:
        premise, size = art.sentences[i], 1
        if rng.random() < window_share:
            premise, size = _window(art, i, rng, avoid)
        split = "heldout" if art.name in heldout else "train"
        pairs.append(
            {
                "premise": premise, "claim": claim, "label": label, "kind": kind,
                "window": size, "article": art.name, "split": split, "note": note,
            }
        )  # fmt: skip

    for ai, name in enumerate(names):
        art = by_name[name]
        near = [names[j] for j in np.argsort(-(centroids @ centroids[ai]))[1:3]]
        pool = [(name, k) for k in range(len(art.sentences))]
        pool += [(n, k) for n in near for k in range(len(by_name[n].sentences))]
        pool_vecs = np.concatenate([vecs[name]] + [vecs[n] for n in near])
        for i, doc in enumerate(docs[name]):
            sent = art.sentences[i]
            facts = _facts(doc)
            # hard neutrals: the nearest on-topic sentences that do not state the claim
            made = 0
            for j in np.argsort(-(pool_vecs @ vecs[name][i])):
                src, k = pool[j]
                prem = by_name[src].sentences[k]
                if prem == sent or not facts or _states_all(facts, prem):
                    continue
                add(by_name[src], k, sent, NEUTRAL, "hard_neutral", avoid=sent)
                made += 1
                if made >= neutrals_per_claim:
                    break
            got = opposite(doc, opp)
            if got:
                add(art, i, got[0], REFUTES, "opposite", got[1])
            got = negation(doc)
            if got and stable(sent) % 2 == 0:
                add(art, i, got[0], REFUTES, "negation", got[1])
            q = quotations(sent)
            if q:
                spk, _verb, quote = q
                ind = indirect(nlp(quote))
                if ind:
                    add(art, i, f"{spk} said that {ind}.", SUPPORTS, "reported_speech")
                    others = sorted(
                        {o[0] for d in docs[name] if (o := quotations(d.text))} - {spk},
                        key=stable,
                    )
                    others = [o for o in others if not set(o.split()) & set(spk.split())]
                    if others:
                        swapped = f"{others[0]} said that {ind}."
                        add(art, i, swapped, REFUTES, "speaker_swap", others[0])
            got = dated(sent, art.dateline)
            if got:
                add(art, i, got[0], SUPPORTS, "dated", got[1])
            got = in_words(doc)
            if got and stable("words:" + sent) % 3 == 0:
                add(art, i, got[0], SUPPORTS, "in_words", got[1])
            short = shortened(doc)
            if short and stable("short:" + sent) % 2 == 0:
                add(art, i, short, SUPPORTS, "shortened")
    return pairs, opp


def nli_contrasts(nlp: Any, opp: Opposites, n: int) -> list[dict[str, Any]]:
    """REFUTES pairs from the entailment pairs of the open NLI files the recipe already
    trains on (the entailed claim turned into its opposite, or negated), each beside its
    original SUPPORTS pair; ``n`` contrasts in all."""
    rng = random.Random(SEED)
    rows = []
    for name in ("fever_dev_sr", "vitaminc_test", "snli_devtest_esnli", "mnli_taxinli10k"):
        for folder in (NEWS.parent / "nli", NEWS.parent / "nli_extra"):
            path = folder / f"{name}.jsonl"
            if path.exists():
                with path.open(encoding="utf-8") as f:
                    rows += [
                        r
                        for line in f
                        if (r := json.loads(line)).get("label") == "entailment"
                        and r.get("premise")
                        and 5 <= len(str(r.get("hypothesis", "")).split()) <= 40
                    ]
    rng.shuffle(rows)
    out: list[dict[str, Any]] = []
    for r, doc in zip(rows, nlp.pipe(r["hypothesis"] for r in rows), strict=False):
        kind = "nli_opposite" if len(out) % 4 == 0 else "nli_negation"
        got = opposite(doc, opp) if kind == "nli_opposite" else negation(doc)
        if got:
            # The contrast and its original: a minimal pair, so the model learns the word
            # that changed, not that a rewritten claim is refuted.
            both = ((got[0], REFUTES, kind), (r["hypothesis"], SUPPORTS, "nli_original"))
            for claim, label, k in both:
                out.append(
                    {
                        "premise": r["premise"], "claim": claim, "label": label, "kind": k,
                        "window": 1, "article": "", "split": "train", "note": got[1],
                    }
                )  # fmt: skip
        if len(out) >= 2 * n:
            break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--limit-articles", type=int, default=0)
    ap.add_argument("--nli", type=int, default=6000, help="opposites/negations of NLI claims")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    import spacy

    from factcheck.backends.embedders import default_embedder
    from factcheck.nlp.facts import SPACY_MODEL

    articles = read_articles()
    if args.limit_articles:
        articles = articles[: args.limit_articles]
    nlp = spacy.load(SPACY_MODEL)
    emb = default_embedder()
    pairs, opp = generate(articles, heldout_articles(), nlp, emb.embed_documents)
    if args.nli:
        pairs += nli_contrasts(nlp, opp, args.nli)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "news_pairs.jsonl").open("w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    counts = Counter((p["split"], p["kind"]) for p in pairs)
    stats = {
        "version": VERSION,
        "seed": SEED,
        "articles": len(articles),
        "pairs": len(pairs),
        "by_split_kind": {f"{s}/{k}": n for (s, k), n in sorted(counts.items())},
        "windows": dict(Counter(p["window"] for p in pairs)),
    }
    (args.out / "news_pairs.json").write_text(json.dumps(stats, indent=2))
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
