"""How long one timeline widget update takes: filter, redraw, and the PNG the notebook shows.

    .venv/bin/python bench/timeline.py                  # 40 updates, about 10 s
    .venv/bin/python bench/timeline.py --repeats 100 --json /tmp/timeline.json

What is timed, per update, on the seed article's events (data/articles/iraq-shiite-militias-2016:
its reported, published and cited events plus the curated context events):

1. ``update``: a control of ``claimframe.views.timeline.timeline_explorer`` is set, exactly as a click
   would (``widget.value = ...``); its observer runs ``filter_events``, runs ``plot_timeline`` on
   the same Axes (it updates the last draw's artists in place), and refills the status line, the
   HTML table and, when its entries change, the HTML legend under the chart;
2. ``render``: ``explorer.render_png()``, the one Agg draw plus PNG encoding that the notebook's
   Output widget displays (outside a kernel nothing is displayed, so it is called here).

The sequence of control changes is fixed (kinds, sources, context and label toggles, colour by,
date ranges, including an empty selection), cycled ``--repeats`` times after one untimed warm-up
pass. The median of update + render (wall clock) is compared with the issue's target (under
100 ms); the process's CPU time is printed beside it. Figures move by 10-20 % on a busy machine;
text drawing dominates (matplotlib renders glyph by glyph), so
the unfiltered chart with labels is the slowest case.

This is a benchmark, not a test: nothing asserts on time.
"""
from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = "iraq-shiite-militias-2016"
TARGET_MS = 100.0


def _steps(x):
    """(name, action) pairs: each action sets one control, as a user would."""
    kinds, sources = x.kinds.options, x.sources.options
    months = x.date_range.options
    return [
        ("kinds: reported only", lambda: setattr(x.kinds, "value", ("reported",))),
        ("kinds: all", lambda: setattr(x.kinds, "value", tuple(kinds))),
        ("context off", lambda: setattr(x.show_context, "value", False)),
        ("context on", lambda: setattr(x.show_context, "value", True)),
        ("labels off", lambda: setattr(x.show_labels, "value", False)),
        ("labels on", lambda: setattr(x.show_labels, "value", True)),
        ("colour by source", lambda: setattr(x.colour_by, "value", "source")),
        ("colour by kind", lambda: setattr(x.colour_by, "value", "kind")),
        # the middle third of the slider's range: any article has one (the seed: Oct 2016 - Mar 2017)
        ("dates: middle third", lambda: setattr(x.date_range, "value", (
            months[len(months) // 3][1], months[2 * len(months) // 3][1]))),
        ("dates: all", lambda: setattr(x.date_range, "value", (months[0][1], months[-1][1]))),
        ("sources: none (empty)", lambda: setattr(x.sources, "value", ())),
        ("sources: all", lambda: setattr(x.sources, "value", tuple(sources))),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=40, help="timed updates (default 40)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)

    import matplotlib

    matplotlib.use("Agg")
    import claimframe
    from claimframe.views.timeline import timeline_explorer

    events = claimframe.load_article(SLUG).events
    t0 = time.perf_counter()
    explorer = timeline_explorer(events)
    explorer.render_png()
    build_ms = (time.perf_counter() - t0) * 1000
    steps = _steps(explorer)
    for _, action in steps:  # warm-up: fonts, tick machinery, caches
        action()
        explorer.render_png()

    update, total, cpu, by_step = [], [], [], {}
    for i in range(args.repeats):
        name, action = steps[i % len(steps)]
        c0, t0 = time.process_time(), time.perf_counter()
        action()
        t1 = time.perf_counter()
        explorer.render_png()
        t2, c2 = time.perf_counter(), time.process_time()
        update.append((t1 - t0) * 1000)
        total.append((t2 - t0) * 1000)
        cpu.append((c2 - c0) * 1000)
        by_step.setdefault(name, []).append((t2 - t0) * 1000)

    median = statistics.median(total)
    result = {
        "article": SLUG,
        "events": len(events),
        "repeats": args.repeats,
        "build_ms": round(build_ms, 1),
        "update_median_ms": round(statistics.median(update), 1),
        "update_render_median_ms": round(median, 1),
        "update_render_max_ms": round(max(total), 1),
        "update_render_cpu_median_ms": round(statistics.median(cpu), 1),
        "by_step_median_ms": {k: round(statistics.median(v), 1) for k, v in by_step.items()},
        "target_ms": TARGET_MS,
        "met": median < TARGET_MS,
        "python": platform.python_version(),
        "matplotlib": matplotlib.__version__,
    }
    print(f"timeline widget, {SLUG}: {len(events)} events, {args.repeats} updates after warm-up")
    print(f"  build explorer (first draw):      {build_ms:7.1f} ms")
    print(f"  update (filter + plot + table):   {result['update_median_ms']:7.1f} ms median")
    print(f"  update + render PNG:              {median:7.1f} ms median, {max(total):.1f} ms max")
    print(f"  update + render PNG, CPU time:    {result['update_render_cpu_median_ms']:7.1f} ms median "
          "(less sensitive to other processes)")
    for name, ms in result["by_step_median_ms"].items():
        print(f"    {name:<26} {ms:7.1f} ms")
    print(f"  target: under {TARGET_MS:.0f} ms median -> {'MET' if result['met'] else 'NOT MET'}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
