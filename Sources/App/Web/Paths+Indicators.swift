import Foundation

extension Paths {
    static let frameworks = "/frameworks"
    static let importFramework = "/frameworks/import"
    static let benchmarks = "/benchmarks"
    static let benchmarkSettings = "/benchmarks/settings"
    static let peerGroups = "/benchmarks/groups"

    static func framework(_ slug: String) -> String { "/frameworks/\(slug)" }
    static func frameworkEdition(_ slug: String, _ version: String) -> String {
        with(framework(slug), query: [("edition", version)])
    }
    static func frameworkCSV(_ slug: String, _ version: String) -> String { "/frameworks/\(slug)/editions/\(version).csv" }
    static func publishEdition(_ slug: String, _ version: String) -> String {
        "/frameworks/\(slug)/editions/\(version)/publish"
    }
    static func assessmentTemplate(_ slug: String, _ version: String) -> String {
        "/frameworks/\(slug)/editions/\(version)/assessment-template.csv"
    }

    static func cityAssessments(_ city: String) -> String { "/cities/\(city)/assessments" }
    static func assessment(_ city: String, _ framework: String, _ year: Int) -> String {
        "/cities/\(city)/assessments/\(framework)/\(year)"
    }
    static func assessment(_ city: String, _ framework: String, _ year: Int, edition: String) -> String {
        with(assessment(city, framework, year), query: [("edition", edition)])
    }
    static func editAssessment(_ city: String, _ framework: String, _ year: Int) -> String {
        "\(assessment(city, framework, year))/edit"
    }
    static func importAssessment(_ city: String, _ framework: String, _ year: Int) -> String {
        "\(assessment(city, framework, year))/import"
    }
    static func assessmentCSV(_ city: String, _ framework: String, _ year: Int) -> String {
        "\(assessment(city, framework, year))/values.csv"
    }
    static func assessmentState(_ city: String, _ framework: String, _ year: Int) -> String {
        "\(assessment(city, framework, year))/state"
    }
    static func cityPeers(_ city: String) -> String { "/cities/\(city)/peers" }
    static func benchmark(indicator: String, framework: String, year: Int?, group: String?) -> String {
        var query = [("framework", framework), ("indicator", indicator)]
        if let year { query.append(("year", String(year))) }
        if let group, !group.isEmpty { query.append(("group", group)) }
        return with(benchmarks, query: query)
    }

    static let apiFrameworks = "/api/v1/frameworks"
    static func apiFramework(_ slug: String) -> String { "/api/v1/frameworks/\(slug)" }
    static func apiAssessment(_ city: String, _ framework: String, _ year: Int) -> String {
        "/api/v1/cities/\(city)/assessments/\(framework)/\(year)"
    }
}
