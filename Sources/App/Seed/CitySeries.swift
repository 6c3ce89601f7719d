import CarbonAccounting
import Foundation

/// The real city series of `../shared/reference/city_series_ne_asia.csv` (copied verbatim to
/// `Resources/seed/city_series.csv`; read `city_series_ne_asia.md` there before changing the rules
/// below): population, GDP (current and constant 2005 prices), official real growth, CEADs
/// territorial CO2, cities' own greenhouse-gas totals and business-as-usual projections — one fact
/// per row, with its unit, price basis, boundary note, source and confidence kept as written.
enum CitySeries {
    static let sourceFile = "reference/city_series_ne_asia.csv"

    /// Rows as seed facts; `slugs` maps the English city name to its slug (a row of a city not in
    /// the directory is a seed error, not silently dropped).
    static func facts(csv text: String, slugs: [String: String]) throws -> [DemoData.FactRow] {
        let records = try CSV.parse(text)
        guard let header = records.first?.fields else { return [] }
        func column(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else { throw AppError.internal("city_series.csv: no column \(name)") }
            return index
        }
        let city = try column("city")
        let year = try column("year")
        let indicator = try column("indicator")
        let value = try column("value")
        let unit = try column("unit")
        let priceBasis = try column("price_basis")
        let boundary = try column("boundary_note")
        let source = try column("source")
        let confidence = try column("confidence")
        return try records.dropFirst().map { record in
            let fields = record.fields
            guard fields.count == header.count else {
                throw AppError.internal("city_series.csv row \(record.line): \(fields.count) fields, \(header.count) expected")
            }
            guard let slug = slugs[fields[city]] else {
                throw AppError.internal("city_series.csv row \(record.line): no city \(fields[city]) in cities.json")
            }
            guard let yearValue = Int(fields[year]), let number = Double(fields[value]) else {
                throw AppError.internal("city_series.csv row \(record.line): year or value is not a number")
            }
            func optional(_ index: Int) -> String? { fields[index].isEmpty ? nil : fields[index] }
            return DemoData.FactRow(
                city: slug, indicator: fields[indicator], year: yearValue, value: number, unit: fields[unit],
                source: fields[source], source_file: sourceFile, confidence: fields[confidence], note: nil,
                price_basis: optional(priceBasis), boundary_note: optional(boundary))
        }
    }
}
