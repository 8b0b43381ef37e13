"""The `reportlint` command (and `python -m reportlint`): the CLI, started with the collector paused
(collector.py) before the rest of reportlint is imported."""

from . import collector


def main() -> None:
    collector.pause()
    from .cli import main as cli

    try:
        cli()
    finally:  # a command that never planned (kinds, a usage error) would end with it off
        collector.resume()


if __name__ == "__main__":
    main()
