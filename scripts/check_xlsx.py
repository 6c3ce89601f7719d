#!/usr/bin/env python3
"""Reads an .xlsx file with openpyxl and checks the cells a test expects.

Usage: check_xlsx.py WORKBOOK.xlsx EXPECTATIONS.json

EXPECTATIONS.json:
  {"sheets": ["eCRF_1", ...],                      # optional: every sheet name, in order
   "cells": {"eCRF_2": {"B4": {"t": "n", "v": "56266.5"}, ...}},
   "frozen": {"eCRF_3": "A2"},                     # optional: openpyxl's freeze_panes
   "merged": {"eCRF_1": ["A2:A16"]}}               # optional: ranges that must be merged
Cell kinds: "s" text, "n" number (v is the exact decimal text of the double), "b" boolean,
"z" empty. Any warning openpyxl raises while loading fails the check (a file Excel would
repair usually makes openpyxl warn too).

Exit status: 0 all expectations met, 1 a mismatch (each printed), 2 usage or openpyxl missing.
"""
import json
import sys
import warnings

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed: pip install openpyxl", file=sys.stderr)
    sys.exit(2)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[2], encoding="utf-8") as handle:
        expected = json.load(handle)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        workbook = openpyxl.load_workbook(sys.argv[1], data_only=True)
    problems = []
    if "sheets" in expected and workbook.sheetnames != expected["sheets"]:
        problems.append(f"sheets {workbook.sheetnames} != {expected['sheets']}")
    checked = 0
    for sheet_name, cells in expected.get("cells", {}).items():
        if sheet_name not in workbook.sheetnames:
            problems.append(f"no sheet {sheet_name!r}")
            continue
        sheet = workbook[sheet_name]
        for reference, want in cells.items():
            checked += 1
            value = sheet[reference].value
            kind = want["t"]
            if kind == "z":
                ok = value is None
            elif kind == "s":
                ok = isinstance(value, str) and value == want["v"]
            elif kind == "n":
                ok = isinstance(value, (int, float)) and not isinstance(value, bool) and float(value) == float(want["v"])
            elif kind == "b":
                ok = isinstance(value, bool) and value == want["v"]
            else:
                ok = False
            if not ok:
                problems.append(f"{sheet_name}!{reference}: {value!r} ({type(value).__name__}) != {want}")
    for sheet_name, cell in expected.get("frozen", {}).items():
        if workbook[sheet_name].freeze_panes != cell:
            problems.append(f"{sheet_name}: frozen at {workbook[sheet_name].freeze_panes!r}, expected {cell!r}")
    for sheet_name, ranges in expected.get("merged", {}).items():
        merged = {str(r) for r in workbook[sheet_name].merged_cells.ranges}
        for wanted in ranges:
            if wanted not in merged:
                problems.append(f"{sheet_name}: {wanted} is not merged ({sorted(merged)})")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"openpyxl {openpyxl.__version__}: {checked} cells checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
