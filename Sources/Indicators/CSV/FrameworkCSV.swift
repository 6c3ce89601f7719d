/// The framework file: one CSV describing one edition (framework, editions, groups, items and
/// level descriptors), one record per row, so a secretariat officer can fill it in a
/// spreadsheet. Columns and rules: `CSV_FORMATS.md`.
public enum FrameworkCSV {
    /// The record types, in the order the writer emits them.
    public enum RecordType: String, Sendable, CaseIterable {
        case framework
        case notKnown = "not_known"
        case edition, group, item, level
    }

    /// Columns that do not depend on language, in file order; `name_xx` and `description_xx`
    /// follow `level`.
    static let leadingColumns = ["record", "id", "group", "level"]
    static let trailingColumns = [
        "kind", "unit", "direction", "obtain", "formula", "evidence", "scoring", "floor", "benchmark", "thresholds",
        "scale_max", "weight", "only_city_types", "except_city_types", "only_countries", "except_countries", "applies_when",
        "previous_id", "state", "minimum_share", "benchmark_reason", "source", "confidence",
    ]

    /// Every column the reader accepts (language columns for every supported language).
    public static var acceptedColumns: [String] {
        leadingColumns + languageColumns(LocalizedText.supportedLanguages) + trailingColumns
    }

    /// The columns the writer emits for the given languages.
    static func columns(languages: [String]) -> [String] {
        leadingColumns + languageColumns(languages) + trailingColumns
    }

    static func languageColumns(_ languages: [String]) -> [String] {
        languages.map { "name_\($0)" } + languages.map { "description_\($0)" }
    }

    /// The non-language columns a record type may fill; anything else filled is reported, so a
    /// value typed into the wrong column is caught rather than ignored.
    static func allowedColumns(_ type: RecordType) -> Set<String> {
        switch type {
        case .framework: ["record", "id", "source"]
        case .notKnown: ["record"]
        case .edition: ["record", "id", "state", "previous_id", "minimum_share"]
        case .group: ["record", "id", "source", "confidence"]
        case .level: ["record", "id", "level"]
        case .item: Set(["record", "id", "group"] + trailingColumns).subtracting(["state", "minimum_share"])
        }
    }

    /// Whether the record type uses `name_xx` / `description_xx` columns.
    static func usesNames(_ type: RecordType) -> Bool { type != .edition && type != .notKnown }
    static func usesDescriptions(_ type: RecordType) -> Bool { type != .edition }

    static let listSeparator: Character = "|"
    static let clauseSeparator: Character = ";"
}
