import FluentKit
import Foundation

/// The organisation list kept in memory (`TableCache`) and filtered there. It shows each
/// organisation's city, so it follows the cities table too.
final class OrganisationDirectory: Sendable {
    struct Entry: Sendable {
        let slug: String
        let nameEn: String
        let names: [String: String]
        let searchText: String
        let type: String
        let country: String?
        let citySlug: String?
        let cityNames: [String: String]?
        let parentSlug: String?
        let website: String?
        let details: String?
        let isResourceCentre: Bool
        let status: String
        let sources: [String]

        /// `organisation` with its city and parent loaded (or not: then they are left out).
        init(_ organisation: Organisation) {
            slug = organisation.slug
            nameEn = organisation.nameEn
            names = organisation.names
            searchText = organisation.searchText
            type = organisation.type
            country = organisation.country
            let city = organisation.$city.value ?? nil
            citySlug = city?.slug
            cityNames = city?.names
            parentSlug = (organisation.$parent.value ?? nil)?.slug
            website = organisation.website
            details = organisation.details
            isResourceCentre = organisation.isResourceCentre
            status = organisation.status
            sources = organisation.sources
        }
    }

    let cache = TableCache<Entry>(tables: ["organisations", "cities"]) { db in
        try await Organisation.query(on: db).sort(\.$nameEn).sort(\.$slug).with(\.$city).with(\.$parent).all().map(Entry.init)
    }

    func list(_ filter: ListFilter, on db: any Database) async throws -> (page: PageOf<Entry>, countries: [String], stamp: String)
    {
        let (entries, stamp) = try await cache.entries(on: db)
        let term = filter.likePattern
        let matches = entries.filter { entry in
            (term.map { entry.searchText.contains($0) } ?? true)
                && (filter.country.isEmpty || entry.country == filter.country)
                && (filter.type.isEmpty || entry.type == filter.type)
        }
        let countries = Set(entries.compactMap(\.country)).sorted()
        return (matches.page(filter), countries, stamp)
    }

    func fragment(_ key: String, stamp: String, make: () throws -> String) rethrows -> String {
        try cache.fragment(key, stamp: stamp, make: make)
    }
}
