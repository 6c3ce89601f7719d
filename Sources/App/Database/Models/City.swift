import FluentKit
import Foundation

/// A city (or other local government area) in the directory. Names are kept per language code.
final class City: Model, @unchecked Sendable {
    static let schema = "cities"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "names") var names: [String: String]
    /// Lower-cased concatenation of every name and the slug, for portable `LIKE` search.
    @Field(key: "search_text") var searchText: String
    @Field(key: "country") var country: String
    @OptionalField(key: "region") var region: String?
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @OptionalField(key: "city_type") var cityType: String?
    @Field(key: "pathways") var pathways: [String]
    @OptionalField(key: "description") var details: String?
    @Field(key: "sources") var sources: [String]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, slug: String, names: [String: String], country: String, region: String? = nil,
        latitude: Double? = nil, longitude: Double? = nil, cityType: String? = nil, pathways: [String] = [],
        details: String? = nil, sources: [String] = []
    ) {
        self.id = id
        self.slug = slug
        self.nameEn = names["en"] ?? slug
        self.names = names
        self.searchText = SearchText.make(names: names, slug: slug)
        self.country = country
        self.region = region
        self.latitude = latitude
        self.longitude = longitude
        self.cityType = cityType
        self.pathways = pathways
        self.details = details
        self.sources = sources
    }

    func setNames(_ names: [String: String]) {
        self.names = names
        self.nameEn = names["en"] ?? slug
        self.searchText = SearchText.make(names: names, slug: slug)
    }
}

enum SearchText {
    static func make(names: [String: String], slug: String) -> String {
        ([slug] + names.keys.sorted().compactMap { names[$0] }).joined(separator: " | ").lowercased()
    }
}
