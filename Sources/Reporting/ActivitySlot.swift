import CarbonAccounting

/// One prefilled row of the activity sheet `eCRF_3`: a GPC reference (or none) with its CRF
/// sector, sub-sector and scope label (reporting_formats.md §1.3). Lines of a reference are
/// written under its first slot; a slot without lines gets one row with a notation key.
struct ActivitySlot: Sendable, Hashable {
    let ref: String?
    let sector: String
    let subSector: String
    let scopeLabel: String

    static let direct = "Direct emissions"
    static let indirect = "Indirect emissions"
    static let outside = "Outside city boundary"
    static let outOfScope = "Out of scope"

    static func label(_ scope: Scope) -> String {
        switch scope {
        case .one: direct
        case .two: indirect
        case .three: outside
        }
    }

    /// The scope a label means, as eCRF workbooks from several tools spell it.
    static func scope(ofLabel text: String) -> Scope? {
        let label = text.lowercased()
        if label.contains("indirect") || label.contains("scope 2") { return .two }
        if label.contains("outside") || label.contains("out of scope") || label.contains("scope 3") { return .three }
        if label.contains("direct") || label.contains("scope 1") { return .one }
        return nil
    }

    /// The 67 rows of the eCRF template (rows 2–68), in its order. Scopes follow the GPC tree: a
    /// waste `.3` reference (waste from outside treated inside) is a direct emission. The six
    /// generation rows without a GPC reference (outside the boundary; local renewables) are our
    /// reading of the template's "generation rows for outside-boundary and local renewables"
    /// [DERIVED]; II.5.3 is kept although GPC v1.1 has no such sub-category, as the template has it.
    static func all(tree: GPCTree) -> [ActivitySlot] {
        var slots: [ActivitySlot] = []
        func add(_ ref: String?, _ sector: String, _ subSector: String, _ scope: String? = nil) {
            let label = scope ?? ref.flatMap { tree[$0] }.map { Self.label($0.scope) } ?? outside
            slots.append(ActivitySlot(ref: ref, sector: sector, subSector: subSector, scopeLabel: label))
        }
        let stationary = "Stationary energy"
        let generation = "Generation of grid-supplied energy"
        for (subsector, name) in [
            ("I.1", "Residential buildings"), ("I.2", "Commercial buildings & facilities"),
            ("I.3", "Industrial buildings & facilities"),
        ] {
            for scope in 1...3 { add("\(subsector).\(scope)", stationary, name) }
        }
        for scope in 1...3 { add("I.4.\(scope)", stationary, "Industrial buildings & facilities") }
        for type in ["Electricity-only generation", "CHP generation", "Heat/cold generation"] {
            add("I.4.4", generation, type, direct)
        }
        for scope in 1...3 { add("I.5.\(scope)", stationary, "Agriculture") }
        for scope in 1...3 { add("I.6.\(scope)", stationary, "Non-specified sources") }
        add("I.7.1", stationary, "Fugitive emissions")
        add("I.8.1", stationary, "Fugitive emissions")
        let transport = ["On-road", "Rail", "Waterborne navigation", "Aviation", "Off-road"]
        for (index, name) in transport.enumerated() {
            for scope in 1...3 {
                add("II.\(index + 1).\(scope)", "Transportation", name, label(Scope(rawValue: scope) ?? .three))
            }
        }
        let waste = ["Solid waste disposal", "Biological treatment", "Incineration and open burning", "Wastewater"]
        for (index, name) in waste.enumerated() {
            for part in 1...3 { add("III.\(index + 1).\(part)", "Waste", name) }
        }
        for (ref, name) in [("IV.1", "Industrial processes"), ("IV.2", "Product use")] {
            add(ref, "IPPU", name)
            add(nil, "IPPU", name, outside)
        }
        for (ref, name) in [("V.1", "Livestock"), ("V.2", "Land use"), ("V.3", "Other AFOLU")] {
            add(ref, "AFOLU", name)
            add(nil, "AFOLU", name, outside)
        }
        for type in ["Electricity-only generation", "CHP generation", "Heat/cold generation"] {
            add(nil, generation, type, outside)
        }
        for scope in Scope.allCases { add(nil, generation, "Local renewable generation", label(scope)) }
        add("VI.1", "Other scope 3", "Other scope 3", outOfScope)
        return slots
    }
}
