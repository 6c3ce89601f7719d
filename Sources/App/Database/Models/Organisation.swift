import FluentKit
import Foundation

/// A member organisation (or an organisation listed from the source documents).
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name_en") var nameEn: String
    @Field(key: "names") var names: [String: String]
    @Field(key: "search_text") var searchText: String
    @Field(key: "type") var type: String
    @OptionalField(key: "country") var country: String?
    @OptionalParent(key: "city_id") var city: City?
    @OptionalParent(key: "parent_id") var parent: Organisation?
    @OptionalField(key: "website") var website: String?
    @OptionalField(key: "contact_name") var contactName: String?
    @OptionalField(key: "contact_email") var contactEmail: String?
    @OptionalField(key: "description") var details: String?
    @Field(key: "is_resource_centre") var isResourceCentre: Bool
    /// `OrganisationStatus`: member (approved), listed (named in the source documents, not an applicant), suspended.
    @Field(key: "status") var statusRaw: String
    @Field(key: "sources") var sources: [String]
    @OptionalField(key: "joined_at") var joinedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, slug: String, names: [String: String], type: String, country: String?, cityID: UUID? = nil,
        parentID: UUID? = nil, website: String? = nil, contactName: String? = nil, contactEmail: String? = nil,
        details: String? = nil, isResourceCentre: Bool = false, status: OrganisationStatus, sources: [String] = [],
        joinedAt: Date? = nil
    ) {
        self.id = id
        self.slug = slug
        self.nameEn = names["en"] ?? slug
        self.names = names
        self.searchText = SearchText.make(names: names, slug: slug)
        self.type = type
        self.country = country
        self.$city.id = cityID
        self.$parent.id = parentID
        self.website = website
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.details = details
        self.isResourceCentre = isResourceCentre
        self.statusRaw = status.rawValue
        self.sources = sources
        self.joinedAt = joinedAt
    }

    var status: OrganisationStatus {
        get { OrganisationStatus(rawValue: statusRaw) ?? .listed }
        set { statusRaw = newValue.rawValue }
    }

    func setNames(_ names: [String: String]) {
        self.names = names
        self.nameEn = names["en"] ?? slug
        self.searchText = SearchText.make(names: names, slug: slug)
    }
}

extension QueryBuilder where Model == Organisation {
    @discardableResult
    func filter(status: OrganisationStatus) -> Self { filter(\.$statusRaw == status.rawValue) }
}
