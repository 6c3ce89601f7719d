import CarbonAccounting
import Foundation

/// How targets and their progress read in every language.
enum TargetText {
    /// "−35 % per unit of GDP from 2010 by 2020", "Net zero by 2050", …
    static func commitment(_ row: TargetRow, t: Translator) -> String {
        let target = row.target
        var arguments: [String: String] = [
            "target_year": String(target.targetYear), "base_year": target.baseYear.map(String.init) ?? "—",
            "percent": target.reductionPercent.map { t.number($0, maxFractionDigits: 2) } ?? "—",
            "level": target.targetLevel.map { t.number($0, maxFractionDigits: 2) } ?? "—",
        ]
        if target.kind == .other {
            arguments["wording"] = row.originalWording.isEmpty ? row.note : row.originalWording
        }
        if target.kind == .fixedLevel && target.targetLevel == 0 { return t("target_text.net_zero", arguments) }
        if target.kind == .baselineScenario && target.baseYear == nil { return t("target_text.baseline_scenario", arguments) }
        return t("target_text.\(target.kind.rawValue)", arguments)
    }

    static func coverage(_ coverage: Coverage, t: Translator) -> String {
        let basis = t("coverage.\(coverage.basis.rawValue)")
        let gases = coverage.co2Only ? t("coverage.co2_only") : t("coverage.all_gases")
        let sectors =
            coverage.sectors.isEmpty
            ? t("coverage.all_sectors") : coverage.sectors.sorted().map { t("sector.\($0.rawValue)") }.joined(separator: ", ")
        return "\(basis) · \(gases) · \(sectors)"
    }

    /// The unit progress values are in: t CO2e, or per person / per currency unit.
    static func unit(_ item: EvaluatedTarget) -> String {
        unit(item, mass: item.target.row.coverage.co2Only ? "t CO2" : "t CO2e")
    }

    /// The unit of a value of this target's kind in `mass` (per person, per GDP unit, or plain).
    static func unit(_ item: EvaluatedTarget, mass: String) -> String {
        switch item.target.row.target.kind.driver {
        case .population: return "\(mass) / person"
        case .gdp: return "\(mass) / \(item.driverUnit ?? "GDP unit")"
        case nil: return mass
        }
    }

    static func progressCell(_ item: EvaluatedTarget, t: Translator) -> Node {
        let progress = item.progress
        return div(.class("progress")) {
            if let percent = progress.percentAchieved {
                strong { t("progress.achieved", ["percent": t.number(percent, maxFractionDigits: 1)]) }
            }
            if let onTrack = progress.onTrack {
                span(.class(onTrack ? "badge verified" : "badge unverified")) {
                    t(onTrack ? "progress.on_track" : "progress.off_track")
                }
            }
            if progress.percentAchieved == nil && progress.onTrack == nil {
                span(.class("badge")) { t("progress.not_computed") }
            }
            if let year = progress.latestYear, let latest = progress.latest {
                para(.class("hint")) {
                    t(
                        "progress.latest",
                        [
                            "year": String(year), "value": t.number(latest, maxFractionDigits: latest < 100 ? 4 : 0),
                            "unit": unit(item),
                        ])
                }
            }
            if let reason = progress.reason { para(.class("hint")) { reason } }
            if !item.notes.isEmpty || !item.points.isEmpty {
                details {
                    summary { t("progress.how") }
                    if let set = item.gwpSet { para { t("progress.gwp", ["set": set.rawValue]) } }
                    if !item.points.isEmpty {
                        ul {
                            for point in item.points {
                                li {
                                    "\(point.year): \(t.number(point.value, maxFractionDigits: 0)) — \(point.source)"
                                    if point.illustrative { span(.class("badge unverified")) { t("progress.illustrative") } }
                                }
                            }
                        }
                    }
                    if !item.notes.isEmpty { ul { for note in item.notes { li { note } } } }
                }
            }
            for estimate in item.estimates { estimateBlock(estimate, item: item, t: t) }
        }
    }

    /// Progress on another basis: the figure, then why it is not the target's own measure.
    static func estimateBlock(_ estimate: ProgressEstimate, item: EvaluatedTarget, t: Translator) -> Node {
        let progress = estimate.progress
        return div(.class("estimate")) {
            span(.class("badge")) { t("progress.estimate") }
            if let percent = progress.percentAchieved {
                " " + t("progress.achieved", ["percent": t.number(percent, maxFractionDigits: 1)])
            }
            if let onTrack = progress.onTrack {
                " · " + t(onTrack ? "progress.estimate_on_path" : "progress.estimate_off_path")
            }
            if let year = progress.latestYear, let latest = progress.latest {
                para(.class("hint")) {
                    t(
                        "progress.latest",
                        [
                            "year": String(year), "value": t.number(latest, maxFractionDigits: latest < 100 ? 4 : 0),
                            "unit": estimateUnit(estimate, item: item),
                        ])
                }
            }
            para(.class("hint")) { estimate.basis + " " + t("progress.estimate_not_counted") }
            details {
                summary { t("progress.how") }
                ul {
                    for point in estimate.points {
                        li { "\(point.year): \(t.number(point.value, maxFractionDigits: 0)) — \(point.source)" }
                    }
                }
                if let reason = progress.reason { para { reason } }
                if !estimate.notes.isEmpty { ul { for note in estimate.notes { li { note } } } }
            }
        }
    }

    /// The estimate's unit: its own gases (CEADs is CO2 only, cities' totals all gases).
    static func estimateUnit(_ estimate: ProgressEstimate, item: EvaluatedTarget) -> String {
        unit(item, mass: estimate.series == "ceads" ? "t CO2" : "t CO2e")
    }
}
