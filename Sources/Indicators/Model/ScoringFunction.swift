/// Whether a larger value of a quantitative item is better or worse.
public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"

    /// True when `a` is strictly better than `b` in this direction.
    public func isBetter(_ a: Double, than b: Double) -> Bool {
        self == .higherIsBetter ? a > b : a < b
    }
}

/// One step of a stepped scoring function: a value at `bound` or better earns `score`.
public struct Step: Sendable, Hashable, Codable {
    public let bound: Double
    /// 0–100.
    public let score: Double

    public init(bound: Double, score: Double) {
        self.bound = bound
        self.score = score
    }
}

/// Turns a quantitative value into a score from 0 to 100.
///
/// The two shapes are the ones the low-carbon indices use (`low_carbon_indices.md`: ELITE's
/// "point calculation function" between a baseline and a benchmark [RECALLED], CASS's benchmark
/// per indicator), and CEUK's tiered questions (`peer_review_methods.md` §3.3) for steps.
public enum ScoringFunction: Sendable, Hashable, Codable {
    /// 0 at `floor`, 100 at `benchmark`, straight in between, clamped outside. For a
    /// lower-is-better item the floor is the larger number.
    case linear(floor: Double, benchmark: Double)
    /// Steps ordered from the weakest to the best; a value earns the score of the best step it
    /// reaches (at its bound or better), and 0 when it reaches none.
    case stepped([Step])

    /// The score of `value`, exact (no rounding).
    public func score(_ value: Double, direction: Direction) -> Double {
        switch self {
        case .linear(let floor, let benchmark):
            let position = (value - floor) / (benchmark - floor)
            if position <= 0 { return 0 }
            if position >= 1 { return 100 }
            return position * 100
        case .stepped(let steps):
            var score = 0.0
            for step in steps {
                let reached = direction == .higherIsBetter ? value >= step.bound : value <= step.bound
                if reached { score = step.score } else { break }
            }
            return score
        }
    }
}
