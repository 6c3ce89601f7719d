import Foundation
import Indicators

/// The JSON shapes of frameworks, assessments, peers and benchmarks (snake_case, explicit nulls).
struct FrameworkSummaryDocument: Encodable, Sendable {
    struct EditionDocument: Encodable, Sendable {
        let version: String
        let state: String
        @Null var previousVersion: String?
        @Null var publishedAt: Date?
        let items: Int
        let assessments: Int
        enum CodingKeys: String, CodingKey {
            case version, state
            case previousVersion = "previous_version"
            case publishedAt = "published_at"
            case items, assessments
        }
    }

    let slug: String
    let name: String
    let names: [String: String]
    let source: String
    let notKnown: [String]
    let editions: [EditionDocument]
    let url: String
    enum CodingKeys: String, CodingKey {
        case slug, name, names, source
        case notKnown = "not_known"
        case editions, url
    }

    init(_ entry: FrameworkEntry) {
        slug = entry.slug
        name = entry.framework.name.resolved("en")
        names = entry.framework.name.values
        source = entry.framework.source
        notKnown = entry.framework.notKnown.map { $0.resolved("en") }
        editions = entry.editions.map {
            EditionDocument(
                version: $0.version, state: $0.state.rawValue, previousVersion: $0.edition.previousVersion,
                publishedAt: $0.publishedAt, items: $0.edition.items.count, assessments: $0.assessments)
        }
        url = Paths.framework(entry.slug)
    }
}

struct FrameworkDocument: Encodable, Sendable {
    struct GroupDocument: Encodable, Sendable {
        let id: String
        let names: [String: String]
        let confidence: String
    }

    struct ItemDocument: Encodable, Sendable {
        let id: String
        let group: String
        let names: [String: String]
        let kind: String
        @Null var unit: String?
        @Null var direction: String?
        @Null var formula: String?
        let evidenceRequired: Bool
        let scoring: String
        @Null var levels: [String: [String: String]]?
        let weight: Double
        @Null var previousID: String?
        let benchmarkReason: String
        let confidence: String
        let source: String
        enum CodingKeys: String, CodingKey {
            case id, group, names, kind, unit, direction, formula
            case evidenceRequired = "evidence_required"
            case scoring, levels, weight
            case previousID = "previous_id"
            case benchmarkReason = "benchmark_reason"
            case confidence, source
        }
    }

    let framework: FrameworkSummaryDocument
    let edition: String
    let state: String
    let minimumShare: Double
    let groups: [GroupDocument]
    let items: [ItemDocument]
    enum CodingKeys: String, CodingKey {
        case framework, edition, state
        case minimumShare = "minimum_share"
        case groups, items
    }

    init(_ entry: FrameworkEntry, edition: EditionEntry, t: Translator) {
        framework = FrameworkSummaryDocument(entry)
        self.edition = edition.version
        state = edition.state.rawValue
        minimumShare = edition.edition.minimumShare
        groups = edition.edition.groups.map {
            GroupDocument(id: $0.id, names: $0.name.values, confidence: $0.confidence.rawValue)
        }
        items = edition.edition.items.map { item in
            var unit: String?
            var direction: String?
            var levels: [String: [String: String]]?
            if case .quantitative(let spec) = item.kind {
                unit = spec.unit.symbol
                direction = spec.direction.rawValue
            }
            if case .qualitative(let scale) = item.kind {
                levels = Dictionary(uniqueKeysWithValues: scale.levels.map { (String($0), scale.descriptors[$0]?.values ?? [:]) })
            }
            let scoring = ItemText.scoringText(item, t: t)
            return ItemDocument(
                id: item.id.rawValue, group: item.group, names: item.name.values, kind: item.kind.name, unit: unit,
                direction: direction, formula: item.formula?.rawValue, evidenceRequired: item.evidenceRequired, scoring: scoring,
                levels: levels, weight: item.weight, previousID: item.previousID?.rawValue, benchmarkReason: item.benchmarkReason,
                confidence: item.confidence.rawValue, source: item.source)
        }
    }
}

