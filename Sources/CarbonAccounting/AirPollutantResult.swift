import Foundation

/// Which part of a source a pollutant amount comes from.
public enum AirComponent: String, Sendable, CaseIterable, Codable {
    /// Stationary or non-road combustion (per GJ or per mass of fuel).
    case combustion
    /// Road exhaust (per kg of fuel).
    case exhaust
    /// Road tyre and brake wear (1.A.3.b.vi, per vehicle-km).
    case tyreAndBrakeWear = "tyre_and_brake_wear"
    /// Road surface abrasion (1.A.3.b.vii, per vehicle-km).
    case roadAbrasion = "road_abrasion"
    /// Black carbon as the source's share of the line's PM2.5.
    case shareOfPM25 = "share_of_pm25"
}

/// The pollutants of one line. Amounts are tonnes; nil = not estimated (never zero), with the
/// reason in `AirPollutantCalculator.explain`.
public struct AirPollutantLineResult: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// Emitted inside the city boundary (scope 1): counts in the city's pollutant totals.
        case inBoundary
        /// Grid-supplied energy (scope 2): emitted at the power plant, a memo outside every total.
        case upstreamMemo
        /// Scope 3: outside the boundary; no pollutants.
        case outsideBoundary
        case notation(NotationKey)
        case failed([FieldProblem])
    }

    public let status: Status
    public let amounts: PollutantValues
    /// One bit per pollutant (`AirPollutant.index`): the amount leaves out a part without a factor.
    let partialMask: UInt16

    /// Estimated, but a part of the source has no factor (e.g. road PM10 without exhaust PM10).
    public func isPartial(_ pollutant: AirPollutant) -> Bool { partialMask & (1 << pollutant.index) != 0 }

    public var problems: [FieldProblem] {
        if case .failed(let problems) = status { return problems }
        return []
    }
}

/// How one pollutant of one line was obtained, for display and export: every factor with its
/// table, edition and confidence interval, and a reason for every part not estimated.
public struct AirPollutantDetail: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable, Codable {
        /// The library's EMEP/EEA Tier 1 factors of the inventory's edition.
        case library
        /// Measured directly on the line.
        case measured
        /// A city-specific factor with its source and reason.
        case cityFactor = "city_factor"
        case notEstimated = "not_estimated"
    }

    /// One factor applied to one quantity.
    public struct Part: Sendable, Hashable {
        public let component: AirComponent
        /// Tonnes.
        public let amount: Double
        /// What the factor was applied to, in `quantityUnit` (GJ, kg fuel, t fuel, vehicle-km, t PM2.5).
        public let quantity: Double
        public let quantityUnit: String
        public let factor: AirPollutantFactor
        /// How the quantity was obtained when it took more than a unit conversion.
        public let note: String
    }

    public let pollutant: AirPollutant
    /// Tonnes; nil when not estimated.
    public let amount: Double?
    public let method: Method
    public let parts: [Part]
    /// The city factor used (method `cityFactor`): value in `cityFactors.unit`, source and reason.
    public let cityFactors: PollutantFactors?
    /// Why the amount is missing or leaves out a part.
    public let missing: [String]
}
