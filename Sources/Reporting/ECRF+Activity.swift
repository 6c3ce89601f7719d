import CarbonAccounting
import Spreadsheets

extension ECRF {
    /// Marks the rows the exporter adds for sub-categories without lines, so that an import skips
    /// them (a person who changes such a row makes it a line).
    static let defaultMarker = "[default] "

    /// `eCRF_3`: the header row, then the template's rows in order, each GPC reference's lines
    /// (one row per line) in place of its first row, a notation-key row where it has none.
    static func activity(_ export: InventoryExport) -> Sheet {
        let columns = ActivityColumn.allCases
        var sheet = Sheet(name: activitySheet, frozenRows: 1)
        for column in columns { sheet.columnWidths[column.rawValue] = column.width }
        sheet.append(columns.map { Cell.text($0.header, style: .header) })

        let tree = export.report.tree
        let slots = ActivitySlot.all(tree: tree)
        var linesByRef: [String: [Int]] = [:]
        for (index, line) in export.lines.enumerated() { linesByRef[line.gpcRef, default: []].append(index) }
        var written: Set<String> = []
        let writer = ActivityRowWriter(export: export)
        for slot in slots {
            if let ref = slot.ref, !written.contains(ref), let indices = linesByRef[ref] {
                written.insert(ref)
                for index in indices { sheet.append(writer.row(line: index, slot: slot)) }
            } else {
                sheet.append(writer.defaultRow(slot: slot, alreadyWritten: slot.ref.map(written.contains) ?? false))
            }
        }
        // Lines whose reference has no slot (not a GPC sub-category) still go out, at the end,
        // so that nothing is lost; an import names them as problems.
        for (index, line) in export.lines.enumerated()
        where !written.contains(line.gpcRef) && !slots.contains(where: { $0.ref == line.gpcRef }) {
            let subCategory = tree[line.gpcRef]
            let slot = ActivitySlot(
                ref: line.gpcRef, sector: subCategory?.sector.name ?? "", subSector: subCategory?.subsectorName ?? "",
                scopeLabel: subCategory.map { ActivitySlot.label($0.scope) } ?? "")
            sheet.append(writer.row(line: index, slot: slot))
        }
        return sheet
    }
}

/// Writes the rows of `eCRF_3`.
struct ActivityRowWriter {
    let export: InventoryExport
    let year: Double
    /// Whether each fuel name of the inventory is biomass, found once per name (the test reads
    /// the name with Foundation, too slow to repeat for every line of a large inventory).
    let biomass: [String: Bool]

    init(export: InventoryExport) {
        self.export = export
        year = Double(export.metadata.year)
        var biomass: [String: Bool] = [:]
        for line in export.lines where biomass[line.fuel] == nil { biomass[line.fuel] = Fuel.isBiomass(line.fuel) }
        self.biomass = biomass
    }

    private func blank() -> [Cell] { Array(repeating: .empty, count: ActivityColumn.allCases.count) }

    func defaultRow(slot: ActivitySlot, alreadyWritten: Bool) -> [Cell] {
        var cells = blank()
        func set(_ column: ActivityColumn, _ cell: Cell) { cells[column.rawValue - 1] = cell }
        set(.year, .number(year))
        set(.gpcRef, .text(slot.ref ?? ""))
        set(.crfSector, .text(slot.sector))
        set(.crfSubSector, .text(slot.subSector))
        set(.scope, .text(slot.scopeLabel))
        let known = slot.ref.flatMap { export.report.tree[$0] } != nil
        let (key, reason): (NotationKey, String) =
            if alreadyWritten {
                (
                    .includedElsewhere,
                    "Included in the \(slot.ref ?? "") rows above: the inventory does not split generation supplied to the grid by plant type."
                )
            } else if known {
                (.notEstimated, "No line in the inventory: not estimated (NE by default).")
            } else {
                (.notEstimated, "The GPC has no sub-category for this row.")
            }
        set(.notationKey, .text(key.rawValue))
        set(.explanation, .text(ECRF.defaultMarker + reason))
        return cells
    }

