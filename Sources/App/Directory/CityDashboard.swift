import CarbonAccounting
import FluentKit
import Foundation
import Indicators
import SQLKit

/// A city's page at a glance (issue 11, "A city's page becomes its dashboard"): the latest
/// emissions, target progress, actions by status, the latest published assessments against its
/// peers, its peers, case studies and events, and what is missing. Every number carries the
/// record it comes from, so the page links it.
struct CityDashboard: Sendable {
    /// The latest emissions figure: the newest published platform inventory, else the newest
    /// reported total with a stated basis (CDP BASIC, CEADs territorial CO2).
    struct Emissions: Sendable {
        let year: Int
        let basis: EmissionsBasis
        let total: Double
        let co2Only: Bool
        let gwp: String?
        let source: String
        /// Only for a platform inventory: the link to its page.
        let fromInventory: Bool
        let verified: Bool?
        /// t per resident of the same year (nil when that year has no resident population), the
        /// population used and its source.
        let perPerson: Double?
        let population: Double?
        let perPersonNote: String
        let sectors: [(sector: GPCSector, value: Double)]
    }

    struct AssessmentScore: Sendable {
        let framework: String
        let frameworkName: String
        let year: Int
        /// The composite as the scoring summed it: why it is not shown is said from its numbers.
        let composite: ScoreSummary
        var score: Double? { composite.score }
        var itemsScored: Int { composite.itemsScored }
        /// The median composite of the city's peers with a published assessment of the same
        /// edition and year, and how many there are (no median from fewer than 3).
        let peerMedian: Double?
        let peersAssessed: Int
    }

    struct Peer: Sendable {
        let link: NamedLink
        let matchPercent: Double
        let near: [String]
    }

    let slug: String
    let emissions: Emissions?
    let targets: [EvaluatedTarget]
    let actionsByStatus: [(status: ActionStatus, count: Int)]
    let assessments: [AssessmentScore]
    let peers: [Peer]
    let caseStudies: [NamedLink]
    let events: [KnowledgeRecord]
    /// Catalogue keys of what the city lacks (`dashboard.missing.*`).
    let missing: [String]
}

extension CityDashboard: CacheCosted {
    var cacheCost: Int { 16_384 + events.count * 2048 }
}

/// The city page: its profile and its dashboard, read together so that the page has one cached read.
struct CityPage: Sendable {
    let profile: CityProfile
    let dashboard: CityDashboard?
}

extension CityPage: CacheCosted {
    var cacheCost: Int { 8192 + profile.facts.count * 512 + (dashboard?.cacheCost ?? 0) }
}

extension CityReads {
    /// The city page's read: the profile's tables and the dashboard's.
    static let page = CachedRead<String, CityPage?>(
        "city.page", tables: Array(Set(CityReads.profileTables + dashboardTables)).sorted { $0.rawValue < $1.rawValue }
    ) { slug, query in
        guard let profile = try await query.cache.value(CityReads.profile, slug, in: query) else { return nil }
        return CityPage(profile: profile, dashboard: try await query.cache.value(CityReads.dashboard, slug, in: query))
    }

    /// Everything the dashboard reads: the indicator data (registry, inventories, facts), the
    /// assessments and peers, and the knowledge hub's events.
    static let dashboardTables: [Table] = PeerReads.tables + [.knowledgeItems]

    static let dashboard = CachedRead<String, CityDashboard?>("city.dashboard", tables: dashboardTables) { slug, query in
        try await CityDashboardQuery.load(slug: slug, query)
    }
}

