#!/usr/bin/env python3
"""Validate the knowledge-hub demo seed data in Sources/App/Resources/seed/knowledge/.

Files: events.json, case_studies.json, news.json (see knowledge/README.md for the schema and every judgement call).

Checks:
  * valid UTF-8 JSON arrays of objects with exactly the schema's keys and types;
  * enums (event type, pathway, GPC sector), slug format, slugs unique per file;
  * cross-references: city, organisation, programme and event slugs exist in the seed files;
    organiser_names / partner_names do not name an organisation that has a slug;
  * dates are real ISO dates (YYYY-MM-DD), starts_on <= ends_on, times HH:MM, news not dated before its events;
  * time zones are IANA names known to zoneinfo and (via zone.tab) used in the event's country;
  * a record's country agrees with its city; gpc_ref exists in the GPC structure and lies in its sector;
  * language maps: 'en' always; zh/ja/ko present for records about cities in CN/HK, JP, KR, and written in
    the right script; the demo needs 低碳 or 绿色采购 in a Chinese case study, 脱炭素 in Japanese text and
    온실가스 in Korean text;
  * when the seed documents are available: source files exist, every result value occurs in its sources,
    every dated entry of the seed 003 activity calendar (2019) and 2020 featured-events list has an event,
    and English prose shares no run of 10+ words with the seeds (quoted / italic titles excepted).

Exit code 0 when everything passes, 1 otherwise.

Usage: python3 scripts/check_knowledge_seed.py [seed_dir]
Seed documents are looked up in $LCC_SEEDS_DIR, ../shared/seeds next to the repository, or /work/shared/seeds.
"""
import datetime as dt
import json
import math
import os
import re
import sys
import zoneinfo

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, ".."))
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "Sources", "App", "Resources", "seed")
KNOW = os.path.join(SEED, "knowledge")
GPC_CSV = os.path.join(REPO, "Sources", "CarbonAccounting", "Resources", "reference", "gpc_structure.csv")
SEEDS_DIR = next((d for d in [os.environ.get("LCC_SEEDS_DIR"),
                              os.path.normpath(os.path.join(REPO, "..", "shared", "seeds")),
                              "/work/shared/seeds"] if d and os.path.isdir(d)), None)

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
SOURCE_RE = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")
LANGS = {"en", "zh", "ja", "ko", "mn", "ru", "de", "fr"}
EVENT_TYPES = {"symposium", "workshop", "field_visit", "expert_group_meeting", "training", "study_tour", "forum",
               "conference", "seminar", "meeting"}
PATHWAYS = {"low_emission", "nature_based", "circular", "resilient", "equitable_people_centred"}
SECTORS = {"I", "II", "III", "IV", "V"}
LANG_FOR_COUNTRY = {"CN": "zh", "HK": "zh", "MO": "zh", "TW": "zh", "JP": "ja", "KR": "ko"}