struct ScoreDocument: Encodable, Sendable {
    @Null var score: Double?
    @Null var notShownReason: String?
    let itemsScored: Int
    let itemsApplicable: Int
    let itemsMissing: Int
    let itemsExcluded: Int
    let itemsNotApplicable: Int
    @Null var weightShare: Double?
    enum CodingKeys: String, CodingKey {
        case score
        case notShownReason = "not_shown_reason"
        case itemsScored = "items_scored"
        case itemsApplicable = "items_applicable"
        case itemsMissing = "items_missing"
        case itemsExcluded = "items_excluded"
        case itemsNotApplicable = "items_not_applicable"
        case weightShare = "weight_share"
    }

    init(_ summary: ScoreSummary) {
        score = summary.score
        notShownReason = summary.notShownReason
        itemsScored = summary.itemsScored
        itemsApplicable = summary.itemsApplicable
        itemsMissing = summary.itemsMissing
        itemsExcluded = summary.itemsExcluded
        itemsNotApplicable = summary.itemsNotApplicable
        weightShare = summary.share
    }
}

struct AssessmentDocument: Encodable, Sendable {
    struct ItemDocument: Encodable, Sendable {
        let id: String
        let group: String
        /// scored, context, deducted, missing, not_applicable, excluded
        let status: String
        @Null var score: Double?
        @Null var value: Double?
        @Null var level: Int?
        @Null var unit: String?
        @Null var reason: String?
        let evidence: [String]
        let comment: String
        let computed: Bool
        let inputs: [String]
    }

    struct GroupDocument: Encodable, Sendable {
        let id: String
        let score: ScoreDocument
    }

    let city: String
    let framework: String
    let edition: String
    let year: Int
    /// draft, submitted, published, or null when nothing has been entered (computed items only).
    @Null var state: String?
    @Null var version: Int?
    let illustrative: Bool
    let composite: ScoreDocument
    let equalWeights: ScoreDocument
    let groups: [GroupDocument]
    let items: [ItemDocument]
    let url: String
    enum CodingKeys: String, CodingKey {
        case city, framework, edition, year, state, version, illustrative, composite
        case equalWeights = "equal_weights"
        case groups, items, url
    }

    init(_ cohort: AssessmentCohort, view: AssessmentView) {
        let edition = cohort.edition.edition
        city = view.city.slug
        framework = cohort.framework.slug
        self.edition = edition.version
        year = cohort.year
        state = view.record?.state.rawValue
        version = view.record?.version
        illustrative = view.record?.illustrative ?? false
        composite = ScoreDocument(view.scores.composite)
        equalWeights = ScoreDocument(view.equalScores.composite)
        groups = view.scores.groups.map { GroupDocument(id: $0.group, score: ScoreDocument($0.summary)) }
        items = edition.items.map { item in
            let response = view.assessment.responses[item.id]
            let score = view.scores.item(item.id)
            var value: Double?
            var level: Int?
            var reason: String?
            switch response?.answer {
            case .value(let number), .points(let number): value = number
            case .level(let number): level = number
            case .missing(let why), .excluded(let why): reason = why
            case nil: break
            }
            let status: String
            switch score?.status {
            case .scored: status = "scored"
            case .context: status = "context"
            case .deducted: status = "deducted"
            case .notApplicable(let why):
                status = "not_applicable"
                reason = why
            case .excluded: status = "excluded"
            case .missing(let why):
                status = "missing"
                reason = reason ?? why
            case nil: status = "missing"
            }
            var unit: String?
            if case .quantitative(let spec) = item.kind { unit = spec.unit.symbol }
            return ItemDocument(
                id: item.id.rawValue, group: item.group, status: status, score: score?.status.score, value: value, level: level,
                unit: unit, reason: reason, evidence: response?.evidence.map(\.reference) ?? [], comment: response?.comment ?? "",
                computed: item.formula != nil,
                inputs: response?.computed?.inputs.map { "\($0.role)\($0.year.map { " \($0)" } ?? ""): \($0.detail)" } ?? [])
        }
        url = Paths.assessment(view.city.slug, cohort.framework.slug, cohort.year)
    }
}