enum CityDashboardQuery {
    static func load(slug: String, _ query: QueryContext) async throws -> CityDashboard? {
        let data = try await query.cache.value(IndicatorReads.data, Whole(), in: query)
        guard let city = data.city(slug) else { return nil }
        async let registry = query.cache.value(RegistryReads.registry, Whole(), in: query)
        async let peers = query.cache.value(PeerReads.peers, slug, in: query)
        async let published = publishedAssessments(of: city.id, on: query.db)
        async let events = KnowledgeQueries.records(
            KnowledgeQueries.published(.event, on: query.db).filter(\.$city.$id == city.id).sort(\.$startsOn, .descending)
                .limit(5))
        let targets = try await registry.targets.filter { $0.target.cityID == city.id }
        var counts: [ActionStatus: Int] = [:]
        for action in try await registry.actions where action.cityID == city.id {
            if let status = ActionStatus(rawValue: action.status) { counts[status, default: 0] += 1 }
        }
        let cityPeers = try await peers
        let peerSlugs = cityPeers?.result.matches.map(\.peer) ?? []
        var assessments: [CityDashboard.AssessmentScore] = []
        for key in try await published {
            guard let cohort = try await query.cache.value(AssessmentReads.cohort, key, in: query) else { continue }
            let composite = cohort.view(city).scores.composite
            let peerScores = peerSlugs.compactMap { peer -> Double? in
                guard let view = cohort.assessed[peer], view.record?.state == .published else { return nil }
                return view.scores.composite.score
            }
            assessments.append(
                CityDashboard.AssessmentScore(
                    framework: key.framework, frameworkName: cohort.framework.framework.name.values["en"] ?? key.framework,
                    year: key.year, composite: composite, peerMedian: peerScores.count >= 3 ? median(peerScores) : nil,
                    peersAssessed: peerScores.count))
        }
        let emissions = latestEmissions(city.inputs)
        let actions = ActionStatus.allCases.compactMap { status in counts[status].map { (status: status, count: $0) } }
        return CityDashboard(
            slug: slug, emissions: emissions, targets: targets, actionsByStatus: actions, assessments: assessments,
            peers: (cityPeers?.result.matches ?? []).prefix(5).compactMap { match in
                data.city(match.peer).map {
                    CityDashboard.Peer(
                        link: NamedLink(slug: $0.slug, names: $0.names), matchPercent: match.matchPercent,
                        near: match.near.map(\.rawValue))
                }
            },
            caseStudies: city.caseStudies, events: try await events,
            missing: missing(city.inputs, emissions: emissions, targets: targets, actions: counts.values.reduce(0, +)))
    }

    /// The newest published platform inventory on its own level's basis; without one, the newest
    /// reported total whose basis is stated.
    static func latestEmissions(_ inputs: CityIndicatorInputs) -> CityDashboard.Emissions? {
        let platform = inputs.inventories.filter { $0.version > 0 }
        let chosen = platform.max { $0.year < $1.year } ?? inputs.inventories.max { $0.year < $1.year }
        guard let figures = chosen else { return nil }
        let basis: EmissionsBasis =
            figures.totals[.basicPlus] != nil && figures.version > 0 && figures.totals[.basic] == nil
            ? .basicPlus : [.basic, .basicPlus, .territorial].first { figures.totals[$0] != nil } ?? .territorial
        guard let total = figures.totals[basis] else { return nil }
        // Per person: resident (or unstated) population of the same year only — never registered
        // (hukou) population, never another year's.
        let population = inputs.population.first { $0.year == figures.year && $0.kind != .registered }
        let perPerson = population.map { total / $0.value }
        let note = population.map(\.source) ?? ""
        return CityDashboard.Emissions(
            year: figures.year, basis: basis, total: total, co2Only: figures.gases == .co2Only, gwp: figures.gwp?.rawValue,
            source: figures.source, fromInventory: figures.version > 0, verified: figures.verified, perPerson: perPerson,
            population: population?.value, perPersonNote: note,
            sectors: figures.sectorBasis == basis || figures.version > 0
                ? GPCSector.allCases.compactMap { sector in figures.sectors[sector].map { (sector: sector, value: $0) } } : [])
    }

    static func missing(
        _ inputs: CityIndicatorInputs, emissions: CityDashboard.Emissions?, targets: [EvaluatedTarget], actions: Int
    )
        -> [String]
    {
        var missing: [String] = []
        if !inputs.inventories.contains(where: { $0.version > 0 }) { missing.append("no_inventory") }
        if let emissions, emissions.fromInventory, emissions.verified != true { missing.append("unverified") }
        if emissions != nil && emissions?.perPerson == nil { missing.append("no_population") }
        if targets.isEmpty { missing.append("no_targets") }
        if !targets.isEmpty && targets.allSatisfy(\.progress.isUnavailable) { missing.append("no_progress") }
        if actions == 0 { missing.append("no_actions") }
        return missing
    }

    /// Framework slug, edition and year of the city's published assessments, newest year first.
    static func publishedAssessments(of city: UUID, on db: any Database) async throws -> [CohortKey] {
        try await db.sql().raw(
            """
            SELECT f.slug, e.version, a.year FROM assessments a JOIN framework_editions e ON e.id = a.edition_id \
            JOIN frameworks f ON f.id = e.framework_id \
            WHERE a.city_id = \(bind: city) AND a.state = \(bind: AssessmentState.published.rawValue) \
            ORDER BY a.year DESC, f.slug
            """
        ).all().map {
            CohortKey(
                framework: try $0.decode(column: "slug", as: String.self),
                version: try $0.decode(column: "version", as: String.self),
                year: try $0.decode(column: "year", as: Int.self))
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
