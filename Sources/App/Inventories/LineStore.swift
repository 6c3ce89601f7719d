import CarbonAccounting
import FluentKit
import Foundation
import SQLKit

/// A line as stored: its row id (for edit links) and the line itself.
struct StoredLine: Sendable, Hashable {
    let rowID: UUID
    let line: Line
}

/// Reads and writes inventory lines in bulk with SQLKit: an ORM model per line costs ~0.2 ms,
/// which a 100,000-line import cannot afford (see DESIGN.md, "Facts measured").
enum LineStore {
    static let table = "inventory_lines"
    /// Every template column, the optional ones (pollutants, default factors; M040) included.
    static let lineColumns = LineColumns.all + LineColumns.optional
    static let columns = ["id", "inventory_id", "position"] + lineColumns
    /// Rows per INSERT: 50 binds each stays under SQLite's 32,766 and PostgreSQL's 65,535.
    static let batchSize = 600

    static func load(_ inventoryID: UUID, on db: any Database) async throws -> [StoredLine] {
        let rows = try await db.sql().select().columns(columns.map { SQLColumn($0) }).from(table)
            .where("inventory_id", .equal, inventoryID).orderBy("position").all()
        return try rows.map(decode)
    }

    static func load(rowID: UUID, inventoryID: UUID, on db: any Database) async throws -> StoredLine? {
        try await db.sql().select().columns(columns.map { SQLColumn($0) }).from(table)
            .where("inventory_id", .equal, inventoryID).where("id", .equal, rowID).first().map(decode)
    }

