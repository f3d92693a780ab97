"""The map explorer: ipywidgets controls wired to the map and the relation table.

The explorer keeps one figure for its whole life. A change of the places, kinds, rings or extent
draws the map again on the same Axes (:func:`plot_map` keeps the basemap's artists, the inset and
the legend); a change of the highlighted relation only restyles the last drawing
(:func:`highlight_map`: no basemap, no label layout). Its picture is drawn by :class:`Layers`,
which keeps bitmaps of what did not change, and shown as a PNG cropped to what is drawn, as the
notebook's inline backend would show the figure.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from claimframe.extract.places import place_counts
from claimframe.extract.relations import locate_relations
from claimframe.io.gazetteer import filter_places
from claimframe.schema import PLACE_KINDS, is_missing
from claimframe.views.map import MAP_BOX, extent_presets, highlight_map, map_layers, plot_map
from claimframe.views.map_tables import relation_label, relation_table
from claimframe.views.style import FIGSIZE_MAP
from claimframe.views.tables import readable
from claimframe.views.widgets import WidgetView, has_front_end

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd
    from matplotlib.figure import Figure

    from claimframe.article import Article

#: The map widget's dpi: matplotlib's default, so the picture is the size the notebook's
#: static map is.
WIDGET_DPI = 100

# --------------------------------------------------------------------------------------------
# Drawing a figure from bitmaps of what did not change
# --------------------------------------------------------------------------------------------


class Layers:
    """Draws a figure of one Axes as its Agg canvas would, but keeps bitmaps ("sprites") of
    groups of artists and pastes them where they would be drawn instead of drawing them again.

    Artists are drawn in the order Axes.draw draws them (by zorder). ``dynamic`` artists (those
    a highlight restyles) each get a sprite per look (their token); ``lasting`` ones (a legend,
    notes, an inset) keep theirs across layouts while their token and the Axes' place are the
    same; every run of other artists between them is one sprite for the current ``layout``.
    Agg blends each artist over what is below it, so pasting an artist's bitmap where it would
    be drawn gives the same picture, to a few levels of rounding at anti-aliased edges.
    """

    #: Bitmaps kept per lasting artist (its last looks), and of lasting artists in all.
    LOOKS_KEPT = 4
    LASTING_KEPT = 24

    def __init__(self, figure: "Figure", ax):
        self.figure, self.ax = figure, ax
        self.sprites: dict = {}
        self.layout = None
        self._scratch = None

    def _renderer(self):
        return self.figure.canvas.get_renderer()

    def render(self, layout: Any, dynamic: dict | None = None, lasting: dict | None = None,
               capture: bool = True) -> "np.ndarray":
        """Draw the figure into its canvas and return the canvas' RGBA pixels (rows top first).
        ``capture=False`` draws runs not kept yet without keeping them (cheaper once)."""
        import numpy as np

        dynamic, lasting = dynamic or {}, lasting or {}
        fig, ax = self.figure, self.ax
        renderer = self._renderer()
        if set(fig.get_children()) - {fig.patch, ax}:  # not a figure of one Axes: draw it all
            fig.canvas.draw()
            return np.asarray(fig.canvas.get_renderer().buffer_rgba())
        if layout != self.layout:  # runs and dynamic artists are those of one layout
            self.sprites = {k: v for k, v in self.sprites.items() if k[0] == "lasting"}
            self.layout = layout
        self._forget_old_looks()
        ax.apply_aspect()
        where = tuple(round(v, 9) for v in ax.get_position().bounds)
        groups = self._groups(layout, dynamic, lasting, where)
        renderer.clear()
        gc = renderer.new_gc()
        try:
            for key, artists, keep in groups:
                sprite = self.sprites.pop(key, _MISSING)  # put back last: the newest
                if sprite is _MISSING and (keep or capture):
                    sprite = self._capture(artists)
                if sprite is not _MISSING:
                    self.sprites[key] = sprite
                if sprite is _MISSING:
                    for artist in artists:
                        artist.draw(renderer)
                elif sprite is not None:
                    x, y, pixels = sprite[:3]
                    renderer.draw_image(gc, x, y, pixels)
        finally:
            gc.restore()
        return np.asarray(renderer.buffer_rgba())

    def _forget_old_looks(self) -> None:
        """Keep the last few looks of each lasting artist (a title per highlight, an inset per
        view) and the last few lasting bitmaps in all: the ones a user goes back to, not one for
        every view ever shown. (A kept bitmap holds its artist, so no other takes its id.)"""
        seen: dict = {}
        kept = 0
        for key in reversed(list(self.sprites)):  # newest first
            if key[0] == "lasting":
                seen[key[1]] = seen.get(key[1], 0) + 1
                kept += 1
                if seen[key[1]] > self.LOOKS_KEPT or kept > self.LASTING_KEPT:
                    del self.sprites[key]

    def _groups(self, layout, dynamic: dict, lasting: dict, where) -> list:
        """(sprite key, artists, keep even when not capturing) in drawing order."""
        from operator import attrgetter

        fig, ax = self.figure, self.ax
        framed = ax.axison and ax.get_frame_on()
        skip = {id(ax.patch)}
        if not framed:
            skip |= {id(s) for s in ax.spines.values()}
        if not ax.axison:
            skip |= {id(ax.xaxis), id(ax.yaxis)}
        children = sorted((a for a in ax.get_children() if id(a) not in skip and not a.get_animated()),
                          key=attrgetter("zorder"))
        groups, run = [], [fig.patch] + ([ax.patch] if framed else [])

        def close_run():
            if run:
                groups.append((("run", layout, tuple(id(a) for a in run)), list(run), False))
                run.clear()

        for artist in children:
            if artist in dynamic:
                close_run()
                groups.append((("dynamic", layout, id(artist), dynamic[artist]), [artist], False))
            elif artist in lasting:
                close_run()
                groups.append((("lasting", id(artist), lasting[artist], where), [artist], True))
            elif artist.get_visible():
                run.append(artist)
        close_run()
        return groups

    def _capture(self, artists: list):
        """(x, y, RGBA rows bottom first, artists) of the artists drawn alone, cropped to what
        they cover; None when they cover nothing."""
        import numpy as np
        from matplotlib.backends.backend_agg import RendererAgg

        main = self._renderer()
        scratch = self._scratch
        if scratch is None or (scratch.width, scratch.height, scratch.dpi) != (main.width, main.height, main.dpi):
            scratch = self._scratch = RendererAgg(main.width, main.height, main.dpi)
        scratch.clear()
        for artist in artists:
            artist.draw(scratch)
        pixels = np.asarray(scratch.buffer_rgba())
        alpha = pixels[:, :, 3]
        rows = np.flatnonzero(alpha.any(axis=1))
        if not len(rows):
            return None
        top, bottom = int(rows[0]), int(rows[-1]) + 1
        cols = np.flatnonzero(alpha[top:bottom].any(axis=0))
        left, right = int(cols[0]), int(cols[-1]) + 1
        crop = np.ascontiguousarray(pixels[top:bottom, left:right][::-1])
        return left, main.height - bottom, crop, artists


_MISSING = object()


# --------------------------------------------------------------------------------------------
# Widgets
# --------------------------------------------------------------------------------------------

def _as_list(values: Any) -> list[str] | None:
    """Empty or None -> None (no filter, as an empty multi-select), else a list of strings."""
    if values is None:
        return None
    values = [values] if isinstance(values, str) else [str(v) for v in values]
    return values or None


def relations_for(relations: "pd.DataFrame", place_ids: Iterable[str] | None,
                  highlight: str | None = None) -> "pd.DataFrame":
    """The relations to draw when only ``place_ids`` are shown: those whose subject is shown,
    or, with no placed subject, whose anchor is; the highlighted one always. ``None`` keeps all."""
    if place_ids is None or not len(relations):
        return relations
    ids = set(place_ids)
    keep = []
    for r in relations.to_dict("records"):
        subject = None if is_missing(r.get("subject_place_id")) else str(r["subject_place_id"])
        anchor = None if is_missing(r.get("anchor_place_id")) else str(r["anchor_place_id"])
        keep.append(r["relation_id"] == highlight or (subject in ids if subject else anchor in ids))
    return relations[keep].reset_index(drop=True)


class MapExplorer(WidgetView):
    """Controls for one article's map, wired to :func:`filter_places`, :func:`plot_map` and
    :func:`relation_table`. Display it in a notebook; setting any control's ``value`` redraws,
    as does :meth:`update`.

    Attributes after each update: :attr:`shown` (the places drawn), :attr:`shown_relations`,
    :attr:`table_df` (the relation numbers shown), :attr:`figure` and :attr:`ax` (the same
    objects for the explorer's life), and :attr:`changed`: "layout" when the map was drawn again,
    "highlight" when only the highlight was restyled, "" when nothing on the map changed.
    """


    def __init__(self, article: "Article", places: "pd.DataFrame | None" = None,
                 relations: "pd.DataFrame | None" = None, basemap: dict | None = None):
        import ipywidgets as w
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        from claimframe.views.explorer import article_label

        mentions = article.places if places is None else places
        self.article = article
        self.counts = place_counts(mentions)
        self.relations = locate_relations(article.relations if relations is None else relations,
                                          mentions)
        self.basemap = basemap  # None: plot_map takes the regional or the world basemap by the view
        self.source_label = article_label(article)
        c = self.counts
        self.places = w.SelectMultiple(
            options=[(f"{lab} ({n})", pid) for lab, n, pid in zip(c["label"], c["mentions"], c["place_id"])],
            description="places", rows=min(max(len(c), 2), 7), layout=w.Layout(width="34%"))
        kinds = [k for k in PLACE_KINDS if k in set(c["kind"].astype(object))]
        self.kinds = w.SelectMultiple(
            options=[(f"{k} ({int((c['kind'] == k).sum())})", k) for k in kinds],
            description="kinds", rows=min(max(len(kinds), 2), 7), layout=w.Layout(width="24%"))
        self.relation = w.Dropdown(
            options=[("none", "")] + [(relation_label(r), r["relation_id"])
                                        for r in self.relations.to_dict("records")],
            description="highlight", layout=w.Layout(width="60%"))
        self.rings = w.Checkbox(value=True, description="distance rings", indent=False)
        self.extent = w.ToggleButtons(options=extent_presets(mentions), value="auto",
                                      description="extent")
        self.status = w.Label(value="")
        self.map = w.Output()
        self.table = w.Output()
        self.controls = [self.places, self.kinds, self.relation, self.rings, self.extent]
        self.widget = w.VBox([
            w.HBox([self.places, self.kinds, w.VBox([self.rings, self.status])]),
            w.HBox([self.relation]),
            self.extent,
            self.map,
            self.table,
        ])
        self.shown = c.iloc[0:0]
        self.shown_relations = self.relations.iloc[0:0]
        self.table_df = None
        self.changed = ""
        self.figure = Figure(figsize=FIGSIZE_MAP, dpi=WIDGET_DPI)  # not pyplot's: no stray display
        FigureCanvasAgg(self.figure)
        self.ax = self.figure.add_axes(MAP_BOX)
        self.layers = Layers(self.figure, self.ax)
        self._layout_key = None  # what the map drawn shows: places, relations, rings, extent
        self._highlight = None
        self._tables: dict = {}  # highlight -> its relation numbers
        self._table_shown = None
        self._map_shown = False
        self.watch(self.controls)
        self.update()

    def selection(self) -> dict[str, Any]:
        """The plot arguments the controls hold now."""
        return {
            "kinds": _as_list(self.kinds.value),
            "place_ids": _as_list(self.places.value),
            "highlight": self.relation.value or None,  # "" is "none" (a None option renders blank)
            "rings": bool(self.rings.value),
            "extent": self.extent.value,
        }

    def update(self) -> "pd.DataFrame":
        """Filter, redraw the map (or restyle it, when only the highlight changed) and the table;
        returns the relation numbers shown."""
        sel = self.selection()
        self.shown = filter_places(self.counts, kinds=sel["kinds"], place_ids=sel["place_ids"])
        filtered = sel["kinds"] is not None or sel["place_ids"] is not None
        ids = [str(p) for p in self.shown["place_id"]] if filtered else None
        self.shown_relations = relations_for(self.relations, ids, sel["highlight"])
        # what is drawn; the highlight only restyles it (unless it adds a relation to draw)
        key = (tuple(self.shown["place_id"]), tuple(self.shown_relations["relation_id"]), sel["rings"],
               sel["extent"])
        if key == self._layout_key and highlight_map(self.ax, sel["highlight"]):
            self.changed = "highlight" if sel["highlight"] != self._highlight else ""
        else:
            plot_map(self.shown, self.shown_relations, self.basemap, ax=self.ax, extent=sel["extent"],
                     highlight=sel["highlight"], rings=sel["rings"], source=self.source_label)
            self._layout_key = key
            self.changed = "layout"
        self._highlight = sel["highlight"]
        if sel["highlight"] not in self._tables:
            self._tables[sel["highlight"]] = relation_table(self.relations, sel["highlight"], self.counts)
        self.table_df = self._tables[sel["highlight"]]
        n_rel = len(self.shown_relations)
        self.status.value = (f"{len(self.shown)} of {len(self.counts)} places; "
                             f"{n_rel} of {len(self.relations)} relative positions")
        self._show()
        return self.table_df

    def render_png(self) -> bytes:
        """The map as PNG bytes, as the notebook shows it: drawn from the bitmaps of what did not
        change (:class:`Layers`), cropped to what is drawn plus a margin as the inline backend's
        ``bbox_inches="tight"`` would, lightly compressed."""
        from claimframe.views.explorer import png_of

        dynamic, lasting, layout = map_layers(self.ax)
        # After a new layout, draw it; keep bitmaps of its parts once a highlight is restyled
        # (most of what the next restyles draw is then pasted, not drawn).
        pixels = self.layers.render(layout, dynamic, lasting, capture=self.changed != "layout")
        return png_of(self.figure, pixels)

    def _show(self) -> None:
        if not has_front_end():
            return  # tests, scripts: the Axes is up to date, nothing to show
        from IPython.display import Image, display

        if self.changed or not self._map_shown:
            png = self.render_png()
            with self.map:
                self.map.clear_output(wait=True)
                display(Image(data=png, format="png"))
            self._map_shown = True
        if self._table_shown is not self.table_df:
            with self.table:
                self.table.clear_output(wait=True)
                display(readable(self.table_df))
            self._table_shown = self.table_df


def map_explorer(article: "Article", places: "pd.DataFrame | None" = None,
                 relations: "pd.DataFrame | None" = None, basemap: dict | None = None) -> MapExplorer:
    """Widgets to choose the places and kinds shown, highlight one relative position (its
    numbers in the table below), toggle distance rings and switch the extent."""
    return MapExplorer(article, places, relations, basemap)
