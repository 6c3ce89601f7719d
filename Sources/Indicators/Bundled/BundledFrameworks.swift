import Foundation

/// Why a bundled framework file could not be loaded.
public struct BundledFrameworkError: Error, Sendable, CustomStringConvertible {
    public let file: String
    /// The file's problems, when it was read but is invalid.
    public let problems: FrameworkProblems?
    public let message: String

    public var description: String {
        "\(file): \(message)" + (problems.map { "\n" + $0.description } ?? "")
    }
}

/// The frameworks the platform ships (issues 11 and 12), as framework files in
/// `Resources/frameworks`, plus the UNDRR import template.
public enum BundledFrameworks {
    /// The shipped framework files, by name without extension.
    public enum File: String, Sendable, CaseIterable {
        /// The platform's own low-carbon city index.
        case lccIndex = "lcc_index"
        /// UNDRR Disaster Resilience Scorecard: the Ten Essentials and a labelled sample.
        case undrrScorecardSample = "undrr_scorecard_sample"
        /// ICLEI EcoMobility SHIFT+: 23 indicators on a provisional level scale.
        case ecomobilityShiftPlus = "ecomobility_shift_plus"
        /// The platform's own plan-quality criteria for peer reviews (issue 12).
        case planQualityCriteria = "plan_quality_criteria"
    }

    /// The file a secretariat officer fills with UNDRR's official criteria.
    public static let undrrImportTemplate = "undrr_scorecard_import_template"

    /// The text of a bundled CSV by name (without extension).
    public static func text(_ name: String) throws(BundledFrameworkError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources/frameworks") else {
            throw BundledFrameworkError(file: "\(name).csv", problems: nil, message: "missing from the bundle")
        }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw BundledFrameworkError(file: "\(name).csv", problems: nil, message: "unreadable: \(error)")
        }
    }

    /// Reads and validates one bundled framework.
    public static func load(_ file: File, catalog: UnitCatalog = .standard) throws(BundledFrameworkError) -> Edition {
        let csv = try text(file.rawValue)
        do {
            return try FrameworkCSV.read(csv, catalog: catalog)
        } catch {
            throw BundledFrameworkError(file: "\(file.rawValue).csv", problems: error, message: "invalid framework file")
        }
    }

    /// All of them, in the order of ``File``.
    public static func loadAll(catalog: UnitCatalog = .standard) throws(BundledFrameworkError) -> [Edition] {
        var editions: [Edition] = []
        for file in File.allCases { editions.append(try load(file, catalog: catalog)) }
        return editions
    }

    /// Loaded once per process; the files never change while it runs.
    public static let shared: Result<[Edition], BundledFrameworkError> = Result { () throws(BundledFrameworkError) in
        try loadAll()
    }
}
