import Foundation

/// Fuel or energy an action avoids in a year, where it would have been used: what an action's
/// expected reduction can be stated as, so that its CO2e and pollutant reductions follow from
/// the same factors as the inventory. A negative amount is fuel added (the gas that replaces coal).
public struct EnergyAvoided: Sendable, Hashable {
    /// The GPC sub-category where the fuel would have been burnt (e.g. I.1.1 for homes).
    public var gpcRef: String
    public var fuel: String
    public var amount: Activity
    /// For on-road fuel: the vehicle class that chooses the road pollutant factors.
    public var vehicle: VehicleClass?
    /// A library factor for the greenhouse gases where the fuel's default is ambiguous (petrol cars
    /// by technology) or there is none (grid electricity).
    public var factorID: String

    public init(gpcRef: String, fuel: String = "", amount: Activity, vehicle: VehicleClass? = nil, factorID: String = "") {
        self.gpcRef = gpcRef
        self.fuel = fuel
        self.amount = amount
        self.vehicle = vehicle
        self.factorID = factorID
    }
}

/// The reductions that follow from energy avoided: CO2e under a GWP set and the air pollutants of
/// an edition, each from the library's default factors with their provenance.
public struct CoBenefitEstimate: Sendable, Hashable {
    public let set: GWPSet
    public let edition: AirPollutantEdition
    /// The greenhouse-gas factor used.
    public let factor: EmissionFactor
    /// Tonnes of each gas avoided (biogenic CO2 as a memo, never in `co2e`).
    public let gases: GasAmounts
    /// t CO2e avoided.
    public let co2e: Double
    /// Tonnes avoided inside the city boundary (scope-1 sub-categories); nil = not estimated.
    public let pollutants: PollutantValues
    /// Tonnes avoided at the power plants for grid energy (scope 2): a memo, not the city's air.
    public let upstreamPowerPlant: PollutantValues
    /// How each pollutant was obtained, or why it is not estimated.
    public let details: [AirPollutantDetail]
}

extension ReferenceData {
    /// The CO2e and pollutant reductions of energy avoided. Pure: the same defaults, conversions
    /// and rules as an inventory line with that fuel, sub-category and activity.
    public func coBenefits(
        of avoided: EnergyAvoided, set: GWPSet, edition: AirPollutantEdition = .current, region: String? = nil
    ) -> Result<CoBenefitEstimate, FieldProblems> {
        guard tree[avoided.gpcRef] != nil else {
            return .failure(FieldProblems([FieldProblem("gpc_ref", "“\(avoided.gpcRef)” is not a GPC sub-category")]))
        }
        guard avoided.amount.value.isFinite else {
            return .failure(FieldProblems([FieldProblem("activity_value", "must be a number")]))
        }
        guard !avoided.fuel.isEmpty || !avoided.factorID.isEmpty else {
            return .failure(FieldProblems([FieldProblem("fuel", "is required (or a library factor in ef_id)")]))
        }
        let factor: EmissionFactor
        switch parser.defaults(ref: avoided.gpcRef, fuel: avoided.fuel, id: avoided.factorID, library, fuels) {
        case .success(let found): factor = found
        case .failure(let problem): return .failure(FieldProblems([problem]))
        }
        let line = Line(
            gpcRef: avoided.gpcRef, activity: avoided.amount, fuel: avoided.fuel.isEmpty ? factor.fuel : avoided.fuel,
            factors: Factors(co2: factor.co2, ch4: factor.ch4, n2o: factor.n2o, unit: factor.unit), factorID: factor.id,
            vehicle: avoided.vehicle)
        let greenhouse = calculator(set: set).calculate(line)
        guard let co2e = greenhouse.co2e else { return .failure(FieldProblems(greenhouse.problems)) }
        let air = airPollutantCalculator(edition: edition, region: region)
        let result = air.calculate(line)
        let inBoundary = result.status == .inBoundary
        return .success(
            CoBenefitEstimate(
                set: set, edition: edition, factor: factor, gases: greenhouse.gases, co2e: co2e,
                pollutants: inBoundary ? result.amounts : PollutantValues(),
                upstreamPowerPlant: result.status == .upstreamMemo ? result.amounts : PollutantValues(),
                details: air.explain(line)))
    }
}
