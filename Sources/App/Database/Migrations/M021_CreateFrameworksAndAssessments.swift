import FluentKit
import SQLKit

/// Indicator frameworks and their editions, cities' assessments with versions, named peer groups
/// and the secretariat's benchmarking settings (issue 11).
///
/// An edition is stored as its framework file (`Indicators.FrameworkCSV`): the same text the
/// secretariat imports and exports, validated as a whole when it is read. An assessment stores the
/// values a city entered (`Indicators.AssessmentCSV`); computed items are recomputed from the
/// platform's data whenever it changes, never stored.
struct M021_CreateFrameworksAndAssessments: AsyncMigration {
    static let tables = [
        "frameworks", "framework_editions", "assessments", "assessment_versions", "peer_groups", "benchmark_settings",
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema("frameworks")
            .id()
            .field("slug", .string, .required)
            .field("name_en", .string, .required)
            .field("meta", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema("framework_editions")
            .id()
            .field("framework_id", .uuid, .required, .references("frameworks", "id"))
            .field("version", .string, .required)
            .field("state", .string, .required)
            .field("previous_version", .string)
            .field("csv", .string, .required)
            .field("created_by", .uuid)
            .field("published_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "framework_id", "version")
            .create()
        try await database.schema("assessments")
            .id()
            .field("city_id", .uuid, .required, .references("cities", "id"))
            .field("edition_id", .uuid, .required, .references("framework_editions", "id"))
            .field("year", .int, .required)
            .field("state", .string, .required)
            .field("version", .int, .required)
            .field("values_csv", .string, .required)
            .field("illustrative", .bool, .required)
            .field("created_by", .uuid)
            .field("submitted_by", .uuid)
            .field("published_by", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "city_id", "edition_id", "year")
            .create()
        try await database.schema("assessment_versions")
            .id()
            .field("assessment_id", .uuid, .required, .references("assessments", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("state", .string, .required)
            .field("values_csv", .string, .required)
            .field("summary", .string, .required)
            .field("author_label", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "assessment_id", "number")
            .create()
        try await database.schema("peer_groups")
            .id()
            .field("slug", .string, .required)
            .field("names", .string, .required)
            .field("description", .string, .required)
            .field("cities", .string, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema("benchmark_settings")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("updated_at", .datetime)
            .create()
        let sql = try database.sql()
        try await sql.create(index: "assessments_by_edition_year").on("assessments").column("edition_id").column("year").run()
        try await TableVersioning.watch(Self.tables, on: database)
    }

    func revert(on database: any Database) async throws {
        try await TableVersioning.unwatch(Self.tables, on: database)
        for table in Self.tables.reversed() { try await database.schema(table).delete() }
    }
}
