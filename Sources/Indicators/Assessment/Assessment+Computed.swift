extension Assessment {
    /// The assessment with every computed item of `edition` (re)computed from `inputs` for its
    /// year. An explicitly excluded computed item stays excluded; a formula without inputs gives
    /// `.missing(reason)`.
    public func computing(
        _ edition: Edition, from inputs: CityIndicatorInputs, settings: FormulaSettings = FormulaSettings(),
        catalog: UnitCatalog = .standard
    ) -> Assessment {
        var copy = self
        for item in edition.items {
            guard let formula = item.formula, case .quantitative(let spec) = item.kind else { continue }
            if case .excluded = responses[item.id]?.answer { continue }
            let result = Formulas.evaluate(
                formula, inputs: inputs, year: year, unit: spec.unit, settings: settings, catalog: catalog)
            switch result {
            case .value(let computed):
                copy.responses[item.id] = ItemResponse(.value(computed.value), computed: computed)
            case .missing(let reason):
                copy.responses[item.id] = ItemResponse(.missing(reason: reason))
            }
        }
        return copy
    }
}
