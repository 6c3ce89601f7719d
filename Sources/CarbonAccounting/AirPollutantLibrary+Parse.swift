import Foundation

extension AirPollutantLibrary {
    static let file = "air_pollutant_factors_emep_eea.csv"
    static let columns = [
        "edition", "nfr", "sector_name", "table", "fuel_class", "pollutant", "value", "unit", "ci_low", "ci_high", "source",
        "note",
    ]

    /// Reads and validates the factor file: every row complete, known edition, pollutant and unit,
    /// values non-negative with the value inside its confidence interval, shares at most 100 %, no
    /// duplicate unless the source's regions tell the rows apart, and the 2019 gaps consistent with
    /// the file's notes. Throws with the line of the first problem.
    public static func parse(csv text: String) throws -> AirPollutantLibrary {
        let records = try CSV.parse(text)
        guard let header = records.first?.fields, header == columns else {
            throw ReferenceDataError(file: file, line: 1, message: "the columns must be \(columns.joined(separator: ","))")
        }
        var rows: [AirPollutantFactor] = []
        var seen: Set<String> = []
        for record in records.dropFirst() {
            let row = try factor(record)
            let key = "\(row.edition.rawValue)|\(key(row.nfr, row.fuelClass, row.pollutant))|\(row.region)"
            guard seen.insert(key).inserted else {
                throw ReferenceDataError(
                    file: file, line: record.line,
                    message: "a second \(row.pollutant.rawValue) row for \(row.nfr) \(row.fuelClass)")
            }
            rows.append(row)
        }
        try checkGaps(rows)
        return AirPollutantLibrary(rows: rows)
    }

    private static func factor(_ record: CSV.Record) throws -> AirPollutantFactor {
        func fail(_ message: String) -> ReferenceDataError { ReferenceDataError(file: file, line: record.line, message: message) }
        guard record.fields.count == columns.count else { throw fail("expected \(columns.count) fields") }
        var field: [String: String] = [:]
        for (name, value) in zip(columns, record.fields) { field[name] = value.trimmed }
        func text(_ name: String) -> String { field[name] ?? "" }
        for required in ["edition", "nfr", "sector_name", "fuel_class", "pollutant", "value", "unit", "source"]
        where text(required).isEmpty {
            throw fail("missing \(required)")
        }
        guard let edition = AirPollutantEdition.parse(text("edition")) else { throw fail("unknown edition \(text("edition"))") }
        guard let pollutant = AirPollutant.parse(text("pollutant")), pollutant.rawValue == text("pollutant") else {
            throw fail("unknown pollutant \(text("pollutant"))")
        }
        guard let unit = AirFactorUnit(rawValue: text("unit")) else { throw fail("unknown unit \(text("unit"))") }
        guard let value = Double(text("value")), value.isFinite, value >= 0 else { throw fail("value must be a number ≥ 0") }
        if unit == .percentOfPM25 && (pollutant != .bc || value > 100) {
            throw fail("a share of PM2.5 is for BC only and at most 100")
        }
        var interval: ClosedRange<Double>?
        switch (Double(text("ci_low")), Double(text("ci_high"))) {
        case (nil, nil) where text("ci_low").isEmpty && text("ci_high").isEmpty: break
        case (let low?, let high?) where low <= value && value <= high: interval = low...high
        default: throw fail("ci_low and ci_high must both be given, with ci_low ≤ value ≤ ci_high")
        }
        return AirPollutantFactor(
            edition: edition, nfr: text("nfr"), sectorName: text("sector_name"), table: text("table"),
            fuelClass: text("fuel_class"), pollutant: pollutant, value: value, unit: unit, confidenceInterval: interval,
            region: region(in: text("note")), source: text("source"), note: text("note"), line: record.line)
    }

    /// The source's region where the note records it ("Region column 'EU Region'").
    static func region(in note: String) -> String {
        guard let start = note.range(of: "Region column '") else { return "" }
        let rest = note[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return "" }
        return String(rest[..<end])
    }

    /// Every class whose note calls its 2019 value unrecorded or new must be a 2019 gap in code
    /// (`AirSource.check` makes sure, in turn, that every gap names rows of the bundled file).
    private static func checkGaps(_ rows: [AirPollutantFactor]) throws {
        for row in rows where row.edition == .guidebook2019 {
            if let table = tables2019["\(row.nfr)|\(row.fuelClass)"], table != row.table {
                throw ReferenceDataError(
                    file: file, line: row.line, message: "the 2019 table of \(row.nfr) \(row.fuelClass) is \(table) in tables2019"
                )
            }
        }
        for row in rows where row.edition == .current {
            let unrecorded = row.note.contains("2019 value not recorded") || row.note.contains("new in the 2026 download")
            if unrecorded && gap2019(row.nfr, row.fuelClass) == nil {
                throw ReferenceDataError(
                    file: file, line: row.line, message: "the note says the 2019 value is missing; list it in gaps2019")
            }
        }
    }
}
