import Foundation

/// Evidence for an answer: a document, a link, or a platform record (issue 11: "document, link,
/// or a platform record: an inventory line, a target, an action").
public struct Evidence: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the reference points at.
    public enum Kind: String, Sendable, Hashable, Codable {
        case document, link, record
    }

    /// The record types a `type:id` reference may name.
    public static let recordTypes = ["inventory", "inventory-line", "target", "action", "case-study", "publication"]

    public let kind: Kind
    /// The citation ("Climate plan 2021, p. 14"), the URL, or "type:id" for a record.
    public let reference: String

    public init(kind: Kind, reference: String) {
        self.kind = kind
        self.reference = reference
    }

    /// Reads one reference: http(s) URLs are links, "inventory-line:42" and the other
    /// ``recordTypes`` are records, anything else is a document citation.
    public static func parse(_ text: String) -> Evidence {
        let reference = text.trimmingCharacters(in: .whitespaces)
        let lower = reference.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return Evidence(kind: .link, reference: reference) }
        if let colon = reference.firstIndex(of: ":"), recordTypes.contains(String(reference[..<colon]).lowercased()),
            reference.index(after: colon) < reference.endIndex
        {
            return Evidence(kind: .record, reference: reference)
        }
        return Evidence(kind: .document, reference: reference)
    }

    public var description: String { reference }
}

/// The answer to one item.
public enum Answer: Sendable, Hashable {
    /// A quantitative value in the item's own unit (a real 0 is a value like any other).
    case value(Double)
    /// A level of a qualitative item's scale.
    case level(Int)
    /// Points of a deduction item, ≤ 0.
    case points(Double)
    /// No value, and why (a formula's reason, "left blank"): drops out of the score.
    case missing(reason: String)
    /// Explicitly excluded for this city, with the reason: leaves both score and maximum.
    case excluded(reason: String)

    /// The number an applicability condition compares, if there is one.
    public var comparable: Double? {
        switch self {
        case .value(let value), .points(let value): value
        case .level(let level): Double(level)
        case .missing, .excluded: nil
        }
    }
}

/// A value as the city typed it before conversion to the item's unit.
public struct EnteredQuantity: Sendable, Hashable, Codable {
    public let value: Double
    public let unit: String

    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }
}

/// One item's answer with its evidence and comment.
public struct ItemResponse: Sendable, Hashable {
    public var answer: Answer
    public var evidence: [Evidence]
    public var comment: String
    /// The value as entered, when it was converted from another unit.
    public var entered: EnteredQuantity?
    /// For computed items: the value with the inputs it used.
    public var computed: ComputedValue?

    public init(
        _ answer: Answer, evidence: [Evidence] = [], comment: String = "", entered: EnteredQuantity? = nil,
        computed: ComputedValue? = nil
    ) {
        self.answer = answer
        self.evidence = evidence
        self.comment = comment
        self.entered = entered
        self.computed = computed
    }
}

/// A city's answers to one framework edition for one year.
///
/// Workflow state (draft → submitted → published) and versions belong to the App's record; this
/// is the part scoring needs.
public struct Assessment: Sendable, Hashable {
    public var framework: String
    public var edition: String
    public var year: Int
    public var city: CityContext
    /// An item with no response is missing.
    public var responses: [ItemID: ItemResponse]

    public init(framework: String, edition: String, year: Int, city: CityContext, responses: [ItemID: ItemResponse] = [:]) {
        self.framework = framework
        self.edition = edition
        self.year = year
        self.city = city
        self.responses = responses
    }

    /// An empty assessment of `edition`.
    public init(edition: Edition, year: Int, city: CityContext) {
        self.init(framework: edition.framework.slug, edition: edition.version, year: year, city: city)
    }
}
