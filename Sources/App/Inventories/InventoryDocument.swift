import CarbonAccounting
import Foundation

/// The JSON export of an inventory (API, browser download, `lcc export inventory --format json`).
/// Figures are t CO2e unless named otherwise, unrounded; nil = missing (never zero).
struct InventoryDocument: Encodable, Sendable {
    struct Totals: Encodable, Sendable {
        let territorial: Double?
        let basic: Double?
        let basicPlus: Double?
        let biogenicCO2: Double?
        let marketBasedScope2: Double?
        enum CodingKeys: String, CodingKey {
            case territorial, basic
            case basicPlus = "basic_plus"
            case biogenicCO2 = "biogenic_co2"
            case marketBasedScope2 = "market_based_scope2"
        }

        /// Missing totals are written as null: a reader must see "missing", never a silent gap.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(territorial, forKey: .territorial)
            try c.encode(basic, forKey: .basic)
            try c.encode(basicPlus, forKey: .basicPlus)
            try c.encode(biogenicCO2, forKey: .biogenicCO2)
            try c.encode(marketBasedScope2, forKey: .marketBasedScope2)
        }
    }

    struct SectorTotals: Encodable, Sendable {
        let sector: String
        let name: String
        let scope1: Double?
        let scope2: Double?
        let scope3: Double?
        let territorial: Double?
        let basic: Double?
        let basicPlus: Double?
        enum CodingKeys: String, CodingKey {
            case sector, name
            case scope1 = "scope_1"
            case scope2 = "scope_2"
            case scope3 = "scope_3"
            case territorial, basic
            case basicPlus = "basic_plus"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sector, forKey: .sector)
            try c.encode(name, forKey: .name)
            try c.encode(scope1, forKey: .scope1)
            try c.encode(scope2, forKey: .scope2)
            try c.encode(scope3, forKey: .scope3)
            try c.encode(territorial, forKey: .territorial)
            try c.encode(basic, forKey: .basic)
            try c.encode(basicPlus, forKey: .basicPlus)
        }
    }

    struct GasTotal: Encodable, Sendable {
        let gas: String
        /// Tonnes of the gas (for HFCs/PFCs the sum over species).
        let tonnes: Double?
        let co2e: Double?

        enum CodingKeys: String, CodingKey { case gas, tonnes, co2e }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(gas, forKey: .gas)
            try c.encode(tonnes, forKey: .tonnes)
            try c.encode(co2e, forKey: .co2e)
        }
    }

    struct LineDocument: Encodable, Sendable {
        let input: [String: String]
        let scope: Int?
        let status: String
        let co2: Double?
        let ch4: Double?
        let n2o: Double?
        let otherGas: String?
        let otherGasTonnes: Double?
        let biogenicCO2: Double?
        let methaneOrigin: String
        let co2e: Double?
        let inTotals: [String]
        let problems: [FieldProblem]
        let airPollutants: LineAirDocument?
        enum CodingKeys: String, CodingKey {
            case input, scope, status
            case co2 = "co2_t"
            case ch4 = "ch4_t"
            case n2o = "n2o_t"
            case otherGas = "other_gas"
            case otherGasTonnes = "other_gas_t"
            case biogenicCO2 = "biogenic_co2_t"
            case methaneOrigin = "methane_origin"
            case co2e
            case inTotals = "in_totals"
            case problems
            case airPollutants = "air_pollutants"
        }
    }

    struct CompletenessDocument: Encodable, Sendable {
        let level: String
        let required: Int
        let covered: Int
        let missing: [String]
        let notationKeys: [String: [String]]
        enum CodingKeys: String, CodingKey {
            case level, required, covered, missing
            case notationKeys = "notation_keys"
        }
    }

    let city: String
    let cityName: String
    let year: Int
    let kind: String
    let level: String
    let gwpSet: String
    let state: String
    let version: Int
    let boundary: String
    let illustrative: Bool
    let unit = "t CO2e"
    let conventions: [String: String]
    let totals: Totals
    let bySector: [SectorTotals]
    let byScope: [String: Double?]
    let byGas: [GasTotal]
    let completeness: CompletenessDocument
    let warnings: [String]
    let airPollutants: AirPollutantsDocument
    let lines: [LineDocument]

    enum CodingKeys: String, CodingKey {
        case city
        case cityName = "city_name"
        case year, kind, level
        case gwpSet = "gwp_set"
        case state, version, boundary, illustrative, unit
        case conventions, totals
        case bySector = "by_sector"
        case byScope = "by_scope"
        case byGas = "by_gas"
        case completeness, warnings
        case airPollutants = "air_pollutants"
        case lines
    }

    static func conventions(_ set: GWPSet) -> [String: String] {
        [
            "gwp": set.convention,
            "biogenic_co2":
                "CO2 from biomass fuels and the biogenic part of waste is reported as a memo item and never counted in a total.",
            "scope2": "Scope 2 is location-based in every total; market-based figures are a memo item.",
            "rounding": "No intermediate rounding; figures are rounded only for display.",
            "totals":
                "Territorial = all scope 1 (incl. I.4.4, III.x.3, IV, V); BASIC = I and II scopes 1–2, III scopes 1 and 3; BASIC+ adds I and II scope 3, IV and V (GPC v1.1 Table 3.1).",
        ]
    }

    init(_ computed: ComputedInventory, includeLines: Bool = true) {
        let inventory = computed.inventory
        let report = computed.report
        city = inventory.citySlug
        cityName = inventory.cityNames["en"] ?? inventory.citySlug
        year = inventory.year
        kind = inventory.kind.rawValue
        level = inventory.level.rawValue
        gwpSet = inventory.gwpSet.rawValue
        state = inventory.state.rawValue
        version = inventory.version
        boundary = inventory.boundary
        illustrative = inventory.illustrative
        conventions = Self.conventions(inventory.gwpSet)
        totals = Totals(
            territorial: report.territorial.co2e, basic: report.basic.co2e, basicPlus: report.basicPlus.co2e,
            biogenicCO2: report.biogenicCO2, marketBasedScope2: report.marketBasedScope2)
        bySector = Sector.allCases.map { sector in
            SectorTotals(
                sector: sector.rawValue, name: sector.name, scope1: report.cell(sector, .one).co2e,
                scope2: report.cell(sector, .two).co2e, scope3: report.cell(sector, .three).co2e,
                territorial: report.cell(sector, .territorial).co2e, basic: report.cell(sector, .basic).co2e,
                basicPlus: report.cell(sector, .basicPlus).co2e)
        }
        byScope = Dictionary(uniqueKeysWithValues: Scope.allCases.map { (String($0.rawValue), report.scope($0).co2e) })
        let levelTotal = report.levelTotal
        byGas = GasGroup.allCases.map {
            GasTotal(gas: $0.rawValue, tonnes: levelTotal.mass(of: $0), co2e: levelTotal.co2e(of: $0))
        }
        var keys: [String: [String]] = [:]
        for entry in report.completeness.entries {
            if case .notation(let found) = entry.state { keys[entry.subCategory.ref] = found.map(\.rawValue) }
        }
        completeness = CompletenessDocument(
            level: inventory.level.rawValue, required: report.completeness.required.count,
            covered: report.completeness.coveredCount, missing: report.completeness.missing.map(\.subCategory.ref),
            notationKeys: keys)
        warnings = computed.warnings.map(\.message)
        airPollutants = AirPollutantsDocument(computed.air)
        let tree = report.tree
        let air = computed.air.results
        lines =
            includeLines
            ? zip(computed.lines, report.results).enumerated().map { index, pair in
                let (stored, result) = pair
                let sub = tree[stored.line.gpcRef]
                let status: String
                switch result.status {
                case .emissions: status = stored.line.isMemo ? "memo" : "emissions"
                case .notation(let key): status = key.rawValue
                case .failed: status = "error"
                }
                var inTotals: [String] = []
                if case .emissions = result.status, !stored.line.isMemo, let sub {
                    inTotals = TotalBasis.allCases.filter { sub.counts(in: $0) }.map(\.rawValue)
                }
                return LineDocument(
                    input: LineColumns.fields(of: stored.line).filter { !$0.value.isEmpty }, scope: sub?.scope.rawValue,
                    status: status, co2: result.gases.co2, ch4: result.gases.ch4, n2o: result.gases.n2o,
                    otherGas: result.gases.otherSpecies, otherGasTonnes: result.gases.other,
                    biogenicCO2: result.gases.biogenicCO2, methaneOrigin: result.methaneOrigin.rawValue, co2e: result.co2e,
                    inTotals: inTotals, problems: result.problems,
                    airPollutants: index < air.count ? LineAirDocument(air[index]) : nil)
            } : []
    }
}

