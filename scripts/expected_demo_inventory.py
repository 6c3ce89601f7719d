#!/usr/bin/env python3
"""Independent hand calculation of the illustrative Guiyang 2021 inventory.

Reads   Sources/App/Resources/seed/inventories/guiyang-2021.csv
writes  Sources/App/Resources/seed/inventories/guiyang-2021.expected.json

This does not use the platform's Swift code. It applies the formulas of
docs/inventory-template.md directly, with:
  * NCVs from /work/shared/reference/ipcc2006_fuel_ncv_carbon_co2.csv (TJ/Gg),
  * GWP-100 AR5 from /work/shared/reference/gwp_100yr.csv: CH4 = 28 for every
    source (the AR5 column; CH4_fossil is not used), N2O = 265,
  * GPC scope / BASIC / BASIC+ membership from /work/shared/reference/gpc_structure.csv.
Every emission factor in the CSV is also checked against the reference file it
cites (the script stops if one differs).

Arithmetic is exact (fractions.Fraction built from the decimal text); the only
rounding is the final conversion of each exact result to the nearest IEEE
double when the JSON is written. Nothing is rounded before that.

Conversions: mass of fuel -> energy: t x NCV (TJ/Gg) / 1000 = TJ;
kg -> t: / 1000; g -> t: / 1,000,000; MWh x t/MWh = t directly.

Usage: python3 scripts/expected_demo_inventory.py [--check]

------------------------------------------------------------------------------
Worked arithmetic for three representative lines (values as in the CSV):

1. se-mfg-coal  (I.3.1, Other Bituminous Coal, 7,000,000 t, factors in kg/TJ)
   energy = 7,000,000 t x 25.8 TJ/Gg / 1000          = 180,600 TJ
   CO2    = 180,600 TJ x 94,600 kg/TJ / 1000          = 17,084,760 t
   CH4    = 180,600 TJ x 10 kg/TJ / 1000              = 1,806 t
   N2O    = 180,600 TJ x 1.5 kg/TJ / 1000             = 270.9 t
   CO2e   = 17,084,760 + 1,806 x 28 + 270.9 x 265
          = 17,084,760 + 50,568 + 71,788.5            = 17,207,116.5 t

2. se-res-wood  (I.1.1, Wood/Wood Waste, 50,000 t; biomass, so CO2 is biogenic)
   energy = 50,000 t x 15.6 TJ/Gg / 1000              = 780 TJ
   biogenic CO2 = 780 TJ x 112,000 kg/TJ / 1000       = 87,360 t (memo, not in CO2e)
   CH4    = 780 x 300 / 1000                          = 234 t
   N2O    = 780 x 4 / 1000                            = 3.12 t
   CO2e   = 0 + 234 x 28 + 3.12 x 265 = 6,552 + 826.8 = 7,378.8 t

3. wst-landfill (III.1.1, methane_commitment, 1,200,000 t)
   DOC  = 0.15 x 0.5 + 0.2 x 0.1 + 0.4 x 0.15 + 0.43 x 0.05 + 0.24 x 0.03
        = 0.075 + 0.02 + 0.06 + 0.0215 + 0.0072       = 0.1837
   L0   = mcf x DOC x DOCf x F x 16/12 = 1.0 x 0.1837 x 0.6 x 0.5 x 16/12 = 0.07348
   CH4  = 1,200,000 x 0.07348 x (1 - 0) x (1 - 0.1)  = 79,358.4 t
   CO2e = 79,358.4 x 28                               = 2,222,035.2 t

(Also: wst-incin, 600,000 t: fossil CO2 = 600,000 x 0.6 x 0.4 x 0.4 x 1.0 x 44/12
 = 211,200 t; biogenic = 600,000 x 0.6 x 0.4 x 0.6 x 1.0 x 44/12 = 316,800 t;
 CH4 = 600,000 x 0.2 x 1e-6 = 0.12 t; N2O = 600,000 x 50 x 1e-6 = 30 t.
 wst-wastewater: TOW = 6,000,000 x 40 g x 0.001 x 365 x 1.25 = 109,500,000 kg BOD;
 CH4 = 109,500,000 x 0.6 x 0.3 / 1000 = 19,710 t.)
------------------------------------------------------------------------------
"""
import csv
import json
import os
import sys
from fractions import Fraction as F

REF = "/work/shared/reference"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INV_DIR = os.path.join(ROOT, "Sources", "App", "Resources", "seed", "inventories")
CSV_PATH = os.path.join(INV_DIR, "guiyang-2021.csv")
OUT = os.path.join(INV_DIR, "guiyang-2021.expected.json")

