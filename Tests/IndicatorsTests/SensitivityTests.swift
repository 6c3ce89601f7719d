import Testing

@testable import Indicators

@Suite struct SensitivityTests {
    @Test func ranks_underFrameworkAndEqualWeights() throws {
        let edition = try edition([
            linearItem("A", floor: 0, benchmark: 100, weight: 3), linearItem("B", floor: 0, benchmark: 100, weight: 1),
        ])
        let cities = [
            // X: framework (3 × 100 + 0) / 4 = 75; equal (100 + 0) / 2 = 50
            (city: "X", assessment: assessment(["A": .value(100), "B": .value(0)])),
            // Y: framework (3 × 40 + 100) / 4 = 55; equal (40 + 100) / 2 = 70
            (city: "Y", assessment: assessment(["A": .value(40), "B": .value(100)])),
            // Z: 60 either way
            (city: "Z", assessment: assessment(["A": .value(60), "B": .value(60)])),
            // W: nothing → not shown, not ranked
            (city: "W", assessment: assessment([:])),
        ]
        let rows = Sensitivity.ranks(edition, assessments: cities)

        let x = try #require(rows.first { $0.city == "X" })
        let y = try #require(rows.first { $0.city == "Y" })
        let w = try #require(rows.first { $0.city == "W" })
        expectClose(x.frameworkScore, 75)
        expectClose(x.equalScore, 50)
        #expect(x.frameworkRank == 1)
        #expect(x.equalRank == 3)
        #expect(x.rankShift == -2)
        #expect(y.frameworkRank == 3)
        #expect(y.equalRank == 1)
        #expect(y.rankShift == 2)
        #expect(rows.first { $0.city == "Z" }?.frameworkRank == 2)
        #expect(w.frameworkRank == nil)
        #expect(w.rankShift == nil)
    }
}
