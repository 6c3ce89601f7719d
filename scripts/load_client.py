#!/usr/bin/env python3
"""The clients of scripts/load.sh: a mixed read/write workload against one base URL, then its checks.

  python3 scripts/load_client.py run --base http://127.0.0.1:8300 --duration 300 --token T \
      --email officer@example.org --password P --work DIR
  python3 scripts/load_client.py check --work DIR --sqlite FILE | --postgres URL

`run` starts, for --duration seconds (threads, standard library only):
  visitors (--visitors, default 4)   browse public pages and API documents, no pause
  searcher (1)                       /search and /api/v1/search with words in four languages
  editor (1)                         a signed-in member (session cookie + CSRF) adds lines to a draft
                                     inventory through the web form, one by one
  importer (1)                       PUT a 10,000-line CSV as a whole inventory (a new year each time)
  registry writer (1)                new actions, progress updates on them, new targets (CSV)
Every request is recorded (route, status, seconds) in DIR/requests.tsv; every write the server
acknowledged (2xx/303) in DIR/acknowledged.jsonl. `check` then reads the database directly and
prints the figures: req/s, p50/p99 per route, 5xx count, acknowledged writes missing. It also reads
every acknowledged action back through each --read-base (the instances' caches) and counts
disagreements. Exit status 1 when there was a 5xx, a lost write or a stale read.
"""

import argparse
import http.client
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse

VISITOR_PAGES = [
    ("page /", "/"),
    ("page /cities", "/cities"),
    ("page /cities/:slug", "/cities/seoul"),
    ("page /cities/:slug", "/cities/guiyang"),
    ("page /organisations", "/organisations"),
    ("page /registry", "/registry"),
    ("page /cities/:slug/targets", "/cities/seoul/targets"),
    ("page /cities/:slug/actions", "/cities/seoul/actions"),
    ("page /cities/:slug/inventories/:year", "/cities/guiyang/inventories/2021"),
    ("page /cities/:slug/forecast", "/cities/guiyang/forecast"),
    ("page /knowledge", "/knowledge"),
    ("page /inventories", "/inventories"),
    ("api /api/v1/cities", "/api/v1/cities"),
    ("api /api/v1/cities/:slug/actions", "/api/v1/cities/seoul/actions"),
    ("api /api/v1/cities/:slug/targets", "/api/v1/cities/seoul/targets"),
    ("api /api/v1/registry/targets", "/api/v1/registry/targets"),
]
SEARCH_WORDS = ["energy", "transport", "building", "seoul", "贵阳", "ソウル", "서울", "waste", "solar", "heat"]
CSV_HEADER = "line_id,gpc_ref,activity_value,activity_unit,fuel,ef_co2,ef_ch4,ef_n2o,ef_unit,source\n"


class Recorder:
    def __init__(self, work):
        self.lock = threading.Lock()
        self.requests = open(os.path.join(work, "requests.tsv"), "a", encoding="utf-8")
        self.acknowledged = open(os.path.join(work, "acknowledged.jsonl"), "a", encoding="utf-8")
        self.errors = open(os.path.join(work, "errors.log"), "a", encoding="utf-8")

    def request(self, route, status, seconds):
        with self.lock:
            self.requests.write("%s\t%d\t%.6f\n" % (route, status, seconds))

    def ack(self, record):
        with self.lock:
            self.acknowledged.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.acknowledged.flush()

    def error(self, text):
        with self.lock:
            self.errors.write(text + "\n")
            self.errors.flush()

    def close(self):
        for f in (self.requests, self.acknowledged, self.errors):
            f.close()


