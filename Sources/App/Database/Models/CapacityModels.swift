import FluentKit
import Foundation

final class CapacityRequest: Model, @unchecked Sendable {
    static let schema = "capacity_requests"

    @ID(key: .id) var id: UUID?
    @Parent(key: "city_id") var city: City
    @Field(key: "title") var title: String
    @Field(key: "description") var details: String
    /// Codes of `CapacityTaxonomy.topics`, separated by ";".
    @Field(key: "topics") var topics: String
    @Field(key: "audience") var audience: String
    @Field(key: "languages") var languages: String
    @Field(key: "formats") var formats: String
    @Field(key: "timing") var timing: String
    @Field(key: "baseline") var baseline: String
    @Field(key: "status") var statusRaw: String
    @OptionalParent(key: "offer_id") var offer: CapacityOffer?
    @OptionalParent(key: "peer_city_id") var peerCity: City?
    @Field(key: "outcome") var outcome: String
    @Field(key: "feedback") var feedback: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var status: CapacityRequestStatus {
        get { CapacityRequestStatus(rawValue: statusRaw) ?? .open }
        set { statusRaw = newValue.rawValue }
    }
}

final class CapacityOffer: Model, @unchecked Sendable {
    static let schema = "capacity_offers"

    @ID(key: .id) var id: UUID?
    @Field(key: "provider") var provider: String
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @Field(key: "title") var title: String
    @Field(key: "description") var details: String
    @Field(key: "topics") var topics: String
    @Field(key: "languages") var languages: String
    @Field(key: "formats") var formats: String
    /// ISO country codes served, ";"-separated; empty = anywhere.
    @Field(key: "regions") var regions: String
    @OptionalField(key: "available_from") var availableFrom: String?
    @OptionalField(key: "available_to") var availableTo: String?
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
