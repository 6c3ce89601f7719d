/// A yearly series (population, GDP, emissions) read by linear interpolation between known
/// years, and never extrapolated: outside the known years the value is missing, with the reason.
public struct Series: Sendable, Hashable {
    public let points: [Int: Double]

    public init(_ points: [Int: Double]) { self.points = points }

    public enum Lookup: Sendable, Hashable {
        case known(Double)
        /// Between two known years: the linear interpolation and the years it was made from.
        case interpolated(Double, from: Int, to: Int)
        /// Outside the known years (or no data at all).
        case missing(reason: String)

        public var value: Double? {
            switch self {
            case .known(let value), .interpolated(let value, _, _): value
            case .missing: nil
            }
        }
    }

    public func value(in year: Int) -> Lookup {
        if let known = points[year] { return .known(known) }
        let years = points.keys.sorted()
        guard let first = years.first, let last = years.last else { return .missing(reason: "no values at all") }
        guard year > first && year < last else {
            return .missing(reason: "\(year) is outside the known years \(first)–\(last); values are not extrapolated")
        }
        let before = years.last { $0 < year }!
        let after = years.first { $0 > year }!
        let a = points[before]!
        let b = points[after]!
        // Linear between the nearest known years: a + (b − a) × (year − before) / (after − before).
        return .interpolated(a + (b - a) * Double(year - before) / Double(after - before), from: before, to: after)
    }
}
