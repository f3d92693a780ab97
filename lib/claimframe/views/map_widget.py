"""The map explorer: ipywidgets controls wired to the map and the relation table."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from claimframe.extract.places import place_counts
from claimframe.extract.relations import locate_relations
from claimframe.io.gazetteer import filter_places, load_basemap
from claimframe.schema import PLACE_KINDS, is_missing
from claimframe.views.map import MAP_BOX, plot_map
from claimframe.views.map_tables import relation_label, relation_table
from claimframe.views.style import FIGSIZE_MAP
from claimframe.views.widgets import WidgetView

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from claimframe.article import Article

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
    :attr:`table_df` (the relation numbers shown), :attr:`figure` and :attr:`ax`.
    """

    EXTENT_OPTIONS = (("fit the claims", "auto"), ("Mosul area", "mosul-area"), ("all of Iraq", "iraq"))

    def __init__(self, article: "Article", places: "pd.DataFrame | None" = None,
                 relations: "pd.DataFrame | None" = None, basemap: dict | None = None):
        import ipywidgets as w

        from claimframe.views.explorer import article_label

        mentions = article.places if places is None else places
        self.article = article
        self.counts = place_counts(mentions)
        self.relations = locate_relations(article.relations if relations is None else relations,
                                          mentions)
        self.basemap = basemap if basemap is not None else load_basemap()
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
        self.extent = w.ToggleButtons(options=list(self.EXTENT_OPTIONS), value="auto",
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
        self.figure = None
        self.ax = None
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
        """Filter, redraw the map and the table; returns the relation numbers shown."""
        from IPython.display import display
        from matplotlib.figure import Figure

        sel = self.selection()
        self.shown = filter_places(self.counts, kinds=sel["kinds"], place_ids=sel["place_ids"])
        filtered = sel["kinds"] is not None or sel["place_ids"] is not None
        ids = [str(p) for p in self.shown["place_id"]] if filtered else None
        self.shown_relations = relations_for(self.relations, ids, sel["highlight"])
        figure = Figure(figsize=FIGSIZE_MAP)  # no pyplot: no global state
        self.ax = plot_map(self.shown, self.shown_relations, self.basemap, ax=figure.add_axes(MAP_BOX),
                           extent=sel["extent"], highlight=sel["highlight"], rings=sel["rings"],
                           source=self.source_label)
        self.figure = figure
        self.table_df = relation_table(self.relations, sel["highlight"], self.counts)
        n_rel = len(self.shown_relations)
        self.status.value = (f"{len(self.shown)} of {len(self.counts)} places; "
                             f"{n_rel} of {len(self.relations)} relative positions")
        with self.map:
            self.map.clear_output(wait=True)
            display(figure)
        with self.table:
            self.table.clear_output(wait=True)
            display(self.table_df)
        return self.table_df


def map_explorer(article: "Article", places: "pd.DataFrame | None" = None,
                 relations: "pd.DataFrame | None" = None, basemap: dict | None = None) -> MapExplorer:
    """Widgets to choose the places and kinds shown, highlight one relative position (its
    numbers in the table below), toggle distance rings and switch the extent."""
    return MapExplorer(article, places, relations, basemap)
