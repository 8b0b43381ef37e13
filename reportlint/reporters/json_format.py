"""JSON: the contract in design.md (version 1), one finding per line, streamed."""

from __future__ import annotations

import json

from . import Writer as Base


class Writer(Base):
    def __init__(self, rules):
        super().__init__(rules)
        self.first = True

    def begin(self) -> str:
        return '{"version": 1,\n "findings": ['

    def file(self, report) -> str:
        chunks = []
        for finding in report.findings:
            chunks.append(("\n  " if self.first else ",\n  ") + json.dumps(finding.as_dict(), ensure_ascii=False))
            self.first = False
        return "".join(chunks)

    def end(self, summary) -> str:
        counts = {"files": summary.files, "errors": summary.counts["error"],
                  "warnings": summary.counts["warning"], "infos": summary.counts["info"]}
        # which document type (profile) each draft was checked as, and why: one line each
        documents = ",\n   ".join(json.dumps({"path": path, "profile": profile, "profile_reason": why},
                                            ensure_ascii=False) for path, profile, why in summary.profiles)
        counts = json.dumps(counts)[:-1] + ', "documents": [' + (f"\n   {documents}\n  " if documents else "") + "]}"
        return f'{"" if self.first else chr(10)} ],\n "summary": {counts}}}\n'
