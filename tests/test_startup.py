"""What a run on one draft imports once its caches are warm: none of the modules it does without
(each is milliseconds of every start; bench/bench.py measures the start itself)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import docx
from conftest import SEEDS

RUN = """
import sys
from reportlint.cli import main
sys.argv = ["reportlint", "check", "--format", "json", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print("\\nMODULES", " ".join(sorted(sys.modules)))
"""
NOT_NEEDED = ("yaml", "pathlib", "signal", "rapidfuzz", "docx", "lxml", "tomllib", "multiprocessing", "tempfile")


def run_once(draft, cache) -> tuple[dict, set[str]]:
    env = {**os.environ, "REPORTLINT_CACHE_DIR": str(cache)}
    out = subprocess.run([sys.executable, "-c", RUN, str(draft)], capture_output=True, text=True, env=env,
                         check=True).stdout
    report, _, modules = out.rpartition("\nMODULES ")
    return json.loads(report), set(modules.split())


def test_a_warm_run_imports_only_what_it_uses(tmp_path):
    draft = sorted(SEEDS.glob("*.txt"))[0]
    first, _ = run_once(draft, tmp_path)  # parses the packs, compiles the patterns, builds the checks
    assert any(name.startswith("plan-") for name in os.listdir(tmp_path))
    second, modules = run_once(draft, tmp_path)
    assert second == first and second["findings"]
    assert "reportlint.checks.citation" in modules  # the run did load its checks
    # what the interpreter itself imports at start (an editable install's finder imports pathlib)
    bare = set(subprocess.run([sys.executable, "-c", "import sys; print(' '.join(sys.modules))"],
                              capture_output=True, text=True, check=True).stdout.split())
    assert not {m for m in modules - bare if m.split(".")[0] in NOT_NEEDED}


# The collector's state while the command reads and lints drafts, and once it has returned
# (collector.py).
COLLECTOR = """
import gc, sys
from reportlint import load, runner
during = set()
def watched(fn):
    def call(*args, **kwargs):
        during.add(gc.isenabled())
        return fn(*args, **kwargs)
    return call
runner.lint_one, load.load = watched(runner.lint_one), watched(load.load)
{start}
sys.argv = ["reportlint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("\\nCOLLECTOR", sorted(during), gc.isenabled(), gc.get_freeze_count() > 0)
"""
ENTRY = "from reportlint.__main__ import main"


def collector_around(start: str, *args) -> tuple[str, str]:
    """The command's output, and the collector's state: while drafts were read, and after."""
    out = subprocess.run([sys.executable, "-c", COLLECTOR.format(start=start), *map(str, args)],
                         capture_output=True, text=True, check=True).stdout
    report, _, state = out.rpartition("\nCOLLECTOR ")
    return report, state.strip()


def test_the_command_pauses_the_collector_only_until_its_rules_are_planned(tmp_path):
    drafts = []
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt")) * 2):  # ten: enough for worker processes
        drafts.append(tmp_path / f"{i}.txt")
        drafts[-1].write_bytes(seed.read_bytes())
    report, state = collector_around(ENTRY, "check", "--format", "json", "--jobs", "1", *drafts)
    # drafts linted with the collector on; on after the command, the start's objects frozen
    assert json.loads(report)["findings"] and state == "[True] True True"
    # two workers, forked after the freeze, find the same
    parallel, _ = collector_around(ENTRY, "check", "--format", "json", "--jobs", "2", *drafts)
    assert json.loads(parallel) == json.loads(report)


def test_drafts_that_are_only_read_are_read_with_the_collector_on(tmp_path):
    # --diff on Word drafts lints none of them, yet reads each; a python-docx document is a web of cycles
    # that only the collector frees
    document = docx.Document()
    document.add_paragraph("一、主要工作")
    document.save(tmp_path / "draft.docx")
    _, state = collector_around(ENTRY, "check", "--diff", tmp_path / "draft.docx")
    assert state == "[True] True True"


def test_a_command_that_never_plans_ends_with_the_collector_on():
    for args in (["kinds"], ["check", "--select", "nope/none", "."]):
        _, state = collector_around(ENTRY, *args)
        assert state == "[] True False", args


def test_a_program_that_imports_reportlint_keeps_its_collector_as_it_was():
    report, state = collector_around("from reportlint.cli import main", "check", "--format", "json",
                                     sorted(SEEDS.glob("*.txt"))[0])
    assert json.loads(report)["findings"] and state == "[True] True False"
