import CarbonAccounting
import Foundation

/// One line's air pollutants on the lines pages: where they count, the tonnes of each, and — when
/// opened — how each was obtained (quantity × factor with its table, edition and confidence
/// interval; measured; a city factor with its source and reason) or why it is not estimated.
enum LineAirCell {
    static func render(_ result: AirPollutantLineResult?, details: [AirPollutantDetail], t: Translator) -> Node {
        guard let result else { return .text("—") }
        switch result.status {
        case .notation: return .text("—")
        case .failed(let problems):
            return .fragment(build { for problem in problems { div(.class("field-error")) { problem.description } } })
        case .outsideBoundary:
            return small { t("pollutants.status.outside_boundary") }
        case .inBoundary, .upstreamMemo:
            return div(.class("line-air")) {
                if result.status == .upstreamMemo { small { t("pollutants.status.upstream_memo") } }
                amounts(result.amounts, t: t)
                if !details.isEmpty { explanation(details, t: t) }
            }
        }
    }

    static func amounts(_ values: PollutantValues, t: Translator) -> Node {
        let shown = AirPollutant.allCases.compactMap { pollutant in
            values[pollutant].map { "\(t("pollutants.name.\(pollutant.key)")) \(PollutantTable.tonnes($0, t: t))" }
        }
        return div { shown.isEmpty ? t("pollutants.not_estimated") : shown.joined(separator: " · ") + " t" }
    }

    static func explanation(_ list: [AirPollutantDetail], t: Translator) -> Node {
        details {
            summary { t("pollutants.how") }
            ul {
                for detail in list {
                    li {
                        strong { t("pollutants.name.\(detail.pollutant.key)") }
                        " "
                        if let amount = detail.amount {
                            "\(PollutantTable.tonnes(amount, t: t)) t — \(t("pollutants.method.\(detail.method.rawValue)"))"
                        } else {
                            t("pollutants.not_estimated")
                        }
                        for item in detail.parts { div { part(item, t: t) } }
                        if let city = detail.cityFactors, detail.method == .cityFactor {
                            div {
                                "\(city.values[detail.pollutant].map { t.number($0, maxFractionDigits: 6) } ?? "—") \(city.unit) · \(city.source) · \(t("pollutants.reason")): \(city.reason)"
                            }
                        }
                        for reason in detail.missing { div(.class("missing-reason")) { reason } }
                    }
                }
            }
        }
    }

    /// "1,000 GJ × 51 g/GJ (EMEP/EEA 2023, 1.A.4.b.i Table 3-4, …; 95 % CI 20–80)".
    static func part(_ part: AirPollutantDetail.Part, t: Translator) -> String {
        let factor = part.factor
        let interval =
            factor.confidenceInterval.map {
                t(
                    "pollutants.interval",
                    ["low": t.number($0.lowerBound, maxFractionDigits: 6), "high": t.number($0.upperBound, maxFractionDigits: 6)])
            } ?? t("pollutants.no_interval")
        var text =
            "\(t.number(part.quantity, maxFractionDigits: 6)) \(part.quantityUnit) × \(t.number(factor.value, maxFractionDigits: 6)) \(factor.unit.rawValue) (\(factor.citation); \(interval))"
        if !part.note.isEmpty { text += " — \(part.note)" }
        return text
    }
}

extension Services {
    /// How the pollutants of the given lines were obtained, by row id (lines with amounts only).
    func airDetails(_ rows: [LineRow], edition: AirPollutantEdition) -> [UUID: [AirPollutantDetail]] {
        let calculator = reference.airPollutantCalculator(edition: edition)
        var details: [UUID: [AirPollutantDetail]] = [:]
        for row in rows {
            guard let air = row.air, air.status == .inBoundary || air.status == .upstreamMemo else { continue }
            details[row.stored.rowID] = calculator.explain(row.stored.line)
        }
        return details
    }
}
