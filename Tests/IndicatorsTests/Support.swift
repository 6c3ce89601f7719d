import Testing

@testable import Indicators

/// Equal up to floating-point summation order (1e-12 relative): the module itself never rounds.
func expectClose(_ actual: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(actual - expected) <= 1e-12 * max(1, abs(expected)), "\(actual) ≠ \(expected)", sourceLocation: sourceLocation)
}

let testFramework = Framework(slug: "test", name: LocalizedText(en: "Test framework"))

/// A quantitative entered item scored linearly.
func linearItem(
    _ id: ItemID, group: String = "G", unit: IndicatorUnit = "%", direction: Direction = .higherIsBetter, floor: Double,
    benchmark: Double, weight: Double = 1, applicability: Applicability = .always
) -> FrameworkItem {
    FrameworkItem(
        id: id, group: group, name: LocalizedText(en: id.rawValue),
        kind: .quantitative(
            QuantitativeSpec(
                unit: unit, direction: direction, obtain: .entered(evidenceRequired: false),
                scoring: .linear(floor: floor, benchmark: benchmark))),
        weight: weight, applicability: applicability, benchmarkReason: "test")
}

/// A qualitative item with English descriptors "level n".
func levelItem(_ id: ItemID, group: String = "G", maxLevel: Int, weight: Double = 1, applicability: Applicability = .always)
    -> FrameworkItem
{
    var descriptors: [Int: LocalizedText] = [:]
    for level in 0...maxLevel { descriptors[level] = LocalizedText(en: "level \(level)") }
    return FrameworkItem(
        id: id, group: group, name: LocalizedText(en: id.rawValue),
        kind: .qualitative(LevelScale(maxLevel: maxLevel, descriptors: descriptors, evidenceRequired: false)), weight: weight,
        applicability: applicability)
}

/// An edition over the given items, with groups named after the items' groups; fails the test if invalid.
func edition(
    _ items: [FrameworkItem], minimumShare: Double = Edition.defaultMinimumShare,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> Edition {
    var groups: [FrameworkGroup] = []
    for item in items where !groups.contains(where: { $0.id == item.group }) {
        groups.append(FrameworkGroup(id: item.group, name: LocalizedText(en: item.group)))
    }
    return try Edition(framework: testFramework, version: "1", minimumShare: minimumShare, groups: groups, items: items)
}

func assessment(_ answers: [ItemID: Answer], city: CityContext = CityContext()) -> Assessment {
    Assessment(
        framework: "test", edition: "1", year: 2021, city: city, responses: answers.mapValues { ItemResponse($0) })
}
