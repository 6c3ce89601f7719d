import CarbonAccounting
import FluentKit
import Foundation

/// The fields of an action, validated for the form and the API alike. Errors are keyed by field;
/// values are translation keys.
struct ActionInput: Sendable, Equatable {
    var titles: [String: String]
    var descriptions: [String: String]
    var sector: Sector
    var gpcRef: String?
    var actionType: String
    var owner: String
    var status: String
    var startYear: Int
    var endYear: Int?
    var cost: Double?
    var currency: String?
    var funding: String
    var expectedReduction: Double?
    var reductionMethod: String
    var rampUpYears: Int
    var coBenefits: [String]
    var sdgs: [Int]
    var links: [String]
    var updateEveryDays: Int
    var planID: UUID?
    /// Fuel or energy avoided, from which the CO2e and pollutant reductions are computed.
    var energyAvoided: [EnergyAvoidedEntry] = []

    func apply(to action: MitigationAction) {
        action.titles = titles
        action.titleEn = titles["en"] ?? titles.values.sorted().first ?? ""
        action.descriptions = descriptions
        action.sector = sector.rawValue
        action.gpcRef = gpcRef
        action.actionType = actionType
        action.owner = owner
        action.statusRaw = status
        action.startYear = startYear
        action.endYear = endYear
        action.cost = cost
        action.currency = currency
        action.funding = funding
        action.expectedReduction = expectedReduction
        action.reductionMethod = reductionMethod
        action.rampUpYears = rampUpYears
        action.coBenefits = coBenefits.joined(separator: ";")
        action.sdgs = sdgs.map(String.init).joined(separator: ";")
        action.links = links.joined(separator: "\n")
        action.updateEveryDays = updateEveryDays
        action.$plan.id = planID
        action.energyAvoidedJSON = EnergyAvoidedEntry.encode(energyAvoided)
    }

    /// The form's fields of a stored action.
    static func fields(of action: MitigationAction) -> [String: String] {
        var fields: [String: String] = [
            "sector": action.sector, "gpc_ref": action.gpcRef ?? "", "action_type": action.actionType, "owner": action.owner,
            "status": action.status.rawValue, "start_year": String(action.startYear),
            "end_year": action.endYear.map(String.init) ?? "",
            "cost": action.cost.map(LineColumns.format) ?? "", "currency": action.currency ?? "", "funding": action.funding,
            "expected_reduction": action.expectedReduction.map(LineColumns.format) ?? "",
            "reduction_method": action.reductionMethod, "ramp_up_years": String(action.rampUpYears),
            "sdgs": action.sdgs.replacingOccurrences(of: ";", with: ", "), "links": action.links,
            "update_every_days": String(action.updateEveryDays), "plan": action.$plan.id?.uuidString ?? "",
            "co_benefits": action.coBenefits,
        ]
        for language in Vocabulary.contentLanguages {
            fields["title_\(language)"] = action.titles[language] ?? ""
            fields["description_\(language)"] = action.descriptions[language] ?? ""
        }
        fields.merge(EnergyAvoidedForm.fields(of: EnergyAvoidedEntry.decode(action.energyAvoidedJSON))) { first, _ in first }
        return fields
    }
}

enum ActionForm {
    static let fields =
        [
            "title_en", "sector", "gpc_ref", "action_type", "owner", "status", "start_year", "end_year", "cost", "currency",
            "funding", "expected_reduction", "reduction_method", "ramp_up_years",
        ] + EnergyAvoidedForm.fieldNames + ["co_benefits", "sdgs", "links", "update_every_days", "plan"]

