import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Reporting
import Spreadsheets
import Testing

@testable import App

/// Report once: the eCRF workbook and the CDP summary from the browser, the API and the same
/// data; an exported workbook imported back gives the same lines and totals; bad workbooks are
/// named by sheet and cell and change nothing.
@Suite struct ReportingFlowTests {
    typealias Support = PollutantTestSupport

    static let roadCSV = """
        line_id,gpc_ref,activity_value,activity_unit,fuel,ef_co2,ef_unit,vehicle,nox_t,ef_co,ef_air_unit,ef_air_source,ef_air_reason,source
        lorries,II.1.1,1000,t,Diesel Oil,3.186,t/t,heavy_duty,20.5,5.2,kg/t,CAPSS 2019 Table 12,Korean fleet mix,Fleet records
        """

    /// A 2022 draft of Alpha City with the fuel statistics and a road line.
    @discardableResult
    static func inventory(_ client: any TestClientProtocol, _ harness: Harness) async throws -> (Browser, Fixtures) {
        let fixtures = try await Fixtures.make(on: harness.db)
        let member = Browser(client)
        try await InventoryTestSupport.draft(member, fixtures: fixtures, year: 2022)
        let reference = try ReferenceData.shared.get()
        let lines =
            try InventoryCSV.read(Support.fuelCSV, parser: reference.parser, calculator: reference.calculator(set: .ar5)).get()
            + InventoryCSV.read(roadCSV, parser: reference.parser, calculator: reference.calculator(set: .ar5)).get()
        let service = InventoryService(db: harness.db, reference: reference, cache: ReadCache(), clock: AppClock())
        let inventory = try #require(try await service.find(city: fixtures.alphaCity, year: 2022))
        try await service.replaceLines(inventory, city: fixtures.alphaCity, with: lines, summary: "fixture", by: nil)
        return (member, fixtures)
    }

