"""Command line: python -m claimframe claims PATH [--published YYYY-MM-DD] [--format csv|json].

PATH is an article directory, a .txt file, a saved .html page, a slug under data/articles/, or
- for standard input. Tables go to standard output; on bad input one line goes to standard error
and the exit code is 2. add files a new article (a text file or a saved web page) under
data/articles/; export writes every table.
"""
from __future__ import annotations

import argparse
import sys

from claimframe.article import load_article, read_text
from claimframe.errors import ClaimframeError

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
#: Commands that can write GeoJSON (``--format geojson``): places (with the relations) and relations.
GEOJSON_COMMANDS = ("places", "relations")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimframe", description=__doc__.split("\n\n")[0].replace("\n", " "),
                                     epilog=__doc__.split("\n\n")[1].replace("\n", " "))
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in TABLES.items():
        p = sub.add_parser(name, help=f"write {help_text}")
        p.add_argument("path", help="article directory, .txt file, saved .html page, slug, or - for stdin")
        p.add_argument("--published", help="publication date YYYY-MM-DD (overrides meta.toml)")
        formats = ("csv", "json", "geojson") if name in GEOJSON_COMMANDS else ("csv", "json")
        # the help offers only what works; main() refuses anything else in one line
        p.add_argument("--format", metavar="{" + ",".join(formats) + "}", default="csv",
                       help="output format (default: csv)")
    add = sub.add_parser("add", help="file an article under data/articles/<slug>/")
    add.add_argument("path", help="a .txt file (UTF-8, or UTF-16/32 with a byte-order mark), a web page saved as "
                                  ".html (its article text, title, outlet, date, author and URL are extracted), "
                                  "or - for stdin")
    add.add_argument("--slug", required=True,
                     help="the article's ID and folder name: letters, digits, '-', '_' and '.', "
                          "starting with a letter or digit, at most 100 characters")
    for field, what in (("title", "the headline"), ("published", "publication date YYYY-MM-DD"),
                        ("outlet", "the publication"), ("url", "the article's address"), ("author", "the byline")):
        add.add_argument(f"--{field}", help=f"{what} (overrides what a page gives)")
    add.add_argument("--force", action="store_true",
                     help="replace the text of an existing article with this slug; meta.toml keeps every "
                          "field not given here")
    export = sub.add_parser("export", help="write every table as CSV and Parquet, places as GeoJSON, "
                                           "events as TimelineJS JSON")
    export.add_argument("path", help="article directory, .txt file, saved .html page, slug, or - for stdin")
    export.add_argument("--to", required=True, help="output directory (created if missing)")
    export.add_argument("--published", help="publication date YYYY-MM-DD (overrides meta.toml)")
    return parser


def _load(path: str, published: str | None):
    if path == "-":
        data = sys.stdin.buffer.read()
        from claimframe.io.load import decode_text

        return read_text(decode_text(data, where="stdin"), published=published)
    return load_article(path, published=published)


def _read_input(path: str) -> str:
    from pathlib import Path

    from claimframe.io.load import decode_text

    if path == "-":
        return decode_text(sys.stdin.buffer.read(), where="stdin")
    return decode_text(Path(path).read_bytes(), where=path)


def _add(args) -> int:
    """``add``: file the text or page; say what a page gave and what it did not, and warn when the
    article has no publication date."""
    import warnings

    from claimframe.io.html import PAGE_FIELDS, is_html_page
    from claimframe.io.load import MetadataWarning, add_article, add_page, check_slug

    check_slug(args.slug)  # before reading the input, so a bad slug is blamed on the slug
    meta = {f: getattr(args, f) for f in ("title", "published", "outlet", "url", "author")}
    text = _read_input(args.path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MetadataWarning)
        if is_html_page(text):
            folder, page = add_page(text, args.slug, force=args.force, **meta)
        else:
            folder, page = add_article(text, args.slug, force=args.force, **meta), None
    print(f"added {folder}")
    if page is not None:
        found = [f"{key}: {page.meta[key]}" for key in PAGE_FIELDS if key in page.meta and not meta.get(key)]
        for line in found:
            print(f"  from the page: {line}")
        if page.missing:
            them = "it" if len(page.missing) == 1 else "them"
            print(f"claimframe: the page gives no {', '.join(page.missing)}; set {them} in {folder / 'meta.toml'}",
                  file=sys.stderr)
    for warning in caught:
        if issubclass(warning.category, MetadataWarning):
            print(f"claimframe: warning: {warning.message}", file=sys.stderr)
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return 0


def _run(args) -> int:
    """Do the command; raises ClaimframeError or OSError on bad input."""
    if args.command == "add":
        return _add(args)
    article = _load(args.path, args.published)
    if args.command == "export":
        from claimframe.io.export import export_article

        for path in export_article(article, args.to):
            print(path)
        return 0
    if args.format == "geojson":
        import json

        from claimframe.io.geojson import places_geojson

        geo = places_geojson(article.places, article.relations,
                             include_places=args.command == "places")
        sys.stdout.write(json.dumps(geo, ensure_ascii=False, indent=1) + "\n")
        return 0
    from claimframe.io.export import to_csv, to_json

    table = getattr(article, TABLES[args.command][0])
    sys.stdout.write(to_csv(table) if args.format == "csv" else to_json(table) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "format", None) == "geojson" and args.command not in GEOJSON_COMMANDS:
        print(f"claimframe: --format geojson is for the {' and '.join(GEOJSON_COMMANDS)} commands, "
              f"not {args.command}; use csv or json", file=sys.stderr)
        return EXIT_BAD_INPUT
    if getattr(args, "format", None) not in (None, "csv", "json", "geojson"):
        print(f"claimframe: --format {args.format!r}: use csv or json"
              + (" or geojson" if args.command in GEOJSON_COMMANDS else ""), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return _run(args)
    except ClaimframeError as exc:
        print(f"claimframe: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # name the file that failed: the input, or one add was writing
        print(f"claimframe: {exc.filename or args.path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
