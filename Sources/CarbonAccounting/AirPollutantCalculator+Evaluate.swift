import Foundation

extension AirPollutantCalculator {
    /// Calculates one line; with `details` non-nil it also says how, pollutant by pollutant.
    func evaluate(
        _ line: UnsafePointer<Line>, position: Int?, memo: inout AirMemo, details: inout [AirPollutantDetail]?
    ) -> AirPollutantLineResult {
        if let key = line.pointee.notationKey {
            return AirPollutantLineResult(status: .notation(key), amounts: .init(), partialMask: 0)
        }
        guard let position else {
            return AirPollutantLineResult(
                status: .failed([FieldProblem("gpc_ref", "“\(line.pointee.gpcRef)” is not a GPC sub-category")]),
                amounts: .init(),
                partialMask: 0)
        }
        let scope = scopes[position]
        if scope == .three {
            return AirPollutantLineResult(status: .outsideBoundary, amounts: .init(), partialMask: 0)
        }
        let inBoundary = scope == .one
        let boxed = inBoundary ? line.pointee.pollutants : nil
        if let column = boxed?.incompleteColumn {
            return AirPollutantLineResult(
                status: .failed([FieldProblem(column, "is required with city pollutant factors")]), amounts: .init(),
                partialMask: 0)
        }
        let fuelName = line.pointee.fuel
        let vehicle = line.pointee.vehicle
        let slot = memo.slot(position: position, fuel: fuelName, vehicle: vehicle)
        let plan: AirPlan
        if let known = memo.plan(at: slot) {
            plan = known
        } else {
            plan = cache.plan(AirPlanCache.Key(position: position, fuel: fuelName, vehicle: vehicle)) {
                self.plan(position: position, fuel: fuelName, vehicle: vehicle)
            }
            memo.remember(plan, at: slot)
        }
        let bases = self.bases(line.pointee.activity, plan, memoOnly: !inBoundary)
        var amounts = PollutantValues()
        var unconverted: UInt16 = 0
        for term in plan.terms {
            guard let (quantity, divisor) = Self.quantity(term.basis, bases) else {
                unconverted |= 1 << term.pollutant.index
                continue
            }
            amounts[term.pollutant] = (amounts[term.pollutant] ?? 0) + quantity * term.value / divisor
        }
        var partial = plan.gapMask | unconverted
        // Measured amounts and city factors replace the library's, pollutant by pollutant.
        var replaced: UInt16 = 0
        var cityQuantity: Result<Double, FieldProblem>?
        if let boxed {
            let measured = boxed.measured
            let cityValues = boxed.factors?.values ?? PollutantValues()
            for pollutant in AirPollutant.ordered {
                if let value = measured[pollutant] {
                    amounts[pollutant] = value
                } else if let value = cityValues[pollutant], let unit = boxed.factors?.unit {
                    if cityQuantity == nil { cityQuantity = cityActivity(line.pointee.activity, unit, plan) }
                    amounts[pollutant] = (try? cityQuantity?.get()).map { $0 * value * unit.tonnesPerNumerator }
                } else {
                    continue
                }
                replaced |= 1 << pollutant.index
            }
            partial &= ~replaced
        }
        let bcBit: UInt16 = 1 << AirPollutant.bc.index
        if let percent = plan.bcPercent, replaced & bcBit == 0 {
            // BC is the source's share of the line's PM2.5, whatever gave the PM2.5.
            amounts.bc = amounts.pm25.map { $0 * percent / 100 }
            let pm25Partial = partial & (1 << AirPollutant.pm25.index) != 0
            partial = pm25Partial ? partial | bcBit : partial & ~bcBit
        }
        var estimated: UInt16 = 0
        for pollutant in AirPollutant.ordered where amounts[pollutant] != nil { estimated |= 1 << pollutant.index }
        if details != nil {
            details = explanation(
                plan, bases, amounts, activity: line.pointee.activity, measured: boxed?.measured ?? PollutantValues(),
                city: boxed?.factors, cityQuantity: cityQuantity)
        }
        return AirPollutantLineResult(
            status: inBoundary ? .inBoundary : .upstreamMemo, amounts: amounts, partialMask: partial & estimated)
    }

