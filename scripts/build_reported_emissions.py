#!/usr/bin/env python3
"""Build Sources/App/Resources/seed/reported_emissions.json.

Reads the two reference files of reported (published) city-wide emissions:

  /work/shared/reference/cities_ne_asia.csv               (CDP / CDP-ICLEI rows)
  /work/shared/reference/ceads_china_cities_co2_selected.csv (CEADs territorial CO2)

and writes one JSON object per usable row. Numbers are parsed with Decimal and
written with their exact decimal text (no float rounding): CEADs `co2_mt` is
multiplied by 1,000,000 exactly.

Rules (see reported_emissions.md for the explanation):
  * city: the slug in cities.json whose names.en equals the row's English name;
    rows whose city is not in cities.json are skipped and listed.
  * rows without a total are skipped and listed.
  * CEADs rows copied into cities_ne_asia.csv (rounded to whole tonnes) are
    skipped as duplicates of the full-precision CEADs row and listed.
  * scope1/2/3 are parsed from the source text ("S1 n", "S2 n", "S3 n",
    "direct n", "indirect(grid) n", "outside(-boundary) n"); else null.
  * confidence: UNCERTAIN when the source text calls the row an error, a
    data-quality case, a re-report or inconsistent; otherwise DERIVED when the
    total is a computed sum ("DERIVED sum"); otherwise REPORTED.

Usage: python3 scripts/build_reported_emissions.py [--check]
  --check  only verify that the file on disk equals what would be written.
"""
import csv
import json
import os
import re
import sys
from decimal import Decimal

REF = "/work/shared/reference"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "Sources", "App", "Resources", "seed")
CITIES_JSON = os.path.join(SEED, "cities.json")
OUT = os.path.join(SEED, "reported_emissions.json")

CDP_FILE = "reference/cities_ne_asia.csv"
CEADS_FILE = "reference/ceads_china_cities_co2_selected.csv"

NUM = r"([0-9][0-9,]*(?:\.[0-9]+)?)"


def dec(text):
    """'25,082,520' -> Decimal('25082520'); exact."""
    return Decimal(text.replace(",", ""))


def parse_scopes(src):
    """Scope figures stated in the source text, as Decimals (or None)."""
    def one(pattern):
        m = re.search(pattern, src)
        return dec(m.group(1)) if m else None

    s1 = one(r"\bS1 " + NUM)
    s2 = one(r"\bS2 " + NUM)
    s3 = one(r"\bS3 " + NUM)
    direct = one(r"\bdirect " + NUM)
    indirect = one(r"\bindirect(?:\(grid\))? " + NUM)
    outside = one(r"\boutside(?:-boundary)? " + NUM)
    if s1 is None and direct is not None:
        s1 = direct
    if s2 is None and indirect is not None:
        s2 = indirect
    if s3 is None and outside is not None:
        s3 = outside
    return s1, s2, s3


def slug_index():
    cities = json.load(open(CITIES_JSON, encoding="utf-8"))
    index = {}
    for c in cities:
        en = (c.get("names") or {}).get("en")
        if en:
            index[en] = c["slug"]
    return index


def fmt(n):
    """Thousands-separated text for notes."""
    if n == n.to_integral_value():
        return "{:,}".format(int(n))
    return "{:,}".format(n)


def cdp_basis(src):
    if re.search(r"TOTAL BASIC\b(?!\+)", src) or "under GPC BASIC" in src:
        return "BASIC"
    if "TOTAL BASIC+" in src:
        return "BASIC+"
    return "city-wide"


def cdp_confidence(src):
    if re.search(r"\bERROR\b|data-quality|re-reported|re-report|inconsistent", src, re.I):
        return "UNCERTAIN"
    if "DERIVED sum" in src:  # not "gdp_usd DERIVED", which is about GDP
        return "DERIVED"
    return "REPORTED"


