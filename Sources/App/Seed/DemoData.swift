import Foundation

/// The demo data files in `Resources/seed` (made from the seed documents and the reference
/// CSV; see that folder's README for every judgement call).
struct DemoData: Sendable {
    struct PeerGroupRow: Decodable, Sendable {
        let slug: String
        let names: [String: String]
        let description: String
        let source: String
        let cities: [String]
    }

    struct PeerGroupsFile: Decodable, Sendable {
        let peer_groups: [PeerGroupRow]
    }

    struct CityRow: Decodable, Sendable {
        let slug: String
        let names: [String: String]
        let country: String
        let region: String?
        let latitude: Double?
        let longitude: Double?
        let city_type: String?
        let programmes: [String]
        let pathways: [String]
        let description: String?
        let sources: [String]
    }

    struct FactRow: Decodable, Sendable {
        let city: String
        let indicator: String
        let year: Int
        let value: Double
        let unit: String
        let source: String
        let source_file: String?
        let confidence: String
        let note: String?
        var price_basis: String? = nil
        var boundary_note: String? = nil
    }

    struct OrganisationRow: Decodable, Sendable {
        let slug: String
        let names: [String: String]
        let type: String
        let country: String?
        let city: String?
        let website: String?
        let description: String?
        let is_resource_centre: Bool
        let parent: String?
        let sources: [String]
    }

    struct ProgrammeRow: Decodable, Sendable {
        let slug: String
        let names: [String: String]
        let kind: String
        let country: String?
        let website: String?
        let pathways: [String]
        let description: String?
        let start_year: Int?
        let sources: [String]
    }

    struct ReportedRow: Decodable, Sendable {
        let city: String
        let year: Int
        let total_tco2e: Double?
        let scope1_tco2e: Double?
        let scope2_tco2e: Double?
        let scope3_tco2e: Double?
        let basis: String
        let gases: String
        let unit: String
        let source: String
        let source_file: String?
        let confidence: String
        let note: String?
    }

    /// A demo inventory: its settings, and its lines in the published CSV template.
    struct InventoryRow: Decodable, Sendable {
        let file: String
        let city: String
        let year: Int
        let level: String
        let gwp_set: String
        let illustrative: Bool
        let boundary: String
        /// Demo inventories are published so that visitors see them (labelled illustrative).
        let state: String
        var csv: String = ""

        enum CodingKeys: String, CodingKey { case file, city, year, level, gwp_set, illustrative, boundary, state }
    }

    /// Forecast settings, action plans and actions (`plans.json`).
    struct PlansFile: Decodable, Sendable {
        struct ForecastRow: Decodable, Sendable {
            let city: String
            let base_year: Int
            let horizon_year: Int
            let population_growth: Double
            let gdp_growth: Double
            let drivers: [String: String]
        }

        struct PlanRow: Decodable, Sendable {
            let city: String
            let title: String
            let origin: String
            let drafted_on: String?
            let summary: String
            /// The knowledge-hub event (a training) the plan was drafted at.
            let event: String?
        }

        struct ActionRow: Decodable, Sendable {
            let city: String
            let titles: [String: String]
            let descriptions: [String: String]
            let sector: String
            let gpc_ref: String?
            let action_type: String
            let owner: String
            let status: String
            let start_year: Int
            let co_benefits: [String]
            let sdgs: [Int]
        }

        let forecasts: [ForecastRow]
        let action_plans: [PlanRow]
        let actions: [ActionRow]
    }

    let cities: [CityRow]
    let facts: [FactRow]
    let organisations: [OrganisationRow]
    let programmes: [ProgrammeRow]
    let reported: [ReportedRow]
    let inventories: [InventoryRow]
    /// The targets template (`targets.csv`, seed 004 Tables 1–2 and the CDP 2021 targets).
    let targetsCSV: String
    let plans: PlansFile
    let knowledge: KnowledgeSeed
    let peerGroups: [PeerGroupRow]

    static func resource(_ name: String, _ ext: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/seed") else {
            throw AppError.internal("missing seed file \(name).\(ext)")
        }
        return url
    }

    static func load() throws -> DemoData {
        func read<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/seed") else {
                throw AppError.internal("missing seed file \(name).json")
            }
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        }
        var inventories: [InventoryRow] = []
        for var row in try read("inventories/index", as: [InventoryRow].self) {
            let name = (row.file as NSString).deletingPathExtension
            guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources/seed/inventories")
            else { throw AppError.internal("missing seed inventory \(row.file)") }
            row.csv = try String(contentsOf: url, encoding: .utf8)
            inventories.append(row)
        }
        let cities = try read("cities", as: [CityRow].self)
        return DemoData(
            cities: cities,
            facts: try read("city_facts", as: [FactRow].self)
                + CitySeries.facts(
                    csv: String(contentsOf: try resource("city_series", "csv"), encoding: .utf8),
                    slugs: Dictionary(cities.map { ($0.names["en"] ?? $0.slug, $0.slug) }, uniquingKeysWith: { a, _ in a })),
            organisations: try read("organisations", as: [OrganisationRow].self),
            programmes: try read("programmes", as: [ProgrammeRow].self),
            reported: try read("reported_emissions", as: [ReportedRow].self),
            inventories: inventories,
            targetsCSV: try String(contentsOf: try resource("targets", "csv"), encoding: .utf8),
            plans: try read("plans", as: PlansFile.self),
            knowledge: try KnowledgeSeed.load(),
            peerGroups: try read("peer_groups", as: PeerGroupsFile.self).peer_groups
        )
    }
}
