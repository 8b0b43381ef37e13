"""The YAML reader for rule packs and configurations: safe (plain data only), libyaml's speed when
it is there, and strict about a key written twice, which plain YAML lets the second silently win."""

from __future__ import annotations

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ten times faster; both build plain data


class Loader(_Base):
    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":  # `<<: *anchor`: its keys may be overridden
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.setdefault(key, key_node.start_mark.line + 1)
            except TypeError:  # an unhashable key: the constructor below says what is wrong
                continue
            if first != key_node.start_mark.line + 1:
                raise yaml.constructor.ConstructorError(
                    None, None, f"键“{key}”重复（第 {first} 行已有），后一个会覆盖前一个，请删去或合并其一",
                    key_node.start_mark)
        return super().construct_mapping(node, deep)


def load(text: str):
    return yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader
