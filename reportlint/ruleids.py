"""Rule ids and the patterns that name them (`hygiene`, `hygiene/`, `hygiene/placeholder`).

Below the engine and the suppression pass, which both match ids: neither imports the other for it."""

from __future__ import annotations


def matches(rule_id: str, pattern: str) -> bool:
    """`hygiene` and `hygiene/` select every rule of that pack; an id selects itself."""
    pattern = pattern.rstrip("/")
    return rule_id == pattern or rule_id.startswith(pattern + "/")
