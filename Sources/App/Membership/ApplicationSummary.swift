import FluentKit
import Foundation

/// A membership application as the secretariat's pages and the applicant's status page show it:
/// plain values read from the row and, when the query loaded them, its city and the organisation
/// its approval created.
struct ApplicationSummary: Sendable {
    struct Organisation: Sendable {
        let slug: String
        let name: String
    }

    let id: UUID
    let organisationName: String
    let organisationLocalName: String?
    let organisationType: String
    let country: String
    let city: NamedLink?
    /// A city the applicant named that is not in the directory yet.
    let cityName: String?
    let contactName: String
    let contactEmail: String
    let website: String?
    let motivation: String
    let status: ApplicationStatus
    let decisionReason: String?
    let decidedAt: Date?
    let createdAt: Date?
    let organisation: Organisation?

    init(_ application: MembershipApplication) throws {
        id = try application.requireID()
        organisationName = application.organisationName
        organisationLocalName = application.organisationLocalName
        organisationType = application.organisationType
        country = application.country
        city = (application.$city.value ?? nil).map { NamedLink(slug: $0.slug, names: $0.names) }
        cityName = application.cityName
        contactName = application.contactName
        contactEmail = application.contactEmail
        website = application.website
        motivation = application.motivation
        status = ApplicationStatus(rawValue: application.status) ?? .pending
        decisionReason = application.decisionReason
        decidedAt = application.decidedAt
        createdAt = application.createdAt
        organisation = (application.$organisation.value ?? nil).map { Organisation(slug: $0.slug, name: $0.nameEn) }
    }
}
