extension Formulas.Context {
    /// Total ÷ resident population of the inventory year (± the tolerance). Per person answers a
    /// consumption question, per GDP an infrastructure one: both are shown (Ramaswami & Chavez
    /// 2013, `benchmarking_methods.md`).
    func emissionsPerPerson() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let inventory = try inventory()
            let total = try total(inventory)
            let population = try population(near: inventory.year)
            return ComputedValue(
                value: total / population.value, unit: IndicatorUnit("\(mass(inventory))/person"), year: inventory.year,
                basis: emissionsBasis(inventory), inputs: [describe(inventory, total: total), describe(population)])
        }
    }

    /// Total ÷ GDP of the same year, per million currency units. The GDP's currency must be the
    /// one the item's unit names: no exchange rate is applied.
    func emissionsPerGDP() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let inventory = try inventory()
            let total = try total(inventory)
            let sameYear = inputs.gdp.filter { $0.year == inventory.year && $0.value > 0 }
            guard !sameYear.isEmpty else { throw Formulas.Missing("no GDP for \(inventory.year), the inventory's year") }
            let unitFor = { (gdp: GDPFigure) in "\(mass(inventory))/million \(gdp.currency)" }
            let matching = sameYear.filter { gdp in wanted.map { catalog.factor(from: unitFor(gdp), to: $0) != nil } ?? true }
            // Current prices first: a same-year comparison across cities wants current prices;
            // constant prices serve change over time (city_series_ne_asia.md).
            guard let gdp = matching.first(where: { $0.priceBasis == .current }) ?? matching.first else {
                let currencies = Set(sameYear.map(\.currency)).sorted().joined(separator: ", ")
                throw Formulas.Missing(
                    "GDP of \(inventory.year) is known in \(currencies) only; this item is in \(wanted ?? "?") and no exchange rate is applied"
                )
            }
            var basis = emissionsBasis(inventory)
            basis.currency = gdp.currency
            basis.priceBasis = gdp.priceBasis
            let gdpInput = FormulaInput(
                role: "gdp", year: gdp.year,
                detail: "\(displayNumber(gdp.value)) \(gdp.currency) at \(gdp.priceBasis); source: \(gdp.source)")
            return ComputedValue(
                value: total / (gdp.value / 1_000_000), unit: IndicatorUnit(unitFor(gdp)), year: inventory.year, basis: basis,
                inputs: [describe(inventory, total: total), gdpInput])
        }
    }

    /// Total ÷ land area (carbon-emission density, a "lower is better" shape in
    /// `low_carbon_indices.md` §7).
    func emissionsPerArea() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let inventory = try inventory()
            let total = try total(inventory)
            guard let area = inputs.area, area.km2 > 0 else { throw Formulas.Missing("the city's land area is not known") }
            let areaInput = FormulaInput(
                role: "area", year: area.year, detail: "\(displayNumber(area.km2)) km2; source: \(area.source)")
            return ComputedValue(
                value: total / area.km2, unit: IndicatorUnit("\(mass(inventory))/km2"), year: inventory.year,
                basis: emissionsBasis(inventory), inputs: [describe(inventory, total: total), areaInput])
        }
    }

    /// The base inventory and the latest one, on the same basis, gases and GWP set.
    func basePair() throws(Formulas.Missing) -> (
        base: InventoryFigures, baseTotal: Double, latest: InventoryFigures, total: Double
    ) {
        let latest = try inventory()
        let latestTotal = try total(latest)
        let onBasis = inputs.inventories.filter { $0.totals[settings.basis] != nil }
        guard let baseYear = inputs.baseYear ?? inputs.primaryTarget?.baseYear ?? onBasis.map(\.year).min() else {
            throw Formulas.Missing("no base year is known")
        }
        guard baseYear < latest.year else {
            throw Formulas.Missing("the latest inventory (\(latest.year)) is not after the base year \(baseYear)")
        }
        guard let base = onBasis.filter({ $0.year == baseYear }).max(by: { $0.version < $1.version }),
            let baseTotal = base.totals[settings.basis]
        else {
            throw Formulas.Missing("no \(settings.basis.label) inventory for the base year \(baseYear)")
        }
        guard base.gases == latest.gases else {
            throw Formulas.Missing("the base-year and \(latest.year) totals cover different gases")
        }
        guard base.gwp == latest.gwp else {
            throw Formulas.Missing(
                "the base year uses \(base.gwp?.rawValue ?? "no") GWPs and \(latest.year) uses \(latest.gwp?.rawValue ?? "none"): re-base from gas-level data first"
            )
        }
        guard baseTotal > 0 else { throw Formulas.Missing("the base-year total is not positive") }
        return (base, baseTotal, latest, latestTotal)
    }

    /// (latest − base) ÷ base × 100.
    func changeSinceBase() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let pair = try basePair()
            return ComputedValue(
                value: (pair.total - pair.baseTotal) / pair.baseTotal * 100, unit: "%", year: pair.latest.year,
                basis: emissionsBasis(pair.latest),
                inputs: [describe(pair.base, total: pair.baseTotal), describe(pair.latest, total: pair.total)])
        }
    }

    /// I(y1)/I(y0) = [E(y1)/E(y0)] ÷ Π(1 + g_t/100) for t = y0+1…y1, as a change in %. Current-price
    /// GDP is never divided across years; the official real growth rates chain instead
    /// (`city_series_ne_asia.md`, "Read before computing").
    func intensityChangeSinceBase() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let pair = try basePair()
            var growth = 1.0
            var used: [String] = []
            for year in (pair.base.year + 1)...pair.latest.year {
                guard let rate = inputs.gdpRealGrowth.first(where: { $0.year == year }) else {
                    throw Formulas.Missing("the official real GDP growth rate of \(year) is missing")
                }
                growth *= 1 + rate.percent / 100
                used.append("\(year): \(displayNumber(rate.percent)) % (\(rate.source))")
            }
            let ratio = (pair.total / pair.baseTotal) / growth
            let growthInput = FormulaInput(
                role: "growth", year: pair.latest.year, detail: "real GDP growth " + used.joined(separator: "; "))
            return ComputedValue(
                value: (ratio - 1) * 100, unit: "%", year: pair.latest.year, basis: emissionsBasis(pair.latest),
                inputs: [describe(pair.base, total: pair.baseTotal), describe(pair.latest, total: pair.total), growthInput])
        }
    }

    /// Sector ÷ total, both on the inventory's sector basis, × 100.
    func sectorShare(_ sector: GPCSector) -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let inventory = try inventory()
            guard let total = inventory.totals[inventory.sectorBasis], total > 0 else {
                throw Formulas.Missing("the \(inventory.year) inventory has no positive \(inventory.sectorBasis.label) total")
            }
            guard let amount = inventory.sectors[sector] else {
                throw Formulas.Missing("sector \(sector.rawValue) is not reported in the \(inventory.year) inventory")
            }
            var basis = emissionsBasis(inventory)
            basis.emissions = inventory.sectorBasis
            let input = FormulaInput(
                role: "inventory", year: inventory.year,
                detail:
                    "\(inventory.year) version \(inventory.version), sector \(sector.rawValue) \(displayNumber(amount)) of \(inventory.sectorBasis.label) \(displayNumber(total)) \(mass(inventory)); source: \(inventory.source)"
            )
            return ComputedValue(value: amount / total * 100, unit: "%", year: inventory.year, basis: basis, inputs: [input])
        }
    }
}
