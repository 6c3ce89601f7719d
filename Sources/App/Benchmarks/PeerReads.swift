import FluentKit
import Foundation
import Indicators

/// A named group of cities to compare with, defined by the secretariat.
struct PeerGroup: Sendable {
    let slug: String
    let names: [String: String]
    let description: String
    let source: String
    let cities: [String]
}

/// A city's peers: its own features (what could not be compared is said) and the most similar
/// cities with their match % and why.
struct CityPeers: Sendable {
    let city: IndicatorCity
    let result: PeerResult
    let weights: PeerWeights
    /// The named groups the city belongs to.
    let groups: [PeerGroup]
    let cities: IndicatorData
}

extension CityPeers: CacheCosted {
    var cacheCost: Int { 16_384 }
}

enum PeerReads {
    static let groups = CachedRead<Whole, [PeerGroup]>("benchmarks.groups", tables: [.peerGroups]) { _, query in
        try await PeerGroupRecord.query(on: query.db).sort(\.$slug).all().map { record in
            PeerGroup(
                slug: record.slug,
                names: (try? JSONDecoder().decode([String: String].self, from: Data(record.names.utf8))) ?? [:],
                description: record.details, source: record.source,
                cities: (try? JSONDecoder().decode([String].self, from: Data(record.cities.utf8))) ?? [])
        }
    }

    /// The benchmarks' tables: the peers page also shows where the city stands on the index.
    static let tables: [Table] = BenchmarkReads.tables

    /// The ten most similar cities by the secretariat's weights (nil: no such city).
    static let peers = CachedRead<String, CityPeers?>("benchmarks.peers", tables: tables) { slug, query in
        let data = try await query.cache.value(IndicatorReads.data, Whole(), in: query)
        guard let city = data.city(slug) else { return nil }
        let settings = try await query.cache.value(BenchmarkSettingsReads.settings, Whole(), in: query)
        let groups = try await query.cache.value(PeerReads.groups, Whole(), in: query)
        func features(_ city: IndicatorCity) -> PeerFeatures {
            var features = city.features
            features.id = city.slug
            features.country = city.country
            features.cityType = city.cityType
            return features
        }
        let result = PeerMatcher.peers(
            of: features(city), among: data.cities.filter { $0.slug != slug }.map(features), weights: settings.peers, limit: 10)
        return CityPeers(
            city: city, result: result, weights: settings.peers, groups: groups.filter { $0.cities.contains(slug) }, cities: data)
    }
}

extension Services {
    func peerGroups() async throws -> [PeerGroup] { try await cache.value(PeerReads.groups, Whole(), in: query) }
    func benchmarkSettings() async throws -> BenchmarkSettings {
        try await cache.value(BenchmarkSettingsReads.settings, Whole(), in: query)
    }
}
