/// The five numbers of a box plot, over the ranked figures.
///
/// Quartiles interpolate linearly between order statistics: with the n values sorted, the
/// p-quantile is at position h = (n − 1)·p, between x⌊h⌋ and x⌊h⌋+1 (Hyndman & Fan's type 7, the
/// default of R and NumPy), so any reader can recompute them.
public struct Distribution: Sendable, Hashable {
    public let count: Int
    public let minimum: Double
    public let lowerQuartile: Double
    public let median: Double
    public let upperQuartile: Double
    public let maximum: Double

    /// Nil for no values.
    public init?(_ values: [Double]) {
        let sorted = values.sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        count = sorted.count
        minimum = first
        maximum = last
        lowerQuartile = Self.quantile(sorted, 0.25)
        median = Self.quantile(sorted, 0.5)
        upperQuartile = Self.quantile(sorted, 0.75)
    }

    /// Type-7 quantile of sorted, non-empty values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        guard lower + 1 < sorted.count, fraction > 0 else { return sorted[lower] }
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
    }
}
