#!/usr/bin/env python3
"""Validate the demo seed data in Sources/App/Resources/seed/.

Checks: valid UTF-8 JSON; required fields and types; enum values; slug format;
uniqueness; cross-references (cities <- facts/organisations, programmes <- cities,
organisations <- organisers/parent); parent chains without cycles; source files exist.
Exit code 0 when everything passes, 1 otherwise.

Usage: python3 scripts/check_seed_data.py [seed_dir]
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "Sources", "App", "Resources", "seed")
SEEDS_DIR = "/work/shared/seeds"  # optional: used only if present

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
LANGS = {"en", "zh", "ja", "ko", "mn", "ru", "de", "fr"}
CITY_TYPES = {None, "growing_resource_dependent", "mature_resource_dependent", "declining_resource_dependent",
              "regenerative_resource_dependent", "eco_model_city", "low_carbon_pilot", "future_city", "metropolitan"}
PATHWAYS = {"low_emission", "nature_based", "circular", "resilient", "equitable_people_centred"}
INDICATORS = {"population", "area", "gdp", "reported_total_emissions"}
UNITS = {"population": {"persons"}, "area": {"km2"}, "gdp": {"USD", "JPY", "KRW", "CNY"},
         "reported_total_emissions": {"t CO2e", "t CO2"}}
CONFIDENCE = {"REPORTED", "DERIVED", "RECALLED", "UNCERTAIN"}
ORG_TYPES = {"local_government", "national_institution", "non_profit", "research_institution",
             "international_organisation"}
PROG_KINDS = {"network", "programme", "initiative", "project", "policy"}
SOURCE_RE = re.compile(r"^(\d{3}_[0-9a-f]{16}\.txt|cities_ne_asia\.csv|city_targets_ne_asia_cdp2021\.csv)$")

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def load(name):
    path = os.path.join(SEED, name)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        data = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        err(name, "missing file")
        return []
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        err(name, f"invalid UTF-8 JSON: {e}")
        return []
    if not isinstance(data, list):
        err(name, "top level must be an array")
        return []
    return data


def require(where, obj, fields):
    """fields: dict name -> allowed types (tuple); None in tuple means nullable."""
    if not isinstance(obj, dict):
        err(where, "record must be an object")
        return False
    ok = True
    for f, types in fields.items():
        if f not in obj:
            err(where, f"missing field '{f}'")
            ok = False
            continue
        v = obj[f]
        if v is None:
            if type(None) not in types:
                err(where, f"field '{f}' must not be null")
                ok = False
        elif isinstance(v, bool) and bool not in types:
            err(where, f"field '{f}' has wrong type bool")
            ok = False
        elif not isinstance(v, tuple(t for t in types if t is not type(None))):
            err(where, f"field '{f}' has wrong type {type(v).__name__}")
            ok = False
    extra = set(obj) - set(fields)
    if extra:
        err(where, f"unexpected fields {sorted(extra)}")
    return ok


def check_names(where, names):
    if not isinstance(names, dict) or not names.get("en"):
        err(where, "names must be an object with a non-empty 'en'")
        return
    for k, v in names.items():
        if k not in LANGS:
            err(where, f"unknown language key '{k}' in names")
        if not isinstance(v, str) or not v.strip():
            err(where, f"empty name for language '{k}'")


def check_sources(where, sources):
    if not isinstance(sources, list) or not sources:
        err(where, "sources must be a non-empty array")
        return
    for s in sources:
        check_source_file(where, s)
    if len(set(sources)) != len(sources):
        err(where, "duplicate entries in sources")


def check_source_file(where, s):
    if not isinstance(s, str) or not SOURCE_RE.match(s):
        err(where, f"bad source file name {s!r}")
        return
    if s.endswith(".txt") and os.path.isdir(SEEDS_DIR) and not os.path.exists(os.path.join(SEEDS_DIR, s)):
        err(where, f"source file {s} not found in {SEEDS_DIR}")


def check_slugs(name, records):
    seen = set()
    for i, r in enumerate(records):
        slug = r.get("slug") if isinstance(r, dict) else None
        if not isinstance(slug, str) or not SLUG_RE.match(slug):
            err(f"{name}[{i}]", f"bad slug {slug!r}")
        elif slug in seen:
            err(f"{name}[{i}]", f"duplicate slug {slug!r}")
        seen.add(slug)
    return seen


cities = load("cities.json")
facts = load("city_facts.json")
orgs = load("organisations.json")
progs = load("programmes.json")

city_slugs = check_slugs("cities.json", cities)
org_slugs = check_slugs("organisations.json", orgs)
prog_slugs = check_slugs("programmes.json", progs)

# ---- cities
S, I, F, L, N, B = str, int, float, list, type(None), bool
en_names = {}
for c in cities:
    w = f"cities.json[{c.get('slug')}]"
    if not require(w, c, {"slug": (S,), "names": (dict,), "country": (S,), "region": (S,), "latitude": (F, I),
                          "longitude": (F, I), "city_type": (S, N), "programmes": (L,), "pathways": (L,),
                          "description": (S,), "sources": (L,)}):
        continue
    check_names(w, c["names"])
    en = c["names"].get("en", "").lower()
    if en in en_names:
        err(w, f"same English name as {en_names[en]}")
    en_names[en] = c["slug"]
    if not ISO2_RE.match(c["country"]):
        err(w, f"country {c['country']!r} is not ISO 3166-1 alpha-2")
    if not -90 <= c["latitude"] <= 90 or not -180 <= c["longitude"] <= 180:
        err(w, "coordinates out of range")
    if round(c["latitude"], 2) != c["latitude"] or round(c["longitude"], 2) != c["longitude"]:
        err(w, "coordinates must have at most 2 decimals")
    if c["city_type"] not in CITY_TYPES:
        err(w, f"bad city_type {c['city_type']!r}")
    for p in c["programmes"]:
        if p not in prog_slugs:
            err(w, f"unknown programme {p!r}")
    if len(set(c["programmes"])) != len(c["programmes"]):
        err(w, "duplicate programmes")
    for p in c["pathways"]:
        if p not in PATHWAYS:
            err(w, f"bad pathway {p!r}")
    if not c["description"].strip() or not c["region"].strip():
        err(w, "empty description or region")
    check_sources(w, c["sources"])

# ---- facts
fact_keys = set()
for i, f in enumerate(facts):
    w = f"city_facts.json[{i}]"
    if not require(w, f, {"city": (S,), "indicator": (S,), "year": (I,), "value": (I, F), "unit": (S,),
                          "source": (S,), "source_file": (S,), "confidence": (S,), "note": (S, N)}):
        continue
    w = f"city_facts.json[{i}:{f['city']}/{f['indicator']}/{f['year']}]"
    if f["city"] not in city_slugs:
        err(w, f"unknown city {f['city']!r}")
    if f["indicator"] not in INDICATORS:
        err(w, f"bad indicator {f['indicator']!r}")
    elif f["unit"] not in UNITS[f["indicator"]]:
        err(w, f"unit {f['unit']!r} not allowed for {f['indicator']}")
    if not 1900 <= f["year"] <= 2100:
        err(w, "implausible year")
    if f["value"] <= 0:
        err(w, "value must be positive")
    if f["confidence"] not in CONFIDENCE:
        err(w, f"bad confidence {f['confidence']!r}")
    if f["confidence"] in ("DERIVED", "RECALLED", "UNCERTAIN") and not f["note"]:
        err(w, f"{f['confidence']} facts need a note")
    if not f["source"].strip():
        err(w, "empty source")
    check_source_file(w, f["source_file"])
    key = (f["city"], f["indicator"], f["year"], f["unit"], f["source"])
    if key in fact_keys:
        err(w, "duplicate fact (city, indicator, year, unit, source)")
    fact_keys.add(key)

# ---- organisations
parents = {}
for o in orgs:
    w = f"organisations.json[{o.get('slug')}]"
    if not require(w, o, {"slug": (S,), "names": (dict,), "type": (S,), "country": (S, N), "city": (S, N),
                          "website": (S, N), "description": (S,), "is_resource_centre": (B,), "parent": (S, N),
                          "sources": (L,)}):
        continue
    check_names(w, o["names"])
    if o["type"] not in ORG_TYPES:
        err(w, f"bad type {o['type']!r}")
    if o["country"] is not None and not ISO2_RE.match(o["country"]):
        err(w, f"country {o['country']!r} is not ISO 3166-1 alpha-2")
    if o["city"] is not None and o["city"] not in city_slugs:
        err(w, f"unknown city {o['city']!r}")
    if o["website"] is not None and not re.match(r"^https?://[^\s]+$", o["website"]):
        err(w, f"bad website {o['website']!r}")
    if o["parent"] is not None:
        if o["parent"] not in org_slugs:
            err(w, f"unknown parent {o['parent']!r}")
        if o["parent"] == o["slug"]:
            err(w, "organisation is its own parent")
        parents[o["slug"]] = o["parent"]
    if not o["description"].strip():
        err(w, "empty description")
    check_sources(w, o["sources"])
# parent cycles
for start in parents:
    seen, cur = set(), start
    while cur in parents:
        if cur in seen:
            err(f"organisations.json[{start}]", "parent chain reaches a cycle")
            break
        seen.add(cur)
        cur = parents[cur]
# organisation city must match organisation country where both set
city_country = {c["slug"]: c.get("country") for c in cities if isinstance(c, dict)}
for o in orgs:
    if isinstance(o, dict) and o.get("city") in city_country and o.get("country") is not None:
        if city_country[o["city"]] != o["country"]:
            err(f"organisations.json[{o.get('slug')}]", f"country {o['country']} differs from its city's {city_country[o['city']]}")

# ---- programmes
for p in progs:
    w = f"programmes.json[{p.get('slug')}]"
    if not require(w, p, {"slug": (S,), "names": (dict,), "kind": (S,), "country": (S, N), "organisers": (L,),
                          "website": (S, N), "pathways": (L,), "description": (S,), "start_year": (I, N),
                          "sources": (L,)}):
        continue
    check_names(w, p["names"])
    if p["kind"] not in PROG_KINDS:
        err(w, f"bad kind {p['kind']!r}")
    if p["country"] is not None and not ISO2_RE.match(p["country"]):
        err(w, f"country {p['country']!r} is not ISO 3166-1 alpha-2")
    for org in p["organisers"]:
        if org not in org_slugs:
            err(w, f"unknown organiser {org!r}")
    if len(set(p["organisers"])) != len(p["organisers"]):
        err(w, "duplicate organisers")
    for pw in p["pathways"]:
        if pw not in PATHWAYS:
            err(w, f"bad pathway {pw!r}")
    if p["start_year"] is not None and not 1900 <= p["start_year"] <= 2100:
        err(w, "implausible start_year")
    if not p["description"].strip():
        err(w, "empty description")
    check_sources(w, p["sources"])

# ---- report
print(f"cities: {len(cities)}, city_facts: {len(facts)}, organisations: {len(orgs)}, programmes: {len(progs)}")
if errors:
    print(f"{len(errors)} problem(s):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK: all seed data checks passed")