class Client:
    """One keep-alive connection; reconnects when the server or balancer closes it."""

    def __init__(self, base, recorder, token=None):
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.recorder = recorder
        self.token = token
        self.cookies = {}
        self.connection = None

    def call(self, route, method, path, body=None, headers=None, timeout=300):
        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if isinstance(body, str):
            body = body.encode("utf-8")
        started = time.monotonic()
        for attempt in range(2):
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError) as error:
                if self.connection is not None:
                    self.connection.close()
                self.connection = None
                # A request that may have reached the server is not repeated (it may be a write).
                if attempt == 1 or method != "GET":
                    self.recorder.request(route, 0, time.monotonic() - started)
                    self.recorder.error("%s %s: %r" % (method, path, error))
                    return 0, b"", {}
        seconds = time.monotonic() - started
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                if "=" in pair:
                    key, val = pair.split("=", 1)
                    self.cookies[key.strip()] = val.strip()
            if name.lower() == "connection" and value.lower() == "close":
                self.connection.close()
                self.connection = None
        self.recorder.request(route, response.status, seconds)
        if response.status >= 500:
            self.recorder.error("%s %s: %d %s" % (method, path, response.status, data[:300]))
        return response.status, data, dict((k.lower(), v) for k, v in response.getheaders())


def csrf_of(html):
    match = re.search(rb'name="_csrf" value="([^"]*)"', html)
    return match.group(1).decode() if match else ""


def visitor(args, recorder, stop, seed):
    rng = random.Random(seed)
    client = Client(args.base, recorder)
    while not stop.is_set():
        route, path = rng.choice(VISITOR_PAGES)
        client.call(route, "GET", path)


def searcher(args, recorder, stop):
    rng = random.Random(7)
    client = Client(args.base, recorder)
    while not stop.is_set():
        word = urllib.parse.quote(rng.choice(SEARCH_WORDS))
        client.call("page /search", "GET", "/search?q=" + word)
        client.call("api /api/v1/search", "GET", "/api/v1/search?q=" + word)


