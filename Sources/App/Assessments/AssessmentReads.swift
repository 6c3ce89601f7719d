import FluentKit
import Foundation
import Indicators

/// The assessments of one framework edition for one year, as every page and document shows them.
struct CohortKey: Hashable, Sendable, CustomStringConvertible {
    let framework: String
    let version: String
    let year: Int

    var description: String { "\(framework)@\(version)/\(year)" }
}

/// One city's assessment: the stored record (nil when the city has none, and the page shows what
/// the platform can compute), the answers with computed items recomputed from today's data, and
/// the scores under the framework's weights and under equal weights.
struct AssessmentView: Sendable {
    struct Record: Sendable {
        let id: UUID
        let state: AssessmentState
        let version: Int
        let illustrative: Bool
        let updatedAt: Date?
        let valuesCSV: String
    }

    let city: IndicatorCity
    let record: Record?
    let assessment: Assessment
    let scores: AssessmentScores
    let equalScores: AssessmentScores

    /// Who may see it: a published assessment everyone; a draft or submitted one only its city's
    /// editors and the secretariat (like inventories).
    func isVisible(to user: CurrentUser?) -> Bool {
        guard let record else { return true }
        return record.state == .published || EditorRule.mayEdit(city: city.id, user: user)
    }
}

/// An edition's cohort for a year: the framework and edition, and every city with an assessment.
struct AssessmentCohort: Sendable {
    let framework: FrameworkEntry
    let edition: EditionEntry
    let year: Int
    /// Cities with an assessment record, by slug.
    let assessed: [String: AssessmentView]
    /// Framework-weight vs equal-weight ranks among the published assessments.
    let sensitivity: [String: SensitivityRow]
    /// Every city's inputs (the cohort was computed from them).
    let cities: IndicatorData

    /// A city's view: its record, or what the platform computes for it without one.
    func view(_ city: IndicatorCity) -> AssessmentView {
        if let view = assessed[city.slug] { return view }
        let computed = Assessment(
            edition: edition.edition, year: year, city: CityContext(cityType: city.cityType, country: city.country)
        )
        .computing(edition.edition, from: city.inputs)
        return AssessmentView(
            city: city, record: nil, assessment: computed, scores: edition.edition.score(computed),
            equalScores: edition.edition.score(computed, weights: .equal))
    }
}

extension AssessmentCohort: CacheCosted {
    var cacheCost: Int { 8192 + assessed.count * 8192 }
}

enum AssessmentReads {
    static let tables: [Table] = IndicatorReads.tables + [.frameworks, .frameworkEditions, .assessments]

    /// The cohort of an edition and year (nil: no such framework or edition).
    static let cohort = CachedRead<CohortKey, AssessmentCohort?>("assessments.cohort", tables: tables) { key, query in
        let catalog = try await query.cache.value(FrameworkReads.catalog, Whole(), in: query)
        guard let framework = catalog.first(where: { $0.slug == key.framework }), let edition = framework.edition(key.version)
        else { return nil }
        let data = try await query.cache.value(IndicatorReads.data, Whole(), in: query)
        let records = try await AssessmentRecord.query(on: query.db).filter(\.$edition.$id == edition.id)
            .filter(\.$year == key.year).all()
        var assessed: [String: AssessmentView] = [:]
        for record in records {
            guard let index = data.cities.firstIndex(where: { $0.id == record.$city.id }) else { continue }
            let city = data.cities[index]
            let responses = (try? AssessmentCSV.read(record.valuesCSV, edition: edition.edition, requireEvidence: false)) ?? [:]
            let assessment = Assessment(
                framework: key.framework, edition: key.version, year: key.year,
                city: CityContext(cityType: city.cityType, country: city.country), responses: responses
            ).computing(edition.edition, from: city.inputs)
            assessed[city.slug] = AssessmentView(
                city: city,
                record: AssessmentView.Record(
                    id: try record.requireID(), state: record.state, version: record.version, illustrative: record.illustrative,
                    updatedAt: record.updatedAt, valuesCSV: record.valuesCSV),
                assessment: assessment, scores: edition.edition.score(assessment),
                equalScores: edition.edition.score(assessment, weights: .equal))
        }
        let published = assessed.values.filter { $0.record?.state == .published }.sorted { $0.city.slug < $1.city.slug }
        let rows = Sensitivity.ranks(edition.edition, assessments: published.map { ($0.city.slug, $0.assessment) })
        return AssessmentCohort(
            framework: framework, edition: edition, year: key.year, assessed: assessed,
            sensitivity: Dictionary(rows.map { ($0.city, $0) }, uniquingKeysWith: { a, _ in a }), cities: data)
    }
}

extension Services {
    var assessments: AssessmentService { AssessmentService(db: db, clock: clock) }

    func cohort(_ key: CohortKey) async throws -> AssessmentCohort {
        guard let cohort = try await cache.value(AssessmentReads.cohort, key, in: query) else { throw AppError.notFound }
        return cohort
    }

    func indicatorData() async throws -> IndicatorData { try await cache.value(IndicatorReads.data, Whole(), in: query) }
}
