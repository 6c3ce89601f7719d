import FluentKit
import Foundation

/// The key of reads that take no parameter: the whole list.
struct Whole: Hashable, Sendable, CustomStringConvertible {
    var description: String { "all" }
}

enum DirectoryReads {
    /// The city directory, kept in memory and filtered there (reading it through Fluent cost
    /// ~10 ms a request: each model is built by reflection, each JSON column decoded alone).
    static let cities = CachedRead<Whole, [CityEntry]>("directory.cities", tables: [.cities]) {
        _, query in
        try await City.query(on: query.db).sort(\.$nameEn).sort(\.$slug).all().map(CityEntry.init)
    }

    /// The organisation directory; it shows each organisation's city and parent.
    static let organisations = CachedRead<Whole, [OrganisationEntry]>(
        "directory.organisations", tables: [.organisations, .cities]
    ) { _, query in
        try await Organisation.query(on: query.db).sort(\.$nameEn).sort(\.$slug).with(\.$city).with(\.$parent).all()
            .map(OrganisationEntry.init)
    }
}

/// What the directory and the API list show of a city.
struct CityEntry: DirectoryEntry {
    let id: UUID?
    let slug: String
    let nameEn: String
    let names: [String: String]
    let searchText: String
    let country: String
    let region: String?
    let latitude: Double?
    let longitude: Double?
    let cityType: String?
    let pathways: [String]
    let details: String?
    let sources: [String]

    init(_ city: City) {
        id = city.id
        slug = city.slug
        nameEn = city.nameEn
        names = city.names
        searchText = city.searchText
        country = city.country
        region = city.region
        latitude = city.latitude
        longitude = city.longitude
        cityType = city.cityType
        pathways = city.pathways
        details = city.details
        sources = city.sources
    }

    var countryCode: String? { country }
    var typeKey: String? { cityType }
}
