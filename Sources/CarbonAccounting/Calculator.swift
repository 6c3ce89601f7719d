import Foundation

/// The result of one line.
public struct LineResult: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case emissions
        case notation(NotationKey)
        case failed([FieldProblem])
    }

    public var status: Status
    public var gases: GasAmounts
    public var methaneOrigin: MethaneOrigin
    /// t CO2e of the line under the inventory's GWP set (biogenic CO2 excluded); nil unless status is emissions.
    public var co2e: Double?
    /// The activity converted into the factor's unit, when the line is activity × factor.
    public var convertedActivity: Double?

    public var problems: [FieldProblem] {
        if case .failed(let problems) = status { return problems }
        return []
    }
}

/// Calculates lines under one GWP set. Pure and fast: no I/O, no rounding.
public struct Calculator: Sendable {
    public let tree: GPCTree
    public let gwp: GWPTable
    public let fuels: FuelTable
    public let set: GWPSet
    /// The inventory year (first-order decay needs it).
    public let year: Int?

    /// The GWPs every line needs, looked up once (a table lookup per line and gas would cost more
    /// than the arithmetic).
    let ch4Fossil: Double?
    let ch4NonFossil: Double?
    let n2oGWP: Double?

    public init(tree: GPCTree, gwp: GWPTable, fuels: FuelTable, set: GWPSet, year: Int? = nil) {
        self.tree = tree
        self.gwp = gwp
        self.fuels = fuels
        self.set = set
        self.year = year
        ch4Fossil = gwp.gwp("CH4", in: set, methaneOrigin: .fossil)
        ch4NonFossil = gwp.gwp("CH4", in: set, methaneOrigin: .nonFossil)
        n2oGWP = gwp.gwp("N2O", in: set)
    }

    /// What a line's fuel name means, found once per distinct name in a run.
    /// Only numbers: copying a whole `Fuel` (several strings) per line showed in profiles.
    struct FuelFacts {
        let isBiomass: Bool
        let ncv: Double?
        let density: Double?
    }

    /// Per-run memo of what lines share: fuel names and waste parameter texts.
    struct FuelMemo {
        var facts: [String: FuelFacts] = [:]
        var recentFuelNames: [String] = []
        var recentFuelFacts: [FuelFacts] = []
        var parameters: [String: (Parameters, [FieldProblem])] = [:]
        var recentParameterTexts: [String] = []
        var recentMethods: [WasteMethod] = []
        var recentParameters: [(Parameters, [FieldProblem])] = []

        /// The parameters of a text and the unknown names for the method (a text names one method in practice).
        mutating func read(_ text: String, for method: WasteMethod) -> (Parameters, [FieldProblem]) {
            for index in recentParameterTexts.indices
            where recentMethods[index] == method && recentParameterTexts[index] == text {
                return recentParameters[index]
            }
            let key = method.rawValue + "|" + text
            if let known = parameters[key] { return known }
            let read = Parameters(text)
            let entry = (read, read.unknown(for: method))
            parameters[key] = entry
            if recentParameterTexts.count < 16 {
                recentParameterTexts.append(text)
                recentMethods.append(method)
                recentParameters.append(entry)
            }
            return entry
        }
    }

    func facts(_ name: String, _ memo: inout FuelMemo) -> FuelFacts {
        if name.isEmpty { return FuelFacts(isBiomass: false, ncv: nil, density: nil) }
        // An inventory names a handful of fuels: comparing with the few seen so far is cheaper
        // than hashing the name for every line.
        for index in memo.recentFuelNames.indices where memo.recentFuelNames[index] == name {
            return memo.recentFuelFacts[index]
        }
        let fuel = memo.facts[name] == nil ? fuels[name] : nil
        let found = memo.facts[name] ?? FuelFacts(isBiomass: Fuel.isBiomass(name), ncv: fuel?.ncv, density: fuel?.density)
        memo.facts[name] = found
        if memo.recentFuelNames.count < 16 {
            memo.recentFuelNames.append(name)
            memo.recentFuelFacts.append(found)
        }
        return found
    }

    /// The origin of a line's methane: non-fossil for biomass fuels and for waste, wastewater
    /// and agriculture (sectors III and V); fossil otherwise.
    func methaneOrigin(_ hasMethod: Bool, sector: Sector?, biomass: Bool) -> MethaneOrigin {
        if sector == .waste || sector == .afolu || hasMethod || biomass { return .nonFossil }
        return .fossil
    }

    public func calculate(_ line: Line) -> LineResult {
        var memo = FuelMemo()
        return withUnsafePointer(to: line) { calculate($0, sector: tree[line.gpcRef]?.sector, memo: &memo) }
    }

