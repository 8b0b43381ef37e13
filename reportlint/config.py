"""Configuration: `.reportlint.yaml` or `[tool.reportlint]` in pyproject.toml.

The nearest one above each linted file applies (walking up from the file's folder, as ruff
does); command-line flags win over it. Relative paths in a file are relative to that file.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlfile
from .errors import RuleError

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


@dataclass
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
    def root(self) -> Path:
        return Path(self.file).parent if self.file else Path.cwd()

    def matches(self, path: str, glob: str) -> bool:
        """`glob` against `path` relative to the config's folder; a glob without / also
        matches the file name alone."""
        p = Path(path).resolve()
        try:
            rel = p.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = p.as_posix()
        return (fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(p.as_posix(), glob)
                or ("/" not in glob and fnmatch.fnmatch(p.name, glob)))

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
        root = self.root.resolve().as_posix()

        def anchor(glob: str) -> str:
            return f"{root}/{glob}" if "/" in glob and not os.path.isabs(glob) else glob

        changes = {}
        for name in GLOB_FIELDS:
            value = getattr(self, name)
            changes[name] = {anchor(g): v for g, v in value.items()} if isinstance(value, dict) else [
                anchor(g) for g in value]
        return dataclasses.replace(self, **changes)


def find_config_file(start: Path) -> tuple[Path, str] | None:
    """(file, format) of the nearest configuration at or above `start`."""
    folder = start if start.is_dir() else start.parent
    for directory in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            if (directory / name).is_file():
                return directory / name, "yaml"
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and "[tool.reportlint" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return pyproject, "toml"
    return None


def read_config_file(path: Path, fmt: str) -> dict:
    import tomllib  # 17 ms to import: only for a pyproject.toml that has our section

    try:
        if fmt == "toml":
            data = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("reportlint", {})
        else:
            data = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    except yamlfile.Invalid as exc:
        raise ConfigError(str(path), None, f"配置文件无法解析：{exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), None, f"配置文件无法解析：{toml_problem(str(exc))}") from None
    except (UnicodeDecodeError, OSError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(str(path), None, f"配置文件无法解析：{first}") from None
    if not isinstance(data, dict):
        raise ConfigError(str(path), None, "配置应为映射（键: 值）")
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


def contained(config: Path, index: int, name: str) -> str:
    """A pack a configuration names, resolved (links followed) and kept inside the configuration's
    folder tree: a configuration comes with the repository it sits in, so whoever wrote it must
    not make reportlint read (and quote in its errors) a file from elsewhere on the machine."""
    root = config.parent.resolve()
    target = (root / name).resolve()
    if target != root and root not in target.parents:
        raise ConfigError(str(config), f"rules[{index}]",
                          "规则包须位于本配置文件所在的目录之内；其他位置的规则包请用命令行 --rules 指定")
    return str(target)


def parse_config(path: Path, data: dict) -> Config:
    file = str(path)
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


def config_file_format(path: Path) -> str:
    return "toml" if path.suffix == ".toml" else "yaml"


def load_config(path: Path, fmt: str, chain: tuple[Path, ...] = ()) -> Config:
    """The configuration in `path`, on top of the one it names in `extend:` (ruff's extend): each
    key it sets replaces the parent's, the keys it leaves out are the parent's."""
    data = read_config_file(path, fmt)
    if "extend" not in data:
        return parse_config(path, data)
    target = data.pop("extend")
    if not isinstance(target, str) or not target.strip():
        raise ConfigError(str(path), "extend", "应为要继承的配置文件路径（字符串）")
    parent_path = (path.parent / target).resolve()
    folder = path.parent.resolve()
    # Only a configuration file that discovery could reach as well: in this folder, above or below it.
    if parent_path.name not in (*CONFIG_NAMES, "pyproject.toml") or not (
            parent_path.parent == folder or parent_path.parent in folder.parents or folder in parent_path.parents):
        raise ConfigError(str(path), "extend", "只能继承本目录、上级目录或下级目录中的 .reportlint.yaml、"
                                               ".reportlint.yml 或 pyproject.toml")
    if parent_path in (path.resolve(), *chain):
        raise ConfigError(str(path), "extend", f"继承形成循环：{parent_path} 已在继承链中")
    if not parent_path.is_file():
        raise ConfigError(str(path), "extend", f"要继承的配置文件不存在：{parent_path}")
    parent = load_config(parent_path, config_file_format(parent_path), (*chain, path.resolve())).rebased()
    child = parse_config(path, data)
    own = {key.replace("-", "_") for key in data}
    inherited = {f.name: getattr(parent, f.name) for f in dataclasses.fields(Config)
                 if f.name not in own and f.name not in ("file", "extends")}
    return dataclasses.replace(child, **inherited, extends=[str(parent_path), *parent.extends])


def config_for(path: str, explicit: str | None = None) -> Config:
    """The configuration that applies to the draft at `path` (or the one given with --config)."""
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError(explicit, None, "配置文件不存在")
        return load_config(p, config_file_format(p))
    found = find_config_file(Path(path))
    return load_config(*found) if found else Config()