# Biomass fuels of IPCC 2006 Vol.2 Ch.1 Table 1.4 (their CO2 is biogenic).
BIOMASS = {
    "Wood/Wood Waste", "Sulphite Lyes (Black Liquor)", "Other Primary Solid Biomass", "Charcoal",
    "Biogasoline", "Biodiesels", "Other Liquid Biofuels", "Landfill Gas", "Sludge Gas",
    "Other Biogas", "Municipal Wastes (biomass fraction)",
}

MASS_TO_T = {"t": F(1), "kg": F(1, 1000), "g": F(1, 10**6), "Gg": F(1000)}


def fr(text):
    return F(text.strip())


def load_reference():
    ncv = {}
    co2_ef = {}
    for r in csv.DictReader(open(os.path.join(REF, "ipcc2006_fuel_ncv_carbon_co2.csv"), encoding="utf-8")):
        if r["ncv_TJ_per_Gg"]:
            ncv[r["fuel"]] = fr(r["ncv_TJ_per_Gg"])
        co2_ef[r["fuel"]] = fr(r["co2_ef_kg_per_TJ"])
    gwp = {}
    for r in csv.DictReader(open(os.path.join(REF, "gwp_100yr.csv"), encoding="utf-8")):
        if r["gas"] in ("CO2", "CH4", "N2O"):
            gwp[r["gas"]] = fr(r["AR5"])
    assert gwp == {"CO2": 1, "CH4": 28, "N2O": 265}, gwp
    gpc = {}
    for r in csv.DictReader(open(os.path.join(REF, "gpc_structure.csv"), encoding="utf-8")):
        gpc[r["gpc_ref"]] = {
            "sector": r["sector_refno"],
            "scope": int(r["scope"]),
            "in_basic": r["in_basic"] == "True",
            "in_basic_plus": r["in_basic_plus"] == "True",
        }
    stationary = {}
    for r in csv.DictReader(open(os.path.join(REF, "ipcc2006_stationary_combustion_ef.csv"), encoding="utf-8")):
        stationary[(r["fuel"], r["sector"], r["gas"])] = fr(r["value"])
    mobile = {}
    for r in csv.DictReader(open(os.path.join(REF, "ipcc2006_mobile_combustion_ef.csv"), encoding="utf-8")):
        mobile.setdefault((r["fuel"], r["gas"]), set()).add(fr(r["value"]))
    grid = {}
    for r in csv.DictReader(open(os.path.join(REF, "grid_emission_factors_ne_asia.csv"), encoding="utf-8")):
        grid[(r["region"], r["data_year"])] = fr(r["value"])
    return ncv, co2_ef, gwp, gpc, stationary, mobile, grid


STATIONARY_SECTOR = {  # GPC sub-sector -> sector column of ipcc2006_stationary_combustion_ef.csv
    "I.1": "residential_and_agriculture_forestry_fishing_stationary",
    "I.2": "commercial_institutional",
    "I.3": "manufacturing_construction",
    "I.4": "energy_industries",
    "I.5": "residential_and_agriculture_forestry_fishing_stationary",
}


def check_factor(row, gas, value, ref):
    """Stop unless the CSV factor is the one in the reference file the row cites."""
    ncv, co2_ef, gwp, gpc, stationary, mobile, grid = ref
    fuel, g = row["fuel"], row["gpc_ref"]
    if row["ef_unit"] == "t/MWh":
        assert gas == "CO2" and value == grid[("南方 South (China Southern Grid)", "2021")], row["line_id"]
        return
    subsector = ".".join(g.split(".")[:2])
    if subsector in STATIONARY_SECTOR:
        assert value == stationary[(fuel, STATIONARY_SECTOR[subsector], gas)], (row["line_id"], gas)
        return
    # Transport: IPCC Table 1.4 CO2 (fuel file) or a mobile-file value for this fuel/gas.
    if gas == "CO2":
        assert value == co2_ef[fuel], (row["line_id"], gas)
        return
    assert value in mobile[(fuel, gas)], (row["line_id"], gas)


