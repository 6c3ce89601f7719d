import FluentKit
import Foundation

/// The JSON shapes of the API (snake_case, as in the OpenAPI document).
struct CityDocument: Encodable, Sendable {
    let slug: String
    let name: String
    let names: [String: String]
    let country: String
    let region: String?
    let latitude: Double?
    let longitude: Double?
    let cityType: String?
    let pathways: [String]
    let description: String?
    let sources: [String]
    let url: String
    var programmes: [String]? = nil
    var facts: [FactDocument]? = nil

    enum CodingKeys: String, CodingKey {
        case slug, name, names, country, region, latitude, longitude
        case cityType = "city_type"
        case pathways, description, sources, url
        case programmes, facts
    }

    init(_ city: City) { self.init(CityEntry(city)) }

    init(_ profile: CityProfile) {
        self.init(profile.city)
        programmes = profile.programmes.map(\.slug)
        facts = profile.facts.map(FactDocument.init)
    }

    init(_ city: CityEntry) {
        slug = city.slug
        name = city.nameEn
        names = city.names
        country = city.country
        region = city.region
        latitude = city.latitude
        longitude = city.longitude
        cityType = city.cityType
        pathways = city.pathways
        description = city.details
        sources = city.sources
        url = Paths.city(city.slug)
    }
}

struct FactDocument: Encodable, Sendable {
    let indicator: String
    let year: Int
    let value: Double
    let unit: String
    let source: String
    let sourceFile: String?
    let confidence: String
    let verified: Bool
    let note: String?

    enum CodingKeys: String, CodingKey {
        case indicator, year, value, unit, source
        case sourceFile = "source_file"
        case confidence, verified, note
    }

    init(_ fact: FactRow) {
        indicator = fact.indicator
        year = fact.year
        value = fact.value
        unit = fact.unit
        source = fact.source
        sourceFile = fact.sourceFile
        confidence = fact.confidence
        verified = !Vocabulary.isUnverified(fact.confidence)
        note = fact.note
    }
}

struct OrganisationDocument: Encodable, Sendable {
    let slug: String
    let name: String
    let names: [String: String]
    let type: String
    let country: String?
    let city: String?
    let parent: String?
    let website: String?
    let description: String?
    let isResourceCentre: Bool
    let status: String
    let sources: [String]
    let url: String

    enum CodingKeys: String, CodingKey {
        case slug, name, names, type, country, city, parent, website, description
        case isResourceCentre = "is_resource_centre"
        case status
        case sources, url
    }

    init(_ organisation: Organisation) {
        self.init(OrganisationEntry(organisation))
    }

    init(_ organisation: OrganisationEntry) {
        slug = organisation.slug
        name = organisation.nameEn
        names = organisation.names
        type = organisation.type
        country = organisation.country
        city = organisation.citySlug
        parent = organisation.parentSlug
        website = organisation.website
        description = organisation.details
        isResourceCentre = organisation.isResourceCentre
        status = organisation.status
        sources = organisation.sources
        url = Paths.organisation(organisation.slug)
    }
}

struct ApplicationDocument: Encodable, Sendable {
    let id: UUID?
    let organisationName: String
    let organisationLocalName: String?
    let organisationType: String
    let country: String
    let city: String?
    let cityName: String?
    let contactName: String
    let contactEmail: String
    let website: String?
    let motivation: String
    let status: String
    let decisionReason: String?
    let decidedAt: Date?
    let organisation: String?
    let createdAt: Date?

    enum CodingKeys: String, CodingKey {
        case id
        case organisationName = "organisation_name"
        case organisationLocalName = "organisation_local_name"
        case organisationType = "organisation_type"
        case country, city
        case cityName = "city_name"
        case contactName = "contact_name"
        case contactEmail = "contact_email"
        case website, motivation, status
        case decisionReason = "decision_reason"
        case decidedAt = "decided_at"
        case organisation
        case createdAt = "created_at"
    }

    init(_ application: MembershipApplication) {
        id = application.id
        organisationName = application.organisationName
        organisationLocalName = application.organisationLocalName
        organisationType = application.organisationType
        country = application.country
        city = (application.$city.value ?? nil)?.slug
        cityName = application.cityName
        contactName = application.contactName
        contactEmail = application.contactEmail
        website = application.website
        motivation = application.motivation
        status = application.status
        decisionReason = application.decisionReason
        decidedAt = application.decidedAt
        organisation = (application.$organisation.value ?? nil)?.slug
        createdAt = application.createdAt
    }
}

/// What an applicant sees of their own application (no contact details of others, no motivation echo).
struct ApplicationStatusDocument: Encodable, Sendable {
    let status: String
    let decisionReason: String?
    let decidedAt: Date?
    let statusURL: String
    let token: String?

    enum CodingKeys: String, CodingKey {
        case status
        case decisionReason = "decision_reason"
        case decidedAt = "decided_at"
        case statusURL = "status_url"
        case token
    }
}

struct MeDocument: Encodable, Sendable {
    let id: UUID
    let email: String
    let name: String
    let role: String
    let isExpert: Bool
    let organisation: String?

    enum CodingKeys: String, CodingKey {
        case id, email, name, role
        case isExpert = "is_expert"
        case organisation
    }
}

struct ApprovalDocument: Encodable, Sendable {
    let application: ApplicationDocument
    let organisation: OrganisationDocument
    let userEmail: String
    let setupURL: String

    enum CodingKeys: String, CodingKey {
        case application, organisation
        case userEmail = "user_email"
        case setupURL = "setup_url"
    }
}