    /// `coBenefits` come from repeated checkbox fields (or a ";" list in the API). Rows of energy
    /// avoided are read with `reference` (without it, such rows are refused: they cannot be checked).
    static func validate(
        _ fields: [String: String], coBenefits: [String], tree: GPCTree, plans: Set<UUID>, reference: ReferenceData? = nil
    ) -> (ActionInput?, [String: String]) {
        var errors: [String: String] = [:]
        func text(_ name: String, limit: Int) -> String {
            let value = (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > limit { errors[name] = "validation.too_long" }
            return value
        }
        func integer(_ name: String, range: ClosedRange<Int>, required: Bool) -> Int? {
            let raw = text(name, limit: 10)
            if raw.isEmpty {
                if required { errors[name] = "validation.required" }
                return nil
            }
            guard let value = Int(raw), range.contains(value) else {
                errors[name] = "actions.error.\(name)"
                return nil
            }
            return value
        }
        func amount(_ name: String) -> Double? {
            let raw = text(name, limit: 40).replacingOccurrences(of: ",", with: "")
            guard !raw.isEmpty else { return nil }
            guard let value = Double(raw), value.isFinite, value >= 0 else {
                errors[name] = "validation.number"
                return nil
            }
            return value
        }
        var titles: [String: String] = [:]
        var descriptions: [String: String] = [:]
        for language in Vocabulary.contentLanguages {
            let title = text("title_\(language)", limit: 300)
            if !title.isEmpty { titles[language] = title }
            let description = text("description_\(language)", limit: 10_000)
            if !description.isEmpty { descriptions[language] = description }
        }
        if titles.isEmpty { errors["title_en"] = "actions.error.title" }
        let sector = Sector(rawValue: text("sector", limit: 4))
        if sector == nil || sector == .otherScope3 { errors["sector"] = "validation.choice" }
        var gpcRef: String? = text("gpc_ref", limit: 20)
        if gpcRef?.isEmpty == true { gpcRef = nil }
        if let ref = gpcRef, let sector {
            if let cell = tree[ref] {
                if cell.sector != sector { errors["gpc_ref"] = "actions.error.gpc_ref_sector" }
            } else {
                errors["gpc_ref"] = "actions.error.gpc_ref"
            }
        }
        let actionType = text("action_type", limit: 40)
        if !Vocabulary.actionTypes.contains(actionType) { errors["action_type"] = "validation.choice" }
        let owner = text("owner", limit: 300)
        if owner.isEmpty { errors["owner"] = "validation.required" }
        let status = text("status", limit: 20)
        if !Vocabulary.actionStatuses.contains(status) { errors["status"] = "validation.choice" }
        let start = integer("start_year", range: 1990...2100, required: true)
        let end = integer("end_year", range: 1990...2100, required: false)
        if let start, let end, end < start { errors["end_year"] = "actions.error.end_before_start" }
        let cost = amount("cost")
        var currency: String? = text("currency", limit: 3).uppercased()
        if currency?.isEmpty == true { currency = nil }
        if let code = currency, code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            errors["currency"] = "actions.error.currency"
        }
        if cost != nil && currency == nil && errors["currency"] == nil { errors["currency"] = "actions.error.currency" }
        let funding = text("funding", limit: 500)
        let expected = amount("expected_reduction")
        let method = text("reduction_method", limit: 2000)
        if expected != nil && method.isEmpty { errors["reduction_method"] = "actions.error.method" }
        var energyAvoided: [EnergyAvoidedEntry] = []
        if let reference {
            let (entries, problems) = EnergyAvoidedForm.validate(fields, reference: reference)
            energyAvoided = entries
            errors.merge(problems) { first, _ in first }
        } else if let given = EnergyAvoidedForm.fieldNames.first(where: { !(fields[$0] ?? "").isEmpty }) {
            errors[given] = "validation.choice"
        }
        // One statement of the expected effect: typed t CO2e, or the energy it follows from.
        if expected != nil && !energyAvoided.isEmpty { errors["expected_reduction"] = "pollutants.error.expected_or_energy" }
        let ramp = integer("ramp_up_years", range: 1...30, required: false) ?? 1
        let benefits = coBenefits.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if benefits.contains(where: { !Vocabulary.coBenefits.contains($0) }) { errors["co_benefits"] = "validation.choice" }
        var sdgs: [Int] = []
        for part in text("sdgs", limit: 100).split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }) {
            if let goal = Int(part), (1...17).contains(goal) { sdgs.append(goal) } else { errors["sdgs"] = "actions.error.sdgs" }
        }
        var links: [String] = []
        for line in text("links", limit: 4000).split(whereSeparator: \.isNewline) {
            let link = line.trimmingCharacters(in: .whitespaces)
            guard !link.isEmpty else { continue }
            if let url = URL(string: link), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil {
                links.append(link)
            } else {
                errors["links"] = "actions.error.links"
            }
        }
        let every = integer("update_every_days", range: 7...3650, required: false) ?? 180
        var planID: UUID?
        let planText = text("plan", limit: 40)
        if !planText.isEmpty {
            if let id = UUID(uuidString: planText), plans.contains(id) {
                planID = id
            } else {
                errors["plan"] = "validation.choice"
            }
        }
        guard errors.isEmpty, let sector, let start else { return (nil, errors) }
        return (
            ActionInput(
                titles: titles, descriptions: descriptions, sector: sector, gpcRef: gpcRef, actionType: actionType, owner: owner,
                status: status, startYear: start, endYear: end, cost: cost, currency: currency, funding: funding,
                expectedReduction: expected, reductionMethod: method, rampUpYears: ramp,
                coBenefits: Array(Set(benefits)).sorted(),
                sdgs: Array(Set(sdgs)).sorted(), links: links, updateEveryDays: every, planID: planID,
                energyAvoided: energyAvoided), errors
        )
    }
}

/// A progress update: date (not in the future), status, achieved reduction, evidence.
struct UpdateInput: Sendable, Equatable {
    var onDate: String
    var status: String
    var achievedReduction: Double?
    var evidence: String
    var note: String

    static let fields = ["on_date", "status", "achieved_reduction", "evidence", "note"]

    static func validate(_ fields: [String: String], now: Date) -> (UpdateInput?, [String: String]) {
        var errors: [String: String] = [:]
        func text(_ name: String, limit: Int) -> String {
            let value = (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > limit { errors[name] = "validation.too_long" }
            return value
        }
        let date = text("on_date", limit: 10)
        if let parsed = ISODay.parse(date) {
            if parsed > now { errors["on_date"] = "actions.error.future" }
        } else {
            errors["on_date"] = "actions.error.date"
        }
        let status = text("status", limit: 20)
        if !Vocabulary.actionStatuses.contains(status) { errors["status"] = "validation.choice" }
        var achieved: Double?
        let raw = text("achieved_reduction", limit: 40).replacingOccurrences(of: ",", with: "")
        if !raw.isEmpty {
            if let value = Double(raw), value.isFinite, value >= 0 {
                achieved = value
            } else {
                errors["achieved_reduction"] = "validation.number"
            }
        }
        let evidence = text("evidence", limit: 2000)
        let note = text("note", limit: 4000)
        if achieved != nil && evidence.isEmpty { errors["evidence"] = "actions.error.evidence" }
        guard errors.isEmpty else { return (nil, errors) }
        return (UpdateInput(onDate: date, status: status, achievedReduction: achieved, evidence: evidence, note: note), errors)
    }
}

/// yyyy-mm-dd days in UTC.
enum ISODay {
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: y, month: m, day: d)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }

    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