HAN = re.compile(r"[\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
CJK_ANY = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")

S, I, F, L, D, N = str, int, float, list, dict, type(None)
errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def load(path, name):
    try:
        with open(path, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
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
    """fields: name -> tuple of allowed types (NoneType = nullable). Exactly these keys must be present."""
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
            if N not in types:
                err(where, f"field '{f}' must not be null")
                ok = False
        elif isinstance(v, bool) or not isinstance(v, tuple(t for t in types if t is not N)):
            err(where, f"field '{f}' has wrong type {type(v).__name__}")
            ok = False
    extra = set(obj) - set(fields)
    if extra:
        err(where, f"unexpected fields {sorted(extra)}")
        ok = False
    return ok


def check_slugs(name, records):
    seen = set()
    for i, r in enumerate(records):
        slug = r.get("slug") if isinstance(r, dict) else None
        if not isinstance(slug, str) or not SLUG_RE.match(slug):
            err(f"{name}[{i}]", f"bad slug {slug!r}")
        elif slug in seen:
            err(f"{name}[{i}]", f"duplicate slug {slug!r}")
        else:
            seen.add(slug)
    return seen


def parse_date(where, field, value):
    if not isinstance(value, str) or not DATE_RE.match(value):
        err(where, f"{field} {value!r} is not YYYY-MM-DD")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        err(where, f"{field} {value!r} is not a real date")
        return None


def check_lang_map(where, field, m, required_en=True):
    if not isinstance(m, dict):
        err(where, f"{field} must be an object")
        return
    if required_en and not (isinstance(m.get("en"), str) and m["en"].strip()):
        err(where, f"{field} needs a non-empty 'en'")
    for k, v in m.items():
        if k not in LANGS:
            err(where, f"unknown language '{k}' in {field}")
            continue
        if not isinstance(v, str) or not v.strip():
            err(where, f"empty {field}.{k}")
            continue
        if v != v.strip():
            err(where, f"{field}.{k} has leading/trailing whitespace")
        if k == "zh" and not HAN.search(v):
            err(where, f"{field}.zh contains no Chinese characters")
        if k == "ja" and not (KANA.search(v) or HAN.search(v)):
            err(where, f"{field}.ja contains no Japanese characters")
        if k == "ja" and HANGUL.search(v):
            err(where, f"{field}.ja contains Hangul")
        if k == "ko" and not HANGUL.search(v):
            err(where, f"{field}.ko contains no Hangul")
        if k == "en" and CJK_ANY.search(v):
            err(where, f"{field}.en contains CJK characters")


def check_slug_list(where, field, values, known, kind):
    if not isinstance(values, list):
        err(where, f"{field} must be an array")
        return
    for v in values:
        if not isinstance(v, str) or v not in known:
            err(where, f"{field}: unknown {kind} {v!r}")
    if len(set(map(str, values))) != len(values):
        err(where, f"{field} has duplicates")


def check_text_list(where, field, values):
    if not isinstance(values, list):
        err(where, f"{field} must be an array")
        return
    for v in values:
        if not isinstance(v, str) or not v.strip():
            err(where, f"{field} entries must be non-empty strings")
    if len(set(map(str, values))) != len(values):
        err(where, f"{field} has duplicates")


def check_opt_text(where, field, v):
    if v is not None and not v.strip():
        err(where, f"{field} must be null or non-empty")


def check_sources(where, sources):
    if not isinstance(sources, list) or not sources:
        err(where, "sources must be a non-empty array")
        return
    for s in sources:
        if not isinstance(s, str) or not SOURCE_RE.match(s):
            err(where, f"bad source file name {s!r}")
        elif SEEDS_DIR and not os.path.exists(os.path.join(SEEDS_DIR, s)):
            err(where, f"source file {s} not found in {SEEDS_DIR}")
    if len(set(map(str, sources))) != len(sources):
        err(where, "duplicate entries in sources")


def check_city_country(where, city, country):
    if country is not None and not ISO2_RE.match(country):
        err(where, f"country {country!r} is not ISO 3166-1 alpha-2")
    if city is not None:
        if city not in city_country:
            err(where, f"unknown city {city!r}")
        elif country != city_country[city]:
            err(where, f"country {country!r} differs from city {city}'s {city_country[city]!r}")


def check_lang_coverage(where, city, country, titles):
    c = city_country.get(city) if city else None
    for cc in {c, country if city else None} - {None}:
        lang = LANG_FOR_COUNTRY.get(cc)
        if lang and isinstance(titles, dict) and lang not in titles:
            err(where, f"record about a city in {cc} needs a '{lang}' title")


# ------------------------------------------------------------------ reference data
cities = load(os.path.join(SEED, "cities.json"), "cities.json")
orgs = load(os.path.join(SEED, "organisations.json"), "organisations.json")
progs = load(os.path.join(SEED, "programmes.json"), "programmes.json")
city_country = {c["slug"]: c.get("country") for c in cities if isinstance(c, dict) and "slug" in c}
org_slugs = {o["slug"] for o in orgs if isinstance(o, dict) and "slug" in o}
prog_slugs = {p["slug"] for p in progs if isinstance(p, dict) and "slug" in p}
org_names = set()
for o in orgs:
    if isinstance(o, dict):
        for n in (o.get("names") or {}).values():
            if isinstance(n, str):
                org_names.add(n.strip().lower())

gpc_refs, gpc_subsectors = set(), set()
if os.path.exists(GPC_CSV):
    import csv
    with open(GPC_CSV, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            gpc_refs.add(row["gpc_ref"])
            gpc_subsectors.add(row["subsector_refno"])

zone_countries = {}
for tab in ("/usr/share/zoneinfo/zone1970.tab", "/usr/share/zoneinfo/zone.tab"):
    if os.path.exists(tab):
        with open(tab, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                parts = line.split("\t")
                zone_countries.setdefault(parts[2].strip(), set()).update(parts[0].split(","))
try:
    IANA = zoneinfo.available_timezones()
except Exception:  # pragma: no cover - zoneinfo without data
    IANA = set()

seed_texts = {}
if SEEDS_DIR:
    for fn in sorted(os.listdir(SEEDS_DIR)):
        if SOURCE_RE.match(fn):
            with open(os.path.join(SEEDS_DIR, fn), encoding="utf-8", errors="replace") as fh:
                seed_texts[fn] = fh.read()

# ------------------------------------------------------------------ knowledge files
events = load(os.path.join(KNOW, "events.json"), "events.json")
cases = load(os.path.join(KNOW, "case_studies.json"), "case_studies.json")
news = load(os.path.join(KNOW, "news.json"), "news.json")
event_slugs = check_slugs("events.json", events)
check_slugs("case_studies.json", cases)
check_slugs("news.json", news)

event_start = {}
prose = []  # (where, english text) checked for copied sentences
for i, e in enumerate(events):
    w = f"events.json[{e.get('slug', i) if isinstance(e, dict) else i}]"
    if not require(w, e, {
            "slug": (S,), "type": (S,), "titles": (D,), "summaries": (D,), "starts_on": (S,), "ends_on": (S,),
            "start_time": (S, N), "end_time": (S, N), "time_zone": (S,), "place": (S,), "city": (S, N),
            "country": (S, N), "organisers": (L,), "organiser_names": (L,), "partners": (L,),
            "partner_names": (L,), "participant_organisations": (L,), "participant_count": (I, N),
            "programme": (S, N), "outcome": (S, N), "programme_slugs": (L,), "pathways": (L,), "sources": (L,)}):
        continue
    if e["type"] not in EVENT_TYPES:
        err(w, f"bad type {e['type']!r}")
    check_lang_map(w, "titles", e["titles"])
    check_lang_map(w, "summaries", e["summaries"])
    start = parse_date(w, "starts_on", e["starts_on"])
    end = parse_date(w, "ends_on", e["ends_on"])
    if start and end:
        if start > end:
            err(w, f"starts_on {start} is after ends_on {end}")
        elif (end - start).days > 62:
            err(w, "event longer than two months; check the dates")
        event_start[e["slug"]] = start
    for f in ("start_time", "end_time"):
        if e[f] is not None and not TIME_RE.match(e[f]):
            err(w, f"{f} {e[f]!r} is not HH:MM")
    if (e["start_time"] and e["end_time"] and start and end and start == end
            and TIME_RE.match(e["start_time"]) and TIME_RE.match(e["end_time"]) and e["start_time"] > e["end_time"]):
        err(w, "start_time is after end_time on a one-day event")
    tz = e["time_zone"]
    if tz not in IANA:
        try:
            zoneinfo.ZoneInfo(tz)
        except Exception:
            err(w, f"time_zone {tz!r} is not an IANA time zone")
            tz = None
    if tz and e["country"] and zone_countries and tz in zone_countries and e["country"] not in zone_countries[tz]:
        err(w, f"time_zone {tz} is not used in {e['country']}")
    if not e["place"].strip():
        err(w, "empty place")
    check_city_country(w, e["city"], e["country"])
    check_lang_coverage(w, e["city"], e["country"], e["titles"])
    check_slug_list(w, "organisers", e["organisers"], org_slugs, "organisation")
    check_slug_list(w, "partners", e["partners"], org_slugs, "organisation")
    if set(e["organisers"]) & set(e["partners"]):
        err(w, "an organisation is both organiser and partner")
    for f in ("organiser_names", "partner_names", "participant_organisations"):
        check_text_list(w, f, e[f])
    for f in ("organiser_names", "partner_names"):
        for n in e[f]:
            if isinstance(n, str) and n.strip().lower() in org_names:
                err(w, f"{f}: {n!r} is in organisations.json; use its slug")
    if e["participant_count"] is not None and e["participant_count"] < 0:
        err(w, "participant_count must be >= 0")
    check_opt_text(w, "programme", e["programme"])
    check_opt_text(w, "outcome", e["outcome"])
    check_slug_list(w, "programme_slugs", e["programme_slugs"], prog_slugs, "programme")
    for p in e["pathways"]:
        if p not in PATHWAYS:
            err(w, f"bad pathway {p!r}")
    if len(set(map(str, e["pathways"]))) != len(e["pathways"]):
        err(w, "duplicate pathways")
    check_sources(w, e["sources"])
    for f in ("programme", "outcome"):
        if e[f]:
            prose.append((f"{w}.{f}", e[f]))
    if isinstance(e["summaries"].get("en"), str):
        prose.append((f"{w}.summaries.en", e["summaries"]["en"]))

for i, c in enumerate(cases):
    w = f"case_studies.json[{c.get('slug', i) if isinstance(c, dict) else i}]"
    if not require(w, c, {
            "slug": (S,), "city": (S, N), "country": (S, N), "sector": (S, N), "gpc_ref": (S, N),
            "pathway": (S, N), "titles": (D,), "summaries": (D,), "body_md": (D,), "results": (L,),
            "lessons": (S, N), "contacts": (L,), "programme_slugs": (L,), "year": (I, N), "sources": (L,)}):
        continue
    check_city_country(w, c["city"], c["country"])
    check_lang_coverage(w, c["city"], c["country"], c["titles"])
    if c["sector"] is not None and c["sector"] not in SECTORS:
        err(w, f"bad GPC sector {c['sector']!r}")
    if c["gpc_ref"] is not None:
        if c["sector"] is None:
            err(w, "gpc_ref given without sector")
        elif not c["gpc_ref"].startswith(c["sector"] + "."):
            err(w, f"gpc_ref {c['gpc_ref']} is not in sector {c['sector']}")
        if gpc_refs and c["gpc_ref"] not in gpc_refs | gpc_subsectors:
            err(w, f"gpc_ref {c['gpc_ref']!r} is not in the GPC structure")
    if c["pathway"] is not None and c["pathway"] not in PATHWAYS:
        err(w, f"bad pathway {c['pathway']!r}")
    check_lang_map(w, "titles", c["titles"])
    check_lang_map(w, "summaries", c["summaries"])
    check_lang_map(w, "body_md", c["body_md"])
    for j, r in enumerate(c["results"]):
        rw = f"{w}.results[{j}]"
        if not require(rw, r, {"description": (S,), "value": (I, F), "unit": (S,)}):
            continue
        if not r["description"].strip() or not r["unit"].strip():
            err(rw, "empty description or unit")
        if isinstance(r["value"], float) and not math.isfinite(r["value"]):
            err(rw, "value must be finite")
        prose.append((f"{rw}.description", r["description"]))
    check_opt_text(w, "lessons", c["lessons"])
    check_slug_list(w, "contacts", c["contacts"], org_slugs, "organisation")
    check_slug_list(w, "programme_slugs", c["programme_slugs"], prog_slugs, "programme")
    if c["year"] is not None and not 1900 <= c["year"] <= 2100:
        err(w, "implausible year")
    check_sources(w, c["sources"])
    for f, v in (("summaries.en", c["summaries"].get("en")), ("body_md.en", c["body_md"].get("en")),
                 ("lessons", c["lessons"])):
        if isinstance(v, str):
            prose.append((f"{w}.{f}", v))

for i, n in enumerate(news):
    w = f"news.json[{n.get('slug', i) if isinstance(n, dict) else i}]"
    if not require(w, n, {"slug": (S,), "published_on": (S,), "titles": (D,), "summaries": (D,), "body_md": (D,),
                          "city": (S, N), "event_slugs": (L,), "sources": (L,)}):
        continue
    pub = parse_date(w, "published_on", n["published_on"])
    check_lang_map(w, "titles", n["titles"])
    check_lang_map(w, "summaries", n["summaries"])
    check_lang_map(w, "body_md", n["body_md"])
    if n["city"] is not None:
        check_city_country(w, n["city"], city_country.get(n["city"]))
        check_lang_coverage(w, n["city"], None, n["titles"])
    check_slug_list(w, "event_slugs", n["event_slugs"], event_slugs, "event")
    for s in n["event_slugs"]:
        if pub and s in event_start and pub < event_start[s]:
            err(w, f"published_on {pub} is before event {s} starts ({event_start[s]})")
    check_sources(w, n["sources"])
    for f, v in (("summaries.en", n["summaries"].get("en")), ("body_md.en", n["body_md"].get("en"))):
        if isinstance(v, str):
            prose.append((f"{w}.{f}", v))


# ------------------------------------------------------------------ demo needs real CJK words
def texts(records, lang, fields=("titles", "summaries", "body_md")):
    for r in records:
        if isinstance(r, dict):
            for f in fields:
                v = (r.get(f) or {}).get(lang) if isinstance(r.get(f), dict) else None
                if isinstance(v, str):
                    yield v


if not any("低碳" in t or "绿色采购" in t for t in texts(cases, "zh", ("summaries",))):
    err("case_studies.json", "no Chinese case study summary contains 低碳 or 绿色采购")
if not any("脱炭素" in t for t in texts(events + cases + news, "ja")):
    err("knowledge", "no Japanese text contains 脱炭素")
if not any("온실가스" in t for t in texts(events + cases + news, "ko")):
    err("knowledge", "no Korean text contains 온실가스")

# ------------------------------------------------------------------ checks against the seed documents
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def number_forms(v):
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    forms = {repr(v) if isinstance(v, float) else str(v)}
    if isinstance(v, int):
        forms.add(f"{v:,}")
    return forms


def occurs(value, text):
    for form in number_forms(value):
        if re.search(r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|[.,]\d)", text):
            return True
    word = NUMBER_WORDS.get(value) if isinstance(value, int) or (isinstance(value, float) and value.is_integer()) else None
    if word is None and isinstance(value, float) and value.is_integer():
        word = NUMBER_WORDS.get(int(value))
    return bool(word and re.search(r"\b" + word + r"\b", text, re.I))


MONTHS = {m: i for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                      "Dec"], 1)}


def norm_place(s):
    return s.replace("\u2019", "'").split(",")[0].strip().lower()


def calendar_entries(text):
    """Dated entries of seed 003: 'M.D[-M.D] | Place' (the 2019 activity calendar) and
    'Mon. D-D | Place' / 'Mon. tbc | Place' (2020 featured events)."""
    out = []
    for line in text.splitlines():
        m = re.match(r"^\s*(\d{1,2})\.(\d{1,2})\s*(?:[-\u2013]\s*(?:(\d{1,2})\.)?(\d{1,2}))?\s*\|\s*(.+?)\s*$", line)
        if m:
            m1, d1 = int(m.group(1)), int(m.group(2))
            m2 = int(m.group(3)) if m.group(3) else m1
            d2 = int(m.group(4)) if m.group(4) else d1
            out.append((dt.date(2019, m1, d1), dt.date(2019, m2, d2), m.group(5), line.strip()))
            continue
        m = re.match(r"^\s*([A-Z][a-z]{2})\.\s*(?:(\d{1,2})\s*-\s*(\d{1,2})|tbc)\s*\|\s*(.+?)\s*$", line)
        if m and m.group(1) in MONTHS:
            mon = MONTHS[m.group(1)]
            if m.group(2):
                a, b = dt.date(2020, mon, int(m.group(2))), dt.date(2020, mon, int(m.group(3)))
            else:  # month only: first to last day of the month
                a = dt.date(2020, mon, 1)
                b = (dt.date(2020 + mon // 12, mon % 12 + 1, 1) - dt.timedelta(days=1))
            out.append((a, b, m.group(4), line.strip()))
    return out


def words(text):
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


def ngrams(text, n, names=()):
    """Word n-grams of text; runs of words that spell a known proper name (names: word tuples) are cut out first."""
    ws = words(text)
    keep = [True] * len(ws)
    for name in names:
        k = len(name)
        for i in range(len(ws) - k + 1):
            if tuple(ws[i:i + k]) == name:
                keep[i:i + k] = [False] * k
    out, run = set(), []
    for w, ok in list(zip(ws, keep)) + [("", False)]:
        if ok:
            run.append(w)
            continue
        out |= {tuple(run[i:i + n]) for i in range(len(run) - n + 1)}
        run = []
    return out


def proper_names():
    """Names that may be quoted verbatim: organisations, programmes, cities (with and without a bracketed
    abbreviation) and event titles (whole, and split at ' & ', ': ' and ' (')."""
    raw = set()
    for recs in (orgs, progs, cities):
        for r in recs:
            for v in ((r.get("names") or {}).values() if isinstance(r, dict) else []):
                if isinstance(v, str):
                    raw.add(v)
                    raw.add(re.sub(r"\s*\([^)]*\)", "", v))
    for e in events:
        t = e.get("titles", {}).get("en") if isinstance(e, dict) and isinstance(e.get("titles"), dict) else None
        if isinstance(t, str):
            raw.add(t)
            raw.update(p.strip(" )") for p in re.split(r" & |: | \(", t))
    names = {tuple(words(x)) for x in raw}
    return sorted((n for n in names if len(n) >= 2), key=len, reverse=True)


if seed_texts:
    for name, records in (("case_studies.json", cases),):
        for c in records:
            if not isinstance(c, dict) or not isinstance(c.get("results"), list):
                continue
            src = "\n".join(seed_texts.get(s, "") for s in c.get("sources") or [])
            for j, r in enumerate(c["results"]):
                if isinstance(r, dict) and isinstance(r.get("value"), (int, float)) and not isinstance(r["value"], bool):
                    if not occurs(r["value"], src):
                        err(f"{name}[{c.get('slug')}].results[{j}]", f"value {r['value']} not found in its sources")

    cal_src = next((fn for fn in seed_texts if fn.startswith("003_")), None)
    if cal_src:
        entries = calendar_entries(seed_texts[cal_src])
        if len(entries) < 30:
            err(cal_src, f"only {len(entries)} calendar entries parsed; the parser needs a look")
        for a, b, place, line in entries:
            hit = [e for e in events if isinstance(e, dict) and e.get("starts_on") == a.isoformat()
                   and e.get("ends_on") == b.isoformat() and cal_src in (e.get("sources") or [])
                   and norm_place(place) in str(e.get("place", "")).replace("\u2019", "'").lower()]
            if not hit:
                err("events.json", f"no event for calendar entry {line!r} ({a} to {b})")

    N_WORDS = 10
    seed_grams = set()
    for t in seed_texts.values():
        seed_grams |= ngrams(t, N_WORDS)
    names = proper_names()
    for where, text in prose:
        # quoted and italic text and known proper names are names rather than sentences
        t = re.sub(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|(?<!\*)\*[^*]+\*(?!\*)", " | ", text)
        common = ngrams(t, N_WORDS, names) & seed_grams
        if common:
            err(where, f"shares a {N_WORDS}-word run with the seeds: {' '.join(sorted(common)[0])!r}")

# ------------------------------------------------------------------ report
print(f"events: {len(events)}, case_studies: {len(cases)}, news: {len(news)}"
      + ("" if SEEDS_DIR else " (seed documents not found: source checks skipped)"))
if errors:
    print(f"{len(errors)} problem(s):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK: all knowledge seed checks passed")
