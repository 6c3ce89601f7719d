import FluentKit
import Foundation

/// What the directory and the API list show of an organisation.
struct OrganisationEntry: DirectoryEntry {
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
        status = organisation.status.rawValue
        sources = organisation.sources
    }

    var countryCode: String? { country }
    var typeKey: String? { type }
}
