import FluentKit
import Foundation

/// A membership application as the applicant filled it in, and the secretariat's decision.
final class MembershipApplication: Model, @unchecked Sendable {
    static let schema = "membership_applications"

    @ID(key: .id) var id: UUID?
    /// SHA-256 of the private follow-up token; the token itself is only in the applicant's link.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "organisation_name") var organisationName: String
    @OptionalField(key: "organisation_local_name") var organisationLocalName: String?
    @Field(key: "organisation_type") var organisationType: String
    @Field(key: "country") var country: String
    @OptionalParent(key: "city_id") var city: City?
    @OptionalField(key: "city_name") var cityName: String?
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_email") var contactEmail: String
    @OptionalField(key: "website") var website: String?
    @Field(key: "motivation") var motivation: String
    @Field(key: "accepted_terms") var acceptedTerms: Bool
    @Field(key: "status") var status: String
    @OptionalField(key: "decision_reason") var decisionReason: String?
    @OptionalParent(key: "decided_by_id") var decidedBy: User?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The interface language the applicant used (`AppLocale`); their mail is written in it.
    @OptionalField(key: "locale") var locale: String?

    init() {}
}

enum ApplicationStatus: String, Sendable, CaseIterable, Codable {
    case pending, approved, rejected
}