/// The GPC reporting table (sector × scope, with the three totals) as CSV: the form cities submit
/// to reporting frameworks (GPC v1.1 Table 4.3 layout, one row per sub-category plus sector rows).
enum ReportingTable {
    static func csv(_ computed: ComputedInventory) -> String {
        let report = computed.report
        func value(_ number: Double?) -> String { number.map(LineColumns.format) ?? "" }
        var text = CSV.row([
            "# GPC reporting table", computed.inventory.citySlug, String(computed.inventory.year),
            computed.inventory.level.rawValue, computed.inventory.gwpSet.rawValue, "t CO2e",
        ])
        text += CSV.row([
            "gpc_ref", "name", "scope", "notation_keys", "co2_t", "ch4_t", "n2o_t", "other_gases_co2e", "total_co2e",
            "in_basic", "in_basic_plus", "territorial_only",
        ])
        for entry in report.completeness.entries {
            let sub = entry.subCategory
            let cell = report.subCategory(sub.ref)
            var keys = ""
            if case .notation(let found) = entry.state { keys = Set(found.map(\.rawValue)).sorted().joined(separator: " ") }
            let others = [GasGroup.hfcs, .pfcs, .sf6, .nf3].compactMap { cell?.co2e(of: $0) }
            text += CSV.row([
                sub.ref, sub.name, String(sub.scope.rawValue), keys, value(cell?.mass(of: .co2)), value(cell?.mass(of: .ch4)),
                value(cell?.mass(of: .n2o)), others.isEmpty ? "" : value(others.reduce(0, +)), value(cell?.co2e),
                sub.inBasic ? "yes" : "no", sub.inBasicPlus ? "yes" : "no", sub.territorialOnly ? "yes" : "no",
            ])
        }
        text += CSV.row(["sector", "name", "scope_1", "scope_2", "scope_3", "territorial", "basic", "basic_plus"])
        for sector in Sector.allCases {
            text += CSV.row([
                sector.rawValue, sector.name, value(report.cell(sector, .one).co2e), value(report.cell(sector, .two).co2e),
                value(report.cell(sector, .three).co2e), value(report.cell(sector, .territorial).co2e),
                value(report.cell(sector, .basic).co2e), value(report.cell(sector, .basicPlus).co2e),
            ])
        }
        text += CSV.row([
            "total", "", value(report.scope(.one).co2e), value(report.scope(.two).co2e), value(report.scope(.three).co2e),
            value(report.territorial.co2e), value(report.basic.co2e), value(report.basicPlus.co2e),
        ])
        text += CSV.row([
            "memo", "biogenic CO2 (t)", value(report.biogenicCO2), "market-based scope 2", value(report.marketBasedScope2),
        ])
        return text
    }
}
