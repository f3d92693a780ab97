"""Label placement on the map: labels that do not overlap each other, markers or the frame."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Iterable

from claimframe.views.style import TEXT

if TYPE_CHECKING:  # pragma: no cover

    pass

class Placer:
    """Greedy, deterministic label placement: each label tries offsets around its point, near
    first, and takes the first whose box overlaps nothing placed before and stays in the axes."""

    DIRS = ((1, 0), (0.75, 0.75), (0.75, -0.75), (-1, 0), (-0.75, 0.75), (-0.75, -0.75),
            (0, 1), (0, -1))

    def __init__(self, ax):
        from matplotlib.backends.backend_agg import RendererAgg

        fig = ax.figure
        self.ax = ax
        ax.apply_aspect()
        self.renderer = RendererAgg(max(int(fig.bbox.width), 1), max(int(fig.bbox.height), 1), fig.dpi)
        self.frame = ax.get_window_extent(self.renderer)
        self.boxes: list = []
        self.points: list[tuple[float, float]] = []  # relation geometry
        self.background: list[tuple[float, float]] = []  # rivers
        self.markers: list[tuple[float, float]] = []  # places and stated points

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
        self.boxes.append(Bbox.from_extents(x - r, y - r, x + r, y + r))
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

    def add_box(self, bbox) -> None:
        self.boxes.append(bbox)

    def add_path_points(self, lons, lats, background: bool = False) -> None:
        """Points along lines (rings, stated lines; rivers with ``background``) that labels
        asked to avoid lines, and corner choices, keep clear of."""
        target = self.background if background else self.points
        for lo, la in zip(lons, lats):
            target.append(self.display(lo, la))

    def _inside(self, bb, margin: float) -> bool:
        f = self.frame
        return (bb.x0 >= f.x0 + margin and bb.x1 <= f.x1 - margin and bb.y0 >= f.y0 + margin
                and bb.y1 <= f.y1 - margin)

    def _hits(self, pts: list, bb, pad: float) -> int:
        import numpy as np

        if not pts:
            return 0
        a = np.asarray(pts, dtype=float)
        return int(((a[:, 0] >= bb.x0 - pad) & (a[:, 0] <= bb.x1 + pad)
                    & (a[:, 1] >= bb.y0 - pad) & (a[:, 1] <= bb.y1 + pad)).sum())

    def _overlap(self, bb, pad: float, points: str | bool = False) -> float:
        total = 0.0
        if points:
            total += 400.0 * self._hits(self.points, bb, pad)
            if points == "all":
                total += 400.0 * self._hits(self.background, bb, pad)
        for b in self.boxes:
            w = min(bb.x1 + pad, b.x1) - max(bb.x0 - pad, b.x0)
            h = min(bb.y1 + pad, b.y1) - max(bb.y0 - pad, b.y0)
            if w > 0 and h > 0:
                total += w * h
        return total

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
                t = self.ax.annotate(s, xy=(lon, lat), xytext=off, textcoords="offset points",
                                     ha=ha, va=va, annotation_clip=False, **kw)
                bb = t.get_window_extent(self.renderer)
                t.remove()
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

    def _keep(self, lon, lat, s, off, ha, va, bb, scale, leader, gid, kw):
        arrow = None
        if leader and scale > 1.0:
            arrow = dict(arrowstyle="-", color=leader, lw=0.7, shrinkA=1, shrinkB=4)
        t = self.ax.annotate(s, xy=(lon, lat), xytext=off, textcoords="offset points", ha=ha,
                             va=va, arrowprops=arrow, annotation_clip=False, **kw)
        if gid:
            t.set_gid(gid)
        self.boxes.append(bb)
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
