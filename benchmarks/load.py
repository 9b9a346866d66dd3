"""Load test of the web app: 20 simultaneous users calling /check for 60 seconds.

    make load      # = .venv/bin/python -m benchmarks.load [--users 20] [--seconds 60]

The app runs in its own process on 127.0.0.1 (a free port) over a store holding the seed
article; each user is a thread with its own gradio_client, calling /check in a loop with
claims from the seed-claim set. Traffic goes only to 127.0.0.1; the loop is bounded in
time and stops by itself. Prints p50/p95 latency, throughput and errors as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[bytes], limit: float = 120.0) -> None:
    import urllib.request

    end = time.time() + limit
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit(f"the app exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the app did not start in time")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60.0)
    args = ap.parse_args()
    from gradio_client import Client

    claims = [json.loads(x)["claim"] for x in (ROOT / "tests/fixtures/seed_claims.jsonl").open()]
    exe = [sys.executable, "-m", "factcheck.interfaces.cli.commands"]
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}
    with tempfile.TemporaryDirectory() as d:
        store = str(Path(d) / "vs")
        subprocess.run(
            [*exe, "--store", store, "ingest", str(ROOT / "seeds")],
            check=True,
            capture_output=True,
            env=env,
        )
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            [*exe, "--store", store, "serve", "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        try:
            _wait(url, proc)
            lat: list[float] = []
            errors: list[str] = []
            lock = threading.Lock()
            start = threading.Barrier(args.users)
            stop_at = [0.0]

            def user(n: int) -> None:
                c = Client(url, verbose=False)
                start.wait()
                if n == 0:
                    stop_at[0] = time.time() + args.seconds
                time.sleep(0.05)
                i = n
                while time.time() < stop_at[0]:
                    claim = claims[i % len(claims)]
                    i += args.users
                    t = time.perf_counter()
                    try:
                        out = c.predict(claim, api_name="/check")
                        ok = isinstance(out, dict) and "label" in out
                        why = "" if ok else f"bad answer: {str(out)[:80]}"
                    except Exception as ex:  # every failure counts
                        ok, why = False, f"{type(ex).__name__}: {ex}"[:120]
                    with lock:
                        (lat.append(time.perf_counter() - t) if ok else errors.append(why))

            threads = [threading.Thread(target=user, args=(n,)) for n in range(args.users)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=args.seconds + 120)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    lat.sort()
    p95 = lat[int(0.95 * (len(lat) - 1))] if lat else float("nan")
    print(
        json.dumps(
            {
                "users": args.users,
                "seconds": args.seconds,
                "checks": len(lat),
                "errors": len(errors),
                "error_examples": errors[:3],
                "checks_per_s": round(len(lat) / args.seconds, 1),
                "p50_s": round(statistics.median(lat), 3) if lat else None,
                "p95_s": round(p95, 3),
                "max_s": round(lat[-1], 3) if lat else None,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
