import Foundation

/// The demo data files in `Resources/seed` (made from the seed documents and the reference
/// CSV; see that folder's README for every judgement call).
struct DemoData: Sendable {
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

    let cities: [CityRow]
    let facts: [FactRow]
    let organisations: [OrganisationRow]
    let programmes: [ProgrammeRow]

    static func load() throws -> DemoData {
        func read<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
            guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources/seed") else {
                throw AppError.internal("missing seed file \(name).json")
            }
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        }
        return DemoData(
            cities: try read("cities", as: [CityRow].self),
            facts: try read("city_facts", as: [FactRow].self),
            organisations: try read("organisations", as: [OrganisationRow].self),
            programmes: try read("programmes", as: [ProgrammeRow].self)
        )
    }
}
