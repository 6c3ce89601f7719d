import CarbonAccounting
import FluentKit
import Foundation

/// A city's own emission factor (the library's "user-defined factors").
final class CustomFactor: Model, @unchecked Sendable {
    static let schema = "custom_factors"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Field(key: "name") var name: String
    @Field(key: "fuel") var fuel: String
    @OptionalField(key: "co2") var co2: Double?
    @OptionalField(key: "ch4") var ch4: Double?
    @OptionalField(key: "n2o") var n2o: Double?
    @Field(key: "unit") var unit: String
    /// Space-separated GPC sub-categories the factor is offered for.
    @Field(key: "gpc_refs") var gpcRefs: String
    @Field(key: "publisher") var publisher: String
    @Field(key: "document") var document: String
    @Field(key: "year") var year: String
    @Field(key: "region") var region: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        cityID: UUID, name: String, fuel: String, co2: Double?, ch4: Double?, n2o: Double?, unit: String, gpcRefs: [String],
        publisher: String, document: String, year: String, region: String, createdBy: UUID?
    ) {
        self.$city.id = cityID
        self.name = name
        self.fuel = fuel
        self.co2 = co2
        self.ch4 = ch4
        self.n2o = n2o
        self.unit = unit
        self.gpcRefs = gpcRefs.joined(separator: " ")
        self.publisher = publisher
        self.document = document
        self.year = year
        self.region = region
        self.createdBy = createdBy
    }

    /// The factor as the library and the line editor see it: id `custom-<uuid>`, marked USER-DEFINED.
    var emissionFactor: EmissionFactor? {
        guard let id, let unit = FactorUnit.parse(unit) else { return nil }
        return EmissionFactor(
            id: "custom-\(id.uuidString.lowercased())", kind: .custom, name: name, fuel: fuel, co2: co2, ch4: ch4, n2o: n2o,
            unit: unit, gpcRefs: gpcRefs.split(separator: " ").map(String.init), publisher: publisher, document: document,
            table: "", year: year, region: region, confidence: "USER-DEFINED", source: "custom_factors")
    }
}
