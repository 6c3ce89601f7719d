import Testing

@testable import Indicators

/// A CSV text from rows of named cells; row n of `rows` lands on file row n + 2 (the header is row 1).
func csvText(_ header: [String], _ rows: [[String: String]]) -> String {
    ([header.joined(separator: ",")] + rows.map { row in header.map { CSVTable.escape(row[$0] ?? "") }.joined(separator: ",") })
        .joined(separator: "\n")
}

@Suite struct FrameworkCSVTests {
    static let header = [
        "record", "id", "group", "level", "name_en", "name_zh", "description_en", "description_zh", "kind", "unit", "direction",
        "obtain", "formula", "evidence", "scoring", "floor", "benchmark", "thresholds", "scale_max", "weight", "only_countries",
        "applies_when", "previous_id", "state", "minimum_share", "benchmark_reason", "source", "confidence",
    ]

    static func quantitative(_ id: String, _ cells: [String: String] = [:]) -> [String: String] {
        var row = [
            "record": "item", "id": id, "group": "G", "name_en": id, "kind": "quantitative", "unit": "%",
            "direction": "higher_is_better", "obtain": "entered", "scoring": "linear", "floor": "0", "benchmark": "100",
            "weight": "1", "benchmark_reason": "test",
        ]
        row.merge(cells) { $1 }
        return row
    }

