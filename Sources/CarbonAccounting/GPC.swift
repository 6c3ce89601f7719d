import Foundation

/// The GPC reporting tree (GPC v1.1, as transcribed in `Resources/reference/gpc_structure.csv`).
public enum Sector: String, Sendable, CaseIterable, Comparable, Codable {
    case stationaryEnergy = "I"
    case transportation = "II"
    case waste = "III"
    case ippu = "IV"
    case afolu = "V"
    case otherScope3 = "VI"

    public var name: String {
        switch self {
        case .stationaryEnergy: "Stationary energy"
        case .transportation: "Transportation"
        case .waste: "Waste"
        case .ippu: "Industrial processes and product use (IPPU)"
        case .afolu: "Agriculture, forestry and other land use (AFOLU)"
        case .otherScope3: "Other scope 3"
        }
    }

    public static func < (lhs: Sector, rhs: Sector) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum Scope: Int, Sendable, CaseIterable, Comparable, Codable {
    case one = 1
    case two = 2
    case three = 3
    public static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One reporting cell of the GPC: a sub-category with its scope and the totals it belongs to.
public struct SubCategory: Sendable, Hashable {
    public let ref: String
    public let sector: Sector
    public let subsectorRef: String
    public let subsectorName: String
    public let name: String
    public let scope: Scope
    /// Counts in BASIC (GPC Table 3.1: I and II scopes 1–2, III scopes 1 and 3).
    public let inBasic: Bool
    /// Counts in BASIC+ (adds I and II scope 3, IV and V).
    public let inBasicPlus: Bool
    /// Scope 1 but reported only in the territorial total (I.4.4 and III.x.3): counting it in
    /// BASIC would count the same emissions twice (grid energy, others' waste).
    public let territorialOnly: Bool

    public var inTerritorial: Bool { scope == .one }

    public func counts(in basis: TotalBasis) -> Bool {
        switch basis {
        case .territorial: inTerritorial
        case .basic: inBasic
        case .basicPlus: inBasicPlus
        }
    }
}

/// The three totals of a GPC inventory.
public enum TotalBasis: String, Sendable, CaseIterable, Codable {
    case territorial, basic
    case basicPlus = "basic_plus"
}

/// The reporting level a city chooses for an inventory.
public enum ReportingLevel: String, Sendable, CaseIterable, Codable {
    case basic = "BASIC"
    case basicPlus = "BASIC+"

    public var basis: TotalBasis { self == .basic ? .basic : .basicPlus }

    public static func parse(_ text: String) -> ReportingLevel? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "basic": .basic
        case "basic+", "basic_plus", "basicplus", "basic-plus": .basicPlus
        default: nil
        }
    }

    public func requires(_ subCategory: SubCategory) -> Bool { subCategory.counts(in: basis) }
}

public struct GPCTree: Sendable {
    public let subCategories: [SubCategory]
    private let index: [String: Int]
    /// Position by `slot(of:)`, -1 where no sub-category: the per-line fast path.
    private let direct: [Int]

    public init(subCategories: [SubCategory]) {
        self.subCategories = subCategories
        var index: [String: Int] = [:]
        var direct = Array(repeating: -1, count: 6400)
        for (position, item) in subCategories.enumerated() {
            index[item.ref] = position
            if let slot = Self.slot(of: item.ref), slot < direct.count { direct[slot] = position }
        }
        self.index = index
        self.direct = direct
    }

    public subscript(ref: String) -> SubCategory? { index[ref].map { subCategories[$0] } }

    public func position(of ref: String) -> Int? {
        if let slot = Self.slot(of: ref), slot < direct.count {
            let position = direct[slot]
            // "I.01.1" has the slot of "I.1.1" but is not a GPC reference: the text must match.
            return position >= 0 && subCategories[position].ref == ref ? position : nil
        }
        return index[ref]
    }

    /// A GPC reference as a small integer (sector × 100 + sub-sector × 10 + sub-category), read from
    /// its bytes: looking up every line's reference this way avoids hashing a string per line.
    static func slot(of ref: String) -> Int? {
        var sector = 0
        var first = -1
        var second = -1
        var current = -1
        var dots = 0
        for byte in ref.utf8 {
            switch byte {
            case UInt8(ascii: "I"), UInt8(ascii: "V"):
                guard dots == 0 else { return nil }
                // Base-4 digits I = 1, V = 2: I 1, II 5, III 21, IV 6, V 2, VI 9 (all distinct).
                sector = sector * 4 + (byte == UInt8(ascii: "I") ? 1 : 2)
                guard sector < 64 else { return nil }
            case UInt8(ascii: "."):
                if dots == 1 {
                    guard current >= 0 else { return nil }
                    first = current
                } else if dots > 1 {
                    return nil
                }
                dots += 1
                current = -1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard dots > 0, current < 0 else { return nil }
                current = Int(byte - UInt8(ascii: "0"))
            default: return nil
            }
        }
        guard sector > 0, current >= 0 else { return nil }
        if dots == 1 { first = current } else { second = current }
        return sector * 100 + first * 10 + max(second, 0)
    }

    public func subCategories(in sector: Sector) -> [SubCategory] { subCategories.filter { $0.sector == sector } }

    /// Builds the tree from `gpc_structure.csv`; every row must be complete and consistent.
    public static func parse(csv text: String) throws -> GPCTree {
        var items: [SubCategory] = []
        for (offset, row) in try CSV.table(text).enumerated() {
            let line = offset + 2
            func field(_ name: String) throws -> String {
                guard let value = row[name], !value.isEmpty else {
                    throw ReferenceDataError(file: "gpc_structure.csv", line: line, message: "missing \(name)")
                }
                return value
            }
            func flag(_ name: String) throws -> Bool { try field(name) == "True" }
            guard let sector = Sector(rawValue: try field("sector_refno")),
                let scopeNumber = Int(try field("scope")), let scope = Scope(rawValue: scopeNumber)
            else { throw ReferenceDataError(file: "gpc_structure.csv", line: line, message: "bad sector or scope") }
            let subcategoryName = row["subcategory"] ?? ""
            items.append(
                SubCategory(
                    ref: try field("gpc_ref"), sector: sector, subsectorRef: try field("subsector_refno"),
                    subsectorName: try field("subsector"),
                    name: subcategoryName.isEmpty ? try field("subsector") : subcategoryName, scope: scope,
                    inBasic: try flag("in_basic"), inBasicPlus: try flag("in_basic_plus"),
                    territorialOnly: try flag("territorial_only")))
        }
        return GPCTree(subCategories: items)
    }
}

public struct ReferenceDataError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file) line \(line): \(message)" }
}
