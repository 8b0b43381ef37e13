"""Configuration: `.reportlint.yaml` or `[tool.reportlint]` in pyproject.toml.

The nearest one above each linted file applies (walking up from the file's folder, as ruff
does); command-line flags win over it. Relative paths in a file are relative to that file.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
from dataclasses import field

from . import yamlfile
from .errors import RuleError
from .paths import as_posix, inside, suffix, tidy
from .records import record

CONFIG_NAMES = (".reportlint.yaml", ".reportlint.yml")
LEVELS = ("error", "warning", "info")
KEYS = {"profile", "rules", "select", "ignore", "severity", "params", "per-file-ignores", "fail-level", "exclude",
        "per-file-profiles", "extend"}
# Fields keyed by file globs, relative to the file that wrote them: rebased when a nested file extends it.
GLOB_FIELDS = ("exclude", "per_file_ignores", "per_file_profiles")


class ConfigError(RuleError):
    """A configuration file that is not valid: names the file and the key."""

    def __init__(self, file: str, key: str | None, reason: str):
        super().__init__(file, reason, field=key)


@record
class Config:
    """The settings in force for a draft: from a configuration file, or the built-in defaults."""

    file: str | None = None  # where it came from; None: built-in defaults
    profile: str | None = None  # None: recognised from each draft's title and addressee
    rules: list[str] = field(default_factory=list)  # extra packs (absolute paths)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> level
    params: dict[str, dict] = field(default_factory=dict)  # rule id -> parameter overrides
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob -> rule ids/prefixes
    fail_level: str = "warning"
    exclude: list[str] = field(default_factory=list)  # globs of files a folder search skips
    per_file_profiles: dict[str, str] = field(default_factory=dict)  # glob -> profile
    extends: list[str] = field(default_factory=list)  # the files it extends, nearest first

    @property
    def root(self) -> str:
        """The folder the configuration's relative paths and globs start from, resolved."""
        return os.path.realpath(os.path.dirname(self.file) or os.curdir) if self.file else os.getcwd()

    def matches(self, path: str, glob: str) -> bool:
        """`glob` against `path` relative to the config's folder; a glob without / also
        matches the file name alone."""
        p, root = os.path.realpath(path), self.root
        full = as_posix(p)
        rel = as_posix(p[len(root):].lstrip(os.sep)) if inside(p, root) else "." if p == root else full
        return (fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(full, glob)
                or ("/" not in glob and fnmatch.fnmatch(os.path.basename(p), glob)))

    def ignored_for(self, path: str) -> list[str]:
        """Rules the per-file ignores switch off for `path`."""
        return [i for glob, ids in self.per_file_ignores.items() if self.matches(path, glob) for i in ids]

    def profile_for(self, path: str) -> str | None:
        """The profile `per-file-profiles` gives `path` (the first glob that matches)."""
        return next((p for glob, p in self.per_file_profiles.items() if self.matches(path, glob)), None)

    def excludes(self, path: str) -> bool:
        return any(self.matches(path, glob) for glob in self.exclude)

    def as_dict(self) -> dict:
        data = {"file": self.file, "profile": self.profile, "rules": self.rules, "select": self.select,
                "ignore": self.ignore, "severity": self.severity, "params": self.params,
                "per-file-ignores": self.per_file_ignores, "fail-level": self.fail_level, "exclude": self.exclude,
                "per-file-profiles": self.per_file_profiles}
        if self.extends:
            data["extend"] = self.extends
        return data

    def rebased(self) -> Config:
        """This configuration with its globs anchored to its own folder, for a file extending it
        from elsewhere (a glob without / names files anywhere, and stays as it is)."""
        root = as_posix(self.root)

        def anchor(glob: str) -> str:
            return f"{root}/{glob}" if "/" in glob and not os.path.isabs(glob) else glob

        changes = {}
        for name in GLOB_FIELDS:
            value = getattr(self, name)
            changes[name] = {anchor(g): v for g, v in value.items()} if isinstance(value, dict) else [
                anchor(g) for g in value]
        return dataclasses.replace(self, **changes)


