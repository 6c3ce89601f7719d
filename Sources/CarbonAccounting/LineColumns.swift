import Foundation

/// A problem with one field of a line, named by its template column.
public struct FieldProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public let column: String
    public let message: String
    public init(_ column: String, _ message: String) {
        self.column = column
        self.message = message
    }
    public var description: String { "\(column): \(message)" }
}

/// The columns of the published inventory template, in the order exports write them.
public enum LineColumns {
    public static let all: [String] = [
        "line_id", "gpc_ref", "notation_key", "explanation", "description", "activity_value", "activity_unit", "fuel",
        "ef_co2", "ef_ch4", "ef_n2o", "ef_unit", "co2_t", "ch4_t", "n2o_t", "gas", "gas_t", "biogenic_co2_t", "method",
        "parameters", "scope2_method", "data_quality", "source", "comment",
    ]
    public static let known: Set<String> = Set(all + optional)

    static func order(_ column: String) -> Int { (all + optional).firstIndex(of: column) ?? all.count + optional.count }

    /// The text of every column of a line, as an export writes it and an import reads it back.
    public static func fields(of line: Line) -> [String: String] {
        func number(_ value: Double?) -> String { value.map(format) ?? "" }
        return [
            "line_id": line.id, "gpc_ref": line.gpcRef, "notation_key": line.notationKey?.rawValue ?? "",
            "explanation": line.explanation, "description": line.description,
            "activity_value": number(line.activity?.value), "activity_unit": line.activity?.unit.symbol ?? "",
            "fuel": line.fuel, "ef_co2": number(line.factors?.co2), "ef_ch4": number(line.factors?.ch4),
            "ef_n2o": number(line.factors?.n2o), "ef_unit": line.factors.map { $0.unit.description } ?? "",
            "co2_t": number(line.measured.co2), "ch4_t": number(line.measured.ch4), "n2o_t": number(line.measured.n2o),
            "gas": line.measured.otherSpecies ?? "", "gas_t": number(line.measured.other),
            "biogenic_co2_t": number(line.measured.biogenicCO2), "method": line.method?.rawValue ?? "",
            "parameters": line.parameters, "scope2_method": line.scope2Method == .market ? "market" : "",
            "data_quality": line.dataQuality?.rawValue ?? "", "source": line.source, "comment": line.comment,
        ].merging(optionalFields(of: line)) { first, _ in first }
    }

    /// Shortest text that reads back as the same Double (no rounding on the way out).
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// Reads one line from column texts (a CSV row, a form, a JSON object) and says precisely what
/// is wrong, column by column. Calculation problems (units that do not convert, a fuel without
/// NCV) are found by `Calculator`, which uses the same column names.
public struct LineParser: Sendable {
    public let tree: GPCTree
    public let gwp: GWPTable
    /// With both: a line with a fuel and an activity but no factors takes the library's default
    /// (`FactorLibrary.defaultFactor`) and records it in `Line.factorID`; without, it is refused.
    public let library: FactorLibrary?
    public let fuels: FuelTable?

    public init(tree: GPCTree, gwp: GWPTable, library: FactorLibrary? = nil, fuels: FuelTable? = nil) {
        self.tree = tree
        self.gwp = gwp
        self.library = library
        self.fuels = fuels
    }

    static let numberColumns = [
        "activity_value", "ef_co2", "ef_ch4", "ef_n2o", "co2_t", "ch4_t", "n2o_t", "gas_t", "biogenic_co2_t",
    ]
    static let limits: [String: Int] = [
        "line_id": 40, "explanation": 1000, "description": 500, "fuel": 100, "parameters": 1000, "source": 1000,
        "comment": 2000, "gas": 20, "ef_id": 200, "vehicle": 40, "ef_air_source": 1000, "ef_air_reason": 1000,
    ]

    public func parse(_ fields: [String: String]) -> Result<Line, FieldProblems> {
        var problems: [FieldProblem] = []
        var trimmed: [String: String] = [:]
        trimmed.reserveCapacity(fields.count)
        for (column, value) in fields where !value.isEmpty { trimmed[column] = value.trimmed }
        func text(_ column: String) -> String { trimmed[column] ?? "" }
        for (column, limit) in Self.limits where text(column).count > limit {
            problems.append(FieldProblem(column, "is longer than \(limit) characters"))
        }
        var numbers: [String: Double] = [:]
        for column in Self.numberColumns where !text(column).isEmpty {
            guard let value = Double(text(column)), value.isFinite else {
                problems.append(
                    FieldProblem(column, "“\(text(column))” is not a number (use . for decimals, no thousands separators)"))
                continue
            }
            numbers[column] = value
        }

        let ref = text("gpc_ref")
        let subCategory = tree[ref]
        if ref.isEmpty {
            problems.append(FieldProblem("gpc_ref", "is required (a GPC sub-category such as I.1.1)"))
        } else if subCategory == nil {
            problems.append(FieldProblem("gpc_ref", "“\(ref)” is not a GPC sub-category"))
        }
        for (column, value) in numbers where value < 0 {
            // Removals (negative CO2) exist only in AFOLU land (GPC v1.1 chapter 9).
            if column == "co2_t" && subCategory?.sector == .afolu { continue }
            problems.append(FieldProblem(column, "must not be negative"))
        }

        var fuel = text("fuel")
        var factorID = text("ef_id")
        let id = text("line_id")
        if !id.isEmpty && !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            problems.append(FieldProblem("line_id", "may hold only letters, digits, - and _"))
        }

