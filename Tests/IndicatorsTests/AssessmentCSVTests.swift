import Testing

@testable import Indicators

@Suite struct AssessmentCSVTests {
    /// P per person (t CO2e/person, entered, evidence required), L a 0–3 level, C computed, N a deduction.
    static func sampleEdition() throws -> Edition {
        let perPerson = FrameworkItem(
            id: "P", group: "G", name: LocalizedText(en: "per person"),
            kind: .quantitative(
                QuantitativeSpec(
                    unit: "t CO2e/person", direction: .lowerIsBetter, obtain: .entered(evidenceRequired: true),
                    scoring: .linear(floor: 15, benchmark: 2))), weight: 1, benchmarkReason: "test")
        var level = levelItem("L", maxLevel: 3)
        level.kind = .qualitative(
            LevelScale(maxLevel: 3, descriptors: (0...3).reduce(into: [:]) { $0[$1] = LocalizedText(en: "l\($1)") }))
        let computed = FrameworkItem(
            id: "C", group: "G", name: LocalizedText(en: "computed"),
            kind: .quantitative(
                QuantitativeSpec(
                    unit: "%", direction: .higherIsBetter, obtain: .computed(formula: .inventoryCompleteness),
                    scoring: .linear(floor: 50, benchmark: 100))),
            weight: 1, benchmarkReason: "test")
        let deduction = FrameworkItem(
            id: "N", group: "G", name: LocalizedText(en: "penalty"), kind: .deduction(floor: -2, evidenceRequired: false),
            weight: 0)
        return try edition([perPerson, level, computed, deduction])
    }

    @Test func read_reportsEveryProblemWithRowAndColumn_andImportsNothing() throws {
        let edition = try Self.sampleEdition()
        let text = """
            item_id,value,level,unit,evidence,comment,excluded_reason,extra
            P,2.5,,t CO2/person,https://example.org/inventory,,,
            L,,4,,plan.pdf p. 3,,,
            X,1,,%,,,,
            P,2.5,,t CO2e/person,doc,,,
            C,90,,%,,,,
            N,-3,,points,,,,
            Q,,,,,,,
            """
        do {
            _ = try AssessmentCSV.read(text, edition: edition)
            Issue.record("an invalid file was accepted")
        } catch {
            let found = error.problems.map { "\($0.row) \($0.column ?? "-") \($0.code.rawValue)" }
            #expect(
                found == [
                    "1 extra unknownColumn",
                    "2 unit wrongUnit",  // CO2 alone is not CO2e
                    "3 level levelOutsideScale",  // L is 0–3
                    "4 item_id unknownItem",
                    "5 item_id duplicateItem",
                    "6 value computedItem",
                    "7 value pointsOutOfRange",  // floor −2
                    "8 item_id unknownItem",
                ], "\(error)")
        }
    }

    @Test func read_requiresEvidenceAndAUnit_andRefusesUnknownUnits() throws {
        let edition = try Self.sampleEdition()
        let missingEvidence = "item_id,value,unit\nP,2.5,t CO2e/person\n"
        let missingUnit = "item_id,value,unit,evidence\nP,2.5,,doc\n"
        let unknownUnit = "item_id,value,unit,evidence\nP,2.5,tonnes,doc\n"
        let notANumber = "item_id,value,unit,evidence\nP,2.5 t,t CO2e/person,doc\n"
        func codes(_ text: String) -> [AssessmentProblem.Code] {
            do {
                _ = try AssessmentCSV.read(text, edition: edition)
                return []
            } catch {
                return error.codes
            }
        }
        #expect(codes(missingEvidence) == [.missingEvidence])
        #expect(codes(missingUnit) == [.missingUnit])
        #expect(codes(unknownUnit) == [.unknownUnit])
        #expect(codes(notANumber) == [.invalidNumber])
        #expect(try AssessmentCSV.read(missingEvidence, edition: edition, requireEvidence: false)["P"]?.answer == .value(2.5))
    }

    @Test func read_convertsAValueFromAConvertibleUnit_andKeepsWhatWasEntered() throws {
        let edition = try Self.sampleEdition()
        let text = "item_id,value,unit,evidence\nP,850,kg CO2e/person,inventory-line:42 | https://example.org/plan.pdf\n"
        let response = try #require(try AssessmentCSV.read(text, edition: edition)["P"])
        // 850 kg = 850 × 0.001 t
        expectClose(response.answer.comparable, 0.85)
        #expect(response.entered == EnteredQuantity(value: 850, unit: "kg CO2e/person"))
        #expect(response.evidence.map(\.kind) == [.record, .link])
    }

    @Test func writeThenRead_givesTheSameResponses() throws {
        let edition = try Self.sampleEdition()
        let responses: [ItemID: ItemResponse] = [
            "P": ItemResponse(
                .value(0.85), evidence: [Evidence(kind: .document, reference: "Inventory report 2021, p. 4")],
                comment: "from, the \"report\"",
                entered: EnteredQuantity(value: 850, unit: "kg CO2e/person")),
            "L": ItemResponse(.level(0), evidence: [Evidence(kind: .record, reference: "action:7")]),
            "C": ItemResponse(.excluded(reason: "no inventory yet: agreed with the secretariat")),
            "N": ItemResponse(.points(-1.5)),
        ]
        let text = AssessmentCSV.write(responses, edition: edition)
        #expect(try AssessmentCSV.read(text, edition: edition) == responses)
    }

    @Test func template_listsEnteredItemsWithTheirUnits() throws {
        let template = AssessmentCSV.template(for: try Self.sampleEdition())
        #expect(
            template
                == "item_id,value,level,unit,evidence,comment,excluded_reason\r\nP,,,t CO2e/person,,,\r\nL,,,,,,\r\nN,,,points,,,\r\n"
        )
    }
}
