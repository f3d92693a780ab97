"""Label placement on the map: labels that do not overlap each other, markers or the frame."""
from __future__ import annotations

import math
from typing import Iterable

from claimframe.views.style import TEXT

#: Text properties that do not change a label's size: its extent is measured once without them.
_NOT_SIZE = frozenset({"color", "zorder", "path_effects"})


class Placer:
    """Greedy, deterministic label placement: each label tries offsets around its point, near
    first, and takes the first whose box overlaps nothing placed before and stays in the axes.

    A label's box is measured once per text, alignment and font (``sizes``, which a caller may
    share between placements on the same figure: a box relative to its anchor does not depend
    on where the anchor is) and moved to each candidate offset, rather than drawn at each.
    """

    DIRS = ((1, 0), (0.75, 0.75), (0.75, -0.75), (-1, 0), (-0.75, 0.75), (-0.75, -0.75),
            (0, 1), (0, -1))

    def __init__(self, ax, sizes: dict | None = None):
        fig = ax.figure
        self.ax = ax
        ax.apply_aspect()
        self.renderer = _renderer(fig)
        self.frame = ax.get_window_extent(self.renderer)
        self.sizes = {} if sizes is None else sizes
        self.boxes: list = []
        self.owners: list[str | None] = []  # the gid of the label each box is, or None
        self.points: list[tuple[float, float]] = []  # relation geometry
        self.background: list[tuple[float, float]] = []  # rivers
        self.markers: list[tuple[float, float]] = []  # places and stated points
        self._arrays: dict[str, object] = {}  # numpy copies of the lists above, made when needed

    def px(self, points: float) -> float:
        return points * self.ax.figure.dpi / 72.0

    def display(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self.ax.transData.transform((lon, lat))
        return float(x), float(y)

    def add_point(self, lon: float, lat: float, radius_pt: float, marker: bool = True) -> None:
        """A marker to keep clear of; labels must also sit nearer their own marker than any
        other (so "Balad" cannot read as the label of the dot beside it)."""
        from matplotlib.transforms import Bbox

        x, y = self.display(lon, lat)
        r = self.px(radius_pt)
        self.add_box(Bbox.from_extents(x - r, y - r, x + r, y + r))
        if marker:
            self.markers.append((x, y))

    def _ambiguous(self, bb, lon: float, lat: float) -> bool:
        """Whether another marker is nearer the label's box than the point it labels."""
        def gap(x, y):
            dx = max(bb.x0 - x, 0.0, x - bb.x1)
            dy = max(bb.y0 - y, 0.0, y - bb.y1)
            return math.hypot(dx, dy)

        ox, oy = self.display(lon, lat)
        own = gap(ox, oy)
        return any(gap(x, y) < own - 1.0 for x, y in self.markers
                   if math.hypot(x - ox, y - oy) > 1.0)

    def add_box(self, bbox, owner: str | None = None) -> None:
        self.boxes.append(bbox)
        self.owners.append(owner)
        self._arrays.pop("boxes", None)

    def add_path_points(self, lons, lats, background: bool = False) -> None:
        """Points along lines (rings, stated lines; rivers with ``background``) that labels
        asked to avoid lines, and corner choices, keep clear of."""
        import numpy as np

        target = self.background if background else self.points
        xy = np.column_stack([np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)])
        if len(xy):  # one transform for the whole line
            target.extend(map(tuple, self.ax.transData.transform(xy).tolist()))
        self._arrays.pop("background" if background else "points", None)

    def _array(self, name: str):
        import numpy as np

        a = self._arrays.get(name)
        if a is None:
            if name == "boxes":
                a = np.array([(b.x0, b.y0, b.x1, b.y1) for b in self.boxes], dtype=float).reshape(-1, 4)
            else:
                a = np.asarray(getattr(self, name), dtype=float).reshape(-1, 2)
            self._arrays[name] = a
        return a

    def _inside(self, bb, margin: float) -> bool:
        f = self.frame
        return (bb.x0 >= f.x0 + margin and bb.x1 <= f.x1 - margin and bb.y0 >= f.y0 + margin
                and bb.y1 <= f.y1 - margin)

    def _hits(self, name: str, bb, pad: float) -> int:
        a = self._array(name)
        if not len(a):
            return 0
        return int(((a[:, 0] >= bb.x0 - pad) & (a[:, 0] <= bb.x1 + pad)
                    & (a[:, 1] >= bb.y0 - pad) & (a[:, 1] <= bb.y1 + pad)).sum())

    def _overlap(self, bb, pad: float, points: str | bool = False) -> float:
        """Points near the box (400 each) plus the area the box, grown by ``pad``, shares with
        each box placed before: summed in order, as a loop would (``cumsum`` adds one by one)."""
        import numpy as np

        total = 0.0
        if points:
            total += 400.0 * self._hits("points", bb, pad)
            if points == "all":
                total += 400.0 * self._hits("background", bb, pad)
        b = self._array("boxes")
        if not len(b):
            return total
        w = np.minimum(bb.x1 + pad, b[:, 2]) - np.maximum(bb.x0 - pad, b[:, 0])
        h = np.minimum(bb.y1 + pad, b[:, 3]) - np.maximum(bb.y0 - pad, b[:, 1])
        areas = np.where((w > 0) & (h > 0), w * h, 0.0)
        if not areas.any():
            return total
        return float(np.cumsum(np.concatenate(([total], areas)))[-1])

    def _rel(self, lon: float, lat: float, s: str, ha: str, va: str, kw: dict) -> tuple:
        """The box of ``s`` relative to its anchor (display pixels), measured once per text,
        alignment and font: the same wherever the anchor is."""
        try:
            key = (self.ax.figure.dpi, s, ha, va,
                   tuple(sorted((k, v) for k, v in kw.items() if k not in _NOT_SIZE)))
            hash(key)
        except TypeError:  # a property that cannot be a key: measure this one where it is
            key = None
        rel = self.sizes.get(key) if key is not None else None
        if rel is None:
            x, y = self.display(lon, lat)
            t = self.ax.annotate(s, xy=(lon, lat), xytext=(0, 0), textcoords="offset points",
                                 ha=ha, va=va, annotation_clip=False, **kw)
            bb = t.get_window_extent(self.renderer)
            t.remove()
            rel = (bb.x0 - x, bb.y0 - y, bb.x1 - x, bb.y1 - y)
            if key is not None:
                self.sizes[key] = rel
        return rel

    def extent(self, lon: float, lat: float, s: str, off, ha: str, va: str, kw: dict):
        """The display box of ``s`` annotated at (lon, lat) with offset ``off`` (points)."""
        from matplotlib.transforms import Bbox

        rel = self._rel(lon, lat, s, ha, va, kw)
        x, y = self.display(lon, lat)
        k = self.ax.figure.dpi / 72.0
        dx, dy = x + off[0] * k, y + off[1] * k
        return Bbox.from_extents(rel[0] + dx, rel[1] + dy, rel[2] + dx, rel[3] + dy)

    def text(self, lon: float, lat: float, s: str, *, radius: float = 6.0,
             dirs: Iterable[tuple[float, float]] | None = None, scales=(1.0, 2.2, 3.6),
             leader: str | None = None, force: bool = True, gid: str | None = None,
             avoid_lines: str | bool = False, owned: bool = False, **kw):
        """Place text near (lon, lat); returns the artist, or None when there is no room and
        ``force`` is False."""
        from matplotlib import patheffects

        kw.setdefault("fontsize", 8.5)
        kw.setdefault("color", TEXT)
        kw.setdefault("zorder", 8)
        kw.setdefault("path_effects", [patheffects.withStroke(linewidth=3, foreground="white")])
        dirs = list(dirs or self.DIRS)
        best = None
        margin = self.px(2)
        # Lines (rings, stated lines) are "soft" for labels that must be drawn: among the nearest
        # candidates clear of every box, take the one crossing fewest lines (the halo keeps it
        # readable) rather than push the label away. Background labels avoid lines strictly.
        soft = bool(avoid_lines) and avoid_lines != "all" and force
        first_clear = None
        for i, scale in enumerate(scales):
            clear = []
            for dx, dy in dirs:
                off = (dx * radius * scale, dy * radius * scale)
                ha = "left" if dx > 0.1 else "right" if dx < -0.1 else "center"
                va = "bottom" if dy > 0.1 else "top" if dy < -0.1 else "center"
                bb = self.extent(lon, lat, s, off, ha, va, kw)
                inside = self._inside(bb, margin)
                boxes = self._overlap(bb, self.px(1.5))
                lines = self._overlap(bb, self.px(1.5), points=avoid_lines) - boxes
                if owned and self._ambiguous(bb, lon, lat):
                    boxes += 5e4  # reads as another marker's label: only if nothing else fits
                if inside and boxes == 0 and lines == 0:
                    return self._keep(lon, lat, s, off, ha, va, bb, scale, leader, gid, kw)
                if inside and boxes == 0:
                    clear.append((lines, len(clear), off, ha, va, bb, scale))
                cost = boxes + lines + (0 if inside else 1e7) + scale * 10
                if best is None or cost < best[0]:
                    best = (cost, off, ha, va, bb, scale)
            if i == 0 and clear:
                first_clear = min(clear, key=lambda c: (c[0], c[1]))
            # nothing clear of lines near the point, nor a step further out: cross the fewest
            if soft and first_clear is not None and i == min(1, len(scales) - 1):
                _, _, off, ha, va, bb, scale = first_clear
                return self._keep(lon, lat, s, off, ha, va, bb, scale, leader, gid, kw)
        if not force or best is None or not self._inside(best[4], 0):
            return None
        _, off, ha, va, bb, scale = best
        return self._keep(lon, lat, s, off, ha, va, bb, scale, leader, gid, kw)

    def first_clear(self, lons, lats, s: str, *, gid: str | None = None, **kw):
        """Place ``s`` centred on the first of the points (lon, lat) where its box stays in the
        frame and touches no box, line or river: what :meth:`text` with ``radius=0``,
        ``dirs=[(0, 0)]``, ``scales=(1.0,)``, ``force=False`` and ``avoid_lines="all"`` does
        point by point, tested for all the points at once. Returns the artist, or None."""
        import numpy as np
        from matplotlib import patheffects

        kw.setdefault("fontsize", 8.5)
        kw.setdefault("color", TEXT)
        kw.setdefault("zorder", 8)
        kw.setdefault("path_effects", [patheffects.withStroke(linewidth=3, foreground="white")])
        lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
        if not len(lons):
            return None
        rel = self._rel(float(lons[0]), float(lats[0]), s, "center", "center", kw)
        xy = self.ax.transData.transform(np.column_stack([lons, lats]))
        x0, y0 = rel[0] + xy[:, 0], rel[1] + xy[:, 1]
        x1, y1 = rel[2] + xy[:, 0], rel[3] + xy[:, 1]
        f, margin, pad = self.frame, self.px(2), self.px(1.5)
        ok = (x0 >= f.x0 + margin) & (x1 <= f.x1 - margin) & (y0 >= f.y0 + margin) & (y1 <= f.y1 - margin)
        for name in ("points", "background"):
            pts = self._array(name)
            for chunk in range(0, len(pts), 2000):  # candidates x points, a slice of points at a time
                px, py = pts[chunk:chunk + 2000, 0], pts[chunk:chunk + 2000, 1]
                ok &= ~(((px >= (x0 - pad)[:, None]) & (px <= (x1 + pad)[:, None])
                         & (py >= (y0 - pad)[:, None]) & (py <= (y1 + pad)[:, None])).any(axis=1))
        b = self._array("boxes")
        if len(b):
            w = np.minimum((x1 + pad)[:, None], b[:, 2]) - np.maximum((x0 - pad)[:, None], b[:, 0])
            h = np.minimum((y1 + pad)[:, None], b[:, 3]) - np.maximum((y0 - pad)[:, None], b[:, 1])
            ok &= ~((w > 0) & (h > 0)).any(axis=1)
        hits = np.flatnonzero(ok)
        if not len(hits):
            return None
        i = int(hits[0])
        lon, lat = float(lons[i]), float(lats[i])
        # the box as text() measures it, so the boxes kept are the same whichever way it is placed
        bb = self.extent(lon, lat, s, (0.0, 0.0), "center", "center", kw)
        return self._keep(lon, lat, s, (0.0, 0.0), "center", "center", bb, 1.0, None, gid, kw)

    def _keep(self, lon, lat, s, off, ha, va, bb, scale, leader, gid, kw):
        arrow = None
        if leader and scale > 1.0:
            arrow = dict(arrowstyle="-", color=leader, lw=0.7, shrinkA=1, shrinkB=4)
        t = self.ax.annotate(s, xy=(lon, lat), xytext=off, textcoords="offset points", ha=ha,
                             va=va, arrowprops=arrow, annotation_clip=False, **kw)
        if gid:
            t.set_gid(gid)
        self.add_box(bb, gid)
        return t

    def corner_score(self, rect_axes) -> float:
        """How much drawn content sits in a rectangle given in axes fractions."""
        f = self.frame
        x0, y0, w, h = rect_axes
        X0, Y0 = f.x0 + x0 * f.width, f.y0 + y0 * f.height
        X1, Y1 = X0 + w * f.width, Y0 + h * f.height
        score = 0.0
        for b in self.boxes:
            ww = min(X1, b.x1) - max(X0, b.x0)
            hh = min(Y1, b.y1) - max(Y0, b.y0)
            if ww > 0 and hh > 0:
                score += 100 + ww * hh
        score += 30 * sum(1 for x, y in self.points if X0 <= x <= X1 and Y0 <= y <= Y1)
        return score

    def axes_box(self, rect_axes):
        from matplotlib.transforms import Bbox

        f = self.frame
        x0, y0, w, h = rect_axes
        return Bbox.from_extents(f.x0 + x0 * f.width, f.y0 + y0 * f.height,
                                 f.x0 + (x0 + w) * f.width, f.y0 + (y0 + h) * f.height)


def _renderer(fig):
    """The figure's own Agg renderer when it has one (so text sizes measured for one layout are
    cached for the next), else a new one of the figure's size and dpi."""
    from matplotlib.backends.backend_agg import RendererAgg

    get = getattr(fig.canvas, "get_renderer", None)
    renderer = get() if get is not None else None
    if isinstance(renderer, RendererAgg) and renderer.dpi == fig.dpi:
        return renderer
    return RendererAgg(max(int(fig.bbox.width), 1), max(int(fig.bbox.height), 1), fig.dpi)
