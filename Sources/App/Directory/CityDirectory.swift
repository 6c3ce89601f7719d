import FluentKit
import Foundation

/// The city list kept in memory (`TableCache`) and filtered there.
final class CityDirectory: Sendable {
    /// What the directory and the API list show of a city.
    struct Entry: Sendable {
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
    }

    let cache = TableCache<Entry>(tables: ["cities"]) { db in
        try await City.query(on: db).sort(\.$nameEn).sort(\.$slug).all().map(Entry.init)
    }

    /// A page of cities matching the filter (name in any language as a substring, country, type),
    /// in English alphabetical order, the countries present, and the stamp of the data.
    func list(_ filter: ListFilter, on db: any Database) async throws -> (page: PageOf<Entry>, countries: [String], stamp: String)
    {
        let (entries, stamp) = try await cache.entries(on: db)
        let term = filter.likePattern
        let matches = entries.filter { entry in
            (term.map { entry.searchText.contains($0) } ?? true)
                && (filter.country.isEmpty || entry.country == filter.country)
                && (filter.type.isEmpty || entry.cityType == filter.type)
        }
        let countries = cache.fragment("countries", stamp: stamp) { Set(entries.map(\.country)).sorted().joined(separator: ",") }
        return (matches.page(filter), countries.split(separator: ",").map(String.init), stamp)
    }

    func fragment(_ key: String, stamp: String, make: () throws -> String) rethrows -> String {
        try cache.fragment(key, stamp: stamp, make: make)
    }
}
