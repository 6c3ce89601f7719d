import Foundation

/// The membership application as submitted (site form or API body), validated field by field.
struct ApplicationForm: Sendable, Codable {
    var organisationName = ""
    var organisationLocalName = ""
    var organisationType = ""
    var country = ""
    var city = ""
    var cityName = ""
    var contactName = ""
    var contactEmail = ""
    var website = ""
    var motivation = ""
    var acceptTerms = false

    enum CodingKeys: String, CodingKey {
        case organisationName = "organisation_name"
        case organisationLocalName = "organisation_local_name"
        case organisationType = "organisation_type"
        case country, city
        case cityName = "city_name"
        case contactName = "contact_name"
        case contactEmail = "contact_email"
        case website, motivation
        case acceptTerms = "accept_terms"
    }

    static let fieldOrder = [
        "organisation_name", "organisation_local_name", "organisation_type", "country", "city", "city_name",
        "contact_name", "contact_email", "website", "motivation", "accept_terms",
    ]

    init() {}

    init(form: FormData) {
        organisationName = form["organisation_name"]
        organisationLocalName = form["organisation_local_name"]
        organisationType = form["organisation_type"]
        country = form["country"].uppercased()
        city = form["city"]
        cityName = form["city_name"]
        contactName = form["contact_name"]
        contactEmail = form["contact_email"]
        website = form["website"]
        motivation = form["motivation"]
        acceptTerms = !form["accept_terms"].isEmpty
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func string(_ key: CodingKeys) throws -> String {
            (try c.decodeIfPresent(String.self, forKey: key) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        organisationName = try string(.organisationName)
        organisationLocalName = try string(.organisationLocalName)
        organisationType = try string(.organisationType)
        country = try string(.country).uppercased()
        city = try string(.city)
        cityName = try string(.cityName)
        contactName = try string(.contactName)
        contactEmail = try string(.contactEmail)
        website = try string(.website)
        motivation = try string(.motivation)
        acceptTerms = try c.decodeIfPresent(Bool.self, forKey: .acceptTerms) ?? false
    }

    /// `knownCity` says whether a city slug exists (and its country).
    func validate(cityCountry: String??) -> [String: String] {
        var errors: [String: String] = [:]
        if organisationName.isEmpty {
            errors["organisation_name"] = "validation.required"
        } else if organisationName.count > 300 {
            errors["organisation_name"] = "validation.too_long"
        } else if Slug.make(organisationName).isEmpty {
            errors["organisation_name"] = "validation.english_name"
        }
        if organisationLocalName.count > 300 { errors["organisation_local_name"] = "validation.too_long" }
        if !Vocabulary.organisationTypes.contains(organisationType) {
            errors["organisation_type"] = organisationType.isEmpty ? "validation.required" : "validation.choice"
        }
        if !Validate.isCountryCode(country) { errors["country"] = country.isEmpty ? "validation.required" : "validation.country" }
        if !city.isEmpty {
            switch cityCountry {
            case .none: errors["city"] = "validation.unknown_city"
            case .some(let code) where code != nil && code != country && errors["country"] == nil:
                errors["city"] = "validation.city_country"
            default: break
            }
        }
        if cityName.count > 200 { errors["city_name"] = "validation.too_long" }
        if organisationType == "local_government", city.isEmpty, cityName.isEmpty {
            errors["city"] = "validation.city_required"
        }
        if !city.isEmpty, !cityName.isEmpty { errors["city_name"] = "validation.city_either" }
        if contactName.isEmpty {
            errors["contact_name"] = "validation.required"
        } else if contactName.count > 200 {
            errors["contact_name"] = "validation.too_long"
        }
        if !Validate.isEmail(contactEmail) {
            errors["contact_email"] = contactEmail.isEmpty ? "validation.required" : "validation.email"
        }
        if !website.isEmpty, !Validate.isWebsite(website) { errors["website"] = "validation.website" }
        if motivation.count < 20 {
            errors["motivation"] = motivation.isEmpty ? "validation.required" : "validation.motivation_short"
        }
        if motivation.count > 5000 { errors["motivation"] = "validation.too_long" }
        if !acceptTerms { errors["accept_terms"] = "validation.accept_terms" }
        return errors
    }
}