        var key: NotationKey?
        if !text("notation_key").isEmpty {
            key = NotationKey(rawValue: text("notation_key").uppercased())
            if key == nil { problems.append(FieldProblem("notation_key", "must be NO, IE, NE or C")) }
        }

        var activity: Activity?
        let unitText = text("activity_unit")
        if let value = numbers["activity_value"] {
            if unitText.isEmpty {
                problems.append(FieldProblem("activity_unit", "is required with activity_value"))
            } else if let unit = ActivityUnit.parse(unitText) {
                activity = Activity(value: value, unit: unit)
            } else {
                problems.append(FieldProblem("activity_unit", "“\(unitText)” is not a known unit"))
            }
        } else if !unitText.isEmpty && text("activity_value").isEmpty {
            problems.append(FieldProblem("activity_value", "is required with activity_unit"))
        }

        var factors: Factors?
        let hasFactor = numbers["ef_co2"] != nil || numbers["ef_ch4"] != nil || numbers["ef_n2o"] != nil
        let factorUnitText = text("ef_unit")
        if hasFactor {
            if factorUnitText.isEmpty {
                problems.append(FieldProblem("ef_unit", "is required with emission factors (e.g. kg/TJ, t/MWh)"))
            } else if let unit = FactorUnit.parse(factorUnitText) {
                factors = Factors(co2: numbers["ef_co2"], ch4: numbers["ef_ch4"], n2o: numbers["ef_n2o"], unit: unit)
            } else {
                problems.append(FieldProblem("ef_unit", "“\(factorUnitText)” is not a factor unit such as kg/TJ or t/MWh"))
            }
            if activity == nil && text("activity_value").isEmpty {
                problems.append(FieldProblem("activity_value", "is required with emission factors"))
            }
        } else if !factorUnitText.isEmpty && text("ef_co2").isEmpty && text("ef_ch4").isEmpty && text("ef_n2o").isEmpty {
            problems.append(FieldProblem("ef_co2", "ef_unit is given but no factor (ef_co2, ef_ch4 or ef_n2o)"))
        }

        var measured = Measured(
            co2: numbers["co2_t"], ch4: numbers["ch4_t"], n2o: numbers["n2o_t"], other: numbers["gas_t"],
            biogenicCO2: numbers["biogenic_co2_t"])
        let species = text("gas")
        if !species.isEmpty {
            if GasGroup.of(species: species) == nil || gwp.gwp(species, in: .ar5) == nil && gwp.gwp(species, in: .ar6) == nil {
                problems.append(FieldProblem("gas", "“\(species)” is not a greenhouse gas species with a GWP"))
            } else if [GasGroup.co2, .ch4, .n2o].contains(GasGroup.of(species: species)) {
                problems.append(FieldProblem("gas", "use co2_t, ch4_t or n2o_t for \(species)"))
            }
            measured.otherSpecies = species
            if numbers["gas_t"] == nil && text("gas_t").isEmpty { problems.append(FieldProblem("gas_t", "is required with gas")) }
        } else if numbers["gas_t"] != nil {
            problems.append(FieldProblem("gas", "names the species of gas_t (e.g. HFC134a, SF6)"))
        }

        var method: WasteMethod?
        if !text("method").isEmpty {
            method = WasteMethod(rawValue: text("method").lowercased())
            if method == nil {
                problems.append(
                    FieldProblem("method", "must be one of \(WasteMethod.allCases.map(\.rawValue).joined(separator: ", "))"))
            } else if let subCategory, subCategory.sector != .waste {
                problems.append(FieldProblem("method", "waste methods apply to sector III (Waste) only"))
            }
            if activity == nil && text("activity_value").isEmpty {
                problems.append(FieldProblem("activity_value", "is required with a method (waste mass in t, or population)"))
            }
            if hasFactor { problems.append(FieldProblem("ef_co2", "a waste method computes its own factors; leave ef_* empty")) }
        }

