"""The `reportlint` command (and `python -m reportlint`): the CLI, started with the collector paused
(collector.py) before the rest of reportlint is imported."""

from . import collector


def main() -> None:
    collector.pause()
    from .cli import main as cli

    cli()


if __name__ == "__main__":
    main()
