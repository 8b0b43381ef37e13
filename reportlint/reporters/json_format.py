"""JSON: the contract in design.md (version 1)."""

from __future__ import annotations

import json


def render(report) -> str:
    counts = report.counts()
    return json.dumps({
        "version": 1,
        "findings": [f.as_dict() for f in report.findings],
        "summary": {"files": len(report.files), "errors": counts["error"],
                    "warnings": counts["warning"], "infos": counts["info"]},
    }, ensure_ascii=False, indent=2)
