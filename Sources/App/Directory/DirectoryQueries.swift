import FluentKit
import Foundation
import SQLKit

/// A page of a list, as both the site and the API show it.
struct PageOf<Item: Sendable>: Sendable {
    let items: [Item]
    let page: Int
    let perPage: Int
    let total: Int

    var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}

/// Page arithmetic that cannot overflow, whatever number a client sends.
enum Paging {
    static let maxPage = 1_000_000
    static let maxPerPage = 200

    /// The rows of a page (1-based), with page and size clamped to their limits.
    static func rows(page: Int, perPage: Int) -> Range<Int> {
        let page = min(max(page, 1), maxPage)
        let perPage = min(max(perPage, 1), maxPerPage)
        return ((page - 1) * perPage)..<(page * perPage)
    }

    /// The number of matching rows: a first page that is not full already tells it, so the
    /// common directory view costs one query instead of two.
    static func total(of fetched: Int, filter: ListFilter, count: () async throws -> Int) async throws -> Int {
        filter.page == 1 && fetched < filter.perPage ? fetched : try await count()
    }
}

struct ListFilter: Sendable {
    var query: String = ""
    var country: String = ""
    var type: String = ""
    var page: Int = 1
    var perPage: Int = 50

    /// Identifies the filtered page, for caches.
    var cacheKey: String { [query, country, type, String(page), String(perPage)].joined(separator: "\u{1}") }

    /// The search term, lower-cased, matched as a substring of every name in every language.
    /// Substring matching is what finds 贵阳 in "贵阳市" (CJK has no spaces to split words on).
    var searchTerm: String? {
        let term = query.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return term.isEmpty ? nil : term
    }
}

enum CityQueries {
    static func bySlug(_ slug: String, on db: any Database) async throws -> City? {
        try await City.query(on: db).filter(\.$slug == slug).first()
    }

    /// Everything a city profile shows, in four queries, as plain values.
    static func profile(slug: String, on db: any Database) async throws -> CityProfile? {
        guard let city = try await bySlug(slug, on: db), let id = city.id else { return nil }
        async let facts = CityFact.query(on: db).filter(\.$city.$id == id).sort(\.$indicator).sort(\.$year)
            .sort(\.$value).sort(\.$source).all()  // a year may have several figures: one order on every engine
        async let programmes = CityProgramme.query(on: db).filter(\.$city.$id == id).with(\.$programme).all()
        async let organisations = Organisation.query(on: db).filter(\.$city.$id == id).sort(\.$nameEn).all()
        return CityProfile(
            city: CityEntry(city), facts: try await facts.map(FactRow.init),
            programmes: try await programmes.map { NamedLink(slug: $0.programme.slug, names: $0.programme.names) }
                .sorted { ($0.names["en"] ?? $0.slug) < ($1.names["en"] ?? $1.slug) },
            organisations: try await organisations.map { NamedLink(slug: $0.slug, names: $0.names) })
    }
}

/// A city profile's page model.
struct CityProfile: Sendable {
    let city: CityEntry
    let facts: [FactRow]
    let programmes: [NamedLink]
    let organisations: [NamedLink]
}

/// A record shown as its name in the reader's language and linked by its slug.
struct NamedLink: Sendable, Hashable {
    let slug: String
    let names: [String: String]
}

/// A yearly fact of a city as pages and documents show it.
struct FactRow: Sendable, Hashable {
    let id: UUID?
    let indicator: String
    let year: Int
    let value: Double
    let unit: String
    let source: String
    let sourceFile: String?
    let confidence: String
    let note: String?
    /// GDP: the prices it is in; emissions: what the figure covers (shown wherever it is used).
    let priceBasis: String?
    let boundaryNote: String?

    init(_ fact: CityFact) {
        id = fact.id
        indicator = fact.indicator
        year = fact.year
        value = fact.value
        unit = fact.unit
        source = fact.source
        sourceFile = fact.sourceFile
        confidence = fact.confidence
        note = fact.note
        priceBasis = fact.priceBasis
        boundaryNote = fact.boundaryNote
    }
}

enum CityReads {
    /// A city's profile (nil: no such city).
    static let profileTables: [Table] = [.cities, .cityFacts, .cityProgrammes, .programmes, .organisations]

    static let profile = CachedRead<String, CityProfile?>("city.profile", tables: profileTables) { slug, query in
        try await CityQueries.profile(slug: slug, on: query.db)
    }
}

enum OrganisationQueries {
    static func bySlug(_ slug: String, on db: any Database) async throws -> Organisation? {
        try await Organisation.query(on: db).filter(\.$slug == slug).with(\.$city).with(\.$parent).first()
    }

    static func members(of organisationID: UUID, on db: any Database) async throws -> [User] {
        try await User.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$name).all()
    }
}

/// Slugs are lowercase ASCII words joined by hyphens, made from the English name.
enum Slug {
    static func make(_ name: String) -> String {
        let folded = name.folding(
            options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en")
        )
        .lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return String(slug.prefix(80)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    static func isValid(_ slug: String) -> Bool {
        slug.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil
    }

    /// `base`, or `base-2`, `base-3`… — the first one `taken` says is free.
    static func unique(_ base: String, taken: (String) async throws -> Bool) async throws -> String {
        let root = base.isEmpty ? "organisation" : base
        if try await !taken(root) { return root }
        var suffix = 2
        while try await taken("\(root)-\(suffix)") { suffix += 1 }
        return "\(root)-\(suffix)"
    }
}

extension OrganisationRecord {
    /// From a row loaded with its city and parent.
    init(_ organisation: Organisation) {
        slug = organisation.slug
        names = organisation.names
        type = organisation.type
        status = organisation.status
        isResourceCentre = organisation.isResourceCentre
        country = organisation.country
        city = (organisation.$city.value ?? nil).map { NamedLink(slug: $0.slug, names: $0.names) }
        parent = (organisation.$parent.value ?? nil).map { NamedLink(slug: $0.slug, names: $0.names) }
        website = organisation.website
        joinedAt = organisation.joinedAt
        contactName = organisation.contactName
        contactEmail = organisation.contactEmail
        details = organisation.details
        sources = organisation.sources
    }
}
