# Two commands set everything up on a fresh machine:
#   make demo   - install, index seeds/, start the web app (prints its URL)
#   make test   - install with test tools (and Debian's Chromium), lint, type-check, test
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export GRADIO_ANALYTICS_ENABLED := False
export ANONYMIZED_TELEMETRY := False

.PHONY: install install-test browser demo check-demo test lint bench eval load clean stance-data stance-v3 stance-v3-full

ONNX := factcheck/models/embedder/model.onnx factcheck/models/stance/model.onnx

$(VENV)/.installed: pyproject.toml scripts/export_onnx.py factcheck/models/stance/model.safetensors
	test -x $(PY) || python3 -m venv $(VENV)
	# The CPU wheel of torch first, or pip pulls a multi-GB CUDA build.
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[export]'
	# The fast-start runtime's models: ONNX exports of the shipped weights (build outputs).
	$(PY) scripts/export_onnx.py
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test browser

browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "warning: could not install Debian's chromium; browser tests will fail"; fi

demo: install
	$(VENV)/bin/factcheck ingest seeds/
	$(VENV)/bin/factcheck check "Biden and Putin spoke for 90 minutes on Thursday" --dateline 2021-12-31
	$(VENV)/bin/factcheck serve

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check factcheck tests benchmarks scripts app.py
	$(VENV)/bin/ruff format --check factcheck tests benchmarks scripts app.py
	$(VENV)/bin/mypy

test: install-test lint
	$(VENV)/bin/pytest -q

bench: install-test
	$(PY) -m benchmarks

load: install-test
	$(PY) -m benchmarks.load --users 20 --seconds 60

V2 := ../shared/models/stance-v2

eval: install-test
	# The news yardsticks (docs/evaluation.md): evidence strings, claim extraction, then the
	# contrast benchmark, hand-checked claims and seed fixture for both stance models.
	$(PY) -m benchmarks.news_claims --verify
	$(PY) -m benchmarks.news_claims --extraction
	$(PY) -m benchmarks.yardsticks --model shipped --json benchmarks/out/yardsticks-shipped.json
	$(PY) -m benchmarks.yardsticks --model $(V2) --json benchmarks/out/yardsticks-v2.json
	$(PY) -m benchmarks.attribution --json benchmarks/out/attribution.json
	$(PY) -m benchmarks.quote_runs
	$(PY) -m benchmarks.degrees
	$(PY) -m benchmarks.comparisons --nli
	$(PY) -m benchmarks.durations --json benchmarks/out/durations.json
	$(PY) -m benchmarks.bridging --json benchmarks/out/bridging.json
	$(PY) -m benchmarks.rule_reviews
	$(PY) -m benchmarks.claim_matching
	$(PY) -m benchmarks.eval_climate_fever
	$(PY) -m benchmarks.eval_climate_fever --setup gold --model $(V2)
	$(PY) -m benchmarks.eval_climate_fever --no-stance --setup gold
	$(PY) -m benchmarks.eval_values
	$(PY) -m benchmarks.eval_stance
	$(PY) -m benchmarks.stance_pairs --json benchmarks/out/stance-pairs.json

# Stance model v3 (issue #29): news-derived pairs, then a fine-tune of stance-v2 with replay
# (about an hour on 2 CPU cores) or the full recipe from the base model (a GPU).
STANCE_OUT ?= benchmarks/out/stance
stance-data: install-test
	$(PY) scripts/stance_news_pairs.py --out $(STANCE_OUT)/data

stance-v3: stance-data
	$(PY) scripts/train_stance.py --recipe v3 --news-pairs $(STANCE_OUT)/data/news_pairs.jsonl \
	  --init $(V2) --replay 36000 --epochs 1 --batch-size 32 --lr 2e-5 --max-length 128 \
	  --out $(STANCE_OUT)/v3
	$(PY) -m benchmarks.stance_pairs --model $(STANCE_OUT)/v3 \
	  --news-pairs $(STANCE_OUT)/data/news_pairs.jsonl

stance-v3-full: stance-data
	$(PY) scripts/train_stance.py --recipe v3 --news-pairs $(STANCE_OUT)/data/news_pairs.jsonl \
	  --out $(STANCE_OUT)/v3-full

clean:
	rm -rf $(VENV) vectorstore/* .pytest_cache .mypy_cache .ruff_cache test-output