struct PeersDocument: Encodable, Sendable {
    struct Match: Encodable, Sendable {
        let city: String
        let matchPercent: Double
        let distance: Double
        let near: [String]
        let notCompared: [String]
        enum CodingKeys: String, CodingKey {
            case city
            case matchPercent = "match_percent"
            case distance, near
            case notCompared = "not_compared"
        }
    }

    let city: String
    @Null var population: Double?
    @Null var density: Double?
    @Null var emissionsPerPerson: Double?
    let groups: [String]
    let peers: [Match]
    let tooFewFeatures: [String]
    enum CodingKeys: String, CodingKey {
        case city, population, density
        case emissionsPerPerson = "emissions_per_person"
        case groups, peers
        case tooFewFeatures = "too_few_features"
    }

    init(_ peers: CityPeers) {
        city = peers.city.slug
        population = peers.city.features.population
        density = peers.city.features.density
        emissionsPerPerson = peers.city.features.emissionsPerPerson?.value
        groups = peers.groups.map(\.slug)
        self.peers = peers.result.matches.map {
            Match(
                city: $0.peer, matchPercent: $0.matchPercent, distance: $0.distance, near: $0.near.map(\.rawValue),
                notCompared: $0.notCompared.map { "\($0.feature.rawValue): \($0.reason)" })
        }
        tooFewFeatures = peers.result.tooFewFeatures
    }
}

struct BenchmarkDocument: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        let city: String
        let value: Double
        let year: Int
        @Null var rank: Int?
        let reasons: [String]
    }

    struct DistributionDocument: Encodable, Sendable {
        let count: Int
        let minimum: Double
        let lowerQuartile: Double
        let median: Double
        let upperQuartile: Double
        let maximum: Double
        enum CodingKeys: String, CodingKey {
            case count, minimum
            case lowerQuartile = "lower_quartile"
            case median
            case upperQuartile = "upper_quartile"
            case maximum
        }
    }

    let framework: String
    let edition: String
    let indicator: String
    let unit: String
    let direction: String
    let year: Int
    let comparedOn: String
    let ranked: [Entry]
    let flagged: [Entry]
    let notComparable: [Entry]
    @Null var distribution: DistributionDocument?
    enum CodingKeys: String, CodingKey {
        case framework, edition, indicator, unit, direction, year
        case comparedOn = "compared_on"
        case ranked, flagged
        case notComparable = "not_comparable"
        case distribution
    }

    init(_ data: IndicatorObservations, view: BenchmarkView) {
        framework = data.framework.slug
        edition = data.edition.version
        indicator = data.item.id.rawValue
        unit = data.unit
        direction = data.direction.rawValue
        year = view.year
        comparedOn = view.reference.description
        ranked = view.ranked.map { Entry(city: $0.city, value: $0.value, year: $0.year, rank: $0.rank, reasons: []) }
        flagged = view.flagged.map {
            Entry(
                city: $0.city, value: $0.value, year: $0.year, rank: nil,
                reasons: $0.plausibility.map(\.message) + $0.comparability.map(\.description))
        }
        notComparable = view.notComparable.map {
            Entry(city: $0.city, value: $0.value, year: $0.year, rank: nil, reasons: $0.issues.map(\.description))
        }
        distribution = view.distribution.map {
            DistributionDocument(
                count: $0.count, minimum: $0.minimum, lowerQuartile: $0.lowerQuartile, median: $0.median,
                upperQuartile: $0.upperQuartile, maximum: $0.maximum)
        }
    }
}