    /// How each amount of `evaluate` was obtained: the same arithmetic, with its factors and reasons.
    private func explanation(
        _ plan: AirPlan, _ bases: Bases, _ amounts: PollutantValues, activity: Activity?, measured: PollutantValues,
        city: PollutantFactors?, cityQuantity: Result<Double, FieldProblem>?
    ) -> [AirPollutantDetail] {
        AirPollutant.ordered.map { pollutant in
            let amount = amounts[pollutant]
            if measured[pollutant] != nil { return .init(pollutant, amount, .measured, [], nil, []) }
            if let city, city.values[pollutant] != nil {
                return .init(
                    pollutant, amount, amount == nil ? .notEstimated : .cityFactor, [], city,
                    amount == nil ? [cityProblem(cityQuantity)] : [])
            }
            if pollutant == .bc, let share = plan.bcShare {
                guard let bc = amount, let pm25 = amounts.pm25 else {
                    return .init(.bc, nil, .notEstimated, [], nil, ["BC is a share of PM2.5, which is not estimated"])
                }
                let part = AirPollutantDetail.Part(
                    component: .shareOfPM25, amount: bc, quantity: pm25, quantityUnit: "t PM2.5", factor: share, note: "")
                return .init(.bc, bc, .library, [part], nil, [])
            }
            var used: [AirPollutantDetail.Part] = []
            var missing = plan.gaps[pollutant.index]
            for term in plan.terms where term.pollutant == pollutant {
                let part = plan.parts[pollutant.index][term.part]
                guard let (quantity, divisor) = Self.quantity(term.basis, bases) else {
                    missing.append(Self.problem(term.basis, bases))
                    continue
                }
                used.append(Self.detailPart(part, quantity * term.value / divisor, quantity, activity, plan))
            }
            return .init(pollutant, amount, amount == nil ? .notEstimated : .library, used, nil, missing)
        }
    }

    static func detailPart(_ part: AirPlan.Part, _ amount: Double, _ quantity: Double, _ activity: Activity?, _ plan: AirPlan)
        -> AirPollutantDetail.Part
    {
        // Road quantities derived through the Tier 1 fuel consumption say so.
        let fromVehicleKm = activity?.unit.dimension == .vehicleDistance
        let consumption = plan.gramsPerKm.map { "\(LineColumns.format($0)) g/km, \(RoadTier1.fuelConsumptionTable)" } ?? ""
        let (shown, note): (Double, String) =
            switch part.factor.unit {
            case .gramsPerKgFuel: (quantity * 1000, fromVehicleKm ? "fuel = vehicle-km × \(consumption)" : "")
            case .gramsPerTonneFuel: (quantity, fromVehicleKm ? "fuel = vehicle-km × \(consumption)" : "")
            case .gramsPerVehicleKm: (quantity, fromVehicleKm ? "" : "vehicle-km = fuel ÷ \(consumption)")
            default: (quantity, "")
            }
        return .init(
            component: part.component, amount: amount, quantity: shown, quantityUnit: part.factor.unit.perUnit ?? "",
            factor: part.factor, note: note)
    }

    /// The activity in the unit of a city factor (through the fuel's NCV and density as needed).
    func cityActivity(_ activity: Activity?, _ unit: FactorUnit, _ plan: AirPlan) -> Result<Double, FieldProblem> {
        guard let activity else {
            return .failure(FieldProblem("activity_value", "is required with city pollutant factors"))
        }
        return UnitConversion.convert(activity, to: unit.denominator, fuel: plan.fuel, ncv: plan.ncv, density: plan.density)
    }

    func cityProblem(_ result: Result<Double, FieldProblem>?) -> String {
        if case .failure(let problem) = result { return "the city factor cannot apply: \(problem.message)" }
        return ""
    }
}

extension AirPollutantDetail {
    init(
        _ pollutant: AirPollutant, _ amount: Double?, _ method: Method, _ parts: [Part], _ city: PollutantFactors?,
        _ missing: [String]
    ) {
        self.init(pollutant: pollutant, amount: amount, method: method, parts: parts, cityFactors: city, missing: missing)
    }
}
