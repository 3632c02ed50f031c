"""Documentation stays true: every command, setting and data file is documented."""

from __future__ import annotations

import re

import click

from conftest import ROOT
from strife.cli import main
from strife.settings import Settings

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "strife") -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        full = f"{prefix} {name}"
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full))
        else:
            out.append(full)
    return out


def test_every_command_is_in_the_readme() -> None:
    for cmd in _commands(main):
        assert f"`{cmd}" in README, cmd


def test_every_option_is_in_the_readme() -> None:
    for cmd_name in _commands(main):
        parts = cmd_name.split()[1:]
        cmd = main
        for p in parts:
            cmd = cmd.commands[p]  # type: ignore[attr-defined]
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in README, f"{cmd_name} {opt}"


def test_every_setting_is_in_the_readme() -> None:
    for name, _default, _help in Settings.describe():
        assert f"`{name}`" in README, name


def test_readme_starts_with_the_two_setup_commands() -> None:
    blocks = re.findall(r"```bash\n(.*?)```", README, re.S)
    assert "strife run samples/" in blocks[0]
    assert 'pip install -e ".[test]"' in blocks[1] and "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci


def test_linked_docs_exist() -> None:
    for link in re.findall(r"\]\(((?:docs|samples)/[^)#]+)\)", README):
        assert (ROOT / link).exists(), link
