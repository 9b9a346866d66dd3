"""Reported-speech pairs for the stance model (issue #28: reported speech; stance v4): a
frozen, seeded generator.

    .venv/bin/python scripts/stance_speech_pairs.py --out DIR [--n 9000]

Writes DIR/speech_pairs.jsonl (premise, claim, label 0 supports / 1 refutes / 2 neutral,
kind, split "train", source_premise, source) and DIR/speech_pairs.json (counts).

The mechanism taught: a statement quoted in a source and the same statement reported by a
reporter ("X said ...", "According to X, ...", tense backshifted, the speaker's "I" and
"we" made third person) stand in the same relation to each other as the two statements
do. stance-v3 reads "Jack Herrick said that, looking back, wikiHow should probably have
chosen ..." against "In retrospect, I think we probably should have selected ..." as
neutral: it saw almost no reported speech. Every pair is made from an open NLI pair of
the training mix (never an evaluation-only file, never a news article, so no yardstick's
article is read):
- ``speech_nli``: the premise as a quotation (with or without its speaker, as wire copy
  and interviews give it), the hypothesis reported by that speaker: the NLI label stays;
- ``speech_restated`` (0): the premise reported by its speaker;
- ``speech_negated`` (1): the premise with its main verb negated (or its negation
  removed), reported by its speaker, so "reported" never means "supported".

Speakers are made-up names; who speaks is decided by the rules, not by the model, so no
pair changes the speaker. VERSION changes whenever the output can.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from stance_news_pairs import negation  # noqa: E402
from train_stance import DATA, EVAL_ONLY, EXTRA, LABEL_ID, MIX  # noqa: E402

VERSION = 1
SEED = 41
SUPPORTS, REFUTES, NEUTRAL = 0, 1, 2

_FIRST = {
    "m": ["Tomas", "Arjun", "Kofi", "Mateo", "Henrik", "Dariusz", "Kenji", "Emeka", "Luca",
          "Rafael", "Owen", "Farid", "Sione", "Pavel", "Idris", "Callum", "Jun", "Bruno"],
    "f": ["Ingrid", "Amara", "Lucia", "Priya", "Noor", "Maren", "Yuki", "Adaeze", "Elena",
          "Saoirse", "Leila", "Marta", "Tamsin", "Zofia", "Ana", "Hana", "Fiona", "Rosa"],
}  # fmt: skip
_LAST = ["Okafor", "Lindqvist", "Moreau", "Castellanos", "Haddad", "Brennan", "Nakamura",
         "Kowalczyk", "Abernethy", "Salgado", "Varga", "Achterberg", "Dlamini", "Rourke",
         "Ferreira", "Halvorsen", "Mbeki", "Quintero", "Strand", "Whitfield", "Osei"]  # fmt: skip
_ROLES = ["a spokesperson for the agency", "the company's chief executive", "a senior analyst",
          "the committee's chair", "a researcher at the institute", "the mayor",
          "a union representative", "the ministry's press officer", "a local resident",
          "the team's coach"]  # fmt: skip
_PRON = {
    "m": {"i": "he", "me": "him", "my": "his", "mine": "his", "myself": "himself"},
    "f": {"i": "she", "me": "her", "my": "her", "mine": "hers", "myself": "herself"},
}
_PLURAL = {"we": "they", "us": "them", "our": "their", "ours": "theirs", "ourselves": "themselves"}
_BACK = {"is": "was", "are": "were", "am": "was", "has": "had", "have": "had", "will": "would",
         "wo": "would", "can": "could", "ca": "could", "may": "might", "shall": "should",
         "do": "did", "does": "did"}  # fmt: skip
_THIRD = {"am": "is", "have": "has", "do": "does", "are": "is"}
_SAYS = ["said", "said that", "told reporters", "told reporters that", "explained that",
         "added that", "argued that", "noted that", "stressed that", "insisted that"]  # fmt: skip
_PRESENT_SAYS = ["says", "says that", "has said that", "maintains that"]
_SOURCE_FILES = ("mnli_taxinli10k", "wiki_nli_new_protocols", "fever_dev_sr", "vitaminc_test",
                 "conjnli", "snli_devtest_esnli", "negation_nli", "nli_semiauto_base_wiki",
                 "fm2_foolmetwice", "breaking_nli", "snli_counterfactual_cad")  # fmt: skip
_BAD = re.compile(r"[?!\"“”;:()\[\]]|\byou\b|\byour\b|https?:|\s'\w|\w'[a-z]{1,2}\b", re.I)


def statements(rng: random.Random) -> list[tuple[str, str, int, str]]:
    """(premise, hypothesis, label, file) of the training mix's files, shuffled: one
    sentence each side, 5 to 40 words, no quotation marks, questions, "you" or contractions."""
    rows = []
    for folder in (DATA, EXTRA):
        for path in sorted(folder.glob("*.jsonl")):
            name = path.name.split(".jsonl")[0]
            if name in EVAL_ONLY or name not in MIX or name not in _SOURCE_FILES:
                continue
            with path.open(encoding="utf-8") as f:
                for line in f:
                    r = json.loads(line)
                    p, h, y = r.get("premise"), r.get("hypothesis"), r.get("label")
                    if not p or not h or y not in LABEL_ID:
                        continue
                    p, h = " ".join(p.split()), " ".join(h.split())
                    if not all(5 <= len(s.split()) <= 40 for s in (p, h)):
                        continue
                    if _BAD.search(p) or _BAD.search(h) or p.count(". ") or h.count(". "):
                        continue
                    rows.append((p, h, LABEL_ID[y], name))
    rng.shuffle(rows)
    return rows


def reported(doc: Any, sex: str, backshift: bool) -> str | None:
    """The sentence as a reporter gives it: the speaker's first person made third, and the
    present shifted to the past when ``backshift``; None when it cannot be said safely."""
    from lemminflect import getInflection

    pron = _PRON[sex]
    subj_i = {t.head.i for t in doc if t.lower_ == "i" and t.dep_ in ("nsubj", "nsubjpass")}
    out = []
    for tok in doc:
        w, low = tok.text, tok.lower_
        if low in pron:
            new = pron[low]
        elif low in _PLURAL:
            new = _PLURAL[low]
        elif backshift and tok.tag_ in ("VBZ", "VBP", "MD") and low in _BACK:
            new = _BACK[low]
        elif backshift and tok.tag_ in ("VBZ", "VBP") and tok.pos_ == "VERB":
            forms = getInflection(tok.lemma_, tag="VBD")
            new = forms[0] if forms else w
        elif not backshift and tok.tag_ == "VBP" and tok.i in subj_i:
            # "I think" -> "he thinks"; an auxiliary of the verb agrees instead
            if low in _THIRD:
                new = _THIRD[low]
            else:
                forms = getInflection(tok.lemma_, tag="VBZ")
                new = forms[0] if forms else w
        elif not backshift and tok.tag_ == "VBP" and low in _THIRD and tok.head.i in subj_i:
            new = _THIRD[low]
        else:
            new = w
        if w[:1].isupper() and w.lower() == new.lower() and w != new:
            new = w
        named = tok.pos_ == "PROPN" or (tok.ent_type_ and tok.pos_ not in ("DET", "NUM"))
        if tok.i == 0 and not (named or w == "I"):
            new = new[:1].lower() + new[1:]
        out.append(new + tok.whitespace_)
    text = "".join(out).strip().rstrip(".,")
    return text if len(text.split()) >= 4 else None


def _speaker(rng: random.Random) -> tuple[str, str]:
    sex = rng.choice("mf")
    return f"{rng.choice(_FIRST[sex])} {rng.choice(_LAST)}", sex


def quoted(premise: str, name: str, rng: random.Random) -> str:
    """The premise as a source gives a quotation: attributed in one of the ways wire copy
    does, or bare, as an interview answer whose speaker is named elsewhere."""
    p = premise.rstrip(".")
    frame = rng.randrange(6)
    if frame == 0:
        return f'"{p}," {name} said.'
    if frame == 1:
        return f'"{p}," said {name}, {rng.choice(_ROLES)}.'
    if frame == 2:
        return f'{name} said: "{p}."'
    if frame == 3:
        return f"{name}: {p}."
    if frame == 4:
        return f'"{p}," {name.split()[1]} told reporters.'
    return p + "."


def claimed(statement: str, name: str, rng: random.Random, present: bool) -> str:
    """The statement reported: "X said ...", "..., X said", "According to X, ..."."""
    who = name if rng.random() < 0.7 else name.split()[1]
    if present:
        if rng.random() < 0.5:
            return f"According to {who}, {statement}."
        return f"{who} {rng.choice(_PRESENT_SAYS)} {statement}."
    if rng.random() < 0.25:
        return f"{statement[:1].upper()}{statement[1:]}, {who} said."
    return f"{who} {rng.choice(_SAYS)} {statement}."


def generate(nlp: Any, n: int, rng: random.Random) -> list[dict[str, Any]]:
    rows = statements(rng)
    want = {"speech_nli": int(n * 0.62), "speech_restated": int(n * 0.23)}
    want["speech_negated"] = n - sum(want.values())
    per_label: Counter = Counter()
    got: Counter = Counter()
    out: list[dict[str, Any]] = []
    cap = want["speech_nli"] // 3 + 1
    batch = rows[: n * 4]
    docs = nlp.pipe([t for p, h, _, _ in batch for t in (p, h)], batch_size=256)
    for (p, _h, y, src), pd, hd in zip(batch, docs, docs, strict=False):
        name, sex = _speaker(rng)
        present = rng.random() < 0.3
        premise = quoted(p, name, rng)
        made: list[tuple[str, str, int]] = []
        if got["speech_nli"] < want["speech_nli"] and per_label[y] < cap:
            s = reported(hd, sex, not present)
            if s:
                made.append(("speech_nli", claimed(s, name, rng, present), y))
                per_label[y] += 1
        if got["speech_restated"] < want["speech_restated"] and rng.random() < 0.5:
            s = reported(pd, sex, not present)
            if s:
                made.append(("speech_restated", claimed(s, name, rng, present), SUPPORTS))
        elif got["speech_negated"] < want["speech_negated"]:
            neg = negation(pd)
            if neg:
                s = reported(nlp(neg[0]), sex, not present)
                if s:
                    made.append(("speech_negated", claimed(s, name, rng, present), REFUTES))
        for kind, claim, label in made:
            got[kind] += 1
            out.append(
                {
                    "premise": premise,
                    "claim": claim,
                    "label": label,
                    "kind": kind,
                    "split": "train",
                    "source": src,
                    "source_premise": p,
                }
            )
        if got == Counter(want):
            break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=9000)
    args = ap.parse_args()
    import spacy

    from factcheck.nlp.fingerprint import SPACY_MODEL

    nlp = spacy.load(SPACY_MODEL)
    rng = random.Random(SEED)
    pairs = generate(nlp, args.n, rng)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "speech_pairs.jsonl").open("w", encoding="utf-8") as f:
        for r in pairs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = Counter(f"{r['kind']}/{r['label']}" for r in pairs)
    (args.out / "speech_pairs.json").write_text(
        json.dumps(
            {"version": VERSION, "seed": SEED, "counts": dict(sorted(counts.items()))}, indent=2
        )
        + "\n"
    )
    print(f"wrote {len(pairs)} pairs to {args.out}: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