    @Test func read_reportsEveryProblemWithRowAndColumn_andReturnsNothing() {
        let rows: [[String: String]] = [
            ["record": "framework", "id": "bad-test", "name_en": "Bad test"],  // row 2
            ["record": "edition", "id": "1"],  // row 3
            ["record": "group", "id": "G", "name_en": "Group"],  // row 4
            Self.quantitative("A", ["floor": "10", "benchmark": "10"]),  // row 5: floor == benchmark
            Self.quantitative("A"),  // row 6: duplicate id
            Self.quantitative("B", ["group": "NOPE", "weight": "-1"]),  // row 7: unknown group, negative weight
            Self.quantitative("C", ["direction": "up"]),  // row 8: unknown direction
            Self.quantitative("D", ["unit": "furlongs"]),  // row 9: unknown unit
            Self.quantitative("E", ["scoring": "stepped", "floor": "", "benchmark": "", "thresholds": "10:50; 5:100"]),  // row 10
            // row 11: a 0–3 item whose level 3 is never described
            ["record": "item", "id": "F", "group": "G", "name_en": "F", "kind": "qualitative", "scale_max": "3", "weight": "1"],
            ["record": "level", "id": "F", "level": "0", "description_en": "none"],  // row 12
            ["record": "level", "id": "F", "level": "1", "description_en": "some"],  // row 13
            ["record": "level", "id": "F", "level": "2", "description_en": "most"],  // row 14
            ["record": "level", "id": "F", "level": "5", "description_en": "beyond"],  // row 15: outside 0–3
            Self.quantitative("H", ["applies_when": "ZZ >= 1"]),  // row 16: unknown referenced item
            Self.quantitative("I", ["obtain": "computed", "formula": "emissions_per_person"]),  // row 17: % is not per person
            Self.quantitative("J", ["kind": "widget"]),  // row 18: unknown kind
            ["record": "level", "id": "NOPE", "level": "0", "description_en": "x"],  // row 19: unknown item
            Self.quantitative("K", ["direction": "lower_is_better"]),  // row 20: benchmark worse than floor
            Self.quantitative("L", ["weight": "heavy"]),  // row 21: not a number
            ["record": "group", "id": "G2", "name_en": "Group 2", "weight": "2"],  // row 22: weight on a group row
        ]
        let text = csvText(Self.header + ["weigth"], rows)

        let problems: [FrameworkProblem]
        do {
            _ = try FrameworkCSV.read(text)
            Issue.record("an invalid file was accepted")
            return
        } catch {
            problems = error.problems
        }
        let found = Set(problems.map { "\($0.row ?? 0) \($0.column ?? "-") \($0.code.rawValue)" })
        let expected = [
            "1 weigth unknownColumn",
            "5 benchmark floorEqualsBenchmark",
            "6 id duplicateID",
            "7 group unknownGroup",
            "7 weight negativeWeight",
            "8 direction unknownDirection",
            "9 unit unknownUnit",
            "10 thresholds thresholdsNotMonotonic",
            "11 description_en missingDescriptor",
            "15 level levelOutsideScale",
            "16 applies_when unknownItem",
            "17 unit formulaUnitMismatch",
            "18 kind unknownKind",
            "19 id unknownItem",
            "20 benchmark directionMismatch",
            "21 weight invalidNumber",
            "22 weight unexpectedValue",
        ]
        for line in expected {
            #expect(
                found.contains(line), "missing problem: \(line)\nfound:\n\(problems.map(\.description).joined(separator: "\n"))")
        }
        #expect(problems.count == expected.count, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func read_refusesAFileWithoutFrameworkOrEditionRows() {
        let text = csvText(Self.header, [["record": "group", "id": "G", "name_en": "G"], Self.quantitative("A")])
        #expect(throws: FrameworkProblems.self) { try FrameworkCSV.read(text) }
        do {
            _ = try FrameworkCSV.read(text)
        } catch {
            #expect(error.codes.filter { $0 == .missingRecord }.count == 2)
        }
    }

    @Test func read_reportsAPartialTranslationOfDescriptors() {
        let rows: [[String: String]] = [
            ["record": "framework", "id": "t", "name_en": "T"], ["record": "edition", "id": "1"],
            ["record": "group", "id": "G", "name_en": "G"],
            ["record": "item", "id": "Q", "group": "G", "name_en": "Q", "kind": "qualitative", "scale_max": "1", "weight": "1"],
            ["record": "level", "id": "Q", "level": "0", "description_en": "no", "description_zh": "没有"],  // row 6
            ["record": "level", "id": "Q", "level": "1", "description_en": "yes"],  // row 7: no zh
        ]
        do {
            _ = try FrameworkCSV.read(csvText(Self.header, rows))
            Issue.record("accepted")
        } catch {
            #expect(
                error.problems.map { "\($0.row ?? 0) \($0.column ?? "") \($0.code)" } == ["7 description_zh partialTranslation"])
        }
    }

    @Test func read_checksTheMappingToThePreviousEdition() throws {
        let previous = try edition([linearItem("OLD1", floor: 0, benchmark: 100)])
        let rows: [[String: String]] = [
            ["record": "framework", "id": "test", "name_en": "T"], ["record": "edition", "id": "2", "previous_id": "1"],
            ["record": "group", "id": "G", "name_en": "G"], Self.quantitative("NEW1", ["previous_id": "OLD1"]),
            Self.quantitative("NEW2", ["previous_id": "GONE"]),  // row 6
        ]
        do {
            _ = try FrameworkCSV.read(csvText(Self.header, rows), previous: previous)
            Issue.record("accepted")
        } catch {
            #expect(
                error.problems.map { "\($0.row ?? 0) \($0.column ?? "") \($0.code)" } == ["6 previous_id unknownPreviousItem"])
        }
    }

    @Test func writeThenRead_givesTheSameEdition() throws {
        let steps = ScoringFunction.stepped([
            Step(bound: 500, score: 30), Step(bound: 300, score: 60), Step(bound: 200, score: 100),
        ])
        let rules = Applicability(
            onlyCityTypes: ["low_carbon_pilot", "metropolitan"], exceptCityTypes: ["future_city"], onlyCountries: ["CN", "JP"],
            exceptCountries: ["KR"], conditions: [AnswerCondition(item: "Q", comparison: .equal, values: [1, 2])])
        let items = [
            FrameworkItem(
                id: "W", group: "A", name: LocalizedText(["en": "Waste, per person", "zh": "人均垃圾", "ja": "廃棄物", "ko": "폐기물"]),
                description: LocalizedText(en: "Quoted \"text\", with commas\nand a line break"),
                kind: .quantitative(
                    QuantitativeSpec(
                        unit: "kg/person/yr", direction: .lowerIsBetter, obtain: .computed(formula: .wastePerPerson),
                        scoring: steps)),
                weight: 1.5, applicability: rules, previousID: "W-old", benchmarkReason: "why 500, 300, 200", source: "somewhere",
                confidence: .recalled),
            FrameworkItem(
                id: "Q", group: "B", name: LocalizedText(en: "Plan"),
                kind: .qualitative(
                    LevelScale(
                        maxLevel: 2,
                        descriptors: [
                            0: LocalizedText(["en": "none", "mn": "байхгүй"]), 1: LocalizedText(["en": "some", "mn": "зарим"]),
                            2: LocalizedText(["en": "all", "mn": "бүгд"]),
                        ], labels: [2: LocalizedText(en: "Full")], evidenceRequired: false)), weight: 2,
                confidence: .verifiedSource),
            FrameworkItem(
                id: "R", group: "B", name: LocalizedText(en: "Renewables"),
                kind: .quantitative(
                    QuantitativeSpec(
                        unit: "%", direction: .higherIsBetter, obtain: .entered(evidenceRequired: true),
                        scoring: .linear(floor: 0.1, benchmark: 60))),
                weight: 0.3333333333333333, benchmarkReason: "r"),
            FrameworkItem(
                id: "S", group: "B", name: LocalizedText(en: "Share"),
                kind: .quantitative(
                    QuantitativeSpec(
                        unit: "%", direction: .lowerIsBetter, obtain: .computed(formula: .sectorShareWaste), scoring: nil)),
                weight: 0),
            FrameworkItem(
                id: "N", group: "B", name: LocalizedText(en: "Negative"), kind: .deduction(floor: -2, evidenceRequired: true),
                weight: 0),
        ]
        let original = try Edition(
            framework: Framework(
                slug: "round-trip", name: LocalizedText(["en": "Round trip", "zh": "往返"]), description: LocalizedText(en: "d"),
                source: "s", notKnown: [LocalizedText(en: "the weights"), LocalizedText(["en": "the scale", "ko": "척도"])]),
            version: "2026.1", state: .published, previousVersion: "2025.1", minimumShare: 0.75,
            groups: [
                FrameworkGroup(id: "A", name: LocalizedText(en: "A")),
                FrameworkGroup(id: "B", name: LocalizedText(en: "B"), confidence: .derived),
            ],
            items: items)

        let text = FrameworkCSV.write(original)
        let read = try FrameworkCSV.read(text)

        #expect(read == original)
        #expect(text.hasPrefix("record,id,group,level,name_en,name_zh,name_ja,name_ko,name_mn,"))
    }

    @Test func bundledFrameworks_surviveARoundTrip() throws {
        for file in BundledFrameworks.File.allCases {
            let edition = try BundledFrameworks.load(file)
            #expect(try FrameworkCSV.read(FrameworkCSV.write(edition)) == edition, "\(file)")
        }
    }
}
