import FluentKit
import Foundation

/// The city directory: the list kept in memory and filtered there.
typealias CityDirectory = Directory<CityEntry>

extension CityDirectory {
    convenience init() {
        self.init(tables: ["cities"]) { db in
            try await City.query(on: db).sort(\.$nameEn).sort(\.$slug).all().map(CityEntry.init)
        }
    }
}

/// What the directory and the API list show of a city.
struct CityEntry: DirectoryEntry {
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

    var countryCode: String? { country }
    var typeKey: String? { cityType }
}
