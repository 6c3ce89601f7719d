import CarbonAccounting
import FluentKit
import Foundation

/// Changes to targets. Imports are all rows or nothing, in one transaction; a row that states the
/// same commitment as a stored one (same kind, years, source and wording) updates it.
struct TargetService: Sendable {
    let db: any Database
    let clock: AppClock

    struct ImportResult: Sendable, Equatable {
        var created = 0
        /// Rows that restate a stored target (changed or not).
        var updated = 0
        /// Of those, the ones whose values changed.
        var written = 0
    }

    /// `city` restricts the file to one city (the city's own upload form); `user` nil = the command line.
    func importCSV(_ text: String, city restricted: City?, by user: CurrentUser?) async throws -> ImportResult {
        let (numbered, found) = TargetCSV.readAll(text)
        var problems = found
        if numbered.isEmpty && !problems.isEmpty { throw AppError.invalidFile(problems) }
        let slugs = Set(numbered.map(\.row.city))
        let cities = Dictionary(
            uniqueKeysWithValues: try await City.query(on: db).filter(\.$slug ~~ Array(slugs)).all().map { ($0.slug, $0) })
        var seen: [String: Int] = [:]
        for item in numbered {
            guard let city = cities[item.row.city] else {
                problems.append(
                    ImportProblem(row: item.line, column: "city", message: "no city with the slug “\(item.row.city)”"))
                continue
            }
            if let restricted, restricted.slug != city.slug {
                problems.append(
                    ImportProblem(row: item.line, column: "city", message: "this upload is for \(restricted.slug) only"))
            } else if let user, !EditorRule.mayEdit(city: try city.requireID(), user: user) {
                problems.append(
                    ImportProblem(row: item.line, column: "city", message: "you may not change the targets of \(city.slug)"))
            }
            let key = city.slug + "|" + CityTarget.identity(item.row)
            if let first = seen[key] {
                problems.append(
                    ImportProblem(
                        row: item.line, column: nil, message: "repeats row \(first) (same city, kind, years, source and wording)")
                )
            }
            seen[key] = item.line
        }
        guard problems.isEmpty else {
            throw AppError.invalidFile(problems.sorted { ($0.row ?? 0, $0.column ?? "") < ($1.row ?? 0, $1.column ?? "") })
        }
        let now = clock.now()
        return try await db.transaction { db in
            var result = ImportResult()
            let cityIDs = try cities.values.map { try $0.requireID() }
            let existing = try await CityTarget.query(on: db).filter(\.$city.$id ~~ cityIDs).all()
            var byKey: [String: CityTarget] = [:]
            for record in existing { byKey["\(record.$city.id)|" + CityTarget.identity(record.row(citySlug: ""))] = record }
            for item in numbered {
                let cityID = try cities[item.row.city]!.requireID()
                if let record = byKey["\(cityID)|" + CityTarget.identity(item.row)] {
                    result.updated += 1
                    // A row that restates the stored target unchanged writes nothing (the demo seed
                    // re-imports its file at every start).
                    guard TargetCSV.fields(record.row(citySlug: item.row.city)) != TargetCSV.fields(item.row) else { continue }
                    record.apply(item.row)
                    try await record.save(on: db)
                    result.written += 1
                } else {
                    try await CityTarget(cityID: cityID, row: item.row, createdBy: user?.id).create(on: db)
                    result.created += 1
                }
            }
            guard result.created + result.written > 0 else { return result }
            try await Audit.record(
                "targets.import", entity: "city_target", id: restricted?.slug ?? "*", actor: user, before: nil,
                after: ["created": String(result.created), "updated": String(result.updated)], at: now, on: db)
            return result
        }
    }

    /// Saves one target from the form (a new one when `record` is nil).
    func save(_ row: TargetRow, city: City, record: CityTarget?, by user: CurrentUser) async throws -> CityTarget {
        let now = clock.now()
        let cityID = try city.requireID()
        let target = record ?? CityTarget(cityID: cityID, row: row, createdBy: user.id)
        let before = record.map { TargetCSV.fields($0.row(citySlug: city.slug)).mapValues { Optional($0) } }
        target.apply(row)
        try await db.transaction { db in
            try await target.save(on: db)
            try await Audit.record(
                record == nil ? "target.create" : "target.update", entity: "city_target", id: try target.requireID().uuidString,
                actor: user, before: before, after: TargetCSV.fields(row).mapValues { Optional($0) }, at: now, on: db)
        }
        return target
    }

    func delete(_ record: CityTarget, city: City, by user: CurrentUser) async throws {
        let now = clock.now()
        try await db.transaction { db in
            try await record.delete(on: db)
            try await Audit.record(
                "target.delete", entity: "city_target", id: try record.requireID().uuidString, actor: user,
                before: TargetCSV.fields(record.row(citySlug: city.slug)).mapValues { Optional($0) }, after: nil, at: now, on: db)
        }
    }

    func targets(of city: City) async throws -> [TargetSummary] {
        try await CityTarget.query(on: db).filter(\.$city.$id == city.requireID()).sort(\.$targetYear).sort(\.$kind).all()
            .map { try TargetSummary($0, city: city) }
    }

    func find(_ id: String, city: City) async throws -> CityTarget {
        guard let uuid = UUID(uuidString: id),
            let record = try await CityTarget.query(on: db).filter(\.$id == uuid).filter(\.$city.$id == city.requireID()).first()
        else { throw AppError.notFound }
        return record
    }
}