        var scope2 = Scope2Method.location
        switch text("scope2_method").lowercased() {
        case "", "location", "location-based": break
        case "market", "market-based":
            scope2 = .market
            if let subCategory, subCategory.scope != .two {
                problems.append(FieldProblem("scope2_method", "market-based applies to scope 2 sub-categories only"))
            }
        default: problems.append(FieldProblem("scope2_method", "must be location or market"))
        }

        var quality: DataQuality?
        switch text("data_quality").lowercased() {
        case "": break
        case "h", "high": quality = .high
        case "m", "medium": quality = .medium
        case "l", "low": quality = .low
        default: problems.append(FieldProblem("data_quality", "must be H, M or L"))
        }

        // A number that failed to parse is still an attempt at a number: report it, not "no numbers".
        let hasNumbers = Self.numberColumns.contains { !text($0).isEmpty } || method != nil
        let air = parseAir(trimmed, subCategory: subCategory, activity: activity, problems: &problems)

        if !text("notation_key").isEmpty {
            for column in Self.numberColumns + Self.airNumberColumns where !text(column).isEmpty {
                problems.append(FieldProblem(column, "a line with a notation key cannot also carry a number"))
            }
            if !text("method").isEmpty { problems.append(FieldProblem("method", "a line with a notation key has no method")) }
            if !factorID.isEmpty { problems.append(FieldProblem("ef_id", "a line with a notation key has no factors")) }
            let explanation = text("explanation")
            if explanation.isEmpty {
                problems.append(FieldProblem("explanation", "is required with a notation key"))
            } else if key == .includedElsewhere
                && explanation.range(of: #"\b(VI|IV|V|III|II|I)\.\d"#, options: .regularExpression) == nil
            {
                problems.append(
                    FieldProblem(
                        "explanation", "IE must name the sub-category where the emissions are included, e.g. “Included in I.2.1”")
                )
            }
        } else if !hasNumbers {
            problems.append(
                FieldProblem(
                    "notation_key", "the line has neither numbers nor a notation key (NO, IE, NE, C); missing data is never zero")
            )
        } else if !text("activity_value").isEmpty && !hasFactor && text("method").isEmpty && measured.isEmpty {
            if activity != nil, let library, let fuels, !fuel.isEmpty || !factorID.isEmpty {
                switch defaults(ref: ref, fuel: fuel, id: factorID, library, fuels) {
                case .success(let found):
                    factors = Factors(co2: found.co2, ch4: found.ch4, n2o: found.n2o, unit: found.unit)
                    factorID = found.id
                    if fuel.isEmpty { fuel = found.fuel }
                case .failure(let problem): problems.append(problem)
                }
            } else {
                problems.append(
                    FieldProblem(
                        "ef_co2",
                        library == nil
                            ? "activity needs emission factors (ef_co2, ef_ch4, ef_n2o with ef_unit) or a method"
                            : "activity needs emission factors (ef_co2, ef_ch4, ef_n2o with ef_unit), a fuel with a library default, or a method"
                    ))
            }
        }
        problems += checkFactorID(factorID, factors: factors, typed: hasFactor, method: method, measured: measured)
        if hasFactor && (measured.co2 != nil || measured.ch4 != nil || measured.n2o != nil) {
            problems.append(FieldProblem("co2_t", "give either emission factors or measured emissions on one line, not both"))
        }
        if method != nil && (measured.co2 != nil || measured.ch4 != nil || measured.n2o != nil) {
            problems.append(FieldProblem("co2_t", "give either a method or measured emissions on one line, not both"))
        }

        guard problems.isEmpty else {
            return .failure(FieldProblems(problems.sorted { LineColumns.order($0.column) < LineColumns.order($1.column) }))
        }
        return .success(
            Line(
                id: id, gpcRef: ref, notationKey: key, explanation: text("explanation"), description: text("description"),
                activity: activity, fuel: fuel, factors: factors, measured: measured, method: method,
                parameters: text("parameters"), scope2Method: scope2, dataQuality: quality, source: text("source"),
                comment: text("comment"), factorID: factorID, vehicle: air.vehicle, measuredPollutants: air.measured,
                pollutantFactors: air.factors))
    }
}

extension FieldProblem: Error {}

/// Several problems of one line, as a single error value.
public struct FieldProblems: Error, Sendable, Hashable {
    public let items: [FieldProblem]
    public init(_ items: [FieldProblem]) { self.items = items }
}

/// Several problems of one file, as a single error value.
public struct ImportProblems: Error, Sendable, Hashable {
    public let items: [ImportProblem]
    public init(_ items: [ImportProblem]) { self.items = items }
}