def editor(args, recorder, stop):
    """A member signed in through the web form adds lines to a draft inventory, one per request."""
    client = Client(args.base, recorder)
    status, html, _ = client.call("page /login", "GET", "/login")
    form = urllib.parse.urlencode({"email": args.email, "password": args.password, "_csrf": csrf_of(html)})
    status, _, _ = client.call("form POST /login", "POST", "/login", form,
                               {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 303:
        recorder.error("editor could not sign in: %d" % status)
        return
    year = args.edit_year
    base = "/cities/seoul/inventories/%d" % year
    n = 0
    while not stop.is_set():
        n += 1
        status, html, _ = client.call("page …/lines/new", "GET", base + "/lines/new?ref=I.1.1")
        token = csrf_of(html)
        line_id = "%s-edit-%d" % (args.run, n)
        fields = {"_csrf": token, "line_id": line_id, "gpc_ref": "I.1.1", "activity_value": str(100 + n),
                  "activity_unit": "TJ", "fuel": "Natural Gas", "ef_co2": "56100", "ef_ch4": "5", "ef_n2o": "0.1",
                  "ef_unit": "kg/TJ", "source": "load test"}
        status, body, _ = client.call("form POST …/lines/new", "POST", base + "/lines/new", urllib.parse.urlencode(fields),
                                      {"Content-Type": "application/x-www-form-urlencoded"})
        if status == 303:
            recorder.ack({"kind": "line", "year": year, "line_id": line_id})
        elif status != 0:
            recorder.error("line %s: %d %s" % (line_id, status, body[:200]))
        client.call("page /cities/:slug/inventories/:year", "GET", base)


def importer(args, recorder, stop):
    client = Client(args.base, recorder, token=args.token)
    k = 0
    while not stop.is_set():
        k += 1
        year = args.import_year + k
        rows = [CSV_HEADER]
        for i in range(args.import_lines):
            rows.append("%s-imp-%d-%d,I.1.1,%d,TJ,Natural Gas,56100,5,0.1,kg/TJ,load import\n" % (args.run, k, i, 1 + i % 997))
        body = "".join(rows)
        status, data, _ = client.call("api PUT …/inventories/:year/lines (10,000 lines)", "PUT",
                                      "/api/v1/cities/seoul/inventories/%d/lines?level=basic&gwp_set=AR5" % year, body,
                                      {"Content-Type": "text/csv"}, timeout=600)
        if status in (200, 201):
            lines = json.loads(data).get("lines")
            recorder.ack({"kind": "import", "year": year, "lines": lines, "first": "%s-imp-%d-0" % (args.run, k)})
        elif status != 0:
            recorder.error("import %d: %d %s" % (year, status, data[:300]))
        if k >= args.import_max:
            break


def registry_writer(args, recorder, stop):
    client = Client(args.base, recorder, token=args.token)
    n = 0
    json_type = {"Content-Type": "application/json"}
    while not stop.is_set():
        n += 1
        title = "%s action %d" % (args.run, n)
        status, data, _ = client.call("api POST …/actions", "POST", "/api/v1/cities/seoul/actions", json.dumps(
            {"titles": {"en": title}, "sector": "II", "action_type": "policy", "owner": "Transport", "start_year": 2025}),
            json_type)
        if status != 201:
            if status:
                recorder.error("action: %d %s" % (status, data[:300]))
            continue
        action = json.loads(data)
        recorder.ack({"kind": "action", "title": title, "id": action.get("id")})
        note = "%s update %d" % (args.run, n)
        status, data, _ = client.call("api POST …/actions/:id/updates", "POST",
                                      "/api/v1/cities/seoul/actions/%s/updates" % action.get("id"), json.dumps(
                                          {"date": "2025-01-15", "status": "in_progress", "evidence": "load", "note": note}),
                                      json_type)
        if status == 201:
            recorder.ack({"kind": "update", "note": note})
        elif status:
            recorder.error("update: %d %s" % (status, data[:300]))
        if n % 3 == 0:
            source = "%s target %d" % (args.run, n)
            csv = ("city,kind,base_year,base_value_tco2e,target_year,reduction_percent,target_level_tco2e,source,original_wording\n"
                   "seoul,base_year_absolute,2021,,2040,%d,,%s,load\n" % (10 + n % 80, source))
            status, data, _ = client.call("api POST /api/v1/targets (CSV)", "POST", "/api/v1/targets", csv,
                                          {"Content-Type": "text/csv"})
            if status == 200:
                recorder.ack({"kind": "target", "source": source})
            elif status:
                recorder.error("target: %d %s" % (status, data[:300]))


def run(args):
    os.makedirs(args.work, exist_ok=True)
    recorder = Recorder(args.work)
    stop = threading.Event()
    threads = [threading.Thread(target=visitor, args=(args, recorder, stop, i)) for i in range(args.visitors)]
    threads += [threading.Thread(target=f, args=(args, recorder, stop)) for f in (searcher, editor, importer, registry_writer)]
    started = time.monotonic()
    for t in threads:
        t.start()
    stop.wait(args.duration)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    with open(os.path.join(args.work, "elapsed"), "w") as f:
        f.write("%.3f\n" % elapsed)
    recorder.close()


def query(args, sql, params=()):
    if args.sqlite:
        connection = sqlite3.connect(args.sqlite, timeout=30)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()
    text = sql
    for p in params:
        text = text.replace("?", "'" + str(p).replace("'", "''") + "'", 1)
    out = subprocess.run(["psql", args.postgres, "-AtF", "\t", "-c", text], check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def check(args):
    elapsed = float(open(os.path.join(args.work, "elapsed")).read())
    by_route = {}
    statuses = {}
    for line in open(os.path.join(args.work, "requests.tsv"), encoding="utf-8"):
        route, status, seconds = line.rstrip("\n").split("\t")
        by_route.setdefault(route, []).append((int(status), float(seconds)))
        statuses[int(status)] = statuses.get(int(status), 0) + 1
    total = sum(statuses.values())
    server_errors = sum(n for s, n in statuses.items() if s >= 500)
    dropped = statuses.get(0, 0)
    print("%d requests in %.0f s: %.1f req/s; statuses %s" % (
        total, elapsed, total / elapsed, " ".join("%d×%d" % (n, s) for s, n in sorted(statuses.items()))))
    print("%-58s %7s %8s %8s %8s" % ("route", "count", "p50 ms", "p99 ms", "max ms"))
    for route in sorted(by_route):
        times = [s for _, s in by_route[route]]
        print("%-58s %7d %8.1f %8.1f %8.1f" % (route, len(times), 1000 * percentile(times, 50), 1000 * percentile(times, 99),
                                             1000 * max(times)))

    acknowledged = [json.loads(line) for line in open(os.path.join(args.work, "acknowledged.jsonl"), encoding="utf-8")]
    kinds = {}
    lost = []
    for record in acknowledged:
        kinds[record["kind"]] = kinds.get(record["kind"], 0) + 1
        kind = record["kind"]
        if kind == "line":
            rows = query(args, "SELECT COUNT(*) FROM inventory_lines l JOIN inventories i ON i.id = l.inventory_id "
                               "WHERE i.year = ? AND l.line_id = ?", (record["year"], record["line_id"]))
        elif kind == "import":
            rows = query(args, "SELECT COUNT(*) FROM inventory_lines l JOIN inventories i ON i.id = l.inventory_id "
                               "WHERE i.year = ?", (record["year"],))
            if int(rows[0][0]) != record["lines"]:
                lost.append(record)
            continue
        elif kind == "action":
            rows = query(args, "SELECT COUNT(*) FROM mitigation_actions WHERE title_en = ?", (record["title"],))
        elif kind == "update":
            rows = query(args, "SELECT COUNT(*) FROM action_updates WHERE note = ?", (record["note"],))
        elif kind == "target":
            rows = query(args, "SELECT COUNT(*) FROM city_targets WHERE source = ?", (record["source"],))
        else:
            continue
        if int(rows[0][0]) != 1:
            lost.append(record)
    print("acknowledged writes: %s; missing from the database: %d" % (
        ", ".join("%d %s" % (n, k) for k, n in sorted(kinds.items())), len(lost)))
    for record in lost[:10]:
        print("   lost:", record)

    # The caches agree with the database: every acknowledged action listed by every instance.
    stale = 0
    titles = {r["title"] for r in acknowledged if r["kind"] == "action"}
    for base in args.read_base or []:
        parsed = urllib.parse.urlparse(base)
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        connection.request("GET", "/api/v1/cities/seoul/actions")
        listed = json.loads(connection.getresponse().read())
        seen = {a.get("titles", {}).get("en") or a.get("title") for a in listed.get("actions", [])}
        missing = titles - seen
        in_db = int(query(args, "SELECT COUNT(*) FROM mitigation_actions m JOIN cities c ON c.id = m.city_id "
                                "WHERE c.slug = 'seoul'")[0][0])
        if missing or len(listed.get("actions", [])) != in_db:
            stale += 1
            print("   %s lists %d actions, the database has %d; %d acknowledged not listed" % (
                base, len(listed.get("actions", [])), in_db, len(missing)))
    if args.read_base:
        print("caches: %d of %d instances disagree with the database" % (stale, len(args.read_base)))
    print("RESULT 5xx=%d lost=%d stale=%d dropped=%d" % (server_errors, len(lost), stale, dropped))
    return 1 if server_errors or lost or stale else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--base", required=True)
    r.add_argument("--duration", type=float, default=300)
    r.add_argument("--token", required=True)
    r.add_argument("--email", required=True)
    r.add_argument("--password", required=True)
    r.add_argument("--work", required=True)
    r.add_argument("--visitors", type=int, default=4)
    r.add_argument("--run", default="load")
    r.add_argument("--edit-year", type=int, default=2019)
    r.add_argument("--import-year", type=int, default=1995)
    r.add_argument("--import-lines", type=int, default=10000)
    r.add_argument("--import-max", type=int, default=20)
    c = sub.add_parser("check")
    c.add_argument("--work", required=True)
    c.add_argument("--sqlite")
    c.add_argument("--postgres")
    c.add_argument("--read-base", action="append")
    args = parser.parse_args()
    if args.command == "run":
        run(args)
        return 0
    return check(args)


if __name__ == "__main__":
    sys.exit(main())
