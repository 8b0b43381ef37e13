"""reportlint: a compliance linter for Chinese government report drafts."""

__version__ = "0.2.0"
