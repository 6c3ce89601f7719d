import CarbonAccounting
import FluentKit
import Foundation

/// A city's emission target as stated in its source document (the commitments registry).
final class CityTarget: Model, @unchecked Sendable {
    static let schema = "city_targets"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Field(key: "kind") var kind: String
    @OptionalField(key: "base_year") var baseYear: Int?
    @OptionalField(key: "base_value") var baseValue: Double?
    @Field(key: "target_year") var targetYear: Int
    @OptionalField(key: "reduction_percent") var reductionPercent: Double?
    @OptionalField(key: "target_level") var targetLevel: Double?
    @Field(key: "coverage") var coverage: String
    @Field(key: "co2_only") var co2Only: Bool
    /// GPC sector codes separated by ";" (empty = all sectors).
    @Field(key: "sectors") var sectors: String
    @OptionalField(key: "gwp_set") var gwpSet: String?
    @Field(key: "conditional") var conditional: Bool
    /// "year:percent" pairs separated by ";".
    @Field(key: "milestones") var milestones: String
    @Field(key: "set_by") var setBy: String
    @Field(key: "source") var source: String
    @Field(key: "original_wording") var originalWording: String
    @Field(key: "note") var note: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(cityID: UUID, row: TargetRow, createdBy: UUID?) {
        self.$city.id = cityID
        self.createdBy = createdBy
        apply(row)
    }

    /// Copies a validated template row into the record.
    func apply(_ row: TargetRow) {
        let fields = TargetCSV.fields(row)
        kind = row.target.kind.rawValue
        baseYear = row.target.baseYear
        baseValue = row.target.baseValue
        targetYear = row.target.targetYear
        reductionPercent = row.target.reductionPercent
        targetLevel = row.target.targetLevel
        coverage = row.coverage.basis.rawValue
        co2Only = row.coverage.co2Only
        sectors = fields["sectors"] ?? ""
        gwpSet = row.gwpSet?.rawValue
        conditional = row.conditional
        milestones = fields["milestones"] ?? ""
        setBy = row.setBy
        source = row.source
        originalWording = row.originalWording
        note = row.note
    }

    /// The record as the engine's row (`citySlug` names the city in the template).
    func row(citySlug: String) -> TargetRow {
        let milestoneList: [Milestone] = milestones.split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let year = Int(parts[0]), let percent = Double(parts[1]) else { return nil }
            return Milestone(year: year, reductionPercent: percent)
        }
        return TargetRow(
            city: citySlug,
            target: Target(
                kind: TargetKind(rawValue: kind) ?? .other, baseYear: baseYear, baseValue: baseValue, targetYear: targetYear,
                reductionPercent: reductionPercent, targetLevel: targetLevel, milestones: milestoneList),
            coverage: Coverage(
                basis: TotalBasis(rawValue: coverage) ?? .basic, co2Only: co2Only,
                sectors: Set(sectors.split(separator: ";").compactMap { Sector(rawValue: String($0)) })),
            gwpSet: gwpSet.flatMap(GWPSet.parse), conditional: conditional, setBy: setBy, source: source,
            originalWording: originalWording, note: note)
    }

    /// What makes two rows the same commitment: re-importing a file updates instead of duplicating.
    static func identity(_ row: TargetRow) -> String {
        [
            row.target.kind.rawValue, row.target.baseYear.map(String.init) ?? "", String(row.target.targetYear), row.source,
            row.originalWording,
        ].joined(separator: "|")
    }
}

/// A city's business-as-usual forecast settings (one per city).
final class CityForecast: Model, @unchecked Sendable {
    static let schema = "city_forecasts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Field(key: "base_year") var baseYear: Int
    @Field(key: "horizon_year") var horizonYear: Int
    @Field(key: "population_growth") var populationGrowth: Double
    @Field(key: "gdp_growth") var gdpGrowth: Double
    /// "I=gdp;II=population;III=rate:-1" (sectors not listed grow with population).
    @Field(key: "drivers") var drivers: String
    @OptionalField(key: "updated_by") var updatedBy: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(cityID: UUID, settings: ForecastSettings, by user: UUID?) {
        self.$city.id = cityID
        self.updatedBy = user
        apply(settings)
    }

    func apply(_ settings: ForecastSettings) {
        baseYear = settings.baseYear
        horizonYear = settings.horizonYear
        populationGrowth = settings.populationGrowth
        gdpGrowth = settings.gdpGrowth
        drivers = Sector.allCases.compactMap { sector in settings.drivers[sector].map { "\(sector.rawValue)=\($0.text)" } }
            .joined(separator: ";")
    }

    var settings: ForecastSettings {
        var map: [Sector: GrowthDriver] = [:]
        for pair in drivers.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let sector = Sector(rawValue: String(parts[0])),
                let driver = GrowthDriver.parse(String(parts[1]))
            else { continue }
            map[sector] = driver
        }
        return ForecastSettings(
            baseYear: baseYear, horizonYear: horizonYear, populationGrowth: populationGrowth, gdpGrowth: gdpGrowth, drivers: map)
    }
}
