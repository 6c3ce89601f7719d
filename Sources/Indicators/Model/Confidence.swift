import Foundation

/// How far a framework row can be trusted, with the marks used throughout
/// `shared/reference/frameworks/README.md`, plus two of the platform's own.
///
/// A framework file carries one per row, so recalled or provisional content is never passed off
/// as the publisher's.
public enum Confidence: String, Sendable, Hashable, Codable, CaseIterable {
    /// Read in the source itself (the publisher's page, or a repository at a stated commit).
    case verifiedSource = "VERIFIED-SRC"
    /// Read in a third-party copy.
    case transcription = "TRANSCRIPTION"
    /// From memory, to be checked before use.
    case recalled = "RECALLED"
    /// Our own inference or arithmetic on verified material.
    case derived = "DERIVED"
    /// Known to be doubtful.
    case uncertain = "UNCERTAIN"
    /// The platform's own choice where the publisher's is not known (a provisional scale, weight
    /// or benchmark), to be reviewed by the secretariat.
    case provisional = "PROVISIONAL"
    /// An illustration of the format, not the publisher's content.
    case sample = "SAMPLE"

    /// Parses the mark with or without brackets ("[RECALLED]" or "RECALLED"), any case.
    public static func parse(_ text: String) -> Confidence? {
        var mark = text.trimmingCharacters(in: .whitespaces).uppercased()
        if mark.hasPrefix("[") && mark.hasSuffix("]") { mark = String(mark.dropFirst().dropLast()) }
        return Confidence(rawValue: mark)
    }

    /// Content that must be shown with a warning (not read in any source).
    public var needsWarning: Bool { self == .recalled || self == .uncertain || self == .sample }
}
