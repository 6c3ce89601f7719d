import CarbonAccounting
import FluentKit
import Foundation

/// A stored target as pages, documents and the evaluator see it.
struct TargetSummary: Sendable {
    let id: UUID
    let cityID: UUID
    let citySlug: String
    let cityNames: [String: String]
    let row: TargetRow
    let createdBy: UUID?

    init(_ record: CityTarget, city: City) throws {
        id = try record.requireID()
        cityID = try city.requireID()
        citySlug = city.slug
        cityNames = city.names
        row = record.row(citySlug: city.slug)
        createdBy = record.createdBy
    }
}

/// One year of the emissions series progress was measured on, and where it came from.
struct SeriesPoint: Sendable, Hashable {
    let year: Int
    let value: Double
    /// "inventory" or "reported".
    let origin: String
    let source: String
    let illustrative: Bool
}

/// A target with its progress and how the series behind it was made.
struct EvaluatedTarget: Sendable {
    let target: TargetSummary
    /// The GWP set progress is measured in (nil when no inventory decides it).
    let gwpSet: GWPSet?
    let progress: TargetProgress
    /// Why years were left out or how they were recomputed, one note each.
    let notes: [String]
    let points: [SeriesPoint]
    let driverUnit: String?
    /// Progress on other bases (labelled, never counted as on or off track).
    var estimates: [ProgressEstimate] = []

    var series: Series { Series(Dictionary(points.map { ($0.year, $0.value) }, uniquingKeysWith: { a, _ in a })) }
}

/// Progress of targets from the city's published inventories and reported totals (issue 4).
///
/// The series a target is measured on (rules, in order):
/// 1. GWP set: the target's own, else that of the city's latest published inventory. An inventory
///    in another set is recomputed from its lines in the target's set, and a note says so.
/// 2. Each published inventory gives the covered emissions of its year (`Coverage.emissions`):
///    from its version totals when the coverage is a whole total of all gases in the same set,
///    else from its lines. An inventory that lacks part of the coverage (BASIC for a BASIC+
///    target, required cells without data or notation key) is left out, with the reason.
/// 3. Years without an inventory take a reported total when it matches the coverage: the same
///    gases (CO2 only or all), all sectors, and a compatible basis (territorial ↔ territorial;
///    BASIC / BASIC+ ↔ that basis or a city-wide total whose basis the source does not state).
/// 4. `Progress.compute` then applies the target rules; intensity targets divide by the resident
///    population (never registered population), or by GDP at constant prices in the one currency
///    the city has most years of (never current-price GDP across years).
/// 5. Emission series kept as facts (CEADs CO2, a city's own totals) give `ProgressEstimates`
///    beside the progress, on their own basis and never counted as on or off track.
struct TargetEvaluator: Sendable {
    let reference: ReferenceData
    let inventories: InventoryService

    /// Covered emissions of an inventory computed from its lines.
    struct Measured: Sendable {
        let value: Double?
        let gaps: [String]
    }

    func evaluate(_ targets: [TargetSummary], data: PerformanceData, bau: [UUID: Series] = [:]) async throws
        -> [EvaluatedTarget]
    {
        // Which inventories must be read line by line, in which GWP set.
        var needed: [UUID: Set<GWPSet>] = [:]
        for target in targets {
            let points = data.inventories[target.cityID] ?? []
            guard let set = Self.gwpSet(target.row, points: points) else { continue }
            for point in points where Self.needsLines(target.row.coverage, point: point, set: set) {
                needed[point.id, default: []].insert(set)
            }
        }
        var reports: [String: InventoryReport] = [:]
        if !needed.isEmpty {
            let records = try await Inventory.query(on: inventories.db).filter(\.$id ~~ Array(needed.keys)).with(\.$city).all()
            for record in records {
                let computed = try await inventories.computed(record, city: record.city)
                let lines = computed.lines.map(\.line)
                for set in needed[try record.requireID()] ?? [] {
                    reports["\(try record.requireID())|\(set.rawValue)"] =
                        set == record.gwpSet
                        ? computed.report
                        : reference.calculator(set: set, year: record.year).report(lines: lines, level: record.level)
                }
            }
        }
        return targets.map { target in
            Self.evaluate(
                target, data: data, bau: bau[target.cityID],
                measure: { point, set, coverage in
                    guard let report = reports["\(point.id)|\(set.rawValue)"] else { return nil }
                    return Measured(value: coverage.emissions(in: report), gaps: coverage.gaps(in: report))
                })
        }
    }

    static func gwpSet(_ row: TargetRow, points: [InventoryPoint]) -> GWPSet? {
        row.gwpSet ?? points.max { $0.year < $1.year }?.gwpSet
    }

    static func needsLines(_ coverage: Coverage, point: InventoryPoint, set: GWPSet) -> Bool {
        coverage.co2Only || !coverage.sectors.isEmpty || point.gwpSet != set || point.missingCells == nil
    }

