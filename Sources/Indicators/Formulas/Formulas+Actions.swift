extension Formulas.Context {
    /// The grid factor of the assessment year or the latest before it.
    func gridFactor() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let factor = try latest(inputs.gridFactors, year: \.year, what: "grid emission factor")
            let input = FormulaInput(
                role: "grid factor", year: factor.year,
                detail: "\(displayNumber(factor.value)) t CO2/MWh; source: \(factor.source)")
            return ComputedValue(value: factor.value, unit: "t CO2/MWh", year: factor.year, basis: .none, inputs: [input])
        }
    }

    /// Generated municipal solid waste (t) × 1,000 ÷ resident population of the same year.
    func wastePerPerson() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let waste = try latest(
                inputs.waste.filter { $0.generatedTonnes != nil }, year: \.year, what: "generated waste figure")
            guard let generated = waste.generatedTonnes else { throw Formulas.Missing("no generated waste figure") }
            let population = try population(near: waste.year)
            let input = FormulaInput(
                role: "waste", year: waste.year, detail: "\(displayNumber(generated)) t generated; source: \(waste.source)")
            return ComputedValue(
                value: generated * 1000 / population.value, unit: "kg/person/yr", year: waste.year, basis: .none,
                inputs: [input, describe(population)])
        }
    }

    /// Landfilled ÷ generated × 100, from the same year's waste lines.
    func landfillShare() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let complete = inputs.waste.filter { $0.generatedTonnes != nil && $0.landfilledTonnes != nil }
            let waste = try latest(complete, year: \.year, what: "waste figure with both generated and landfilled tonnes")
            guard let generated = waste.generatedTonnes, let landfilled = waste.landfilledTonnes, generated > 0 else {
                throw Formulas.Missing("no positive generated waste in \(waste.year)")
            }
            let input = FormulaInput(
                role: "waste", year: waste.year,
                detail:
                    "\(displayNumber(landfilled)) t landfilled of \(displayNumber(generated)) t generated; source: \(waste.source)"
            )
            return ComputedValue(value: landfilled / generated * 100, unit: "%", year: waste.year, basis: .none, inputs: [input])
        }
    }

    /// Actions in progress or completed ÷ all actions not cancelled × 100. A cancelled action
    /// leaves the count: dropping an action that turned out wrong is not a failure to implement.
    func actionImplementationShare() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let live = inputs.actions.filter { $0.status != .cancelled }
            guard !live.isEmpty else { throw Formulas.Missing("no actions are recorded") }
            let implemented = live.filter { $0.status == .inProgress || $0.status == .completed }.count
            let input = FormulaInput(
                role: "actions", year: nil,
                detail:
                    "\(implemented) of \(live.count) actions in progress or completed (\(inputs.actions.count - live.count) cancelled, not counted)"
            )
            return ComputedValue(
                value: Double(implemented) / Double(live.count) * 100, unit: "%", year: nil, basis: .none, inputs: [input])
        }
    }

    /// Σ achieved ÷ Σ expected × 100 over actions in progress or completed that state both and
    /// expect a positive reduction. An action without an achieved figure is left out, not read as 0.
    func achievedVsExpected() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let underway = inputs.actions.filter { $0.status == .inProgress || $0.status == .completed }
            let known = underway.filter { ($0.expectedAnnualReduction ?? 0) > 0 && $0.achievedAnnualReduction != nil }
            guard !known.isEmpty else {
                throw Formulas.Missing("no action in progress or completed states both expected and achieved reductions")
            }
            var expected = 0.0
            var achieved = 0.0
            for action in known {
                expected += action.expectedAnnualReduction ?? 0
                achieved += action.achievedAnnualReduction ?? 0
            }
            let input = FormulaInput(
                role: "actions", year: nil,
                detail:
                    "\(displayNumber(achieved)) of \(displayNumber(expected)) t CO2e/yr expected, over \(known.count) of \(underway.count) actions under way or done"
            )
            return ComputedValue(value: achieved / expected * 100, unit: "%", year: nil, basis: .none, inputs: [input])
        }
    }

    /// Reduction % ÷ (target year − base year): percentage points of base-year emissions per year.
    /// Linear, not compound, so that a net-zero target (−100 %) has a finite rate. Only
    /// base-year absolute targets: an intensity target's absolute ambition depends on growth.
    func targetAmbition() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            guard let target = inputs.primaryTarget else { throw Formulas.Missing("the city has no primary target") }
            guard target.kind == .baseYearAbsolute else {
                throw Formulas.Missing(
                    "the primary target is \(target.kind.rawValue): only base-year absolute targets compare on ambition without a growth forecast"
                )
            }
            guard let baseYear = target.baseYear, let reduction = target.reductionPercent, target.targetYear > baseYear else {
                throw Formulas.Missing("the primary target lacks a base year, a reduction or a target year after the base year")
            }
            let input = FormulaInput(
                role: "target", year: target.targetYear,
                detail: "−\(displayNumber(reduction)) % from \(baseYear) by \(target.targetYear); source: \(target.source)")
            return ComputedValue(
                value: reduction / Double(target.targetYear - baseYear), unit: "%/yr", year: nil, basis: .none, inputs: [input])
        }
    }

    /// The target engine's % achieved, only when measured on the target's own basis.
    func targetProgress() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            guard let target = inputs.primaryTarget else { throw Formulas.Missing("the city has no primary target") }
            guard let achieved = target.percentAchieved else {
                throw Formulas.Missing("progress of the primary target is not known")
            }
            guard target.progressOnTargetBasis else {
                throw Formulas.Missing("progress is only an estimate on another basis than the target's: shown, not scored")
            }
            let input = FormulaInput(
                role: "target", year: target.progressYear,
                detail:
                    "\(displayNumber(achieved)) % of the targeted reduction achieved by \(target.progressYear.map(String.init) ?? "?"); source: \(target.source)"
            )
            return ComputedValue(value: achieved, unit: "%", year: target.progressYear, basis: .none, inputs: [input])
        }
    }

    /// Covered ÷ required GPC cells × 100 (GPC v1.1 §3.4: every source of the level is reported as
    /// a number or a notation key).
    func inventoryCompleteness() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let inventory = try inventory()
            guard let required = inventory.requiredCells, let covered = inventory.coveredCells, required > 0 else {
                throw Formulas.Missing("the completeness of the \(inventory.year) inventory is not known")
            }
            let input = FormulaInput(
                role: "inventory", year: inventory.year,
                detail: "\(covered) of \(required) required cells reported, \(inventory.year) version \(inventory.version)")
            return ComputedValue(
                value: Double(covered) / Double(required) * 100, unit: "%", year: inventory.year, basis: .none, inputs: [input])
        }
    }

    /// 1 when the inventory is verified, 0 when it is known not to be.
    func inventoryVerification() -> FormulaResult {
        Formulas.attempt { () throws(Formulas.Missing) in
            let inventory = try inventory()
            guard let verified = inventory.verified else {
                throw Formulas.Missing("whether the \(inventory.year) inventory is verified is not known")
            }
            let input = FormulaInput(
                role: "inventory", year: inventory.year,
                detail: "\(inventory.year) version \(inventory.version) \(verified ? "verified" : "not verified")")
            return ComputedValue(value: verified ? 1 : 0, unit: "yes/no", year: inventory.year, basis: .none, inputs: [input])
        }
    }
}
