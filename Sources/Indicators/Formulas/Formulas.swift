/// Computes quantitative items from a city's platform data.
///
/// Each formula either returns a value with its unit and the inputs it used, or
/// `.missing(reason)`: a missing input is never read as 0 (issue 11, "an item whose inputs are
/// missing is missing, shown as missing, never scored 0 and never scored best"). Arithmetic is
/// plain Double with no rounding.
public enum Formulas {
    /// Evaluates `formula` for the assessment `year`, in `unit` when given (converted exactly
    /// through `catalog`), else in the formula's own unit.
    public static func evaluate(
        _ formula: FormulaName, inputs: CityIndicatorInputs, year: Int, unit: IndicatorUnit? = nil,
        settings: FormulaSettings = FormulaSettings(), catalog: UnitCatalog = .standard
    ) -> FormulaResult {
        let context = Context(inputs: inputs, year: year, settings: settings, wanted: unit?.symbol, catalog: catalog)
        let result: FormulaResult
        switch formula {
        case .emissionsPerPerson: result = context.emissionsPerPerson()
        case .emissionsPerGDP: result = context.emissionsPerGDP()
        case .emissionsPerArea: result = context.emissionsPerArea()
        case .emissionsChangeSinceBase: result = context.changeSinceBase()
        case .gdpIntensityChangeSinceBase: result = context.intensityChangeSinceBase()
        case .sectorShareStationaryEnergy, .sectorShareTransportation, .sectorShareWaste, .sectorShareIPPU, .sectorShareAFOLU:
            result = formula.sector.map(context.sectorShare) ?? .missing(reason: "not a sector formula")
        case .gridEmissionFactor: result = context.gridFactor()
        case .wastePerPerson: result = context.wastePerPerson()
        case .landfillShare: result = context.landfillShare()
        case .actionImplementationShare: result = context.actionImplementationShare()
        case .achievedVsExpectedReduction: result = context.achievedVsExpected()
        case .targetAmbition: result = context.targetAmbition()
        case .targetProgress: result = context.targetProgress()
        case .inventoryCompleteness: result = context.inventoryCompleteness()
        case .inventoryVerification: result = context.inventoryVerification()
        }
        guard let unit, case .value(let computed) = result else { return result }
        guard let value = catalog.convert(computed.value, from: computed.unit.symbol, to: unit.symbol) else {
            return .missing(
                reason:
                    "computed in \(computed.unit), which does not convert to \(unit) (no exchange rate, GWP or gas coverage is assumed)"
            )
        }
        return .value(
            ComputedValue(value: value, unit: unit, year: computed.year, basis: computed.basis, inputs: computed.inputs))
    }

    /// The data a formula reads, with the selection rules shared by all formulas.
    struct Context {
        let inputs: CityIndicatorInputs
        let year: Int
        let settings: FormulaSettings
        /// The unit the item wants, used to pick a GDP of a matching currency.
        let wanted: String?
        let catalog: UnitCatalog

        /// The inventory of the assessment year, else the latest earlier one no older than the
        /// maximum age; the highest version of that year.
        func inventory() throws(Missing) -> InventoryFigures {
            let candidates = inputs.inventories.filter { $0.year <= year && year - $0.year <= settings.maximumDataAge }
            guard let latestYear = candidates.map(\.year).max(),
                let chosen = candidates.filter({ $0.year == latestYear }).max(by: { $0.version < $1.version })
            else {
                throw Missing("no inventory for \(year) or the \(settings.maximumDataAge) years before")
            }
            return chosen
        }

        /// The inventory's total on the chosen basis.
        func total(_ inventory: InventoryFigures) throws(Missing) -> Double {
            guard let total = inventory.totals[settings.basis] else {
                let has = inventory.totals.keys.map(\.label).sorted().joined(separator: ", ")
                throw Missing(
                    "the \(inventory.year) inventory has no \(settings.basis.label) total (it has \(has.isEmpty ? "none" : has))")
            }
            return total
        }

        /// The resident population nearest to `near`, within the tolerance.
        func population(near: Int) throws(Missing) -> PopulationFigure {
            let tolerance = settings.populationYearTolerance
            let close = inputs.population.filter { abs($0.year - near) <= tolerance && $0.value > 0 }
            let usable = close.filter { $0.kind != .registered || settings.allowRegisteredPopulation }
            let ordered = usable.sorted {
                let lhs = (abs($0.year - near), $0.kind == .resident ? 0 : 1, -$0.year)
                let rhs = (abs($1.year - near), $1.kind == .resident ? 0 : 1, -$1.year)
                return lhs < rhs
            }
            if let best = ordered.first { return best }
            if !close.isEmpty {
                throw Missing(
                    "only registered (hukou) population is known near \(near); per-person figures need resident population")
            }
            throw Missing("no population within \(tolerance) year(s) of \(near)")
        }

        /// The latest figure at or before the assessment year within the maximum age.
        func latest<T>(_ figures: [T], year keyPath: KeyPath<T, Int>, what: String) throws(Missing) -> T {
            let usable = figures.filter { $0[keyPath: keyPath] <= year && year - $0[keyPath: keyPath] <= settings.maximumDataAge }
            guard let best = usable.max(by: { $0[keyPath: keyPath] < $1[keyPath: keyPath] }) else {
                throw Missing("no \(what) for \(year) or the \(settings.maximumDataAge) years before")
            }
            return best
        }

        func describe(_ inventory: InventoryFigures, total: Double) -> FormulaInput {
            var detail = "\(inventory.year) version \(inventory.version), \(settings.basis.label) total \(displayNumber(total)) "
            detail += inventory.gases == .co2Only ? "t CO2 (CO2 only)" : "t CO2e"
            if let gwp = inventory.gwp { detail += ", \(gwp.rawValue) GWPs" }
            detail += "; source: \(inventory.source)"
            return FormulaInput(role: "inventory", year: inventory.year, detail: detail)
        }

        func describe(_ population: PopulationFigure) -> FormulaInput {
            FormulaInput(
                role: "population", year: population.year,
                detail: "\(displayNumber(population.value)) persons (\(population.kind.rawValue)); source: \(population.source)")
        }

        func emissionsBasis(_ inventory: InventoryFigures) -> ComparisonBasis {
            ComparisonBasis(emissions: settings.basis, gases: inventory.gases, gwp: inventory.gwp)
        }

        /// "t CO2e" or "t CO2" by the inventory's gases.
        func mass(_ inventory: InventoryFigures) -> String {
            inventory.gases == .co2Only ? "t CO2" : "t CO2e"
        }
    }

    /// Why a formula has no value.
    struct Missing: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Runs a formula body, turning a thrown ``Missing`` into `.missing(reason)`.
    static func attempt(_ body: () throws(Missing) -> ComputedValue) -> FormulaResult {
        do {
            return .value(try body())
        } catch {
            return .missing(reason: error.reason)
        }
    }
}
