/// The attributes of a city that applicability rules read.
public struct CityContext: Sendable, Hashable, Codable {
    /// The city type as the directory stores it ("low_carbon_pilot", "mature_resource_dependent"…).
    public var cityType: String?
    /// ISO 3166-1 alpha-2 code.
    public var country: String?

    public init(cityType: String? = nil, country: String? = nil) {
        self.cityType = cityType
        self.country = country
    }
}

/// A condition on another item's answer: "applies when E1 >= 2" (a level or a value).
public struct AnswerCondition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The comparison operators a framework file may write.
    public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case atLeast = ">="
        case atMost = "<="
        case greater = ">"
        case less = "<"
    }

    public let item: ItemID
    public let comparison: Comparison
    /// One value, or several for `=` and `!=` ("= 1|2": any of them).
    public let values: [Double]

    public init(item: ItemID, comparison: Comparison, values: [Double]) {
        self.item = item
        self.comparison = comparison
        self.values = values
    }

    /// Whether the other item's answer (a value or a level) meets the condition.
    public func holds(for answer: Double) -> Bool {
        switch comparison {
        case .equal: values.contains(answer)
        case .notEqual: !values.contains(answer)
        case .atLeast: values.allSatisfy { answer >= $0 }
        case .atMost: values.allSatisfy { answer <= $0 }
        case .greater: values.allSatisfy { answer > $0 }
        case .less: values.allSatisfy { answer < $0 }
        }
    }

    public var description: String {
        "\(item) \(comparison.rawValue) \(values.map(formatNumber).joined(separator: "|"))"
    }
}

/// When an item applies to a city: by city type, by country, by another item's answer.
///
/// "Not applicable is a rule, never a zero" (`peer_review_methods.md` §7.5, after CEUK's
/// exceptions in §3.3): an item that does not apply leaves the city's score and its maximum, and
/// the rule that removed it is reported. Rules key on stable ids and codes, never on titles.
///
/// An attribute or answer the platform does not know cannot remove an item: the item stays
/// applicable (and is missing if it has no value), so lack of data never hides a requirement.
public struct Applicability: Sendable, Hashable, Codable {
    /// When not empty, the item applies only to these city types.
    public var onlyCityTypes: Set<String>
    public var exceptCityTypes: Set<String>
    /// When not empty, the item applies only in these countries.
    public var onlyCountries: Set<String>
    public var exceptCountries: Set<String>
    /// All must hold.
    public var conditions: [AnswerCondition]

    public init(
        onlyCityTypes: Set<String> = [], exceptCityTypes: Set<String> = [], onlyCountries: Set<String> = [],
        exceptCountries: Set<String> = [], conditions: [AnswerCondition] = []
    ) {
        self.onlyCityTypes = onlyCityTypes
        self.exceptCityTypes = exceptCityTypes
        self.onlyCountries = onlyCountries
        self.exceptCountries = exceptCountries
        self.conditions = conditions
    }

    /// Applies everywhere.
    public static let always = Applicability()

    public var isAlways: Bool { self == .always }

    /// Nil when the item applies; otherwise the rule that removes it, in words.
    /// `answer` gives another item's value or level, nil when it has none.
    public func exclusionReason(for city: CityContext, answer: (ItemID) -> Double?) -> String? {
        if let type = city.cityType {
            if !onlyCityTypes.isEmpty && !onlyCityTypes.contains(type) {
                return "applies only to city types \(onlyCityTypes.sorted().joined(separator: ", "))"
            }
            if exceptCityTypes.contains(type) { return "does not apply to city type \(type)" }
        }
        if let country = city.country {
            if !onlyCountries.isEmpty && !onlyCountries.contains(country) {
                return "applies only in \(onlyCountries.sorted().joined(separator: ", "))"
            }
            if exceptCountries.contains(country) { return "does not apply in \(country)" }
        }
        for condition in conditions {
            guard let value = answer(condition.item) else { continue }
            if !condition.holds(for: value) { return "applies only when \(condition)" }
        }
        return nil
    }
}
