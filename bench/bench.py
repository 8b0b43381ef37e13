"""reportlint benchmark: throughput, latency, memory, cold start, --jobs. Prints figures; asserts nothing.

    python bench/bench.py            # 5 MB and 50 MB corpora (about two minutes on 2 cores)
    python bench/bench.py --quick    # 5 MB only

The corpus is built from the seeds, replicated and varied (numbers, years, paragraph order)
so that files are not byte-identical, in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXE = Path(sys.executable).with_name("reportlint")


def vary(text: str, rng: random.Random) -> str:
    """A plausible other draft: other numbers, another year, body paragraphs shuffled."""
    shift = rng.choice([-2, -1, 1, 2])
    text = re.sub(r"20(\d\d)年", lambda m: f"20{int(m.group(1)) + shift:02d}年", text)
    text = re.sub(r"(?<![\d.])(\d{2,4})(?=[起件人个项名次])", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), text)
    lines = text.split("\n")
    head, body, tail = lines[:3], lines[3:-2], lines[-2:]
    rng.shuffle(body)
    return "\n".join(head + body + tail)


def build_corpus(folder: Path, megabytes: float, rng: random.Random) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    files, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        path = folder / f"draft_{i:05d}.txt"
        path.write_text(vary(texts[i % len(texts)], rng), encoding="utf-8")
        size += path.stat().st_size
        files.append(path)
        i += 1
    return files


def in_process(files: list[Path]) -> dict:
    """Serial throughput on one core with the full default rule set, per-file latency."""
    from reportlint.runner import Options, Planner, lint_one

    planner = Planner(Options())
    planner.plan(str(files[0]))  # rules loaded once, as in a real run
    latencies = []
    start = time.perf_counter()
    for path in files:
        t = time.perf_counter()
        lint_one(planner, str(path))
        latencies.append(time.perf_counter() - t)
    elapsed = time.perf_counter() - start
    size = sum(p.stat().st_size for p in files) / 1_000_000
    latencies.sort()
    return {"MB": round(size, 1), "files": len(files), "seconds": round(elapsed, 2),
            "MB/s": round(size / elapsed, 2), "files/s": round(len(files) / elapsed, 1),
            "p50 ms": round(statistics.median(latencies) * 1000, 2),
            "p95 ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 2)}


# Cold runs as a user's are: with bytecode caches (pip writes them at install; some sandboxes set
# PYTHONDONTWRITEBYTECODE, which would charge every run for compiling reportlint's source).
COLD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(cmd: list[str], repeat: int) -> float:
    """Median wall time of a command, in seconds, after one untimed warm-up run."""
    times = []
    for i in range(repeat + 1):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=COLD_ENV)
        if i:
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of a child process (GNU time is not always there: ask the kernel)."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def cli_run(folder: Path, jobs: int) -> tuple[float, str]:
    """Wall time and JSON output of the CLI over `folder`, run from its parent with a relative
    path, so that the output does not depend on where the corpus was built."""
    t = time.perf_counter()
    out = subprocess.run([str(EXE), "check", "--format", "json", "--jobs", str(jobs), folder.name],
                         capture_output=True, text=True, check=False, cwd=folder.parent)
    return time.perf_counter() - t, out.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 MB corpus only")
    args = parser.parse_args()
    rng = random.Random(20261121)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")

    floor = timed([sys.executable, "-c", "import regex, yaml, click, ahocorasick"], 15)
    cold = timed([str(EXE), "check", str(SEEDS[0])], 15)
    print(f"cold start: one draft {cold * 1000:.0f} ms; import floor (regex, yaml, click, ahocorasick) "
          f"{floor * 1000:.0f} ms; ratio {cold / floor:.2f} (target <= 1.5)")

    tmp = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    try:
        for mb in [5] if args.quick else [5, 50]:
            folder = tmp / f"corpus-{mb}mb"
            files = build_corpus(folder, mb, rng)
            figures = in_process(files)
            print(f"{mb} MB in process, 1 core: " + json.dumps(figures, ensure_ascii=False))
            serial_s, serial_out = cli_run(folder, 1)
            jobs = os.cpu_count() or 1
            parallel_s, parallel_out = cli_run(folder, jobs)
            same = serial_out == parallel_out
            print(f"{mb} MB via CLI: --jobs 1 {serial_s:.1f} s ({figures['MB'] / serial_s:.2f} MB/s), "
                  f"--jobs {jobs} {parallel_s:.1f} s ({figures['MB'] / parallel_s:.2f} MB/s); "
                  f"identical output: {same}")
            rss = peak_rss_mb([str(EXE), "check", "--format", "json", "--jobs", "1", str(folder)])
            print(f"{mb} MB peak memory (--jobs 1): {rss:.0f} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