    static func count(_ inventoryID: UUID, on db: any Database) async throws -> Int {
        let row = try await db.sql().select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .where("inventory_id", .equal, inventoryID).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Replaces every line of an inventory (import, restore). Call inside a transaction.
    static func replace(_ inventoryID: UUID, with lines: [Line], on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.delete(from: table).where("inventory_id", .equal, inventoryID).run()
        try await insert(inventoryID, lines, startingAt: 0, on: sql)
    }

    static func insert(_ inventoryID: UUID, _ lines: [Line], startingAt position: Int, on sql: any SQLDatabase) async throws {
        var offset = 0
        while offset < lines.count {
            let batch = lines[offset..<min(offset + batchSize, lines.count)]
            var insert = sql.insert(into: table).columns(columns)
            for (index, line) in batch.enumerated() {
                insert = insert.values(
                    values(of: line, id: UUID(), inventoryID: inventoryID, position: position + offset + index))
            }
            try await insert.run()
            offset += batchSize
        }
    }

    static func update(rowID: UUID, with line: Line, on db: any Database) async throws {
        var update = try db.sql().update(table)
        for (column, value) in zip(lineColumns, fieldValues(of: line)) { update = update.set(SQLColumn(column), to: value) }
        try await update.where("id", .equal, rowID).run()
    }

    static func delete(rowID: UUID, on db: any Database) async throws {
        try await db.sql().delete(from: table).where("id", .equal, rowID).run()
    }

    static func nextPosition(_ inventoryID: UUID, on db: any Database) async throws -> Int {
        let row = try await db.sql().select().column(SQLFunction("MAX", args: SQLColumn("position")), as: "p").from(table)
            .where("inventory_id", .equal, inventoryID).first()
        return (try row?.decode(column: "p", as: Int?.self) ?? nil).map { $0 + 1 } ?? 0
    }

    private static func values(of line: Line, id: UUID, inventoryID: UUID, position: Int) -> [any Encodable & Sendable] {
        [id, inventoryID, position] + fieldValues(of: line)
    }

    /// The template columns in `lineColumns` order, typed for the database.
    private static func fieldValues(of line: Line) -> [any Encodable & Sendable] {
        baseValues(of: line) + optionalValues(of: line)
    }

    private static func baseValues(of line: Line) -> [any Encodable & Sendable] {
        [
            line.id, line.gpcRef, line.notationKey?.rawValue, line.explanation, line.description, line.activity?.value,
            line.activity?.unit.symbol, line.fuel, line.factors?.co2, line.factors?.ch4, line.factors?.n2o,
            line.factors?.unit.description, line.measured.co2, line.measured.ch4, line.measured.n2o, line.measured.otherSpecies,
            line.measured.other, line.measured.biogenicCO2, line.method?.rawValue, line.parameters,
            line.scope2Method.rawValue, line.dataQuality?.rawValue, line.source, line.comment,
        ]
    }

    private static func decode(_ row: any SQLRow) throws -> StoredLine {
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String?.self) ?? "" }
        func number(_ column: String) throws -> Double? { try row.decode(column: column, as: Double?.self) }
        let activity = try number("activity_value").flatMap { value in
            ActivityUnit.parse(try text("activity_unit")).map { Activity(value: value, unit: $0) }
        }
        let co2 = try number("ef_co2")
        let ch4 = try number("ef_ch4")
        let n2o = try number("ef_n2o")
        let factors = FactorUnit.parse(try text("ef_unit")).map { Factors(co2: co2, ch4: ch4, n2o: n2o, unit: $0) }
        let species = try text("gas")
        let line = Line(
            id: try text("line_id"), gpcRef: try text("gpc_ref"), notationKey: NotationKey(rawValue: try text("notation_key")),
            explanation: try text("explanation"), description: try text("description"), activity: activity,
            fuel: try text("fuel"), factors: factors,
            measured: Measured(
                co2: try number("co2_t"), ch4: try number("ch4_t"), n2o: try number("n2o_t"),
                otherSpecies: species.isEmpty ? nil : species, other: try number("gas_t"),
                biogenicCO2: try number("biogenic_co2_t")),
            method: WasteMethod(rawValue: try text("method")), parameters: try text("parameters"),
            scope2Method: Scope2Method(rawValue: try text("scope2_method")) ?? .location,
            dataQuality: DataQuality(rawValue: try text("data_quality")), source: try text("source"),
            comment: try text("comment"), factorID: try text("ef_id"), vehicle: VehicleClass(rawValue: try text("vehicle")),
            measuredPollutants: try pollutants(row, columns: measuredColumns),
            pollutantFactors: try pollutantFactors(row))
        return StoredLine(rowID: try row.decode(column: "id", as: UUID.self), line: line)
    }

    // MARK: - The optional columns (M040)

    static let measuredColumns = AirPollutant.allCases.map { "\($0.key)_t" }
    static let factorColumns = AirPollutant.allCases.map { "ef_\($0.key)" }

    /// `LineColumns.optional` order: ef_id, vehicle, measured tonnes, city factors, their unit, source, reason.
    private static func optionalValues(of line: Line) -> [any Encodable & Sendable] {
        let measured = line.measuredPollutants
        let city = line.pollutantFactors
        let empty: String? = nil
        var values: [any Encodable & Sendable] = [
            line.factorID.isEmpty ? empty : line.factorID, line.vehicle?.rawValue,
        ]
        values += AirPollutant.allCases.map { measured[$0] }
        values += AirPollutant.allCases.map { city?.values[$0] }
        values += [city?.unit.description, city?.source, city?.reason]
        return values
    }

    private static func pollutants(_ row: any SQLRow, columns: [String]) throws -> PollutantValues {
        var values = PollutantValues()
        for (pollutant, column) in zip(AirPollutant.allCases, columns) {
            values[pollutant] = try row.decode(column: column, as: Double?.self)
        }
        return values
    }

    /// City factors are stored only when complete (the parser refuses them without unit, source and reason).
    private static func pollutantFactors(_ row: any SQLRow) throws -> PollutantFactors? {
        guard let unit = FactorUnit.parse(try row.decode(column: "ef_air_unit", as: String?.self) ?? "") else { return nil }
        return PollutantFactors(
            values: try pollutants(row, columns: factorColumns), unit: unit,
            source: try row.decode(column: "ef_air_source", as: String?.self) ?? "",
            reason: try row.decode(column: "ef_air_reason", as: String?.self) ?? "")
    }
}
