"""What a run on one draft imports once its caches are warm: none of the modules it does without
(each is milliseconds of every start; bench/bench.py measures the start itself)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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
