"""How long one widget update takes in a kernel: the claims, map and timeline explorers.

    .venv/bin/python bench/widgets.py                        # seed + wildfire articles, about 40 s
    .venv/bin/python bench/widgets.py --baseline HEAD        # against lib/claimframe/views at HEAD, interleaved
    .venv/bin/python bench/widgets.py --repeats 0 --png /tmp/widgets   # save every PNG shown, no timing

What is timed. Each explorer is built inside an in-process IPython kernel (ipykernel's
``InProcessKernelManager``) with the inline matplotlib backend enabled exactly as JupyterLab
enables it (``display(figure)`` renders a PNG with ``bbox_inches="tight"``), so an update costs
what it costs under a notebook: a control's ``value`` is set as a click sets it, its observers
filter, redraw, render the PNG and publish it (and the table) to the Output widgets, and the
time runs until the assignment returns, that is until the Output has been refreshed. Wall time
(``perf_counter``) and the process's CPU time (``process_time``, all threads: less sensitive to
other processes on a busy machine) are both recorded.

Explorers and the clicks, on each article (``--articles``; default the seed article and
wildfire-evacuations-2021, whose place is outside the Iraq basemap):

- map (``claimframe.views.map_widget.map_explorer``): highlight each relative position in turn
  and none again, distance rings off and on, each extent, each place kind alone and all, the
  most named place alone, the two most named, all, and a highlight again after those;
- claims (``claimframe.views.explorer.claims_explorer``): each chart measure and "most claims"
  again, each kind alone and all, each hedge alone and all, the first sources and entities alone
  and all, a search and an empty search;
- timeline (``claimframe.views.timeline.timeline_explorer``): bench/timeline.py's cycle (kinds,
  sources, context and label toggles, colour by, date ranges, an empty selection).

The sequence runs once (its figures are printed apart as the "first pass": every state seen
for the first time by that explorer) and then ``--repeats`` times; median, 90th percentile and
maximum are over the repeated passes, per explorer and per control. A click that changes
nothing drawn (a filter that leaves the same places on the map) may refresh nothing: it is
timed all the same, and listed as "no display".

``--baseline REV`` also times the views of another revision: a copy of lib/ whose
lib/claimframe/views/ is taken from ``git show REV:...``. The two sides run in separate
processes, alternating (before, after, after, before, ...) for ``--rounds`` rounds, so the
drift of a busy machine falls on both; the figures pool every round. ``--png DIR`` saves the
picture each explorer shows after its build and after each click of the first pass, to look at
before and after a change; ``--json FILE`` writes the summary.

Targets (from the redesign issue): map and claims explorer updates under 100 ms median, the
timeline under 50 ms. This is a benchmark, not a test: nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ("iraq-shiite-militias-2016", "wildfire-evacuations-2021")
EXPLORERS = ("map", "claims", "timeline")
TARGETS_MS = {"map": 100.0, "claims": 100.0, "timeline": 50.0}
VIEWS = "lib/claimframe/views"


# --- the clicks ------------------------------------------------------------------------------

def _set(control, value):
    return lambda: setattr(control, "value", value)


def map_steps(x) -> list[tuple[str, str, object]]:
    """(control, what, action): the map explorer's clicks, each changing one control's value."""
    steps = []
    relations = [v for _, v in x.relation.options if v]
    for rid in relations:
        steps.append(("highlight", f"highlight {rid}", _set(x.relation, rid)))
    if relations:
        steps.append(("highlight", "highlight none", _set(x.relation, "")))
    steps += [("rings", "rings off", _set(x.rings, False)), ("rings", "rings on", _set(x.rings, True))]
    extents = [v for _, v in x.extent.options]
    for value in extents[1:] + extents[:1]:
        steps.append(("extent", f"extent {value}", _set(x.extent, value)))
    kinds = [v for _, v in x.kinds.options]
    for kind in kinds:
        steps.append(("kinds", f"kinds {kind}", _set(x.kinds, (kind,))))
    if kinds:
        steps.append(("kinds", "kinds all", _set(x.kinds, ())))
    places = [v for _, v in x.places.options]
    if places:
        steps.append(("places", f"places {places[0]}", _set(x.places, tuple(places[:1]))))
    if len(places) > 1:
        steps.append(("places", "places two", _set(x.places, tuple(places[:2]))))
    if places:
        steps.append(("places", "places all", _set(x.places, ())))
    if relations:  # a highlight again, now after the layout changes
        steps.append(("highlight", f"highlight {relations[-1]}", _set(x.relation, relations[-1])))
        steps.append(("highlight", "highlight none", _set(x.relation, "")))
    return steps


def claims_steps(x) -> list[tuple[str, str, object]]:
    steps = []
    measures = [v for _, v in x.measure.options]
    for value in measures[1:] + measures[:1]:
        steps.append(("measure", f"measure {value or 'most claims'}", _set(x.measure, value)))
    for name, control, limit in (("kind", x.kind, None), ("hedge", x.hedge, None),
                                 ("source", x.source, 3), ("entity", x.entity, 3)):
        values = [v for _, v in control.options][:limit]
        for value in values:
            steps.append((name, f"{name} {value}", _set(control, (value,))))
        if values:
            steps.append((name, f"{name} all", _set(control, ())))
    steps += [("search", "search 'said'", _set(x.search, "said")), ("search", "search ''", _set(x.search, ""))]
    return steps


def timeline_steps(x) -> list[tuple[str, str, object]]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from timeline import _steps  # bench/timeline.py's cycle, so both benches click alike
    finally:
        sys.path.pop(0)
    return [(name.split(":")[0].split(" ")[0], name, action) for name, action in _steps(x)]


# --- one side, in its own process ------------------------------------------------------------

class _Shown:
    """What the kernel publishes: counts displays and keeps the last PNG."""

    def __init__(self, shell):
        self.count, self.png = 0, None
        publish = shell.display_pub.publish

        def spy(data, *args, **kwargs):
            self.count += 1
            if "image/png" in data:
                self.png = data["image/png"]
            return publish(data, *args, **kwargs)

        shell.display_pub.publish = spy

    def png_bytes(self) -> bytes | None:
        import base64

        if self.png is None:
            return None
        return self.png if isinstance(self.png, bytes) else base64.b64decode(self.png)


def _kernel():
    from ipykernel.inprocess.manager import InProcessKernelManager

    manager = InProcessKernelManager()
    manager.start_kernel()
    shell = manager.kernel.shell
    shell.enable_matplotlib("inline")  # JupyterLab's default: PNG, bbox_inches="tight"
    return manager, shell


def _build(name: str, article):
    if name == "map":
        from claimframe.views.map_widget import map_explorer

        return map_explorer(article), map_steps
    if name == "claims":
        from claimframe.views.explorer import claims_explorer

        return claims_explorer(article), claims_steps
    from claimframe.views.timeline import timeline_explorer

    return timeline_explorer(article.events, published=article.published), timeline_steps


def run_worker(articles: list[str], explorers: list[str], repeats: int, png_dir: str | None,
               side: str) -> dict:
    _manager, shell = _kernel()
    shown = _Shown(shell)
    import claimframe

    out = {"side": side, "articles": {}}
    for slug in articles:
        article = claimframe.load_article(slug)
        per_article = out["articles"].setdefault(slug, {})
        for name in explorers:
            t0 = time.perf_counter()
            explorer, steps_of = _build(name, article)
            build_ms = (time.perf_counter() - t0) * 1000
            if png_dir:
                _save(png_dir, side, name, slug, 0, "first view", shown.png_bytes())
            steps = steps_of(explorer)
            first, timed, silent = [], [], []
            for rep in range(repeats + 1):
                for i, (control, what, action) in enumerate(steps):
                    before = shown.count
                    c0, t0 = time.process_time(), time.perf_counter()
                    action()
                    wall, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000
                    if shown.count == before:
                        silent.append(what)
                    record = {"control": control, "step": what, "wall_ms": round(wall, 2), "cpu_ms": round(cpu, 2)}
                    (first if rep == 0 else timed).append(record)
                    if rep == 0 and png_dir:
                        _save(png_dir, side, name, slug, i + 1, what, shown.png_bytes())
            per_article[name] = {"build_ms": round(build_ms, 1), "first": first, "timed": timed,
                                 "silent_steps": sorted(set(silent))}
    return out


def _save(png_dir: str, side: str, name: str, slug: str, i: int, what: str, data: bytes | None) -> None:
    if data is None:
        return
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in what)[:40]
    path = Path(png_dir) / f"{side}-{name}-{slug}-{i:02d}-{safe}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# --- the parent: sides, rounds, report ---------------------------------------------------------

def _baseline_lib(rev: str, into: Path) -> Path:
    """A copy of lib/ whose claimframe/views/ is the one of ``rev`` (files git knows at rev), beside a
    link to data/ (the package finds its data relative to itself)."""
    lib = into / "lib"
    (into / "data").symlink_to(ROOT / "data", target_is_directory=True)
    shutil.copytree(ROOT / "lib", lib, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.rmtree(lib / "claimframe" / "views")
    names = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, VIEWS + "/"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.split()
    for name in names:
        data = subprocess.run(["git", "show", f"{rev}:{name}"], cwd=ROOT, capture_output=True,
                              check=True).stdout
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return lib


def _run_side(side: str, lib: Path, args) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        result_path = f.name
    env = dict(os.environ, PYTHONPATH=str(lib), PYDEVD_DISABLE_FILE_VALIDATION="1")
    cmd = [sys.executable, "-Xfrozen_modules=off", str(Path(__file__).resolve()), "--worker", side,
           "--worker-out", result_path, "--repeats", str(args.repeats),
           "--articles", *args.articles, "--explorers", *args.explorers]
    if args.png:
        cmd += ["--png", args.png]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"the {side} worker failed (exit {proc.returncode})")
    try:
        return json.loads(Path(result_path).read_text(encoding="utf-8"))
    finally:
        os.unlink(result_path)


def _stats(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    p90 = statistics.quantiles(ordered, n=10, method="inclusive")[-1] if len(ordered) > 1 else ordered[0]
    return {"n": len(values), "median": round(statistics.median(ordered), 1), "p90": round(p90, 1),
            "max": round(ordered[-1], 1)}


def summarise(runs: list[dict]) -> dict:
    """Pool every round of each side: per explorer (all articles) and per explorer/article/control."""
    summary: dict = {}
    for run in runs:
        side = summary.setdefault(run["side"], {"explorers": {}, "controls": {}, "first": {}, "build_ms": {},
                                                "silent": {}})
        for slug, per_article in run["articles"].items():
            for name, rec in per_article.items():
                pool = side["explorers"].setdefault(name, {"wall": [], "cpu": []})
                pool["wall"] += [r["wall_ms"] for r in rec["timed"]]
                pool["cpu"] += [r["cpu_ms"] for r in rec["timed"]]
                side["first"].setdefault(name, []).extend(r["wall_ms"] for r in rec["first"])
                side["build_ms"].setdefault(f"{name} {slug}", []).append(rec["build_ms"])
                if rec["silent_steps"]:
                    side["silent"][f"{name} {slug}"] = rec["silent_steps"]
                for r in rec["timed"]:
                    side["controls"].setdefault(f"{name} {slug} {r['control']}", []).append(
                        (r["wall_ms"], r["cpu_ms"]))
    out = {}
    for side_name, side in summary.items():
        out[side_name] = {
            "explorers": {name: {"wall": _stats(p["wall"]), "cpu": _stats(p["cpu"])}
                          for name, p in side["explorers"].items()},
            "first_pass_wall": {name: _stats(v) for name, v in side["first"].items()},
            "controls_median": {k: [round(statistics.median(w for w, _ in v), 1),
                                    round(statistics.median(c for _, c in v), 1)]
                                for k, v in side["controls"].items()},
            "build_ms": {k: round(statistics.median(v), 1) for k, v in side["build_ms"].items()},
            "silent_steps": side["silent"],
        }
    return out


def report(summary: dict, sides: list[str]) -> str:
    lines = []
    for name in EXPLORERS:
        if not any(name in summary[s]["explorers"] for s in sides):
            continue
        lines.append(f"{name} explorer: one update (set a control's value until the Output is refreshed)")
        for s in sides:
            e = summary[s]["explorers"].get(name)
            if not e:
                continue
            w, c, f = e["wall"], e["cpu"], summary[s]["first_pass_wall"][name]
            target = TARGETS_MS[name]
            if not w["n"]:
                lines.append(f"  {s:<8} no timed updates (--repeats 0); first pass median {f['median']:7.1f} ms")
                continue
            met = "MET" if w["median"] < target else "NOT MET"
            lines.append(f"  {s:<8} wall median {w['median']:7.1f} ms  p90 {w['p90']:7.1f}  max {w['max']:7.1f}"
                         f"  | CPU median {c['median']:7.1f} p90 {c['p90']:7.1f}  | first pass median "
                         f"{f['median']:7.1f}  (n={w['n']}; target < {target:.0f} ms: {met})")
        if len(sides) == 2 and all(summary[s]["explorers"].get(name, {}).get("wall", {}).get("n") for s in sides):
            a, b = (summary[s]["explorers"][name]["wall"]["median"] for s in sides)
            lines.append(f"  {sides[1]} / {sides[0]}: {b / a:.2f}x the median wall time")
    lines.append("per control, median wall / CPU ms:")
    keys = sorted({k for s in sides for k in summary[s]["controls_median"]})
    lines.append("  " + f"{'explorer article control':<52}" + "".join(f"{s:>16}" for s in sides))
    for k in keys:
        cells = [summary[s]["controls_median"].get(k) for s in sides]
        lines.append("  " + f"{k:<52}" + "".join(f"{c[0]:8.1f} /{c[1]:6.1f}" if c else f"{'':>16}"
                                             for c in cells))
    lines.append("build (first draw included), ms:")
    for k in sorted({k for s in sides for k in summary[s]["build_ms"]}):
        lines.append("  " + f"{k:<52}" + "".join(f"{summary[s]['build_ms'].get(k, float('nan')):16.1f}"
                                             for s in sides))
    for s in sides:
        for k, steps in summary[s]["silent_steps"].items():
            lines.append(f"  note: {s} {k}: no display after {', '.join(steps)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=3, help="timed passes over each sequence (default 3)")
    ap.add_argument("--articles", nargs="+", default=list(ARTICLES), help="slugs or paths (default: %(default)s)")
    ap.add_argument("--explorers", nargs="+", default=list(EXPLORERS), choices=EXPLORERS)
    ap.add_argument("--baseline", metavar="REV", help="also time lib/claimframe/views as of this git revision")
    ap.add_argument("--rounds", type=int, default=2, help="with --baseline: rounds of both sides (default 2)")
    ap.add_argument("--png", metavar="DIR", help="save the PNG shown after the build and each step of the first pass")
    ap.add_argument("--json", help="also write the summary to this file")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--worker-out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        result = run_worker(args.articles, args.explorers, args.repeats, args.png, args.worker)
        Path(args.worker_out).write_text(json.dumps(result), encoding="utf-8")
        return 0

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.baseline:
            sides = {"before": _baseline_lib(args.baseline, Path(tmp)), "after": ROOT / "lib"}
            order = []
            for i in range(args.rounds):
                order += ["before", "after"] if i % 2 == 0 else ["after", "before"]
        else:
            sides, order = {"current": ROOT / "lib"}, ["current"]
        for side in order:
            t0 = time.perf_counter()
            runs.append(_run_side(side, sides[side], args))
            print(f"[{side} run done in {time.perf_counter() - t0:.0f} s]", file=sys.stderr)
    names = list(dict.fromkeys(order)) if not args.baseline else ["before", "after"]
    summary = summarise(runs)
    print(f"widget updates in an in-process kernel, articles: {', '.join(args.articles)}; "
          f"{args.repeats} timed pass(es) per run" + (f", {args.rounds} round(s), baseline {args.baseline}"
                                                      if args.baseline else ""))
    print(report(summary, names))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