    /// The pure part: builds the series and computes progress. `measure` answers for inventories
    /// that need their lines (nil = not available).
    static func evaluate(
        _ target: TargetSummary, data: PerformanceData, bau: Series?,
        measure: (InventoryPoint, GWPSet, Coverage) -> Measured?
    ) -> EvaluatedTarget {
        let row = target.row
        let coverage = row.coverage
        let inventoryPoints = (data.inventories[target.cityID] ?? []).sorted { $0.year < $1.year }
        let set = gwpSet(row, points: inventoryPoints)
        var notes: [String] = []
        var points: [SeriesPoint] = []
        var years = Set<Int>()
        if let set {
            for point in inventoryPoints {
                if coverage.basis == .basicPlus && point.level == .basic {
                    notes.append("\(point.year): the inventory reports BASIC; the target covers BASIC+ — left out")
                    continue
                }
                let value: Double?
                if needsLines(coverage, point: point, set: set) {
                    guard let measured = measure(point, set, coverage) else {
                        notes.append("\(point.year): the inventory could not be read — left out")
                        continue
                    }
                    if !measured.gaps.isEmpty {
                        notes.append("\(point.year): \(measured.gaps.joined(separator: "; ")) — left out")
                        continue
                    }
                    if point.gwpSet != set {
                        notes.append(
                            "\(point.year): recomputed with \(set.rawValue) (the inventory uses \(point.gwpSet.rawValue))")
                    }
                    value = measured.value
                } else {
                    let missing = point.missingCells ?? []
                    if !missing.isEmpty {
                        notes.append(
                            "\(point.year): cells \(missing.joined(separator: ", ")) have no data or notation key — left out")
                        continue
                    }
                    value = point.totals[coverage.basis]
                }
                guard let value else {
                    notes.append("\(point.year): no emissions on the target's coverage")
                    continue
                }
                points.append(
                    SeriesPoint(
                        year: point.year, value: value, origin: "inventory",
                        source: "\(point.year) inventory (\(point.level.rawValue), \(set.rawValue))",
                        illustrative: point.illustrative))
                years.insert(point.year)
            }
        }
        var reportedNote: String?
        for reported in (data.reported[target.cityID] ?? []).sorted(by: { $0.year < $1.year })
        where !years.contains(reported.year) {
            guard coverage.sectors.isEmpty else {
                reportedNote = "reported totals are not split by sector, so they cannot measure this target"
                break
            }
            guard reported.co2Only == coverage.co2Only else {
                reportedNote =
                    "reported totals of \(reported.co2Only ? "CO2 only" : "all gases") do not match the target's \(coverage.co2Only ? "CO2 only" : "all gases")"
                continue
            }
            guard Self.basisMatches(reported.basis, coverage.basis) else {
                reportedNote = "reported totals on the basis “\(reported.basis)” do not match the target's coverage"
                continue
            }
            points.append(
                SeriesPoint(
                    year: reported.year, value: reported.total, origin: "reported",
                    source: "reported (\(reported.basis), \(reported.confidence)): \(reported.source)", illustrative: false))
            years.insert(reported.year)
        }
        if let reportedNote, points.isEmpty || !notes.contains(reportedNote) { notes.append(reportedNote) }
        if points.contains(where: { $0.origin == "reported" }) {
            notes.append("reported totals are used as published; their GWP set and method are those of their source")
        }
        points.sort { $0.year < $1.year }
        var driver: Series?
        var driverUnit: String?
        switch row.target.kind.driver {
        case .population:
            driver = data.population[target.cityID]
            driverUnit = "person"
        case .gdp:
            if let gdp = data.gdp[target.cityID] {
                driver = gdp.series
                driverUnit = gdp.unit
                notes.append("GDP in \(gdp.unit) (constant prices, as recorded for the city)")
            } else if data.currentPriceGDP.contains(target.cityID) {
                notes.append(
                    "the city's GDP is known only at current or unstated prices, and current-price GDP is never divided across years"
                )
            }
        case nil: break
        }
        let series = Series(Dictionary(points.map { ($0.year, $0.value) }, uniquingKeysWith: { a, _ in a }))
        var progress = Progress.compute(row.target, emissions: series, driver: driver, bau: bau)
        // Inventories that exist but are not published are not read; say so rather than "no data".
        let pending = (data.unpublished[target.cityID] ?? [:]).filter { year, _ in
            !years.contains(year) && year >= (row.target.baseYear ?? Int.min)
        }
        if progress.isUnavailable, let first = pending.keys.min(), let state = pending[first] {
            let reason = "the \(first) inventory is \(state.phrase): progress reads published inventories"
            progress = progress.withReason(reason + (progress.reason.map { " (\($0))" } ?? ""))
        }
        return EvaluatedTarget(
            target: target, gwpSet: set, progress: progress, notes: notes, points: points, driverUnit: driverUnit,
            estimates: ProgressEstimates.estimates(
                target, facts: data.seriesFacts[target.cityID] ?? [], driver: driver, bau: bau))
    }

    static func basisMatches(_ reported: String, _ basis: TotalBasis) -> Bool {
        let text = reported.lowercased()
        switch basis {
        case .territorial: return text.hasPrefix("territorial")
        case .basic: return text == "basic" || text == "city-wide"
        case .basicPlus: return text == "basic+" || text == "city-wide"
        }
    }
}
