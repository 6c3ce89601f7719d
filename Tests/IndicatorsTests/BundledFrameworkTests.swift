import Testing

@testable import Indicators

@Suite struct BundledFrameworkTests {
    @Test func bundledFrameworks_loadAndValidate() throws {
        let editions = try BundledFrameworks.loadAll()
        #expect(editions.map(\.framework.slug) == ["lcc-index", "undrr-scorecard", "ecomobility-shift-plus", "plan-quality"])
        #expect(editions.allSatisfy { !$0.framework.notKnown.isEmpty && !$0.framework.source.isEmpty })
        #expect(try BundledFrameworks.shared.get().count == 4)
    }

    @Test func lccIndex_hasTwelveComputedScoredIndicatorsAndTheEnteredOnes() throws {
        let index = try BundledFrameworks.load(.lccIndex)
        let computedScored = index.items.filter { $0.formula != nil && $0.weight > 0 && !$0.isContextOnly }
        #expect(computedScored.count >= 12)
        #expect(index.groups.count == 6)
        // every GPC sector share (I–V) is there, as context
        let shares = index.items.compactMap { $0.formula?.sector }
        #expect(Set(shares) == [.stationaryEnergy, .transportation, .waste, .ippu, .afolu])
        // entered: renewable share, green space, public transport share, policy items
        let entered = Set(index.items.filter(\.isEntered).map(\.id))
        #expect(entered.isSuperset(of: ["EN02", "RE03", "TR01", "PO05", "PO06"]))
        // every item has a name in the four platform languages
        #expect(index.items.allSatisfy { item in LocalizedText.platformLanguages.allSatisfy { item.name[$0] != nil } })
        // content from memory is marked as such
        #expect(index.items.filter { $0.confidence == .recalled }.map(\.id) == ["RE01", "RE03"])
    }

    @Test func undrrScorecard_hasTheTenEssentials_andOnlyLabelledSampleItems() throws {
        let scorecard = try BundledFrameworks.load(.undrrScorecardSample)
        #expect(scorecard.groups.map(\.id) == (1...10).map { "E\($0)" })
        #expect(scorecard.groups[9].name["en"] == "Expedite recovery and build back better")
        #expect(scorecard.items.allSatisfy { $0.confidence == .sample && ($0.name["en"] ?? "").hasPrefix("SAMPLE") })
        for item in scorecard.items {
            guard case .qualitative(let scale) = item.kind else {
                Issue.record("\(item.id) is not on a level scale")
                continue
            }
            #expect(scale.maxLevel == 5)
        }
        let template = try FrameworkCSV.read(try BundledFrameworks.text(BundledFrameworks.undrrImportTemplate))
        #expect(template.groups.count == 10)
        #expect(template.framework.slug == scorecard.framework.slug)
    }

    @Test func shiftPlus_has23IndicatorsInThreeGroupsOnAProvisionalScale() throws {
        let shift = try BundledFrameworks.load(.ecomobilityShiftPlus)
        #expect(shift.items.count == 23)
        #expect(shift.groups.map { shift.items(inGroup: $0.id).count } == [6, 12, 5])
        #expect(shift.items.map(\.id.rawValue).prefix(3) == ["E1", "E2", "E3"])
        #expect(shift.items.allSatisfy { $0.confidence == .provisional })
        for item in shift.items {
            guard case .qualitative(let scale) = item.kind else { continue }
            #expect(scale.maxLevel == 4)
            #expect(
                scale.levels.allSatisfy { level in
                    LocalizedText.platformLanguages.allSatisfy { scale.descriptors[level]?[$0] != nil }
                })
        }
    }
}
