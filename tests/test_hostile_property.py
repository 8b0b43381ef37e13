"""Random configurations and drafts, as an attacker's pull request could hold them: the run
never crashes (exit 3), never hangs, and never prints a value from outside the repository."""

from __future__ import annotations

import json
import time

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

SECRET = "TOKEN-7f3c91-OUTSIDE"

keys = st.sampled_from(["profile", "rules", "select", "ignore", "severity", "params", "per-file-ignores",
                        "fail-level", "exclude", "extend", "per-file-profiles", "unknown", "1"])
scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=20), st.sampled_from(["hygiene", "hygiene/doubled-char", "error", "warning",
                                                           "../outside/pack.yaml", "../outside", "/etc/hostname",
                                                           "(a|aa)+$", "a{1000000000}", "*.txt", "-1"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.one_of(st.text(max_size=8), st.integers()),
                                                                       inner, max_size=4)), max_leaves=12)
configs = st.dictionaries(keys, values, max_size=6)
pieces = st.sampled_from(list("一二三是的%（）“”《》、，。：\n 0123456789起件人破案立共其中率")
                         + ["<!-- reportlint-disable hygiene -->", "的的", "附件1", "××", "一是", "三项措施"])
drafts = st.lists(pieces, max_size=120).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(config=configs, draft=drafts)
@example(config={"rules": ["../outside/pack.yaml"]}, draft="的的")
@example(config={"rules": "../outside"}, draft="的的")
@example(config={"extend": "../outside/pack.yaml"}, draft="的的")
def test_any_configuration_and_draft_ends_in_0_1_or_2_quickly_and_leaks_nothing(cli, tmp_path_factory, config,
                                                                                 draft):
    root = tmp_path_factory.mktemp("case")
    outside = root / "outside"
    outside.mkdir()
    (outside / "pack.yaml").write_text(f"{SECRET}: 1\nrules: []\n", encoding="utf-8")
    repo = root / "repo"
    repo.mkdir()
    try:
        text = yaml.safe_dump(config, allow_unicode=True)
    except yaml.YAMLError:
        return
    (repo / ".reportlint.yaml").write_text(text, encoding="utf-8")
    (repo / "draft.txt").write_text(draft or "正文。", encoding="utf-8")
    for fmt in ("text", "json"):
        start = time.monotonic()
        run = cli("check", "--format", fmt, repo)
        assert time.monotonic() - start < 20
        assert run.code in (0, 1, 2), (run.code, run.err)
        assert SECRET not in run.out and SECRET not in run.err
        if fmt == "json" and run.code != 2:
            json.loads(run.out)
