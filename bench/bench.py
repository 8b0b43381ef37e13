"""reportlint benchmark: throughput, latency, memory, cold start, --jobs, scaling, hostile drafts,
and a byte-for-byte comparison of the output. Prints figures; asserts nothing.

    python bench/bench.py                      # everything (about five minutes on 2 cores)
    python bench/bench.py --quick              # the 5 MB corpus, a shorter scaling table, no hostile drafts
    python bench/bench.py --output-file F      # also: write the 5 MB corpus's JSON output to F, or, if F
                                               # exists, say whether today's output is byte-identical to it

The corpus is built from the seeds, replicated and varied (numbers, years, paragraph order)
so that files are not byte-identical, in a temporary folder that is removed afterwards; the same
seed of the random generator builds the same corpus on every run, so outputs compare across commits.
"""

from __future__ import annotations

import argparse
import hashlib
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


def timed(commands: dict[str, list[str]], repeat: int, fresh: tuple[str, ...] = ()) -> dict[str, float]:
    """Median wall time of each command, in seconds. They run in turns (a round runs each once, after
    one untimed round), so that a shared machine's drift touches them alike. The commands named in
    `fresh` get an empty cache folder each time: a first run after installing."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(repeat + 1):
        for name, cmd in commands.items():
            with tempfile.TemporaryDirectory() as empty:
                env = {**COLD_ENV, "REPORTLINT_CACHE_DIR": empty} if name in fresh else COLD_ENV
                t = time.perf_counter()
                subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
                if i:
                    times[name].append(time.perf_counter() - t)
    return {name: statistics.median(t) for name, t in times.items()}


def child_figures(cmd: list[str], cwd: Path | None = None, timeout: float = 300) -> dict:
    """Wall seconds, exit code, peak resident memory (MB) and stdout of a child process (GNU time
    is not always there: the child's rusage is read by a small Python wrapper)."""
    code = ("import json, resource, subprocess, sys, time; t = time.perf_counter(); "
            "p = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, "
            "timeout=float(sys.argv[1])); "
            "sys.stdout.write(json.dumps({'seconds': time.perf_counter() - t, 'code': p.returncode, "
            "'rss': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "
            "'out': p.stdout.decode('utf-8', 'replace')}))")
    try:
        done = subprocess.run([sys.executable, "-c", code, str(timeout), *cmd], capture_output=True, text=True,
                              cwd=cwd, check=True, env=COLD_ENV)
    except subprocess.CalledProcessError:  # the wrapper's timeout: the command did not finish
        return {"seconds": float("inf"), "code": None, "rss": 0.0, "out": ""}
    return json.loads(done.stdout)


def cli_run(folder: Path, jobs: int) -> tuple[float, str]:
    """Wall time and JSON output of the CLI over `folder`, run from its parent with a relative
    path, so that the output does not depend on where the corpus was built."""
    t = time.perf_counter()
    out = subprocess.run([str(EXE), "check", "--format", "json", "--jobs", str(jobs), folder.name],
                         capture_output=True, text=True, check=False, cwd=folder.parent, env=COLD_ENV)
    return time.perf_counter() - t, out.stdout


def reference(files: list[Path]) -> float:
    """MB/s of the pure-Python reference: one Aho-Corasick pass over the shipped phrases and one
    number regex over each draft: what reading and scanning the text costs, with no judgement."""
    import ahocorasick
    import regex

    from reportlint.checks.phrases import SHARED
    from reportlint.runner import Options, Planner

    Planner(Options()).plan(str(files[0]))  # builds the rules, which fill the shared phrase list
    auto = ahocorasick.Automaton()
    for phrase in SHARED.phrases:
        auto.add_word(phrase, phrase)
    auto.make_automaton()
    number = regex.compile(r"\d+(?:\.\d+)?")
    start = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8")
        sum(1 for _ in auto.iter(text))
        sum(1 for _ in number.finditer(text))
    return sum(p.stat().st_size for p in files) / 1_000_000 / (time.perf_counter() - start)


def stages(files: list[Path], rounds: int = 3) -> dict[str, float]:
    """MB/s of the first stages of a run, in turns with the reference (median of `rounds`): how fast
    linting could be if every rule were free."""
    from reportlint.document import Document
    from reportlint.load import load

    size = sum(p.stat().st_size for p in files) / 1_000_000
    paths = [str(p) for p in files]
    runs = {"read": lambda: [load(p) for p in paths], "read + Document": lambda: [Document(load(p)) for p in paths],
            "+ quantities": lambda: [Document(load(p)).quantities for p in paths]}
    speeds: dict[str, list[float]] = {"reference": [], **{name: [] for name in runs}}
    for _ in range(rounds):
        speeds["reference"].append(reference(files))
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            speeds[name].append(size / (time.perf_counter() - start))
    return {name: statistics.median(v) for name, v in speeds.items()}


def lint_seconds(path: Path) -> float:
    """Seconds to lint one file in process, the rules already loaded."""
    from reportlint.runner import Options, Planner, lint_one

    planner = Planner(Options())
    planner.plan(str(path))
    start = time.perf_counter()
    result = lint_one(planner, str(path))
    assert result.error is None, result.error
    return time.perf_counter() - start


def scaling(tmp: Path, quick: bool) -> None:
    """Seconds per MB as a draft grows: concatenations of the largest seed, then single lines."""
    seed = max(SEEDS, key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    line = seed.replace("\n", "")
    rows = [(f"{k}× the seed", seed * k) for k in ([1, 4, 16, 64] if quick else [1, 4, 16, 64, 256])]
    sizes = [10_000, 100_000, 1_000_000] if quick else [10_000, 100_000, 1_000_000, 5_000_000]
    for size in sizes:
        one = (line * (size // len(line.encode("utf-8")) + 1))
        rows.append((f"one line of {size // 1000:,} KB", one[: size // 3]))  # 3 bytes a character
    print("| draft | MB | seconds | MB/s |")
    print("|---|---|---|---|")
    for name, text in rows:
        path = tmp / "scaling.txt"
        path.write_text(text, encoding="utf-8")
        mb = path.stat().st_size / 1_000_000
        seconds = lint_seconds(path)
        print(f"| {name} | {mb:.3f} | {seconds:.2f} | {mb / seconds:.2f} |")


DISABLE = "<!-- reportlint-disable hygiene/doubled-char -->"
NEXT_LINE = "<!-- reportlint-disable-next-line hygiene/doubled-char -->"


def hostile_drafts() -> list[tuple[str, str, list[str]]]:
    """(name, text, extra CLI arguments): the drafts that once took minutes."""
    seed = max(SEEDS, key=lambda p: p.stat().st_size).read_text(encoding="utf-8").replace("\n", "")
    ordinals = "一二三四五六七八九"
    return [
        ("a 5 MB line of 立案/破案 pairs", "全年共立刑事案件1146起，破案476起，" * 100_000, []),
        ("a line of 200,000 percentages", "结案率95%，" * 200_000, []),
        ("a 5 MB line of numbers, no clause mark", "全年共立刑事案件1146起破案476起" * 80_000, []),
        ("100,000 paragraphs opening with 一是…九是",
         "".join(f"{ordinals[i % 9]}是加强执法规范化建设。\n" for i in range(100_000)), []),
        ("5,000 disable directives never enabled again", "".join(f"{DISABLE}\n第{i}行的的\n" for i in range(5000)), []),
        ("5,000 disable-next-line directives", "".join(f"{NEXT_LINE}\n第{i}行的的\n" for i in range(5000)), []),
        ("--fix on 30,000 lines", "".join(f"第{i}项工作,已经完成的的。\n" for i in range(30_000)), ["--fix"]),
        ("a 5 MB line of 的", "的" * 1_666_666, []),
        ("a 5 MB single line of a seed", (seed * (5_000_000 // len(seed.encode("utf-8")) + 1))[:1_666_666], []),
        ("200,000 open brackets", "（" * 200_000 + "\n", []),
        ("200,000 open title marks", "《" * 200_000 + "\n", []),
        ("1,000,000 short lines", "的\n" * 1_000_000, []),
        ("quotes nested 100,000 deep", "“" * 100_000 + "共3起" + "”" * 100_000 + "\n", []),
    ]


def hostile(tmp: Path, timeout: float = 300) -> None:
    print("| draft | MB | seconds | findings | peak memory MB |")
    print("|---|---|---|---|---|")
    for name, text, extra in hostile_drafts():
        path = tmp / "hostile.txt"
        path.write_text(text, encoding="utf-8")
        mb = path.stat().st_size / 1_000_000
        run = child_figures([str(EXE), "check", "--format", "json", *extra, path.name], cwd=tmp, timeout=timeout)
        found = run["out"].count('"rule":') if run["out"] else 0
        seconds = f"did not finish in {timeout:.0f}" if run["code"] is None else f"{run['seconds']:.1f}"
        print(f"| {name} | {mb:.1f} | {seconds} | {found:,} | {run['rss']:.0f} |")


INPROCESS = """
import sys
from pathlib import Path
from reportlint.runner import Options, Planner, lint_one
files = sorted(Path(sys.argv[1]).glob("*.txt"))[: int(sys.argv[2])]
planner = Planner(Options())
planner.plan(sys.argv[3])
lint_one(planner, sys.argv[3])
for f in files:
    lint_one(planner, str(f))
"""


def instructions(cmd: list[str]) -> float | None:
    """Millions of instructions a command executes, counted by valgrind's callgrind: the same count
    however busy the machine is, so two versions compare where wall times drift by a third."""
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "log"
        subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", f"--log-file={log}", *cmd],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=COLD_ENV)
        found = re.search(r"Collected : (\d+)", log.read_text()) if log.exists() else None
    return int(found.group(1)) / 1e6 if found else None


def instruction_counts(folder: Path, drafts: int = 40) -> None:
    if not shutil.which("valgrind"):
        print("instructions: valgrind not found (apt-get install valgrind), skipped")
        return
    floor = instructions([sys.executable, "-c", "import regex, yaml, click, ahocorasick"])
    cold = instructions([str(EXE), "check", str(SEEDS[0])])
    base = instructions([sys.executable, "-c", INPROCESS, str(folder), "0", str(SEEDS[0])])
    more = instructions([sys.executable, "-c", INPROCESS, str(folder), str(drafts), str(SEEDS[0])])
    if None in (floor, cold, base, more):
        print("instructions: callgrind gave no count, skipped")
        return
    size = sum(p.stat().st_size for p in sorted(folder.glob("*.txt"))[:drafts]) / 1000
    print(f"instructions (callgrind): import floor {floor:.0f} M; cold run, one draft {cold:.0f} M "
          f"(ratio {cold / floor:.2f}); in process {(more - base) / drafts:.1f} M per draft "
          f"({(more - base) / size:.2f} M per KB, {drafts} drafts of the 5 MB corpus)")


def annotate_scaling(tmp: Path, timeout: float = 300) -> None:
    """Seconds for `reportlint annotate` to write a reviewed copy with N comments (a doubled 的 in
    each of N paragraphs): once quadratic in python-docx's search for the next comment id."""
    import docx

    print("| comments | seconds | peak memory MB |")
    print("|---|---|---|")
    for count in (1500, 3000, 6000, 12000):
        document = docx.Document()
        document.add_paragraph("某县公安局2023年法治政府建设年度报告")
        for i in range(count):
            document.add_paragraph(f"第{i}项工作已经完成的的，效果良好。")
        draft, copy = tmp / "annotate.docx", tmp / "annotate.reviewed.docx"
        document.save(draft)
        copy.unlink(missing_ok=True)
        run = child_figures([str(EXE), "annotate", draft.name, "-o", copy.name], cwd=tmp, timeout=timeout)
        seconds = f"did not finish in {timeout:.0f}" if run["code"] is None else f"{run['seconds']:.1f}"
        print(f"| {count:,} | {seconds} | {run['rss']:.0f} |")


def compare_output(output: str, reference_file: Path) -> None:
    digest = hashlib.sha256(output.encode("utf-8")).hexdigest()[:16]
    if reference_file.exists():
        same = reference_file.read_text(encoding="utf-8") == output
        print(f"5 MB output (sha256 {digest}) byte-identical to {reference_file}: {same}")
    else:
        reference_file.write_text(output, encoding="utf-8")
        print(f"5 MB output (sha256 {digest}) written to {reference_file}: run again after a change to compare")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 MB corpus only, shorter scaling, no hostile drafts")
    parser.add_argument("--output-file", type=Path, help="the 5 MB output to write, or to compare with")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions with valgrind (repeatable figures for comparing versions)")
    args = parser.parse_args()
    rng = random.Random(20261121)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}; {time.strftime('%Y-%m-%d')}")

    one = [str(EXE), "check", str(SEEDS[0])]
    cold = timed({"floor": [sys.executable, "-c", "import regex, yaml, click, ahocorasick"], "cold": one,
                  "wording": [str(EXE), "check", "--select", "wording", str(SEEDS[0])], "first": one},
                 20, fresh=("first",))
    floor = cold["floor"]
    print(f"cold start: one draft {cold['cold'] * 1000:.0f} ms (--select wording {cold['wording'] * 1000:.0f} ms); "
          f"import floor (regex, yaml, click, ahocorasick) {floor * 1000:.0f} ms; ratio {cold['cold'] / floor:.2f} "
          f"(--select wording {cold['wording'] / floor:.2f}; target <= 1.5); the first run, cache empty: "
          f"{cold['first'] * 1000:.0f} ms ({cold['first'] / floor:.2f})")

    tmp = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    try:
        for mb in [5] if args.quick else [5, 50]:
            folder = tmp / f"corpus-{mb}mb"
            files = build_corpus(folder, mb, rng)
            figures = in_process(files)
            print(f"{mb} MB in process, 1 core: " + json.dumps(figures, ensure_ascii=False))
            if mb == 5:
                speed = stages(files)
                ref = speed.pop("reference")
                print(f"5 MB pure-Python reference (one Aho-Corasick pass + one number regex): {ref:.1f} MB/s; "
                      f"in process {figures['MB/s'] / ref:.2f} x the reference; the first stages alone: "
                      + ", ".join(f"{name} {v:.1f} MB/s ({v / ref:.2f} x)" for name, v in speed.items()))
            serial_s, serial_out = cli_run(folder, 1)
            jobs = os.cpu_count() or 1
            parallel_s, parallel_out = cli_run(folder, jobs)
            print(f"{mb} MB via CLI: --jobs 1 {serial_s:.1f} s ({figures['MB'] / serial_s:.2f} MB/s), "
                  f"--jobs {jobs} {parallel_s:.1f} s ({figures['MB'] / parallel_s:.2f} MB/s); "
                  f"identical output: {serial_out == parallel_out}")
            rss = child_figures([str(EXE), "check", "--format", "json", "--jobs", "1", folder.name],
                                cwd=tmp)["rss"]
            print(f"{mb} MB peak memory (--jobs 1): {rss:.0f} MB")
            if mb == 5 and args.output_file:
                compare_output(serial_out, args.output_file)
            if mb == 5 and args.instructions:
                instruction_counts(folder)
        print("\nscaling (in process, rules loaded):")
        scaling(tmp, args.quick)
        if not args.quick:
            print("\nhostile drafts (CLI, --format json):")
            hostile(tmp)
            print("\nannotate, a reviewed .docx with one comment per finding:")
            annotate_scaling(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