    /// Reads the line in place: copying a whole line (a dozen strings) per line showed in profiles.
    func calculate(_ line: UnsafePointer<Line>, sector: Sector?, memo: inout FuelMemo) -> LineResult {
        let fuel = facts(line.pointee.fuel, &memo)
        let origin = methaneOrigin(line.pointee.method != nil, sector: sector, biomass: fuel.isBiomass)
        if let key = line.pointee.notationKey {
            return LineResult(status: .notation(key), gases: GasAmounts(), methaneOrigin: origin, co2e: nil)
        }
        var gases = GasAmounts()
        var converted: Double?
        if let method = line.pointee.method, let activity = line.pointee.activity {
            let (parameters, unknown) = memo.read(line.pointee.parameters, for: method)
            switch WasteMethods.compute(method, activity: activity, parameters: parameters, unknown: unknown, year: year) {
            case .success(let amounts): gases = amounts
            case .failure(let problems): return failed(problems.items, origin)
            }
        } else if let factors = line.pointee.factors, let activity = line.pointee.activity {
            switch convert(activity, to: factors.unit.denominator, fuel: line.pointee.fuel, ncv: fuel.ncv, density: fuel.density)
            {
            case .success(let amount):
                converted = amount
                let scale = amount * factors.unit.tonnesPerNumerator
                gases.co2 = factors.co2.map { $0 * scale }
                gases.ch4 = factors.ch4.map { $0 * scale }
                gases.n2o = factors.n2o.map { $0 * scale }
            case .failure(let problem): return failed([problem], origin)
            }
        }
        let measured = line.pointee.measured
        if let co2 = measured.co2 { gases.co2 = (gases.co2 ?? 0) + co2 }
        if let ch4 = measured.ch4 { gases.ch4 = (gases.ch4 ?? 0) + ch4 }
        if let n2o = measured.n2o { gases.n2o = (gases.n2o ?? 0) + n2o }
        if let other = measured.other {
            gases.otherSpecies = measured.otherSpecies
            gases.other = other
        }
        if let biogenic = measured.biogenicCO2 { gases.biogenicCO2 = (gases.biogenicCO2 ?? 0) + biogenic }
        // CO2 from burning biomass is biogenic whatever factors were typed in (GPC v1.1 §3.3).
        if fuel.isBiomass, let co2 = gases.co2 {
            gases.biogenicCO2 = (gases.biogenicCO2 ?? 0) + co2
            gases.co2 = nil
        }
        switch co2e(of: gases, origin: origin) {
        case .success(let value):
            return LineResult(status: .emissions, gases: gases, methaneOrigin: origin, co2e: value, convertedActivity: converted)
        case .failure(let problem): return failed([problem], origin)
        }
    }

    /// t CO2e = CO2 + Σ gas × GWP(gas). Biogenic CO2 is not included.
    public func co2e(of gases: GasAmounts, origin: MethaneOrigin) -> Result<Double, FieldProblem> {
        var total = gases.co2 ?? 0
        if let ch4 = gases.ch4 {
            guard let factor = origin == .fossil ? ch4Fossil : ch4NonFossil else {
                return .failure(FieldProblem("ch4_t", "no \(set.rawValue) GWP for CH4"))
            }
            total += ch4 * factor
        }
        if let n2o = gases.n2o {
            guard let factor = n2oGWP else {
                return .failure(FieldProblem("n2o_t", "no \(set.rawValue) GWP for N2O"))
            }
            total += n2o * factor
        }
        if let other = gases.other, let species = gases.otherSpecies {
            guard let factor = gwp.gwp(species, in: set) else {
                return .failure(
                    FieldProblem("gas", "\(set.rawValue) gives no GWP for \(species); choose another GWP set or species"))
            }
            total += other * factor
        }
        return .success(total)
    }

    /// Converts an activity to the unit a factor is expressed in: within a dimension by unit
    /// size; mass ↔ energy through the fuel's NCV (TJ/Gg); volume ↔ mass through its density.
    public func convert(_ activity: Activity, to target: ActivityUnit, fuel: String) -> Result<Double, FieldProblem> {
        let properties = fuel.isEmpty ? nil : fuels[fuel]
        return convert(activity, to: target, fuel: fuel, ncv: properties?.ncv, density: properties?.density)
    }

    func convert(_ activity: Activity, to target: ActivityUnit, fuel: String, ncv: Double?, density: Double?) -> Result<
        Double, FieldProblem
    > {
        UnitConversion.convert(activity, to: target, fuel: fuel, ncv: ncv, density: density)
    }

    private func failed(_ problems: [FieldProblem], _ origin: MethaneOrigin) -> LineResult {
        LineResult(status: .failed(problems), gases: GasAmounts(), methaneOrigin: origin, co2e: nil)
    }
}
