import FluentKit
import Foundation

/// One value of a city's yearly series (population, area, GDP, reported total emissions),
/// with its unit, source and how sure we are of it.
final class CityFact: Model, @unchecked Sendable {
    static let schema = "city_facts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Field(key: "indicator") var indicator: String
    @Field(key: "year") var year: Int
    @Field(key: "value") var value: Double
    @Field(key: "unit") var unit: String
    @Field(key: "source") var source: String
    @OptionalField(key: "source_file") var sourceFile: String?
    @Field(key: "confidence") var confidence: String
    @OptionalField(key: "note") var note: String?
    /// GDP only: "current" or "constant YYYY" prices (never divide current-price GDP across years).
    @OptionalField(key: "price_basis") var priceBasis: String?
    /// What the figure covers when it differs from the city's own boundary (shown wherever it is used).
    @OptionalField(key: "boundary_note") var boundaryNote: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        id: UUID? = nil, cityID: UUID, indicator: String, year: Int, value: Double, unit: String, source: String,
        sourceFile: String? = nil, confidence: String, note: String? = nil
    ) {
        self.id = id
        self.$city.id = cityID
        self.indicator = indicator
        self.year = year
        self.value = value
        self.unit = unit
        self.source = source
        self.sourceFile = sourceFile
        self.confidence = confidence
        self.note = note
    }
}
