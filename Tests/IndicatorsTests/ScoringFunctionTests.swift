import Testing

@testable import Indicators

@Suite struct ScoringFunctionTests {
    @Test func linear_higherIsBetter_interpolatesAndClamps() {
        let function = ScoringFunction.linear(floor: 20, benchmark: 80)
        // (50 − 20) / (80 − 20) = 30 / 60 = 0.5 → 50
        expectClose(function.score(50, direction: .higherIsBetter), 50)
        // (65 − 20) / 60 = 0.75 → 75
        expectClose(function.score(65, direction: .higherIsBetter), 75)
        // at the floor 0, at the benchmark 100, clamped outside
        #expect(function.score(20, direction: .higherIsBetter) == 0)
        #expect(function.score(80, direction: .higherIsBetter) == 100)
        #expect(function.score(10, direction: .higherIsBetter) == 0)
        #expect(function.score(95, direction: .higherIsBetter) == 100)
    }

    @Test func linear_lowerIsBetter_scoresFromTheLargerFloor() {
        // t CO2e per person: floor 15, benchmark 2
        let function = ScoringFunction.linear(floor: 15, benchmark: 2)
        // (8.5 − 15) / (2 − 15) = −6.5 / −13 = 0.5 → 50
        expectClose(function.score(8.5, direction: .lowerIsBetter), 50)
        // (5.25 − 15) / −13 = −9.75 / −13 = 0.75 → 75
        expectClose(function.score(5.25, direction: .lowerIsBetter), 75)
        #expect(function.score(1, direction: .lowerIsBetter) == 100)
        #expect(function.score(20, direction: .lowerIsBetter) == 0)
    }

    @Test func linear_realZeroScoresByTheFunction() {
        // A value of 0 is a value: renewable share 0 % with floor 0 scores 0…
        #expect(ScoringFunction.linear(floor: 0, benchmark: 60).score(0, direction: .higherIsBetter) == 0)
        // …and landfill share 0 % (floor 90, benchmark 10) scores the best: (0 − 90) / (10 − 90) = 1.125 → clamped to 100
        #expect(ScoringFunction.linear(floor: 90, benchmark: 10).score(0, direction: .lowerIsBetter) == 100)
    }

    @Test func stepped_higherIsBetter_earnsTheBestStepReached() {
        let function = ScoringFunction.stepped([
            Step(bound: 10, score: 25), Step(bound: 20, score: 50), Step(bound: 40, score: 100),
        ])
        #expect(function.score(5, direction: .higherIsBetter) == 0)  // no step reached
        #expect(function.score(10, direction: .higherIsBetter) == 25)  // the bound itself reaches the step
        #expect(function.score(19.99, direction: .higherIsBetter) == 25)
        #expect(function.score(25, direction: .higherIsBetter) == 50)
        #expect(function.score(40, direction: .higherIsBetter) == 100)
        #expect(function.score(1000, direction: .higherIsBetter) == 100)
    }

    @Test func stepped_lowerIsBetter_reachesAStepAtOrBelowItsBound() {
        // kg waste per person: ≤ 500 → 30, ≤ 300 → 60, ≤ 200 → 100
        let function = ScoringFunction.stepped([
            Step(bound: 500, score: 30), Step(bound: 300, score: 60), Step(bound: 200, score: 100),
        ])
        #expect(function.score(600, direction: .lowerIsBetter) == 0)
        #expect(function.score(500, direction: .lowerIsBetter) == 30)
        #expect(function.score(350, direction: .lowerIsBetter) == 30)
        #expect(function.score(300, direction: .lowerIsBetter) == 60)
        #expect(function.score(150, direction: .lowerIsBetter) == 100)
    }
}
