"""Command line: ``python -m claimframe claims PATH [--published YYYY-MM-DD] [--format csv|json]``.

PATH is an article directory, a .txt file, a slug under data/articles/, or ``-`` for standard
input. Tables go to standard output; on bad input one line goes to standard error and the exit
code is 2.
"""
from __future__ import annotations

import argparse
import sys

from .article import load_article, read_text
from .errors import ClaimframeError

#: command -> (Article attribute, help)
TABLES = {
    "claims": ("claims", "the numeric claims table"),
    "sentences": ("sentences", "sentences with their speakers"),
    "paragraphs": ("paragraphs", "paragraphs with their roles"),
    "events": ("events", "the dated events table"),
    "places": ("places", "place mentions with coordinates"),
    "relations": ("relations", "relative positions with their geodesy"),
    "checks": ("checks", "the consistency checks"),
}
EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimframe", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in TABLES.items():
        p = sub.add_parser(name, help=f"write {help_text}")
        p.add_argument("path", help="article directory, .txt file, slug, or - for stdin")
        p.add_argument("--published", help="publication date YYYY-MM-DD (overrides meta.toml)")
        p.add_argument("--format", choices=("csv", "json"), default="csv")
    return parser


def _load(path: str, published: str | None):
    if path == "-":
        data = sys.stdin.buffer.read()
        from .article import decode_text

        return read_text(decode_text(data, where="stdin"), published=published)
    return load_article(path, published=published)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        article = _load(args.path, args.published)
        table = getattr(article, TABLES[args.command][0])
    except ClaimframeError as exc:
        print(f"claimframe: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"claimframe: {args.path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from .export import to_csv, to_json

    sys.stdout.write(to_csv(table) if args.format == "csv" else to_json(table) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
