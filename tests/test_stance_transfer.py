"""Training the stance model on a lent GPU (issue #29): the pairs written here and read there,
and the weights packed into the device's transfer limits and restored."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def train():
    return _load("train_stance")


@pytest.fixture(scope="module")
def transfer():
    return _load("weights_transfer")


def test_dumped_pairs_train_on_the_same_mix(train, tmp_path):
    dev = [("p0", "c0", 0)]
    mix = [(f"p{i}", f"c{i}", i % 3) for i in range(1, 6)]
    news = [("np", "nc", 1)]
    here = random.Random(13)
    here.random()  # building the mix moves the generator on
    head = {
        "recipe": "v3",
        "per_source": {"news_opposite/1": 1},
        "rng_state": train._state(here.getstate()),
    }
    train.dump_pairs(tmp_path / "pairs.jsonl.xz", head, {"dev": dev, "train": mix, "news": news})
    got_head, parts = train.load_pairs(tmp_path / "pairs.jsonl.xz")
    assert got_head == head
    assert (parts["dev"], parts["train"], parts["news"]) == (dev, mix, news)
    there = random.Random(13)  # another machine: a fresh generator, set where this one was
    there.setstate(train._unstate(got_head["rng_state"]))
    built = train.combine(here, dev, mix, news, 3)
    read = train.combine(there, parts["dev"], parts["train"], parts["news"], 3)
    assert built == read
    assert built[0] == dev[0]  # the dev split stays first, out of the shuffle
    assert built.count(("np", "nc", 1)) == 3  # each news pair seen --news-repeat times


def _model_dir(path: Path):
    import torch
    from safetensors.torch import save_file

    gen = torch.Generator().manual_seed(0)
    path.mkdir()
    weights = {
        "emb.weight": torch.randn(2000, 384, generator=gen),  # large: int8 rows with --int8
        "bias": torch.randn(384, generator=gen),  # small: always fp16
    }
    save_file(weights, str(path / "model.safetensors"))
    (path / "config.json").write_text('{"model_type": "bert"}')
    return weights


@pytest.mark.parametrize("int8", [False, True])
def test_weights_survive_the_trip_within_the_limits(transfer, tmp_path, int8):
    from safetensors.torch import load_file

    weights = _model_dir(tmp_path / "m")
    paths = transfer.pack(tmp_path / "m", tmp_path / "out" / "A", int8=int8, chunk_mib=1)
    chunks = [p for p in paths if p.suffix != ".sha256"]
    assert len(chunks) >= 1
    assert all(p.stat().st_size <= 1024 * 1024 for p in chunks)
    transfer.unpack(tmp_path / "out" / "A", tmp_path / "back")
    assert (tmp_path / "back" / "config.json").read_text() == '{"model_type": "bert"}'
    back = load_file(str(tmp_path / "back" / "model.safetensors"))
    assert set(back) == set(weights)
    for name, w in weights.items():
        err = float((back[name].float() - w).abs().max())
        row_max = float(w.abs().max())
        # fp16 alone is exact to about 1e-3 of the value; int8 rows to half a step of 1/127.
        assert err <= (row_max / 254 + 1e-3 if int8 and w.dim() == 2 else 2e-3 * row_max)


def test_a_missing_chunk_is_refused(transfer, tmp_path):
    _model_dir(tmp_path / "m")
    paths = transfer.pack(tmp_path / "m", tmp_path / "out" / "A", int8=False, chunk_mib=1)
    chunks = [p for p in paths if p.suffix != ".sha256"]
    assert len(chunks) >= 2
    chunks[-1].unlink()
    with pytest.raises(SystemExit, match="sha256"):
        transfer.unpack(tmp_path / "out" / "A", tmp_path / "back")
