import Foundation

/// Interface languages. Content records may carry more (`ContentLanguage`).
enum AppLocale: String, Sendable, CaseIterable, Codable {
    case en, zh, ja, ko

    /// The name of the language in itself, for the switcher.
    var endonym: String {
        switch self {
        case .en: "English"
        case .zh: "中文"
        case .ja: "日本語"
        case .ko: "한국어"
        }
    }

    /// BCP 47 tag for `<html lang>`.
    var htmlTag: String {
        switch self {
        case .zh: "zh-Hans"
        default: rawValue
        }
    }

    init?(tag: String) {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        self.init(rawValue: primary)
    }

    /// Picks the best supported language from an `Accept-Language` header (RFC 9110 §12.5.4).
    static func negotiate(acceptLanguage header: String?) -> AppLocale? {
        guard let header else { return nil }
        var best: (AppLocale, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, let locale = AppLocale(tag: tag) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0, best == nil || quality > best!.1 { best = (locale, quality) }
        }
        return best?.0
    }
}

/// Languages a content record (a city's or organisation's name, a description) may be written in.
enum ContentLanguage: String, Sendable, CaseIterable {
    case en, zh, ja, ko, mn, ru

    var endonym: String {
        switch self {
        case .en: "English"
        case .zh: "中文"
        case .ja: "日本語"
        case .ko: "한국어"
        case .mn: "Монгол"
        case .ru: "Русский"
        }
    }
}

/// The translation catalogue: one JSON file per interface language in `Resources/i18n`.
/// A key missing in a language falls back to English, and a key missing in English shows itself
/// (the catalogue test makes sure neither happens).
struct Catalogue: Sendable {
    let strings: [AppLocale: [String: String]]

    /// `Resources/i18n/<locale>.json`, plus `Resources/i18n/<feature>/<locale>.json` for each
    /// feature folder: a feature keeps its strings in its own files (and branches that add strings
    /// do not touch the same file). A key defined twice is an error.
    static func load() throws -> Catalogue {
        var strings: [AppLocale: [String: String]] = [:]
        // Found through its English file: how a bundle's resource folder maps to a URL differs by platform.
        guard
            let root = Bundle.module.url(forResource: "en", withExtension: "json", subdirectory: "Resources/i18n")?
                .deletingLastPathComponent()
        else { throw AppError.internal("missing catalogue en.json") }
        let entries = try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: [.isDirectoryKey])
        let features = (entries ?? []).filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        for locale in AppLocale.allCases {
            // English is required; another language's missing file falls back to English (the catalogue
            // test fails the build long before that can reach users).
            let main = root.appendingPathComponent("\(locale.rawValue).json")
            guard FileManager.default.fileExists(atPath: main.path) else {
                if locale == .en { throw AppError.internal("missing catalogue en.json") }
                continue
            }
            var merged = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: main))
            for folder in features {
                let file = folder.appendingPathComponent("\(locale.rawValue).json")
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                let more = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
                if let twice = more.keys.first(where: { merged[$0] != nil }) {
                    throw AppError.internal("catalogue key \(twice) defined twice (\(folder.lastPathComponent))")
                }
                merged.merge(more) { first, _ in first }
            }
            strings[locale] = merged
        }
        return Catalogue(strings: strings)
    }

    func text(_ key: String, _ locale: AppLocale, _ arguments: [String: String] = [:]) -> String {
        var value = strings[locale]?[key] ?? strings[.en]?[key] ?? key
        for (name, replacement) in arguments {
            value = value.replacingOccurrences(of: "{\(name)}", with: replacement)
        }
        return value
    }
}

/// What a view needs to speak the reader's language: the locale and the catalogue.
struct Translator: Sendable {
    let locale: AppLocale
    let catalogue: Catalogue

    func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        catalogue.text(key, locale, arguments)
    }

    /// A content record's name in the reader's language, else English, else any.
    func pick(_ names: [String: String]) -> String {
        names[locale.rawValue] ?? names["en"] ?? names.values.sorted().first ?? ""
    }

    /// Formats a number for display only (grouping separators, at most `maxFractionDigits`
    /// decimals); stored values are never rounded. Hand-written: a NumberFormatter per call cost
    /// more than the rest of a city page.
    func number(_ value: Double, maxFractionDigits: Int = 2) -> String {
        Self.grouped(value, maxFractionDigits: maxFractionDigits)
    }

    static func grouped(_ value: Double, maxFractionDigits: Int) -> String {
        guard value.isFinite else { return String(value) }
        // Halves round away from zero, as people round by hand (printf alone would give
        // 56,266 for 56,266.5). Display only: stored and computed values are never rounded.
        let digits = max(0, maxFractionDigits)
        let scale = pow(10, Double(digits))
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        var text = String(format: "%.\(digits)f", scaled.isFinite ? scaled : value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = ""
        for (index, digit) in parts[0].reversed().enumerated() {
            if index > 0, index % 3 == 0 { integer.append(",") }
            integer.append(digit)
        }
        var result = String(integer.reversed())
        if parts.count > 1 { result += "." + parts[1] }
        if negative, result != "0" { result = "-" + result }
        return result
    }

    func date(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash)) + " "
            + date.formatted(.iso8601.time(includingFractionalSeconds: false).timeSeparator(.colon)) + " UTC"
    }
}
