"""Outlines of the territories: GeoJSON geometries (RFC 7946, WGS 84)."""

import json
import math

OUTLINE_TYPES = ("Polygon", "MultiPolygon")
# 5 decimals of a degree: about 1 m, finer than any commune outline needs
DIGITS = 5


def _position(value):
    """``[longitude, latitude]`` rounded, or None when ``value`` is not one."""
    if not isinstance(value, list | tuple) or len(value) < 2:
        return None
    lon, lat = value[0], value[1]
    for number in (lon, lat):
        if isinstance(number, bool) or not isinstance(number, int | float):
            return None
        if not math.isfinite(number):
            return None
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return None
    return [round(lon, DIGITS), round(lat, DIGITS)]


def _polygon(rings):
    """A polygon's rings rounded, or None when they are not closed rings of
    at least four positions."""
    if not isinstance(rings, list) or not rings:
        return None
    cleaned = []
    for ring in rings:
        if not isinstance(ring, list) or len(ring) < 4:
            return None
        positions = [_position(value) for value in ring]
        if None in positions or positions[0] != positions[-1]:
            return None
        cleaned.append(positions)
    return cleaned


def clean_geometry(geometry):
    """The outline ``geometry`` (a dict) reduced to its type and rounded
    coordinates, or None when it is not a valid Polygon or MultiPolygon."""
    if not isinstance(geometry, dict) or geometry.get("type") not in OUTLINE_TYPES:
        return None
    coordinates = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        polygons = [coordinates]
    elif isinstance(coordinates, list) and coordinates:
        polygons = coordinates
    else:
        return None
    cleaned = [_polygon(rings) for rings in polygons]
    if None in cleaned:
        return None
    return {
        "type": geometry["type"],
        "coordinates": cleaned[0] if geometry["type"] == "Polygon" else cleaned,
    }


def dumps(geometry):
    """The compact text stored for an outline (the same geometry always gives
    the same text, so that importing it again changes nothing)."""
    return json.dumps(geometry, separators=(",", ":"))


def loads(text):
    """The geometry stored in ``text``, or None when it is not a valid outline."""
    try:
        geometry = json.loads(text)
    except (TypeError, ValueError):
        return None
    return clean_geometry(geometry)
