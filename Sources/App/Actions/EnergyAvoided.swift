import CarbonAccounting
import Foundation

/// One fuel or energy an action avoids in a year, as stored (JSON) and entered: where it would have
/// been used (a GPC sub-category), the fuel, the amount and its unit, and for road fuel the vehicle
/// class. A negative amount is fuel the action adds (the gas that replaces coal).
struct EnergyAvoidedEntry: Codable, Sendable, Hashable {
    var gpcRef: String
    var fuel: String
    var amount: Double
    var unit: String
    var vehicle: String?

    enum CodingKeys: String, CodingKey {
        case gpcRef = "gpc_ref"
        case fuel, amount, unit, vehicle
    }

    /// The engine's value; nil only for a stored entry whose unit no longer parses.
    var value: EnergyAvoided? {
        ActivityUnit.parse(unit).map {
            EnergyAvoided(
                gpcRef: gpcRef, fuel: fuel, amount: Activity(value: amount, unit: $0),
                vehicle: vehicle.flatMap(VehicleClass.parse))
        }
    }

    static func encode(_ entries: [EnergyAvoidedEntry]) -> String? {
        guard !entries.isEmpty, let data = try? JSONEncoder().encode(entries) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String?) -> [EnergyAvoidedEntry] {
        guard let text, let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([EnergyAvoidedEntry].self, from: data)) ?? []
    }
}

/// The action form's rows of energy avoided (`avoided_1_gpc_ref` … `avoided_3_vehicle`) and the
/// API's list, validated the same way: every row must compute (a known sub-category and fuel, an
/// unambiguous fuel, a unit that converts), or it names what to fix.
enum EnergyAvoidedForm {
    static let rows = 3
    static let columns = ["gpc_ref", "fuel", "amount", "unit", "vehicle"]

    static func name(_ row: Int, _ column: String) -> String { "avoided_\(row)_\(column)" }

    static var fieldNames: [String] { (1...rows).flatMap { row in columns.map { name(row, $0) } } }

    static func fields(of entries: [EnergyAvoidedEntry]) -> [String: String] {
        var fields: [String: String] = [:]
        for (index, entry) in entries.prefix(rows).enumerated() {
            let row = index + 1
            fields[name(row, "gpc_ref")] = entry.gpcRef
            fields[name(row, "fuel")] = entry.fuel
            fields[name(row, "amount")] = LineColumns.format(entry.amount)
            fields[name(row, "unit")] = entry.unit
            fields[name(row, "vehicle")] = entry.vehicle ?? ""
        }
        return fields
    }

    /// The filled rows (blank rows are skipped) and the problems by field name.
    static func validate(_ fields: [String: String], reference: ReferenceData) -> ([EnergyAvoidedEntry], [String: String]) {
        var entries: [EnergyAvoidedEntry] = []
        var errors: [String: String] = [:]
        for row in 1...rows {
            func text(_ column: String) -> String {
                (fields[name(row, column)] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard columns.contains(where: { !text($0).isEmpty }) else { continue }
            let (entry, problems) = validate(
                gpcRef: text("gpc_ref"), fuel: text("fuel"), amount: text("amount"), unit: text("unit"),
                vehicle: text("vehicle"), reference: reference)
            for (column, message) in problems { errors[name(row, column)] = message }
            if let entry { entries.append(entry) }
        }
        return (entries, errors)
    }

    /// One row: the entry, or problems by column (`gpc_ref`, `fuel`, `amount`, `unit`, `vehicle`).
    static func validate(
        gpcRef: String, fuel: String, amount: String, unit: String, vehicle: String, reference: ReferenceData
    ) -> (EnergyAvoidedEntry?, [String: String]) {
        var problems: [String: String] = [:]
        if gpcRef.isEmpty {
            problems["gpc_ref"] = "validation.required"
        } else if reference.tree[gpcRef] == nil {
            problems["gpc_ref"] = "actions.error.gpc_ref"
        }
        if fuel.isEmpty { problems["fuel"] = "validation.required" }
        let value = Double(amount.replacingOccurrences(of: ",", with: ""))
        if value == nil || value?.isFinite == false { problems["amount"] = "validation.number" }
        if ActivityUnit.parse(unit) == nil { problems["unit"] = "validation.choice" }
        if !vehicle.isEmpty && VehicleClass.parse(vehicle) == nil { problems["vehicle"] = "validation.choice" }
        guard problems.isEmpty, let value else { return (nil, problems) }
        let entry = EnergyAvoidedEntry(
            gpcRef: gpcRef, fuel: fuel, amount: value, unit: unit, vehicle: vehicle.isEmpty ? nil : vehicle)
        guard let avoided = entry.value else { return (nil, ["unit": "validation.choice"]) }
        // The same defaults and conversions as an inventory line: what does not compute is named.
        if case .failure(let found) = reference.coBenefits(of: avoided, set: .ar5) {
            for problem in found.items {
                let column =
                    switch problem.column {
                    case "activity_value": "amount"
                    case "activity_unit", "ef_unit": "unit"
                    case "gpc_ref", "vehicle": problem.column
                    default: "fuel"
                    }
                problems[column] = problem.message
            }
            return (nil, problems)
        }
        return (entry, [:])
    }
}
