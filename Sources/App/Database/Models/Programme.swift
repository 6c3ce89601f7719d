import FluentKit
import Foundation

/// A network, programme or initiative cities take part in (seed 004 Table 3, seed 003).
final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "names") var names: [String: String]
    @Field(key: "kind") var kind: String
    @OptionalField(key: "country") var country: String?
    @Field(key: "pathways") var pathways: [String]
    @OptionalField(key: "description") var details: String?
    @OptionalField(key: "start_year") var startYear: Int?
    @OptionalField(key: "website") var website: String?
    @Field(key: "sources") var sources: [String]

    init() {}

    init(
        id: UUID? = nil, slug: String, names: [String: String], kind: String, country: String?, pathways: [String],
        details: String?, startYear: Int?, website: String?, sources: [String]
    ) {
        self.id = id
        self.slug = slug
        self.nameEn = names["en"] ?? slug
        self.names = names
        self.kind = kind
        self.country = country
        self.pathways = pathways
        self.details = details
        self.startYear = startYear
        self.website = website
        self.sources = sources
    }
}

/// Which city takes part in which programme.
final class CityProgramme: Model, @unchecked Sendable {
    static let schema = "city_programmes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Parent(key: "programme_id") var programme: Programme

    init() {}

    init(cityID: UUID, programmeID: UUID) {
        self.$city.id = cityID
        self.$programme.id = programmeID
    }
}
