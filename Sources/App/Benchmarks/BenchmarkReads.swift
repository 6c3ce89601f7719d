import FluentKit
import Foundation
import Indicators

/// One indicator of one framework edition, as the benchmarks compare it.
struct IndicatorKey: Hashable, Sendable, CustomStringConvertible {
    let framework: String
    let version: String
    let item: String

    var description: String { "\(framework)@\(version)#\(item)" }
}

/// Every city's figures of one indicator, all years: computed items evaluated from each city's
/// data for every year it has an inventory or emissions figure; entered items from published
/// assessments. Each figure carries what it must share to be compared and its plausibility inputs.
struct IndicatorObservations: Sendable {
    let framework: FrameworkEntry
    let edition: EditionEntry
    let item: FrameworkItem
    let observations: [IndicatorObservation]
    let cities: IndicatorData
    let settings: BenchmarkSettings
    /// The year a view opens on: the latest with at least 3 figures (else the latest). Computed once
    /// with the data, not per request (a request would otherwise count every figure).
    let defaultYear: Int

    init(
        framework: FrameworkEntry, edition: EditionEntry, item: FrameworkItem, observations: [IndicatorObservation],
        cities: IndicatorData, settings: BenchmarkSettings
    ) {
        self.framework = framework
        self.edition = edition
        self.item = item
        self.observations = observations
        self.cities = cities
        self.settings = settings
        var counts: [Int: Int] = [:]
        for observation in observations { counts[observation.year, default: 0] += 1 }
        defaultYear = counts.filter { $0.value >= 3 }.keys.max() ?? counts.keys.max() ?? 0
    }

    var direction: Direction {
        if case .quantitative(let spec) = item.kind { return spec.direction }
        return .higherIsBetter
    }

    var unit: String {
        if case .quantitative(let spec) = item.kind { return spec.unit.symbol }
        return ""
    }

    var years: [Int] { Array(Set(observations.map(\.year))).sorted() }

    /// The basis most of the year's figures are on: the one every other figure is compared with.
    func reference(year: Int) -> ComparisonBasis {
        var counts: [ComparisonBasis: Int] = [:]
        for observation in observations where observation.year == year { counts[observation.basis, default: 0] += 1 }
        return counts.max { ($0.value, $1.key.description) < ($1.value, $0.key.description) }?.key ?? .none
    }

    func view(year: Int, among cities: Set<String>?, focus: String?) -> BenchmarkView {
        let chosen = cities.map { set in observations.filter { set.contains($0.city) } } ?? observations
        return BenchmarkView.build(
            indicator: item.id.rawValue, direction: direction, observations: chosen, reference: reference(year: year), year: year,
            focus: focus, rules: settings.rules, thresholds: settings.thresholds)
    }
}

extension IndicatorObservations: CacheCosted {
    var cacheCost: Int { 4096 + observations.count * 160 }
}

extension ComparisonBasis {
    var description: String {
        [
            emissions?.label, gases.map { $0 == .co2Only ? "CO2 only" : "all greenhouse gases" },
            gwp.map { "\($0.rawValue) GWPs" },
            currency, priceBasis?.description,
        ].compactMap { $0 }.joined(separator: ", ")
    }
}

enum BenchmarkReads {
    /// Peer groups too: a page made from these observations may be filtered by a group.
    static let tables: [Table] = AssessmentReads.tables + [.benchmarkSettings, .peerGroups]

    static let observations = CachedRead<IndicatorKey, IndicatorObservations?>("benchmarks.observations", tables: tables) {
        key, query in
        let catalog = try await query.cache.value(FrameworkReads.catalog, Whole(), in: query)
        guard let framework = catalog.first(where: { $0.slug == key.framework }), let edition = framework.edition(key.version),
            let item = edition.edition.item(ItemID(key.item))
        else { return nil }
        let data = try await query.cache.value(IndicatorReads.data, Whole(), in: query)
        let settings = try await query.cache.value(BenchmarkSettingsReads.settings, Whole(), in: query)
        var observations: [IndicatorObservation] = []
        if let formula = item.formula, case .quantitative(let spec) = item.kind {
            for city in data.cities {
                let years = Set(city.inputs.inventories.map(\.year))
                for year in years.sorted() {
                    guard case .value(let computed) = Formulas.evaluate(formula, inputs: city.inputs, year: year, unit: spec.unit)
                    else { continue }
                    observations.append(
                        IndicatorObservation(
                            city: city.slug, value: computed.value, year: computed.year ?? year, basis: computed.basis,
                            plausibility: FigurePlausibility.inputs(
                                city, year: computed.year ?? year, formula: formula, value: computed.value, settings: settings)))
                }
            }
        } else {
            let records = try await AssessmentRecord.query(on: query.db).filter(\.$edition.$id == edition.id)
                .filter(\.$stateRaw == AssessmentState.published.rawValue).all()
            for record in records {
                guard let city = data.cities.first(where: { $0.id == record.$city.id }),
                    let responses = try? AssessmentCSV.read(record.valuesCSV, edition: edition.edition, requireEvidence: false),
                    let answer = responses[item.id]?.answer.comparable
                else { continue }
                observations.append(IndicatorObservation(city: city.slug, value: answer, year: record.year))
            }
        }
        return IndicatorObservations(
            framework: framework, edition: edition, item: item, observations: observations, cities: data, settings: settings)
    }
}

/// The plausibility inputs of a figure (CDP 2019 data-quality checks, `benchmarking_methods.md`):
/// the population a per-person figure used against the city's resident (census) population, and
/// per-person emissions against the country's figure the secretariat set.
enum FigurePlausibility {
    static func inputs(
        _ city: IndicatorCity, year: Int, formula: FormulaName, value: Double, settings: BenchmarkSettings
    ) -> PlausibilityInputs? {
        guard formula == .emissionsPerPerson else { return nil }
        let sameYear = city.inputs.population.filter { $0.year == year }
        let resident = city.inputs.population.filter { $0.kind == .resident }.min { abs($0.year - year) < abs($1.year - year) }
        let reported = sameYear.first { $0.kind != .resident }
        return PlausibilityInputs(
            reportedPopulation: reported?.value, directoryPopulation: reported == nil ? nil : resident?.value,
            perPersonEmissions: value, countryPerPersonEmissions: settings.countries[city.country]?.perPerson)
    }
}