def params(text):
    out = {}
    for part in text.split(";"):
        if part.strip():
            k, v = part.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def activity_times_factor(row, ref):
    """co2, ch4, n2o (t) and biogenic CO2 (t) for an activity x factor row."""
    ncv = ref[0]
    value, unit = fr(row["activity_value"]), row["activity_unit"]
    mass_unit, denom = row["ef_unit"].split("/")
    # activity in the factor's denominator unit
    if unit == denom:
        amount = value
    elif denom == "TJ" and unit in MASS_TO_T:
        amount = value * MASS_TO_T[unit] * ncv[row["fuel"]] / 1000  # t x TJ/Gg / 1000 = TJ
    else:
        raise SystemExit("unsupported conversion %s -> %s in %s" % (unit, denom, row["line_id"]))
    to_t = MASS_TO_T[mass_unit]
    out = {}
    for gas, col in (("CO2", "ef_co2"), ("CH4", "ef_ch4"), ("N2O", "ef_n2o")):
        if row[col].strip():
            ef = fr(row[col])
            check_factor(row, gas, ef, ref)
            out[gas] = amount * ef * to_t
        else:
            out[gas] = F(0)
    biogenic = F(0)
    if row["fuel"] in BIOMASS:
        biogenic, out["CO2"] = out["CO2"], F(0)
    return out["CO2"], out["CH4"], out["N2O"], biogenic


def doc_from(p):
    if "doc" in p:
        return fr(p["doc"])
    weights = {"food": F("0.15"), "garden": F("0.2"), "paper": F("0.4"), "wood": F("0.43"),
               "textiles": F("0.24"), "industrial": F("0.15")}  # GPC Eq. 8.1
    return sum((weights[k] * fr(p[k]) for k in weights if k in p), F(0))


def waste_method(row):
    m, p = row["method"], params(row["parameters"])
    a = fr(row["activity_value"])
    zero = F(0)
    if m == "methane_commitment":  # GPC Eq. 8.3-8.4
        assert row["activity_unit"] == "t"
        l0 = fr(p["mcf"]) * doc_from(p) * fr(p.get("docf", "0.6")) * fr(p.get("f", "0.5")) * F(16, 12)
        ch4 = a * l0 * (1 - fr(p.get("frec", "0"))) * (1 - fr(p.get("ox", "0")))
        return zero, ch4, zero, zero
    if m == "biological_treatment":  # GPC Eq. 8.6, IPCC 2006 Vol.5 Table 4.1 defaults
        assert row["activity_unit"] == "t"
        defaults = {("composting", "dry"): (F(10), F("0.6")), ("composting", "wet"): None,
                    ("anaerobic_digestion", "dry"): (F(2), F(0)),
                    ("anaerobic_digestion", "wet"): (F("0.8"), F(0))}
        if "ef_ch4_g_per_kg" in p:
            ef_ch4, ef_n2o = fr(p["ef_ch4_g_per_kg"]), fr(p.get("ef_n2o_g_per_kg", "0"))
        else:
            ef_ch4, ef_n2o = defaults[(p["treatment"], p["basis"])]
        # t waste x g/kg = t x 1000 kg x g/kg = g x 1000 -> t: x 1000 / 1e6 = / 1000
        ch4 = a * ef_ch4 / 1000 - fr(p.get("recovered_t", "0"))
        n2o = a * ef_n2o / 1000
        return zero, ch4, n2o, zero
    if m == "incineration":  # IPCC 2006 Vol.5 Eq. 5.1, 5.4, 5.5
        assert row["activity_unit"] == "t"
        carbon = a * fr(p["dm"]) * fr(p["cf"]) * fr(p.get("of", "1.0")) * F(44, 12)
        fcf = fr(p["fcf"])
        co2 = carbon * fcf
        biogenic = carbon * (1 - fcf)
        ch4 = a * fr(p.get("ef_ch4_kg_per_gg", "0")) / 10**6  # t -> Gg (/1000), kg -> t (/1000)
        n2o = a * fr(p.get("ef_n2o_g_per_t", "0")) / 10**6    # g -> t
        return co2, ch4, n2o, biogenic
    if m == "wastewater":  # GPC Eq. 8.8-8.10, CH4 only here
        assert row["activity_unit"] == "person"
        tow_kg = a * fr(p["bod"]) * F(1, 1000) * 365 * fr(p.get("i", "1"))
        ch4_kg = (tow_kg - fr(p.get("s_kg", "0"))) * fr(p.get("b0", "0.6")) * fr(p["mcf"]) \
            - fr(p.get("recovered_kg", "0"))
        assert "protein" not in p  # effluent N2O not used in this file
        return zero, ch4_kg / 1000, zero, zero
    raise SystemExit("method %s not handled" % m)


