import Foundation

/// Gases of one line, tonnes. `nil` = not estimated by this line (never zero by default).
public struct GasAmounts: Sendable, Hashable {
    public var co2: Double?
    public var ch4: Double?
    public var n2o: Double?
    public var otherSpecies: String?
    public var other: Double?
    /// Biogenic CO2: a memo item, never in a total.
    public var biogenicCO2: Double?

    public init(
        co2: Double? = nil, ch4: Double? = nil, n2o: Double? = nil, otherSpecies: String? = nil, other: Double? = nil,
        biogenicCO2: Double? = nil
    ) {
        self.co2 = co2
        self.ch4 = ch4
        self.n2o = n2o
        self.otherSpecies = otherSpecies
        self.other = other
        self.biogenicCO2 = biogenicCO2
    }

    /// No gas given at all (a line's measured columns are empty).
    public var isEmpty: Bool { co2 == nil && ch4 == nil && n2o == nil && other == nil && biogenicCO2 == nil }
}

/// The GPC waste methods (GPC v1.1 chapter 8, IPCC 2006 Vol. 5). Each takes the line's activity
/// (waste in tonnes, or population) and its parameters; defaults are the values of
/// `waste_parameters.csv`, and a default the reference marks uncertain is never assumed.
enum WasteMethods {
    /// CH4 per C molecular weight ratio (GPC Eq. 8.4).
    static let methanePerCarbon = 16.0 / 12.0
    static let co2PerCarbon = 44.0 / 12.0
    static let n2oPerNitrogen = 44.0 / 28.0

    static func compute(
        _ method: WasteMethod, activity: Activity, parameters text: String, year: Int?
    ) -> Result<GasAmounts, FieldProblems> {
        let parameters = Parameters(text)
        return compute(method, activity: activity, parameters: parameters, unknown: parameters.unknown(for: method), year: year)
    }

