import Foundation

/// A text in several languages, keyed by language code ("en", "zh", "ja", "ko"; "mn" and "ru" are
/// welcome, SPEC §3 "Knowledge hub").
///
/// English is the fallback: framework files must give every name and descriptor in English, so a
/// reader of any language always sees something (the other languages may be partial per file).
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The language codes a framework file may use, in the order the CSV writer lays out columns.
    public static let supportedLanguages = ["en", "zh", "ja", "ko", "mn", "ru"]
    /// The languages every shipped framework file carries columns for.
    public static let platformLanguages = ["en", "zh", "ja", "ko"]

    /// Text by language code; empty strings are never stored.
    public private(set) var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    /// An English-only text.
    public init(en: String) {
        self.init(["en": en])
    }

    public subscript(language: String) -> String? {
        get { values[language] }
        set {
            if let newValue, !newValue.isEmpty { values[language] = newValue } else { values[language] = nil }
        }
    }

    /// The text in `language`, else English, else the first language in code order, else "".
    public func resolved(_ language: String) -> String {
        if let text = values[language] { return text }
        if let text = values["en"] { return text }
        return values.keys.sorted().first.flatMap { values[$0] } ?? ""
    }

    /// The languages present, in code order.
    public var languages: [String] { values.keys.sorted() }

    public var isEmpty: Bool { values.isEmpty }
}
