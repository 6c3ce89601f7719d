import CarbonAccounting
import Foundation
import Reporting
import Spreadsheets
import Testing

/// The bundled reference data; tests fail loudly when it cannot load.
let reference: ReferenceData = {
    switch ReferenceData.shared {
    case .success(let data): return data
    case .failure(let error): fatalError("reference data: \(error)")
    }
}()

/// Equal up to floating-point summation order (1e-12 relative): the engine itself never rounds.
func expectClose(_ actual: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) <= 1e-12 * max(1, abs(expected)), "\(actual) ≠ \(expected)", sourceLocation: sourceLocation)
}

/// A line from template columns, failing the test if it does not parse.
func line(_ fields: [String: String], sourceLocation: SourceLocation = #_sourceLocation) -> Line {
    switch reference.parser.parse(fields) {
    case .success(let line): return line
    case .failure(let problems):
        Issue.record("line does not parse: \(problems.items)", sourceLocation: sourceLocation)
        return Line(gpcRef: "I.1.1")
    }
}

/// The number in a cell of a sheet we wrote (nil when it holds none).
func number(_ sheet: Sheet?, _ a1: String) -> Double? { sheet?[a1].value.number }
func text(_ sheet: Sheet?, _ a1: String) -> String? { sheet?[a1].value.text }

/// A small inventory with every kind of line, whose totals are worked out by hand in
/// `ECRFExportTests` (IPCC 2006 factors; AR5 unless stated: CH4 28, N2O 265, HFC-134a 1,300).
enum WorkedExample {
    static let metadata = InventoryMetadata(
        cityName: "Guiyang 贵阳", country: "China", year: 2021, level: .basicPlus, gwp: .ar5, region: "Guizhou",
        geoNamesID: "1809461", latitude: 26.58333, longitude: 106.71667, boundary: "Administrative boundary of the city",
        landAreaKm2: 8_043, population: 5_987_018, gdpUSD: 68_000_000_000, climate: "Humid subtropical",
        methodology: "GPC v1.1; IPCC 2006 default factors", verified: false, plannedImprovements: "Metered fuel data",
        compilerName: "Li Wei", department: "Ecology & Environment Bureau", compiledOn: "2024-05-31", version: "1.2",
        email: "ghg@example.org", webpage: "https://example.org/ghg")

    static let lines: [Line] = [
        // 1,000 TJ natural gas in homes: 56,100 + 5 × 28 + 0.1 × 265 = 56,266.5 t.
        line([
            "line_id": "res-gas", "gpc_ref": "I.1.1", "activity_value": "1000", "activity_unit": "TJ", "fuel": "Natural Gas",
            "ef_co2": "56100", "ef_ch4": "5", "ef_n2o": "0.1", "ef_unit": "kg/TJ", "data_quality": "H",
            "source": "City energy statistics 2021", "description": "Piped gas sales to households",
        ]),
        // 250,000,000 kWh × 0.5992 t/MWh = 149,800 t (scope 2).
        line([
            "gpc_ref": "I.1.2", "activity_value": "250000000", "activity_unit": "kWh", "ef_co2": "0.5992", "ef_unit": "t/MWh",
            "comment": "Grid: East China 2021",
        ]),
        line(["gpc_ref": "I.1.3", "notation_key": "NE", "explanation": "T&D losses not yet estimated"]),
        // 100 TJ wood in shops: CO2 11,200 t biogenic (memo); 30 × 28 + 0.4 × 265 = 946 t.
        line([
            "gpc_ref": "I.2.1", "activity_value": "100", "activity_unit": "TJ", "fuel": "Wood/Wood Waste", "ef_co2": "112000",
            "ef_ch4": "300", "ef_n2o": "4", "ef_unit": "kg/TJ",
        ]),
        // 10,000 MWh × 0.5992 = 5,992 t; the market-based line (3,000 t) is a memo item.
        line(["gpc_ref": "I.2.2", "activity_value": "10000", "activity_unit": "MWh", "ef_co2": "0.5992", "ef_unit": "t/MWh"]),
        line([
            "gpc_ref": "I.2.2", "activity_value": "10000", "activity_unit": "MWh", "ef_co2": "0.3", "ef_unit": "t/MWh",
            "scope2_method": "market",
        ]),
        // 1,000 t coal = 25.8 TJ: 2,440.68 + 0.258 × 28 + 0.0387 × 265 = 2,458.1595 t.
        line([
            "gpc_ref": "I.3.1", "activity_value": "1000", "activity_unit": "t", "fuel": "Other Bituminous Coal",
            "ef_co2": "94600", "ef_ch4": "10", "ef_n2o": "1.5", "ef_unit": "kg/TJ",
        ]),
        // Power plants supplying the grid: 500,000 t, outside every total but the territorial one.
        line(["gpc_ref": "I.4.4", "co2_t": "500000", "description": "Coal power plant"]),
        line(["gpc_ref": "I.7.1", "notation_key": "NO", "explanation": "No coal mining in the city"]),
        // 2 t CH4 leaks × 28 = 56 t.
        line(["gpc_ref": "I.8.1", "ch4_t": "2"]),
        // 1,000 + 0.1 × 28 + 0.05 × 265 = 1,016.05 t.
        line(["gpc_ref": "II.1.1", "co2_t": "1000", "ch4_t": "0.1", "n2o_t": "0.05", "data_quality": "M"]),
        line(["gpc_ref": "II.1.3", "co2_t": "200"]),
        line(["gpc_ref": "II.5.1", "notation_key": "IE", "explanation": "Included in II.1.1 (fuel sales)"]),
        // Methane commitment, 100,000 t MSW: 5,580 t CH4 × 28 = 156,240 t.
        line([
            "gpc_ref": "III.1.1", "activity_value": "100000", "activity_unit": "t", "method": "methane_commitment",
            "parameters": "mcf=1.0;food=0.5;paper=0.2;ox=0.1",
        ]),
        // Others' waste landfilled here: 10 t CH4 × 28 = 280 t (territorial only).
        line(["gpc_ref": "III.1.3", "ch4_t": "10"]),
        // 1 t N2O × 265 = 265 t.
        line(["gpc_ref": "III.4.2", "n2o_t": "1"]),
        line(["gpc_ref": "IV.1", "co2_t": "5000"]),
        // 1 t HFC-134a × 1,300 = 1,300 t.
        line(["gpc_ref": "IV.2", "gas": "HFC134a", "gas_t": "1"]),
        // 100 t CH4 × 28 = 2,800 t.
        line(["gpc_ref": "V.1", "ch4_t": "100"]),
        line(["gpc_ref": "VI.1", "co2_t": "123"]),
    ]

    static func export(_ set: GWPSet = .ar5, level: ReportingLevel = .basicPlus) -> InventoryExport {
        var metadata = metadata
        metadata.gwp = set
        metadata.level = level
        return InventoryExport(metadata: metadata, lines: lines, reference: reference)
    }
}

/// Throws the import's problems as a list of texts (empty when it succeeded).
func importProblems(_ data: Data) -> [String] {
    do {
        _ = try ECRF.read(data, reference: reference)
        return []
    } catch {
        if case .problems(let problems) = error { return problems.map(\.description) }
        return [error.description]
    }
}