def find_config_file(start: str) -> tuple[str, str] | None:
    """(file, format) of the nearest configuration at or above `start`."""
    folder = start if os.path.isdir(start) else os.path.dirname(tidy(start)) or os.curdir  # "a.txt/" is a.txt
    directory = os.path.realpath(folder)
    while True:
        for name in CONFIG_NAMES:
            if os.path.isfile(os.path.join(directory, name)):
                return os.path.join(directory, name), "yaml"
        pyproject = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(pyproject) and "[tool.reportlint" in read_text(pyproject, errors="replace"):
            return pyproject, "toml"
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def read_text(path: str, errors: str = "strict") -> str:
    with open(path, encoding="utf-8", errors=errors) as f:
        return f.read()


def read_config_file(path: str, fmt: str) -> dict:
    import tomllib  # 17 ms to import: only for a pyproject.toml that has our section

    try:
        if fmt == "toml":
            data = tomllib.loads(read_text(path)).get("tool", {}).get("reportlint", {})
        else:
            data = yamlfile.load(read_text(path)) or {}
    except yamlfile.Invalid as exc:
        raise ConfigError(path, None, f"配置文件无法解析：{exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, None, f"配置文件无法解析：{toml_problem(str(exc))}") from None
    except (UnicodeDecodeError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(path, None, f"配置文件无法解析：{first}") from None
    if not isinstance(data, dict):
        raise ConfigError(path, None, "配置应为映射（键: 值）")
    return data


def toml_problem(message: str) -> str:
    """tomllib's message in Chinese, where and what: 第 3 行第 13 列，键重复 …"""
    import re

    where = re.search(r"\(at line (\d+), column (\d+)\)", message)
    place = f"第 {where[1]} 行第 {where[2]} 列，" if where else ("在文件末尾，" if "end of document" in message else "")
    if "Cannot overwrite" in message or "Cannot declare" in message:
        return f"{place}键或表重复（后一个会覆盖前一个），请删去或合并其一"
    return f"{place}TOML 语法错误（{message.split(' (at ')[0]}），请检查引号、括号和等号"


def string_keys(file, key, value) -> None:
    """A mapping's keys (rule ids, globs, parameter names) are strings, one level down too."""
    if not isinstance(value, dict):
        return
    for k, v in value.items():
        if not isinstance(k, str):
            raise ConfigError(file, key, f"的键应为字符串（规则编号或文件模式），实际有 {type(k).__name__}")
        if isinstance(v, dict) and not all(isinstance(inner, str) for inner in v):
            raise ConfigError(file, f"{key}.{k}", "的键应为字符串（参数名）")


def string_list(file, key, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(file, key, "应为字符串列表")
    return value


def contained(config: str, index: int, name: str) -> str:
    """A pack a configuration names, resolved (links followed) and kept inside the configuration's
    folder tree: a configuration comes with the repository it sits in, so whoever wrote it must
    not make reportlint read (and quote in its errors) a file from elsewhere on the machine."""
    root = os.path.realpath(os.path.dirname(config) or os.curdir)
    target = os.path.realpath(os.path.join(root, name))
    if target != root and not inside(target, root):
        raise ConfigError(config, f"rules[{index}]",
                          "规则包须位于本配置文件所在的目录之内；其他位置的规则包请用命令行 --rules 指定")
    return target


def parse_config(path: str, data: dict) -> Config:
    file = path
    unknown = set(data) - KEYS
    if unknown:
        raise ConfigError(file, sorted(unknown)[0], f"未知的配置项（可用：{'、'.join(sorted(KEYS))}）")
    config = Config(file=file)
    if "profile" in data:
        if not isinstance(data["profile"], str):
            raise ConfigError(file, "profile", "应为字符串")
        config.profile = data["profile"]
    config.rules = [contained(path, i, p) for i, p in enumerate(string_list(file, "rules", data.get("rules", [])))]
    config.select = string_list(file, "select", data.get("select", []))
    config.ignore = string_list(file, "ignore", data.get("ignore", []))
    if "fail-level" in data:
        if data["fail-level"] not in LEVELS:
            raise ConfigError(file, "fail-level", f"应为 {' | '.join(LEVELS)} 之一")
        config.fail_level = data["fail-level"]
    for key in ("severity", "params", "per-file-ignores", "per-file-profiles"):
        string_keys(file, key, data.get(key))
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(file, "severity", "应为映射：规则编号: 级别")
    for rule, level in severity.items():
        if level not in LEVELS:
            raise ConfigError(file, f"severity.{rule}", f"应为 {' | '.join(LEVELS)} 之一")
    config.severity = dict(severity)
    params = data.get("params", {})
    if not isinstance(params, dict) or not all(isinstance(v, dict) for v in params.values()):
        raise ConfigError(file, "params", "应为映射：规则编号: {参数: 值}")
    config.params = params
    ignores = data.get("per-file-ignores", {})
    if not isinstance(ignores, dict):
        raise ConfigError(file, "per-file-ignores", "应为映射：文件模式: [规则编号]")
    config.per_file_ignores = {g: string_list(file, f"per-file-ignores.{g}", v) for g, v in ignores.items()}
    config.exclude = string_list(file, "exclude", data.get("exclude", []))
    profiles = data.get("per-file-profiles", {})
    if not isinstance(profiles, dict) or not all(isinstance(v, str) for v in profiles.values()):
        raise ConfigError(file, "per-file-profiles", "应为映射：文件模式: 文档类型")
    config.per_file_profiles = dict(profiles)
    return config


def config_file_format(path: str) -> str:
    return "toml" if suffix(path) == ".toml" else "yaml"


def load_config(path: str, fmt: str, chain: tuple[str, ...] = ()) -> Config:
    """The configuration in `path`, on top of the one it names in `extend:` (ruff's extend): each
    key it sets replaces the parent's, the keys it leaves out are the parent's."""
    data = read_config_file(path, fmt)
    if "extend" not in data:
        return parse_config(path, data)
    target = data.pop("extend")
    if not isinstance(target, str) or not target.strip():
        raise ConfigError(path, "extend", "应为要继承的配置文件路径（字符串）")
    folder = os.path.realpath(os.path.dirname(path) or os.curdir)
    parent_path = os.path.realpath(os.path.join(folder, target))
    above = os.path.dirname(parent_path)
    # Only a configuration file that discovery could reach as well: in this folder, above or below it.
    if os.path.basename(parent_path) not in (*CONFIG_NAMES, "pyproject.toml") or not (
            above == folder or inside(folder, above) or inside(parent_path, folder)):
        raise ConfigError(path, "extend", "只能继承本目录、上级目录或下级目录中的 .reportlint.yaml、"
                                          ".reportlint.yml 或 pyproject.toml")
    if parent_path in (os.path.realpath(path), *chain):
        raise ConfigError(path, "extend", f"继承形成循环：{parent_path} 已在继承链中")
    if not os.path.isfile(parent_path):
        raise ConfigError(path, "extend", f"要继承的配置文件不存在：{parent_path}")
    parent = load_config(parent_path, config_file_format(parent_path), (*chain, os.path.realpath(path))).rebased()
    child = parse_config(path, data)
    own = {key.replace("-", "_") for key in data}
    inherited = {f.name: getattr(parent, f.name) for f in dataclasses.fields(Config)
                 if f.name not in own and f.name not in ("file", "extends")}
    return dataclasses.replace(child, **inherited, extends=[parent_path, *parent.extends])


def config_for(path: str, explicit: str | None = None) -> Config:
    """The configuration that applies to the draft at `path` (or the one given with --config)."""
    if explicit:
        if not os.path.isfile(tidy(explicit)):
            raise ConfigError(explicit, None, "配置文件不存在")
        return load_config(tidy(explicit), config_file_format(tidy(explicit)))
    found = find_config_file(path)
    return load_config(*found) if found else Config()