def cdp_note(row, total, s1, s2, s3, basis, confidence):
    src = row["source"]
    parts = []
    if "Emissions Reduction Targets" in src:
        parts.append("Base-year emissions of the city's reduction target, from the CDP 2021 "
                     "Cities Emissions Reduction Targets dataset; no scope breakdown given.")
    elif basis == "BASIC":
        if "= BASIC+" in src or "(= BASIC+)" in src:
            parts.append("Source gives the total as GPC BASIC and says BASIC+ is the same figure.")
        else:
            parts.append("Source gives the total as GPC BASIC.")
    else:
        parts.append("Source does not say whether the total is BASIC or BASIC+.")
    m = re.search(r"BASIC\+ =? ?" + NUM, src)
    if m:
        parts.append("Source also gives BASIC+ = " + fmt(dec(m.group(1))) + " t CO2e.")
    if "direct (scope 1) only" in src:
        parts.append("The total is direct (scope 1) emissions only; indirect emissions are not "
                     "reported in this field, so scope1_tco2e repeats the total.")
    if "DERIVED sum" in src:
        text = ("The total is the sum direct + indirect (grid) computed by the reference-data "
                "compiler, not a figure printed by CDP")
        if re.search(r"\boutside(?:-boundary)? " + NUM, src):
            text += ("; emissions outside the boundary are excluded from it and shown as "
                     "scope3_tco2e")
        parts.append(text + ".")
    if s1 is not None and s2 is not None and "DERIVED sum" not in src and "only" not in src:
        comp = s1 + s2 + (s3 if s3 is not None else 0)
        label = "S1 + S2" + (" + S3" if s3 is not None else "")
        if comp == total:
            parts.append(label + " equals the total.")
        else:
            diff = comp - total
            parts.append(label + " = " + fmt(comp) + ", " + fmt(abs(diff))
                         + (" more" if diff > 0 else " less") + " than the total.")
    elif s1 is None and s2 is None and s3 is not None:
        parts.append("Only scope 3 (" + fmt(s3) + ") is stated besides the total.")
    if re.search(r"\bERROR\b", src):
        m = re.search(r"CDP (\w+) field = ([0-9,]+) \(ERROR", src)
        what = (" (" + m.group(1) + " field " + m.group(2) + ")") if m else ""
        parts.append("Source flags an ERROR in this CDP record" + what
                     + "; the emissions total itself is not said to be wrong; kept as a "
                     "data-validation case.")
    if "components exceed total" in src:
        parts.append("Re-report of the same fiscal year; source calls it a data-quality case "
                     "because the components exceed the total.")
    elif "data-quality case" in src:
        parts.append("Source calls this a data-quality case.")
    if "inconsistent source" in src:
        m = re.search(r"reports the same FY\d{4} differently \(([^)]*)\)", src)
        parts.append("Source says a later CDP dataset reports the same year differently"
                     + (" (" + m.group(1) + ")" if m else "") + " and calls it inconsistent.")
    if "includes power plants" in src:
        parts.append("Source says the total includes power plants.")
    if re.search(r"\bFY\d{4}", src):
        parts.append("Japanese fiscal year (April-March) per source.")
    return " ".join(parts)


