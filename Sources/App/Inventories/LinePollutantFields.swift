import CarbonAccounting
import Foundation

/// The line form's air-pollutant fields (the template's optional columns): the road vehicle class,
/// pollutants measured directly, and city factors replacing the defaults with their unit, source
/// and reason. Closed unless the line uses them.
enum LinePollutantFields {
    static func render(_ model: LineFormModel, t: Translator) -> Node {
        let errors = model.errors
        func value(_ name: String) -> String { model.fields[name] ?? "" }
        func field(_ name: String, label: String, hint: String? = nil) -> Node {
            Forms.text(name, label: label, value: value(name), errors: errors, t: t, hint: hint, maxLength: 1000)
        }
        let used =
            LineColumns.optional.contains { $0 != "ef_id" && !value($0).isEmpty }
            || LineColumns.optional.contains { errors[$0] != nil }
        return details(.when(used, .custom("open", nil))) {
            summary { t("pollutants.line_fields") }
            para(.class("hint")) { t("pollutants.line_fields_hint") }
            Forms.select(
                "vehicle", label: t("pollutants.vehicle"),
                options: VehicleClass.allCases.map { ($0.rawValue, t("pollutants.vehicle.\($0.rawValue)")) },
                selected: value("vehicle"), errors: errors, t: t, blank: "—", hint: t("pollutants.vehicle_hint"))
            fieldset {
                legend { t("pollutants.measured") }
                for pollutant in AirPollutant.allCases {
                    field("\(pollutant.key)_t", label: "\(t("pollutants.name.\(pollutant.key)")) (t)")
                }
            }
            fieldset {
                legend { t("pollutants.city_factors") }
                para(.class("hint")) { t("pollutants.city_factors_hint") }
                for pollutant in AirPollutant.allCases {
                    field("ef_\(pollutant.key)", label: t("pollutants.name.\(pollutant.key)"))
                }
                field("ef_air_unit", label: t("pollutants.ef_air_unit"), hint: t("pollutants.ef_air_unit_hint"))
                field("ef_air_source", label: t("pollutants.ef_air_source"))
                field("ef_air_reason", label: t("pollutants.ef_air_reason"))
            }
        }
    }
}
