"""Move a trained stance model between this machine and a lent GPU machine within the
transfer limits (files of at most 16 MiB, 64 MiB in all each way).

    python scripts/weights_transfer.py pack MODEL_DIR OUT_PREFIX [--int8] [--chunk-mib 15]
    python scripts/weights_transfer.py unpack OUT_PREFIX MODEL_DIR

``pack`` writes MODEL_DIR (weights, config, tokenizer, training.json, any *.log) as one
xz-compressed tar cut into chunks OUT_PREFIX.000, .001, ...; ``unpack`` joins, checks the
sha256 written beside the chunks, and restores the folder; weights always travel in fp16.
``--int8`` stores each large matrix as int8 with one fp16 scale per row (about half the
size; a lossy step, so every figure must be measured on the unpacked weights, which are
what ships). Runs with torch and safetensors alone, as found on the GPU machine.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import lzma
import sys
import tarfile
from pathlib import Path

_INT8_MIN_NUMEL = 100_000


def _quantize(path: Path) -> bytes:
    import torch
    from safetensors.torch import load_file, save

    out = {}
    for name, w in load_file(str(path)).items():
        if w.dim() == 2 and w.numel() >= _INT8_MIN_NUMEL:
            w32 = w.float()
            scale = w32.abs().amax(dim=1, keepdim=True).clamp(min=1e-8) / 127.0
            out[name + ".__q"] = torch.round(w32 / scale).clamp(-127, 127).to(torch.int8)
            out[name + ".__scale"] = scale.half()
        else:
            out[name] = w.half()
    return save(out, metadata={"format": "pt"})


def _half(path: Path) -> bytes:
    from safetensors.torch import load_file, save

    halves = {name: w.half() for name, w in load_file(str(path)).items()}
    return save(halves, metadata={"format": "pt"})


def _dequantize(data: bytes) -> bytes:
    from safetensors.torch import load, save

    raw = load(data)
    out = {}
    for name, t in raw.items():
        if name.endswith(".__q"):
            base = name[: -len(".__q")]
            out[base] = (t.float() * raw[base + ".__scale"].float()).half()
        elif not name.endswith(".__scale"):
            out[name] = t
    return save(out, metadata={"format": "pt"})


def pack(model: Path, prefix: Path, int8: bool, chunk_mib: int) -> list[Path]:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for f in sorted(model.iterdir()):
            if not f.is_file():
                continue
            if f.name == "model.safetensors":
                data = _quantize(f) if int8 else _half(f)
                info = tarfile.TarInfo("model.int8.safetensors" if int8 else f.name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            else:
                tar.add(str(f), arcname=f.name)
    blob = lzma.compress(buf.getvalue(), preset=6)
    prefix.parent.mkdir(parents=True, exist_ok=True)
    for stale in prefix.parent.glob(prefix.name + ".[0-9][0-9][0-9]"):
        stale.unlink()  # an earlier pack's chunks would be joined with these
    size = chunk_mib * 1024 * 1024
    paths = []
    for i in range(0, len(blob), size):
        p = prefix.with_name(f"{prefix.name}.{i // size:03d}")
        p.write_bytes(blob[i : i + size])
        paths.append(p)
    sha = prefix.with_name(prefix.name + ".sha256")
    sha.write_text(hashlib.sha256(blob).hexdigest() + "\n")
    return [*paths, sha]


def unpack(prefix: Path, model: Path) -> None:
    chunks = sorted(prefix.parent.glob(prefix.name + ".[0-9][0-9][0-9]"))
    if not chunks:
        sys.exit(f"no chunks {prefix}.000 ...")
    blob = b"".join(c.read_bytes() for c in chunks)
    sha = prefix.with_name(prefix.name + ".sha256")
    if not sha.exists():
        sys.exit(f"no {sha}: pack writes it beside the chunks; without it a cut is not seen")
    if hashlib.sha256(blob).hexdigest() != sha.read_text().strip():
        sys.exit(f"{prefix}: the chunks do not match their sha256 (a chunk is missing or cut)")
    model.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(lzma.decompress(blob))) as tar:
        for m in tar.getmembers():
            f = tar.extractfile(m)
            if f is None or "/" in m.name or m.name.startswith("."):
                continue
            data = f.read()
            if m.name == "model.int8.safetensors":
                (model / "model.safetensors").write_bytes(_dequantize(data))
            else:
                (model / m.name).write_bytes(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pack")
    p.add_argument("model", type=Path)
    p.add_argument("prefix", type=Path)
    p.add_argument("--int8", action="store_true")
    p.add_argument("--chunk-mib", type=int, default=15)
    u = sub.add_parser("unpack")
    u.add_argument("prefix", type=Path)
    u.add_argument("model", type=Path)
    args = ap.parse_args()
    if args.cmd == "pack":
        for path in pack(args.model, args.prefix, args.int8, args.chunk_mib):
            print(f"{path} {path.stat().st_size / 1e6:.1f} MB")
    else:
        unpack(args.prefix, args.model)
        print(f"unpacked to {args.model}")


if __name__ == "__main__":
    main()