    /// With the parameters already read (a run memoises them per text: many lines share one set).
    static func compute(
        _ method: WasteMethod, activity: Activity, parameters read: Parameters, unknown: [FieldProblem], year: Int?
    ) -> Result<GasAmounts, FieldProblems> {
        var parameters = read
        var amounts = GasAmounts()
        var problems: [FieldProblem] = []
        let isPopulation = activity.unit.dimension == .population
        if method == .wastewater ? !isPopulation : activity.unit.dimension != .mass {
            let expected = method == .wastewater ? "person" : "a mass (t, kg, Gg)"
            return .failure(FieldProblems([FieldProblem("activity_unit", "\(method.rawValue) needs activity in \(expected)")]))
        }
        let tonnes = activity.value * activity.unit.inBase
        switch method {
        case .methaneCommitment:
            let doc = degradableCarbon(&parameters)
            let mcf = parameters.number("mcf", in: 0...1)
            let docf = parameters.number("docf", default: 0.6, in: 0...1)
            let f = parameters.number("f", default: 0.5, in: 0...1)
            let ox = parameters.number("ox", default: 0, in: 0...1)
            let frec = parameters.number("frec", default: 0, in: 0...1)
            if let doc, let mcf, let docf, let f, let ox, let frec {
                // GPC Eq. 8.3–8.4: CH4 = MSW × L0 × (1 − frec) × (1 − OX), L0 = MCF × DOC × DOCf × F × 16/12.
                let l0 = mcf * doc * docf * f * methanePerCarbon
                amounts.ch4 = tonnes * l0 * (1 - frec) * (1 - ox)
            }
        case .firstOrderDecay:
            let doc = degradableCarbon(&parameters)
            let mcf = parameters.number("mcf", in: 0...1)
            let docf = parameters.number("docf", default: 0.5, in: 0...1)
            let f = parameters.number("f", default: 0.5, in: 0...1)
            let ox = parameters.number("ox", default: 0, in: 0...1)
            let k = parameters.number("k", in: 0...5)
            let recovered = parameters.number("recovered_t", default: 0, in: 0...Double.greatestFiniteMagnitude)
            let history = depositHistory(parameters.text("history"), year: year, problems: &problems)
            if let doc, let mcf, let docf, let f, let ox, let k, let recovered, let history {
                // IPCC 2006 Vol. 5 Eq. 3.4–3.6 without the delay: DDOCm deposited in year x starts
                // to decay on 1 January of year x + 1.
                // DDOCma(T) = DDOCmd(T) + DDOCma(T−1)·e^−k; decomposed(T) = DDOCma(T−1)·(1 − e^−k).
                let decay = exp(-k)
                var accumulated = 0.0
                for deposit in history { accumulated = deposit * doc * docf * mcf + accumulated * decay }
                let decomposed = accumulated * (1 - decay)
                let generated = decomposed * f * methanePerCarbon
                amounts.ch4 = (generated - recovered) * (1 - ox)
                if generated < recovered {
                    problems.append(FieldProblem("parameters", "recovered_t exceeds the CH4 generated (\(generated) t)"))
                }
            }
        case .biologicalTreatment:
            let treatment = parameters.text("treatment")?.lowercased()
            let basis = parameters.text("basis")?.lowercased()
            // IPCC 2006 Vol. 5 Table 4.1 (g gas per kg waste treated).
            var defaultCH4: Double?
            var defaultN2O: Double?
            switch (treatment, basis) {
            case ("composting", "dry"): (defaultCH4, defaultN2O) = (10, 0.6)
            // Wet-weight N2O for composting is 0.24 or 0.3 depending on the source (UNCERTAIN in
            // waste_parameters.csv): the user must state it.
            case ("composting", "wet"): defaultCH4 = 4
            case ("anaerobic_digestion", "dry"): defaultCH4 = 2
            case ("anaerobic_digestion", "wet"): defaultCH4 = 0.8
            case (nil, nil): break
            default:
                problems.append(
                    FieldProblem("parameters", "treatment must be composting or anaerobic_digestion and basis wet or dry"))
            }
            let efCH4 =
                parameters.has("ef_ch4_g_per_kg") || defaultCH4 == nil
                ? parameters.number("ef_ch4_g_per_kg", in: 0...1000) : defaultCH4
            let efN2O =
                parameters.has("ef_n2o_g_per_kg") || (defaultN2O == nil && treatment == "composting")
                ? parameters.number("ef_n2o_g_per_kg", in: 0...1000) : defaultN2O
            let recovered = parameters.number("recovered_t", default: 0, in: 0...Double.greatestFiniteMagnitude)
            // GPC Eq. 8.6: CH4 = Σ(m × EF) × 10⁻³ − R; g/kg equals kg/t, so t × kg/t ÷ 1000 = t.
            if let efCH4, let recovered { amounts.ch4 = tonnes * efCH4 / 1000 - recovered }
            if let efN2O { amounts.n2o = tonnes * efN2O / 1000 }
        case .incineration, .openBurning:
            let dm = parameters.number("dm", in: 0...1)
            let cf = parameters.number("cf", in: 0...1)
            let fcf = parameters.number("fcf", in: 0...1)
            let of = parameters.number("of", default: method == .incineration ? 1.0 : 0.58, in: 0...1)
            if let dm, let cf, let fcf, let of {
                // IPCC 2006 Vol. 5 Eq. 5.1 / GPC Eq. 8.7: CO2 = m × dm × CF × FCF × OF × 44/12; the
                // non-fossil share of the carbon is biogenic CO2.
                let carbon = tonnes * dm * cf * of
                amounts.co2 = carbon * fcf * co2PerCarbon
                amounts.biogenicCO2 = carbon * (1 - fcf) * co2PerCarbon
            }
            if let efCH4 = parameters.optionalNumber("ef_ch4_kg_per_gg", in: 0...1e6) {
                // kg CH4 per Gg waste: t ÷ 1000 = Gg; × EF = kg; ÷ 1000 = t.
                amounts.ch4 = tonnes * efCH4 / 1e6
            }
            let efN2O: Double?
            if method == .openBurning, !parameters.has("ef_n2o_g_per_t"), let dm {
                // IPCC 2006 Vol. 5 Table 5.6: 150 g N2O per t of dry waste open-burned.
                efN2O = 150 * dm
            } else {
                efN2O = parameters.optionalNumber("ef_n2o_g_per_t", in: 0...1e6)
            }
            if let efN2O { amounts.n2o = tonnes * efN2O / 1e6 }
        case .wastewater:
            let bod = parameters.number("bod", in: 0...1000)
            let i = parameters.number("i", default: 1, in: 0...10)
            let b0 = parameters.number("b0", default: 0.6, in: 0...1)
            let mcf = parameters.number("mcf", in: 0...1)
            let sludge = parameters.number("s_kg", default: 0, in: 0...Double.greatestFiniteMagnitude)
            let recovered = parameters.number("recovered_kg", default: 0, in: 0...Double.greatestFiniteMagnitude)
            if let bod, let i, let b0, let mcf, let sludge, let recovered {
                // GPC Eq. 8.8–8.10: TOW = P × BOD × 0.001 × I × 365 (kg BOD/yr); EF = B0 × MCF;
                // CH4 = (TOW − S) × EF − R, in kg, ÷ 1000 = t.
                let tow = activity.value * bod * 0.001 * i * 365
                amounts.ch4 = ((tow - sludge) * b0 * mcf - recovered) / 1000
            }
            let nitrogenNames = ["protein", "f_npr", "f_noncon", "f_indcom", "ef_n2o_effluent"]
            if nitrogenNames.contains(where: { parameters.has($0) }) {
                let values = nitrogenNames.map { parameters.number($0, in: 0...1000) }
                if values.allSatisfy({ $0 != nil }) {
                    let v = values.map { $0! }
                    // IPCC 2006 Vol. 5 Eq. 6.7–6.8: N = P × Protein × F_NPR × F_NON-CON × F_IND-COM;
                    // N2O = N × EF × 44/28 (kg) ÷ 1000 = t.
                    let nitrogen = activity.value * v[0] * v[1] * v[2] * v[3]
                    amounts.n2o = nitrogen * v[4] * n2oPerNitrogen / 1000
                }
            }
        }
        problems += parameters.problems + unknown
        if let ch4 = amounts.ch4, ch4 < 0, problems.isEmpty {
            problems.append(FieldProblem("parameters", "recovery exceeds the methane generated"))
        }
        return problems.isEmpty ? .success(amounts) : .failure(FieldProblems(problems))
    }

