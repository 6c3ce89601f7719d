import Foundation

extension Paths {
    static let registry = "/registry"
    static let registryTargetsCSV = "/registry/targets.csv"
    static let registryActionsCSV = "/registry/actions.csv"
    static let targetTemplate = "/targets/template"
    static let targetTemplateCSV = "/targets/template.csv"
    static func cityTargets(_ slug: String) -> String { "/cities/\(slug)/targets" }
    static func newTarget(_ slug: String) -> String { "/cities/\(slug)/targets/new" }
    static func importTargets(_ slug: String) -> String { "/cities/\(slug)/targets/import" }
    static func editTarget(_ slug: String, _ id: UUID) -> String { "/cities/\(slug)/targets/\(id.uuidString)/edit" }
    static func deleteTarget(_ slug: String, _ id: UUID) -> String { "/cities/\(slug)/targets/\(id.uuidString)/delete" }
    static func cityForecast(_ slug: String) -> String { "/cities/\(slug)/forecast" }
    static func cityActions(_ slug: String) -> String { "/cities/\(slug)/actions" }
    static func newAction(_ slug: String) -> String { "/cities/\(slug)/actions/new" }
    static func action(_ slug: String, _ id: UUID) -> String { "/cities/\(slug)/actions/\(id.uuidString)" }
    static func editAction(_ slug: String, _ id: UUID) -> String { "\(action(slug, id))/edit" }
    static func deleteAction(_ slug: String, _ id: UUID) -> String { "\(action(slug, id))/delete" }
    static func actionUpdates(_ slug: String, _ id: UUID) -> String { "\(action(slug, id))/updates" }
    static func actionPlans(_ slug: String) -> String { "/cities/\(slug)/action-plans" }
    static func cityRegistry(_ slug: String) -> String { "/cities/\(slug)/registry" }
    static func cityRegistryJSON(_ slug: String) -> String { "/cities/\(slug)/registry.json" }
}
