import Foundation
import SQLKit

/// The population an inventory is read against: resident (or unstated) population, never the
/// registered (hukou) kind (`PopulationRule`, `city_series_ne_asia.md`), one figure per year — the
/// first in the facts' order (value, then source), the order the city page lists them in.
enum ResidentPopulation {
    struct Figure: Sendable, Hashable {
        let year: Int
        let value: Double
    }

    /// The two latest years up to `year`, newest first: the inventory's population and the one
    /// before it for the year-on-year check.
    static func latest(city: UUID, upTo year: Int, on sql: any SQLDatabase) async throws -> [Figure] {
        let rows = try await sql.select().columns("year", "value", "note", "boundary_note").from("city_facts")
            .where("city_id", .equal, city).where("indicator", .equal, "population").where("year", .lessThanOrEqual, year)
            .orderBy("year", .descending).orderBy("value").orderBy("source").all()
        var figures: [Figure] = []
        for row in rows {
            let note = [
                try row.decode(column: "note", as: String?.self), try row.decode(column: "boundary_note", as: String?.self),
            ]
            .compactMap { $0 }.joined(separator: " ")
            let figure = Figure(
                year: try row.decode(column: "year", as: Int.self), value: try row.decode(column: "value", as: Double.self))
            if PopulationRule.isRegistered(note) || figures.contains(where: { $0.year == figure.year }) { continue }
            figures.append(figure)
            if figures.count == 2 { break }
        }
        return figures
    }
}
