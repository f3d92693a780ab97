"""What every widget view shares: displaying its ``widget`` and redrawing when a control changes."""
from __future__ import annotations


def has_front_end() -> bool:
    """Whether an IPython kernel is running, so there is a notebook to show pictures in. Without
    one (tests, scripts) a view keeps its figure up to date and renders nothing."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return False
    return get_ipython() is not None


class WidgetView:
    """Base for the notebook views (claims, map, checks explorers; the review form; the picker).

    A subclass builds ``self.widget`` (an ipywidgets container) and, for live views, calls
    :meth:`watch` with its controls so any change of value runs ``self.update()``.
    """

    widget = None

    def watch(self, controls) -> None:
        for control in controls:
            control.observe(lambda _change: self.update(), names="value")

    def update(self):  # pragma: no cover - every live view defines it
        raise NotImplementedError

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