def num(x):
    """Nearest double of an exact value; integers stay integers."""
    return int(x) if x.denominator == 1 else float(x)


def main():
    ref = load_reference()
    gwp, gpc = ref[2], ref[3]
    rows = list(csv.DictReader(open(CSV_PATH, encoding="utf-8")))
    lines, notation = [], []
    for r in rows:
        info = gpc[r["gpc_ref"]]
        if r["notation_key"].strip():
            notation.append({"line_id": r["line_id"], "gpc_ref": r["gpc_ref"],
                             "notation_key": r["notation_key"], "explanation": r["explanation"]})
            continue
        if r["method"].strip():
            co2, ch4, n2o, bio = waste_method(r)
        else:
            co2, ch4, n2o, bio = activity_times_factor(r, ref)
        co2e = co2 * gwp["CO2"] + ch4 * gwp["CH4"] + n2o * gwp["N2O"]
        lines.append({"line_id": r["line_id"], "gpc_ref": r["gpc_ref"], "sector": info["sector"],
                      "scope": info["scope"], "in_basic": info["in_basic"],
                      "in_basic_plus": info["in_basic_plus"],
                      "co2_t": co2, "ch4_t": ch4, "n2o_t": n2o, "biogenic_co2_t": bio, "co2e_t": co2e})

    def total(pred):
        return sum((l["co2e_t"] for l in lines if pred(l)), F(0))

    totals = {
        "territorial": total(lambda l: l["scope"] == 1),
        "basic": total(lambda l: l["in_basic"]),
        "basic_plus": total(lambda l: l["in_basic_plus"]),
        "biogenic_co2": sum((l["biogenic_co2_t"] for l in lines), F(0)),
        "by_sector": {s: total(lambda l, s=s: l["sector"] == s) for s in ("I", "II", "III", "IV", "V", "VI")},
        "by_scope": {str(s): total(lambda l, s=s: l["scope"] == s) for s in (1, 2, 3)},
        "basic_by_sector": {s: total(lambda l, s=s: l["in_basic"] and l["sector"] == s)
                            for s in ("I", "II", "III", "IV", "V", "VI")},
        "basic_by_scope": {str(s): total(lambda l, s=s: l["in_basic"] and l["scope"] == s) for s in (1, 2, 3)},
    }
    # consistency checks
    assert sum(totals["by_scope"].values()) == sum(totals["by_sector"].values()) == total(lambda l: True)
    assert sum(totals["basic_by_scope"].values()) == totals["basic"]

    def conv(v):
        if isinstance(v, F):
            return num(v)
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        return v

    doc = {
        "inventory": "guiyang-2021.csv",
        "city": "guiyang",
        "year": 2021,
        "gwp_set": "AR5",
        "gwp": {"CO2": 1, "CH4": 28, "N2O": 265},
        "illustrative": True,
        "computed_by": "scripts/expected_demo_inventory.py (exact rational arithmetic; each number is the "
                       "nearest double of the exact result)",
        "definitions": {
            "co2e_t": "co2_t + 28 x ch4_t + 265 x n2o_t; biogenic CO2 is a memo item and never in CO2e",
            "territorial": "all scope-1 lines, including I.4.4, III.1.3 and III.3.3",
            "basic": "lines whose GPC sub-category has in_basic=True in gpc_structure.csv",
            "basic_plus": "lines whose GPC sub-category has in_basic_plus=True in gpc_structure.csv",
            "biogenic_co2": "sum of biogenic_co2_t over all lines (t CO2)",
            "by_sector": "all lines with numbers, grouped by GPC sector (I..VI)",
            "by_scope": "all lines with numbers, grouped by scope",
            "basic_by_sector": "BASIC lines only, by sector",
            "basic_by_scope": "BASIC lines only, by scope",
        },
        "totals": conv(totals),
        "lines": [conv(l) for l in lines],
        "notation_keys": notation,
    }
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv:
        same = open(OUT, encoding="utf-8").read() == text
        print("guiyang-2021.expected.json is " + ("up to date" if same else "OUT OF DATE"))
        sys.exit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("lines with numbers: %d, notation-key lines: %d" % (len(lines), len(notation)))
    for k in ("territorial", "basic", "basic_plus", "biogenic_co2"):
        print("%-13s %s" % (k, num(totals[k])))
    print("by_sector", {k: num(v) for k, v in totals["by_sector"].items()})
    print("by_scope ", {k: num(v) for k, v in totals["by_scope"].items()})


if __name__ == "__main__":
    main()