def build():
    slugs = slug_index()
    records = []
    skipped = []  # (source_file, city, year, reason)

    # CEADs first pass: index by (city, year) for the duplicate check.
    ceads_rows = list(csv.DictReader(open(os.path.join(REF, "ceads_china_cities_co2_selected.csv"),
                                          encoding="utf-8")))
    ceads_t = {}
    for r in ceads_rows:
        ceads_t[(r["city"], int(r["year"]))] = Decimal(r["co2_mt"]) * Decimal(1000000)

    for r in csv.DictReader(open(os.path.join(REF, "cities_ne_asia.csv"), encoding="utf-8")):
        city, year, src = r["city"], int(r["year"]), r["source"]
        if not r["total_emissions_tco2e"].strip():
            skipped.append((CDP_FILE, city, year, "no total in the source (" +
                            ("no inventory reported" if "no inventory" in src else "empty") + ")"))
            continue
        total = dec(r["total_emissions_tco2e"])
        if src.startswith("CEADs"):
            full = ceads_t.get((city, year))
            if full is not None and full.quantize(Decimal(1), rounding="ROUND_HALF_UP") == total:
                skipped.append((CDP_FILE, city, year,
                                "CEADs value rounded to whole tonnes; duplicate of the full-precision "
                                "row of " + CEADS_FILE))
                continue
            raise SystemExit("CEADs row in cities_ne_asia.csv without a matching CEADs file row: %s %d"
                             % (city, year))
        slug = slugs.get(city)
        if slug is None:
            skipped.append((CDP_FILE, city, year, "city not in cities.json"))
            continue
        s1, s2, s3 = parse_scopes(src)
        if "direct (scope 1) only" in src:
            s1 = total
        basis = cdp_basis(src)
        confidence = cdp_confidence(src)
        records.append({
            "city": slug,
            "year": year,
            "total_tco2e": total,
            "scope1_tco2e": s1,
            "scope2_tco2e": s2,
            "scope3_tco2e": s3,
            "basis": basis,
            "gases": "CO2e",
            "unit": "t CO2e",
            "source": src,
            "source_file": CDP_FILE,
            "confidence": confidence,
            "note": cdp_note(r, total, s1, s2, s3, basis, confidence),
        })

    for r in ceads_rows:
        city, year = r["city"], int(r["year"])
        slug = slugs.get(city)
        if slug is None:
            skipped.append((CEADS_FILE, city, year, "city not in cities.json"))
            continue
        total = Decimal(r["co2_mt"]) * Decimal(1000000)  # exact, no rounding
        records.append({
            "city": slug,
            "year": year,
            "total_tco2e": total,
            "scope1_tco2e": None,
            "scope2_tco2e": None,
            "scope3_tco2e": None,
            "basis": "territorial CO2 (CEADs)",
            "gases": "CO2 only",
            "unit": "t CO2",
            "source": r["source"],
            "source_file": CEADS_FILE,
            "confidence": "REPORTED",
            "note": ("CEADs territorial CO2 (energy + industrial process) for the city's administrative "
                     "area; co2_mt " + r["co2_mt"] + " Mt multiplied by 1,000,000 exactly. CO2 only, not a "
                     "GPC CO2e total, so not directly comparable with CDP figures."),
        })
    return records, skipped


def to_json(records):
    """JSON text with every Decimal written as its exact plain decimal."""
    tokens = {}

    def conv(v):
        if isinstance(v, Decimal):
            key = "@@DEC%d@@" % len(tokens)
            text = format(v.normalize(), "f")
            if "." in text:
                text = text.rstrip("0").rstrip(".")
            tokens[key] = text
            return key
        return v

    data = [{k: conv(v) for k, v in rec.items()} for rec in records]
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for key, num in tokens.items():
        text = text.replace('"' + key + '"', num)
    return text + "\n"


def main():
    records, skipped = build()
    text = to_json(records)
    # Self-check: every number parses back to the exact Decimal.
    back = json.loads(text, parse_float=Decimal, parse_int=Decimal)
    for rec, b in zip(records, back):
        for k in ("total_tco2e", "scope1_tco2e", "scope2_tco2e", "scope3_tco2e"):
            assert (rec[k] is None and b[k] is None) or rec[k] == b[k], (rec["city"], k)
    if "--check" in sys.argv:
        same = open(OUT, encoding="utf-8").read() == text
        print("reported_emissions.json is " + ("up to date" if same else "OUT OF DATE"))
        sys.exit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %d records to %s" % (len(records), OUT))
    print("skipped %d rows:" % len(skipped))
    for s in skipped:
        print("  %s | %s %d | %s" % s)


if __name__ == "__main__":
    main()
