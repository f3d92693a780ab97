"""Geodesy on the WGS84 ellipsoid (pyproj; longitude first in every pyproj call) and the
points of the compass."""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from claimframe import lexicon
from claimframe.errors import ClaimframeError

if TYPE_CHECKING:  # pragma: no cover
    pass


# --------------------------------------------------------------------------------------------
# Geodesy (WGS84, pyproj; longitude first in every pyproj call)
# --------------------------------------------------------------------------------------------

#: The 16 points of the compass, in degrees clockwise from north.
COMPASS: dict[str, float] = {name: i * 22.5 for i, name in enumerate(lexicon.COMPASS_POINTS)}
_COMPASS_KEYS = {k.replace("-", ""): v for k, v in COMPASS.items()}
_COMPASS_KEYS.update({
    "".join(w[0] for w in re.split(r"(?=north|south|east|west)", k.replace("-", "")) if w): v
    for k, v in COMPASS.items()
})  # abbreviations: n, nne, ne, ...


def compass_bearing(word: str) -> float | None:
    """Degrees for a compass word ("northeast", "North-East", "north north-east", "NNE", "due
    south"), or None when it is not one of the 16 points.

        >>> compass_bearing("north-northeast"), compass_bearing("due West")
        (22.5, 270.0)
    """
    key = re.sub(r"[\s-]+", "", word.strip().lower())
    key = key.removeprefix("due")
    return _COMPASS_KEYS.get(key)


@functools.lru_cache(maxsize=1)
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _scalar_or_array(x):
    import numpy as np

    x = np.asarray(x, dtype=float)
    return float(x) if x.ndim == 0 else x


def destination(lat, lon, bearing_deg, km):
    """The point ``km`` kilometres from (lat, lon) along the initial bearing ``bearing_deg``.

    Returns (lat, lon); scalars in, floats out; arrays broadcast.

        >>> [round(v, 4) for v in destination(36.335, 43.11889, 180, 50)]
        [35.8844, 43.1189]
    """
    import numpy as np

    lat, lon, az, dist = np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                               for v in (lat, lon, bearing_deg, km)))
    lon2, lat2, _ = _geod().fwd(lon, lat, az, dist * 1000.0)
    return _scalar_or_array(lat2), _scalar_or_array(lon2)


def distance_bearing(lat1, lon1, lat2, lon2):
    """Geodesic distance in km and initial bearing in 0..360 degrees from point 1 to point 2.

        >>> [round(v, 1) for v in distance_bearing(36.335, 43.11889, 33.34058, 44.40088)]
        [352.3, 160.2]
    """
    import numpy as np

    lat1, lon1, lat2, lon2 = np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                                   for v in (lat1, lon1, lat2, lon2)))
    az, _, dist = _geod().inv(lon1, lat1, lon2, lat2)
    return _scalar_or_array(np.asarray(dist) / 1000.0), _scalar_or_array(np.mod(az, 360.0))


def ring(lat: float, lon: float, km: float, n: int = 72):
    """A closed ring of points ``km`` from (lat, lon): ``n`` bearings 360/n degrees apart, the
    first point repeated at the end (n + 1 points). Returns (lats, lons) as numpy arrays.

    For a map: every point that "some 50 kilometers" from Mosul could mean, whatever direction.
    """
    import numpy as np

    if n < 3:
        raise ClaimframeError(f"ring: n={n} gives no ring; use n >= 3 (72 is 5-degree steps)")
    az = np.arange(n + 1) * (360.0 / n)
    az[-1] = 0.0
    lons, lats, _ = _geod().fwd(np.full(n + 1, float(lon)), np.full(n + 1, float(lat)), az,
                                np.full(n + 1, float(km) * 1000.0))
    return np.asarray(lats), np.asarray(lons)
