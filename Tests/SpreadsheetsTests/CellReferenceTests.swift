import Testing

@testable import Spreadsheets

@Suite struct CellReferenceTests {
    @Test func columnNames_roundTripAcrossLetterBoundaries() {
        let cases: [(Int, String)] = [
            (1, "A"), (26, "Z"), (27, "AA"), (33, "AG"), (52, "AZ"), (53, "BA"), (702, "ZZ"), (703, "AAA"), (16_384, "XFD"),
        ]
        for (number, letters) in cases {
            #expect(CellReference.columnName(number) == letters)
            #expect(CellReference.columnNumber(letters) == number)
        }
    }

    @Test func parse_acceptsA1AndAbsoluteForms_rejectsTheRest() {
        #expect(CellReference("B7") == CellReference(row: 7, column: 2))
        #expect(CellReference("$ag$68") == CellReference(row: 68, column: 33))
        #expect(CellReference("XFD1048576")?.a1 == "XFD1048576")
        for bad in ["", "A", "7", "A0", "A01", "XFE1", "A1048577", "1A", "A-1", "AAAA1", "B 7"] {
            #expect(CellReference(bad) == nil, "\(bad)")
        }
    }

    @Test func ranges_parseAndDetectOverlap() {
        let section = CellRange("A2:A16")
        #expect(section?.description == "A2:A16")
        #expect(section?.contains(CellReference("A9")!) == true)
        #expect(CellRange("B2:A1") == nil)
        #expect(CellRange("A1:H1")!.overlaps(CellRange("H1:H3")!))
        #expect(!CellRange("B2:C2")!.overlaps(CellRange("D2:E2")!))
    }
}
