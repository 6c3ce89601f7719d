import FluentKit
import Foundation

/// Published review reports and their recommendations in the search (issue 12, "learning"): the
/// latest version of each report is one document, each of its recommendations another, linked to
/// its place in the report. Only published reports are indexed: drafts and marks never are.
enum ReviewSearch {
    static let reportType = "review"
    static let recommendationType = "recommendation"

    /// The fragment of a recommendation on the report page (`#recommendation-1`…).
    static func anchor(_ index: Int) -> String { "recommendation-\(index + 1)" }

    static func documents(_ report: ReviewReport, country: String?) -> [SearchDocument] {
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: report.publishedAt)
            .year
        func language(_ text: String) -> String { MembershipService.guessLanguage(text, country: country ?? "") }
        let titleLanguage = language(report.title)
        let criteria = report.criteria.flatMap { criterion in
            [criterion.name + ": " + criterion.publicComment, criterion.reply?.comment ?? ""]
        }
        let text = ([report.summary] + report.cityNames.values.sorted() + criteria + report.recommendations.map(\.text))
            .filter { !$0.isEmpty }.joined(separator: "\n")
        let languages = Set(
            [titleLanguage, language(report.summary)] + report.criteria.map(\.commentLanguage) + Array(report.cityNames.keys))
        var documents = [
            SearchDocument(
                type: reportType, key: report.reviewID.uuidString, url: Paths.review(report.reviewID),
                titles: [titleLanguage: report.title], text: text, country: country, sector: nil, pathways: [], year: year,
                languages: languages.filter { !$0.isEmpty }.sorted())
        ]
        for (index, recommendation) in report.recommendations.enumerated() {
            let written = language(recommendation.text)
            let criterion = report.criteria.first { $0.id == recommendation.criterion }?.name ?? recommendation.criterion
            documents.append(
                SearchDocument(
                    type: recommendationType, key: "\(report.reviewID.uuidString)#\(index + 1)",
                    url: Paths.review(report.reviewID) + "#" + anchor(index), titles: [written: recommendation.text],
                    text: [report.title, criterion, recommendation.gpcRef.map { "GPC " + $0 } ?? ""].filter { !$0.isEmpty }
                        .joined(separator: "\n"),
                    country: country,
                    // The GPC sector of the sub-sector it names ("I.1.2" → "I").
                    sector: recommendation.gpcRef.flatMap { $0.split(separator: ".").first.map(String.init) }, pathways: [],
                    year: year, languages: [written]))
        }
        return documents
    }

    /// Replaces what the search holds of one review with its latest published report.
    static func refresh(_ report: ReviewReport, country: String?, on db: any Database) async throws {
        try await SearchIndex.remove(type: recommendationType, keyPrefix: report.reviewID.uuidString + "#", on: db)
        try await SearchIndex.put(documents(report, country: country), on: db)
    }

    /// Every published report's latest version, for a full re-index.
    static func all(on db: any Database) async throws -> [SearchDocument] {
        let reports = try await ReviewLearning.latestReports(on: db)
        guard !reports.isEmpty else { return [] }
        let cityOf = try await ReviewRequest.query(on: db).filter(\.$id ~~ reports.map(\.reviewID)).with(\.$city).all()
            .reduce(into: [UUID: String]()) { result, record in
                if let id = record.id { result[id] = record.city.country }
            }
        return reports.flatMap { documents($0, country: cityOf[$0.reviewID]) }
    }
}
