"""Write static/vendor/world-atlas/thailand.geojson: Thailand's outline (Natural Earth admin-0,
public domain) taken from the npm package world-atlas's countries TopoJSON, so the sites' maps
draw with no tile server and no network.

Usage: npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
       python scripts/thailand_outline.py package/countries-50m.json
"""

import json
import sys
from pathlib import Path

THAILAND = "764"  # ISO 3166-1 numeric, the id world-atlas gives each country
OUT = Path(__file__).resolve().parent.parent / "static" / "vendor" / "world-atlas" / "thailand.geojson"


def decode_arcs(topology: dict) -> list[list[list[float]]]:
    """TopoJSON arcs are delta-encoded integers; the transform turns them back into degrees."""
    scale = topology["transform"]["scale"]
    translate = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * scale[0] + translate[0], 5), round(y * scale[1] + translate[1], 5)])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs) -> list[list[float]]:
    points: list[list[float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
    return points


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    country = next(g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == THAILAND)
    polygons = country["arcs"] if country["type"] == "MultiPolygon" else [country["arcs"]]
    geometry = {
        "type": "MultiPolygon",
        "coordinates": [[ring(r, arcs) for r in polygon] for polygon in polygons],
    }
    feature = {
        "type": "Feature",
        "properties": {"name": "Thailand", "source": "Natural Earth via world-atlas@2.0.2 (public domain)"},
        "geometry": geometry,
    }
    OUT.write_text(json.dumps(feature, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
