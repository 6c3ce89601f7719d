import Foundation
import Indicators

extension PeerPageModel: CacheCosted {
    var cacheCost: Int { 32_768 + standings.count * 1024 }
}

extension PeerReads {
    /// The peers page whole: the peers, the city's standing on each computed index item among
    /// them and its series over time beside their median — computed once per change of the data,
    /// not per request (each standing builds a benchmark view over every city's figures).
    static let page = CachedRead<String, PeerPageModel?>("benchmarks.peers_page", tables: tables) { slug, query in
        guard let peers = try await query.cache.value(PeerReads.peers, slug, in: query) else { return nil }
        return PeerPageModel(
            peers: peers, standings: try await PeerPageQuery.standings(peers, query),
            overTime: try await PeerPageQuery.overTime(peers, query))
    }
}

enum PeerPageQuery {
    /// The city's own series of the index's first computed item it has figures for, beside its
    /// peers' median of each year (on the basis most of the city's figures are on; a year whose
    /// peers have no comparable figure has no median).
    static func overTime(_ peers: CityPeers, _ query: QueryContext) async throws -> PeerPageModel.OverTime? {
        let catalog = try await query.cache.value(FrameworkReads.catalog, Whole(), in: query)
        guard let framework = catalog.first(where: { $0.slug == "lcc-index" }) ?? catalog.first, let edition = framework.current
        else { return nil }
        let peerSlugs = Set(peers.result.matches.map(\.peer))
        guard !peerSlugs.isEmpty else { return nil }
        for item in edition.edition.items where item.formula != nil && !item.isContextOnly {
            let key = IndicatorKey(framework: framework.slug, version: edition.version, item: item.id.rawValue)
            guard let data = try await query.cache.value(BenchmarkReads.observations, key, in: query) else {
                continue
            }
            let own = data.observations.filter { $0.city == peers.city.slug }
            guard let latest = own.max(by: { $0.year < $1.year }), own.count >= 2 else { continue }
            let reference = latest.basis
            let years = Array(Set(own.map(\.year))).sorted()
            let medians = BenchmarkView.medianSeries(
                direction: data.direction, observations: data.observations.filter { peerSlugs.contains($0.city) },
                reference: reference, years: years, rules: data.settings.rules, thresholds: data.settings.thresholds)
            let rows = years.map { year in
                PeerPageModel.OverTime.Row(
                    year: year, own: own.first { $0.year == year && $0.basis == reference }?.value, median: medians[year])
            }
            return PeerPageModel.OverTime(
                item: item, unit: data.unit, basis: reference.description, framework: framework.slug, rows: rows)
        }
        return nil
    }

    /// The city against its peers on each scored computed item of the index.
    static func standings(_ peers: CityPeers, _ query: QueryContext) async throws -> [PeerPageModel.Standing] {
        let catalog = try await query.cache.value(FrameworkReads.catalog, Whole(), in: query)
        guard let framework = catalog.first(where: { $0.slug == "lcc-index" }) ?? catalog.first, let edition = framework.current
        else {
            return []
        }
        let members = Set(peers.result.matches.map(\.peer) + [peers.city.slug])
        var rows: [PeerPageModel.Standing] = []
        for item in edition.edition.items where item.formula != nil && !item.isContextOnly {
            let key = IndicatorKey(framework: framework.slug, version: edition.version, item: item.id.rawValue)
            guard let data = try await query.cache.value(BenchmarkReads.observations, key, in: query) else {
                continue
            }
            let own = data.observations.filter { $0.city == peers.city.slug }.max { $0.year < $1.year }
            guard let year = own?.year else {
                rows.append(
                    .init(
                        item: item, unit: data.unit, value: nil, year: nil, median: nil, standing: nil, framework: framework.slug)
                )
                continue
            }
            let view = data.view(year: year, among: members, focus: peers.city.slug)
            rows.append(
                .init(
                    item: item, unit: data.unit, value: own?.value, year: year, median: view.distribution?.median,
                    standing: view.focus, framework: framework.slug))
        }
        return rows
    }
}
