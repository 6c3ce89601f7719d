import Foundation

extension LineParser {
    /// The library factor a line without factors takes: the one named in `ef_id`, else the default
    /// for its fuel and sub-category.
    func defaults(ref: String, fuel: String, id: String, _ library: FactorLibrary, _ fuels: FuelTable) -> Result<
        EmissionFactor, FieldProblem
    > {
        guard !id.isEmpty else { return library.defaultFactor(for: ref, fuel: fuel, fuels: fuels) }
        guard let factor = library[id] else {
            return .failure(FieldProblem("ef_id", "“\(id)” is not a factor of the library"))
        }
        guard factor.gpcRefs.contains(ref) else {
            return .failure(
                FieldProblem("ef_id", "“\(id)” is meant for \(factor.gpcRefs.joined(separator: ", ")), not for \(ref)"))
        }
        if !fuel.isEmpty && !factor.fuel.isEmpty
            && fuels[fuel].map({ Fuel.normalise($0.name) }) != Fuel.normalise(factor.fuel)
        {
            return .failure(FieldProblem("fuel", "“\(fuel)” is not the fuel of \(id) (\(factor.fuel))"))
        }
        return .success(factor)
    }

    /// `ef_id` says which library factor a line's factors are: it must exist, and factors typed
    /// beside it must be that factor's, so that an export never cites a factor it does not use.
    func checkFactorID(_ id: String, factors: Factors?, typed: Bool, method: WasteMethod?, measured: Measured) -> [FieldProblem] {
        guard !id.isEmpty else { return [] }
        if method != nil || measured.co2 != nil || measured.ch4 != nil || measured.n2o != nil {
            return [FieldProblem("ef_id", "names emission factors; a line with a method or measured emissions has none")]
        }
        guard typed, let library else { return [] }
        guard let factor = library[id] else { return [FieldProblem("ef_id", "“\(id)” is not a factor of the library")] }
        guard let factors else { return [] }
        func perBase(_ value: Double?, _ unit: FactorUnit) -> Double? {
            value.map { $0 * unit.tonnesPerNumerator / unit.denominator.inBase }
        }
        func same(_ typed: Double?, _ library: Double?) -> Bool {
            switch (perBase(typed, factors.unit), perBase(library, factor.unit)) {
            case (nil, nil): true
            case (let a?, let b?): abs(a - b) <= 1e-12 * max(abs(a), abs(b))
            default: false
            }
        }
        guard factors.unit.denominator.dimension == factor.unit.denominator.dimension, same(factors.co2, factor.co2),
            same(factors.ch4, factor.ch4), same(factors.n2o, factor.n2o)
        else {
            return [
                FieldProblem(
                    "ef_id",
                    "the factors differ from library factor \(id); clear ef_id for factors of your own, or the factors to take it"
                )
            ]
        }
        return []
    }
}