    /// The workbook the platform exports for the inventory, as sheets a test may change.
    static func workbook(_ harness: Harness, year: Int = 2022, kind: InventoryKind = .community) async throws -> Workbook {
        let reference = try ReferenceData.shared.get()
        let query = QueryContext(db: harness.db, reference: reference, clock: AppClock(), cache: ReadCache())
        let data = try #require(
            try await InventoryPageQuery.load(InventoryPageKey(slug: "alpha-city", year: year, kind: kind), query))
        return try ECRF.workbook(
            for: try InventoryReports.export(data, reference: reference), annexes: [AirPollutantAnnex(report: data.computed.air)])
    }

    @Test func ecrfExport_importedBack_givesTheSameLinesAndTotals() async throws {
        try await TestApp.run { client, harness in
            let (member, _) = try await Self.inventory(client, harness)
            let csvBefore = try await member.get("/cities/alpha-city/inventories/2022/export.csv")
            let before = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            let download = try await member.download("/cities/alpha-city/inventories/2022/ecrf.xlsx")
            #expect(download.status == .ok && download.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            #expect(download.headers[.contentDisposition]?.contains("alpha-city-2022-ecrf.xlsx") == true)
            let book = try WorkbookReader(data: Data(download.bytes))
            #expect(book.sheetNames == ["eCRF_1", "eCRF_2", "eCRF_3", "Air pollutants"])

            try await member.get("/cities/alpha-city/inventories/2022/import")
            let imported = try await member.upload(
                "/cities/alpha-city/inventories/2022/import", filename: "alpha-city-2022-ecrf.xlsx",
                contentType: InventoryUpload.xlsxType, bytes: download.bytes)
            #expect(imported.status == .seeOther, "\(imported.body.prefix(3000))")
            let after = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            #expect((after["version"] as? Int ?? 0) > (before["version"] as? Int ?? 0))
            #expect(try await member.get("/cities/alpha-city/inventories/2022/export.csv").body == csvBefore.body)
            for key in ["territorial", "basic", "basic_plus", "biogenic_co2"] {
                #expect(
                    (before["totals"] as? [String: Any])?[key] as? Double == (after["totals"] as? [String: Any])?[key] as? Double,
                    "\(key)")
            }
            #expect(Support.cellTonnes(try Support.air(before)["total"]) == Support.cellTonnes(try Support.air(after)["total"]))
        }
    }

    @Test func api_exportsEveryFormat_andImportsTheWorkbook() async throws {
        try await TestApp.run { client, harness in
            let (_, fixtures) = try await Self.inventory(client, harness)
            let callers = try await RoleMatrix.callers(client, fixtures, on: harness.db)
            let a = try #require(callers[.memberA])
            let base = "/api/v1/cities/alpha-city/inventories/2022"
            let ecrf = try await a.download("\(base)/export?format=ecrf")
            #expect(ecrf.status == .ok && ecrf.bytes.starts(with: [0x50, 0x4B]))
            let cdpBook = try await a.download("\(base)/export?format=cdp-xlsx")
            #expect(cdpBook.status == .ok)
            let cdp = try await a.call(.get, "\(base)/export?format=cdp")
            let document = try InventoryTestSupport.json(try await a.call(.get, base))
            let rows = cdp.body.split(separator: "\r\n").map { CSVText.fields(String($0)) }
            let basic = try #require(rows.first?.firstIndex(of: "TOTAL BASIC Emissions (GPC)"))
            let stated = try #require(Double(rows[1][basic]))
            InventoryTestSupport.close(stated, try #require((document["totals"] as? [String: Any])?["basic"] as? Double))
            #expect(try await a.call(.get, "\(base)/export?format=pdf").status == .unprocessableContent)

            let put = try await a.send(.put, "\(base)/lines", type: InventoryUpload.xlsxType, bytes: ecrf.bytes)
            #expect(put.status == .ok, "\(put.body)")
            #expect((try InventoryTestSupport.json(put))["lines"] as? Int == 6)
            // The workbook is the 2022 inventory: it does not go into 2023, named by its cell.
            let wrongYear = try await a.send(
                .put, "/api/v1/cities/alpha-city/inventories/2023/lines", type: InventoryUpload.xlsxType, bytes: ecrf.bytes)
            #expect(wrongYear.status == .unprocessableContent && wrongYear.contains("eCRF_1!C7"), "\(wrongYear.body)")
            let notCSV = try await a.call(.put, "\(base)/lines", type: "application/pdf", body: "%PDF-1.4")
            #expect(notCSV.status == .unsupportedMediaType)
        }
    }

    /// Workbooks that cannot be imported are refused with the sheet and cell, and change nothing.
    @Test func badWorkbooks_areNamedBySheetAndCell_andChangeNothing() async throws {
        try await TestApp.run { client, harness in
            let (member, _) = try await Self.inventory(client, harness)
            let book = try await Self.workbook(harness)
            var edited = book.sheets
            if let index = edited.firstIndex(where: { $0.name == ECRF.activitySheet }) {
                edited[index]["H2"] = .text("about a thousand")
            }
            let missing = book.sheets.filter { $0.name != ECRF.emissionsSheet }
            let cdp = try await member.download("/cities/alpha-city/inventories/2022/cdp.xlsx")
            let cases: [(bytes: [UInt8], expected: String)] = [
                (Array(try Workbook(sheets: edited).xlsx()), "eCRF_3!H2"),
                (Array(try Workbook(sheets: missing).xlsx()), "has no sheet “eCRF_2”"),
                (cdp.bytes, "not a GCoM CRF (eCRF) workbook"),
                (Array("name,year\n".utf8), "is not an .xlsx workbook"),
            ]
            let before = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            for (bytes, expected) in cases {
                try await member.get("/cities/alpha-city/inventories/2022/import")
                let refused = try await member.upload(
                    "/cities/alpha-city/inventories/2022/import", filename: "book.xlsx", contentType: InventoryUpload.xlsxType,
                    bytes: bytes)
                #expect(refused.status == .unprocessableContent && refused.contains(expected), "\(expected)")
            }
            let after = try InventoryTestSupport.json(try await member.get("/cities/alpha-city/inventories/2022/export.json"))
            #expect(after["version"] as? Int == before["version"] as? Int)
        }
    }

    /// The annex states the edition and the boundary and holds the hand-calculated tonnes.
    @Test func airPollutantSheet_holdsTheTableOfThePage() async throws {
        try await TestApp.run { client, harness in
            let (member, _) = try await Self.inventory(client, harness)
            let download = try await member.download("/cities/alpha-city/inventories/2022/ecrf.xlsx")
            let sheet = try WorkbookReader(data: Data(download.bytes)).sheet(named: "Air pollutants")
            var total: Int?
            for row in 1...sheet.maxRow where sheet["A\(row)"].text == "Total" { total = row }
            let row = try #require(total)
            // NOx of sector I (0.285 t, PollutantFlowTests) + the lorries' measured 20.5 t.
            let nox = CellReference.columnName(AirPollutantAnnex.column(of: .nox))
            InventoryTestSupport.close(sheet["\(nox)\(row)"].number, 20.785)
            #expect(sheet["B2"].text?.contains("guidebook 2023") == true)
        }
    }
}

/// Splits one CSV line (RFC 4180 quoting) for the tests.
enum CSVText {
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == "," && !quoted {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
