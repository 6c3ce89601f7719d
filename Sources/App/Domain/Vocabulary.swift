import Foundation

/// The fixed lists the platform's records use. Labels live in the translation catalogue
/// under `<list>.<key>`; the keys are what the database and the API carry.
enum Vocabulary {
    /// Member organisation types (seed 004, terms of reference: "Membership").
    static let organisationTypes = [
        "local_government", "national_institution", "non_profit", "research_institution", "international_organisation",
    ]

    /// City types: the 2013 Chinese plan's four groups of resource-dependent cities (seed 004,
    /// Annex I §2) and the national programmes' designations.
    static let cityTypes = [
        "growing_resource_dependent", "mature_resource_dependent", "declining_resource_dependent",
        "regenerative_resource_dependent", "eco_model_city", "low_carbon_pilot", "future_city", "metropolitan",
    ]

    /// The five pathways (seed 003).
    static let pathways = ["low_emission", "nature_based", "circular", "resilient", "equitable_people_centred"]

    /// Yearly series kept on a city profile, with the units each accepts.
    static let indicators: [(key: String, units: [String])] = [
        ("population", ["persons"]),
        ("area", ["km2"]),
        ("gdp", ["USD", "CNY", "JPY", "KRW", "MNT", "RUB", "EUR", "HKD", "CNY million current", "CNY million constant 2005"]),
        ("gdp_real_growth", ["% y/y"]),
        ("reported_total_emissions", ["t CO2e", "t CO2"]),
        // CEADs territorial CO2 and a city's own greenhouse-gas totals (city_series_ne_asia.md):
        // facts with a boundary note, read by progress only as estimates on their own basis.
        ("co2_total", ["t CO2"]),
        ("ghg_total", ["t CO2e"]),
        ("ghg_bau_projection", ["t CO2e"]),
    ]

    static func units(for indicator: String) -> [String]? {
        indicators.first { $0.key == indicator }?.units
    }

    /// How sure we are of a value. Only REPORTED is shown as a source's own figure;
    /// the others are flagged on every page that shows them.
    /// The reference series carry their own tags (`[VERIFIED-SRC]`, `[TRANSCRIPTION]`, `; DERIVED`);
    /// a value may have several, each shown as its own badge.
    static let confidences = ["REPORTED", "DERIVED", "RECALLED", "UNCERTAIN", "VERIFIED-SRC", "TRANSCRIPTION"]
    static let verifiedConfidences: Set<String> = ["REPORTED", "VERIFIED-SRC"]

    /// `"[TRANSCRIPTION]; DERIVED"` → `["TRANSCRIPTION", "DERIVED"]`.
    static func confidenceParts(_ confidence: String) -> [String] {
        confidence.split(separator: ";").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        }.filter { !$0.isEmpty }
    }

    /// Unverified unless every tag is a verified one (a derived value is flagged even from a verified source).
    static func isUnverified(_ confidence: String) -> Bool {
        let parts = confidenceParts(confidence)
        return parts.isEmpty || parts.contains { !verifiedConfidences.contains($0) }
    }

    /// ISO 3166-1 alpha-2 codes offered in forms; North-East Asia first. Names are in the catalogue.
    static let countries = [
        "CN", "JP", "KR", "MN", "RU", "KP", "HK", "MO", "TW", "AU", "BD", "BT", "DE", "FR", "GB", "ID", "IN", "KH", "KZ",
        "LA", "LK", "MM", "MY", "NP", "NZ", "PH", "PK", "SG", "TH", "US", "VN", "CH", "NL", "SE", "IT", "ES", "CA", "BR",
    ]

    /// Mitigation action types (the categories of the GCoM / CDP action reporting, simplified).
    static let actionTypes = [
        "policy", "regulation", "infrastructure", "technology", "finance", "awareness", "planning", "capacity_building",
        "other",
    ]

    /// Status of an action (its phase), as forms and filters carry it.
    static let actionStatuses = ActionStatus.allCases.map(\.rawValue)

    /// Co-benefits recorded with an action (air quality includes short-lived climate pollutants).
    static let coBenefits = [
        "air_quality", "slcp", "health", "jobs", "energy_security", "biodiversity", "resilience", "equity",
    ]

    /// Codes of the languages a record's text can be written in (`ContentLanguage`).
    static var contentLanguages: [String] { ContentLanguage.allCases.map(\.rawValue) }
}