    /// DOC from `doc`, or from waste fractions by GPC Eq. 8.1:
    /// DOC = 0.15 A (food) + 0.2 B (garden) + 0.4 C (paper) + 0.43 D (wood) + 0.24 E (textiles) + 0.15 F (industrial).
    private static func degradableCarbon(_ parameters: inout Parameters) -> Double? {
        if parameters.has("doc") { return parameters.number("doc", in: 0...1) }
        let weights: [(String, Double)] = [
            ("food", 0.15), ("garden", 0.2), ("paper", 0.4), ("wood", 0.43), ("textiles", 0.24), ("industrial", 0.15),
        ]
        guard weights.contains(where: { parameters.has($0.0) }) else { return parameters.number("doc", in: 0...1) }
        var doc = 0.0
        var share = 0.0
        for (name, weight) in weights {
            guard let fraction = parameters.optionalNumber(name, in: 0...1) else { continue }
            doc += fraction * weight
            share += fraction
        }
        return share <= 1 + 1e-9 ? doc : nil
    }

    /// Deposits of every year from the first given to the inventory year; the inventory year's
    /// own deposit does not decay within the year, so it is not needed.
    private static func depositHistory(_ text: String?, year: Int?, problems: inout [FieldProblem]) -> [Double]? {
        guard let year else {
            problems.append(FieldProblem("parameters", "first_order_decay needs the inventory year"))
            return nil
        }
        guard let text, !text.isEmpty else {
            problems.append(FieldProblem("parameters", "history is required (year:tonnes pairs of earlier deposits)"))
            return nil
        }
        var deposits: [Int: Double] = [:]
        for pair in text.split(whereSeparator: { $0 == " " || $0 == "|" }) {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let y = Int(parts[0]), let t = Double(parts[1]), t >= 0 else {
                problems.append(FieldProblem("parameters", "history entry “\(pair)” is not year:tonnes"))
                return nil
            }
            deposits[y] = t
        }
        guard let first = deposits.keys.min(), first < year else {
            problems.append(FieldProblem("parameters", "history must give deposits of years before \(year)"))
            return nil
        }
        let missing = (first..<year).filter { deposits[$0] == nil }
        guard missing.isEmpty else {
            problems.append(
                FieldProblem(
                    "parameters", "history lacks \(missing.map(String.init).joined(separator: ", ")); missing years are not zero")
            )
            return nil
        }
        return (first..<year).map { deposits[$0]! }
    }
}

extension WasteMethod {
    /// Every parameter the method reads (docs/inventory-template.md); any other name is an error.
    var parameterNames: Set<String> {
        let fractions: Set<String> = ["doc", "food", "garden", "paper", "wood", "textiles", "industrial"]
        switch self {
        case .methaneCommitment: return fractions.union(["mcf", "docf", "f", "ox", "frec"])
        case .firstOrderDecay: return fractions.union(["mcf", "docf", "f", "ox", "k", "recovered_t", "history"])
        case .biologicalTreatment: return ["treatment", "basis", "ef_ch4_g_per_kg", "ef_n2o_g_per_kg", "recovered_t"]
        case .incineration, .openBurning: return ["dm", "cf", "fcf", "of", "ef_ch4_kg_per_gg", "ef_n2o_g_per_t"]
        case .wastewater:
            return [
                "bod", "i", "b0", "mcf", "s_kg", "recovered_kg", "protein", "f_npr", "f_noncon", "f_indcom", "ef_n2o_effluent",
            ]
        }
    }
}