    func row(line index: Int, slot: ActivitySlot) -> [Cell] {
        let line = export.lines[index]
        let result = export.report.results[index]
        let calculator = export.calculator
        var cells = blank()
        func set(_ column: ActivityColumn, _ cell: Cell) { cells[column.rawValue - 1] = cell }
        func number(_ column: ActivityColumn, _ value: Double?) { if let value { set(column, .number(value)) } }
        func text(_ column: ActivityColumn, _ value: String) { if !value.isEmpty { set(column, .text(value)) } }

        set(.year, .number(year))
        set(.gpcRef, .text(line.gpcRef))
        text(.crfSector, slot.sector)
        text(
            .crfSubSector,
            line.gpcRef == CRFRow.generationRef ? "Electricity-only, CHP and heat/cold generation (not split)" : slot.subSector)
        text(.scope, slot.scopeLabel)
        text(.fuel, line.fuel)
        text(.notationKey, line.notationKey?.rawValue ?? "")
        if let activity = line.activity {
            if let factors = line.factors, let converted = result.convertedActivity, factors.unit.denominator != activity.unit {
                // H and I hold what the factor multiplies; the conversion columns keep the original.
                number(.amount, converted)
                text(.unit, factors.unit.denominator.symbol)
                number(.originalAmount, activity.value)
                text(.originalUnit, activity.unit.symbol)
                number(.conversion, activity.value == 0 ? nil : converted / activity.value)
                text(.override, "No")
            } else {
                number(.amount, activity.value)
                text(.unit, activity.unit.symbol)
            }
        }
        text(.activityDescription, line.description)
        text(.activitySource, line.source)
        text(.activityQuality, line.dataQuality.map(Self.qualityName) ?? "")
        let biomass = self.biomass[line.fuel] ?? Fuel.isBiomass(line.fuel)
        if let factors = line.factors {
            text(.factorUnit, factors.unit.description)
            // A biomass fuel's CO2 factor gives biogenic CO2 (a memo item), so it goes in R, not N.
            number(biomass ? .factorBiogenic : .factorCO2, factors.co2)
            number(.factorCH4, factors.ch4)
            number(.factorN2O, factors.n2o)
            let gases = GasAmounts(co2: biomass ? nil : factors.co2, ch4: factors.ch4, n2o: factors.n2o)
            if case .success(let value) = calculator.co2e(of: gases, origin: result.methaneOrigin) { number(.factorCO2e, value) }
        }
        // A market-based scope 2 line is a memo item (GPC v1.1 §6.3): its tonnes stay out of the
        // GHG columns, which readers sum by sub-category; "market" in the scope 2 column says why.
        if case .emissions = result.status, !line.isMemo {
            let gases = result.gases
            number(.co2, gases.co2)
            if let ch4 = gases.ch4, let gwp = calculator.gwp.gwp("CH4", in: calculator.set, methaneOrigin: result.methaneOrigin) {
                number(.ch4, ch4 * gwp)
            }
            if let n2o = gases.n2o, let gwp = calculator.gwp.gwp("N2O", in: calculator.set) { number(.n2o, n2o * gwp) }
            number(.co2e, result.co2e)
            number(.biogenic, gases.biogenicCO2)
            if let other = gases.other, let species = gases.otherSpecies,
                let gwp = calculator.gwp.gwp(species, in: calculator.set)
            {
                number(.otherGasesCO2e, other * gwp)
            }
        }
        set(.lineNumber, .number(Double(index + 1)))
        text(.lineID, line.id)
        text(.explanation, line.explanation)
        text(.method, line.method?.rawValue ?? "")
        text(.parameters, line.parameters)
        text(.scope2Method, line.scope2Method == .market ? Scope2Method.market.rawValue : "")
        number(.measuredCO2, line.measured.co2)
        number(.measuredCH4, line.measured.ch4)
        number(.measuredN2O, line.measured.n2o)
        text(.otherGas, line.measured.otherSpecies ?? "")
        number(.otherGasAmount, line.measured.other)
        number(.measuredBiogenic, line.measured.biogenicCO2)
        text(.comment, line.comment)
        text(.factorID, line.factorID)
        text(.vehicle, line.vehicle?.rawValue ?? "")
        let city = line.pollutantFactors
        for pollutant in AirPollutant.allCases {
            number(ActivityColumn.measured(pollutant), line.measuredPollutants[pollutant])
            number(ActivityColumn.cityFactor(pollutant), city?.values[pollutant])
        }
        text(.airUnit, city.map { $0.unit.description } ?? "")
        text(.airSource, city?.source ?? "")
        text(.airReason, city?.reason ?? "")
        return cells
    }

    static func qualityName(_ quality: DataQuality) -> String {
        switch quality {
        case .high: "High"
        case .medium: "Medium"
        case .low: "Low"
        }
    }
}
