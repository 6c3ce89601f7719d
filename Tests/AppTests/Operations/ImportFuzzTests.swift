import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

@testable import App

/// Random and mutated CSV files against each importer, for a bounded time (LCC_FUZZ_SECONDS per
/// importer, 3 by default; LCC_FUZZ_SEED repeats a run): the importer either takes the whole file
/// or refuses it with the problems (a validation error), never anything else, never a crash, and a
/// refused file leaves the tables as they were.
@Suite(.timeLimit(.minutes(3)))
struct ImportFuzzTests {
    /// The importers under fuzz. The assessments importer (indicator values, issue 11) joins here as
    /// one more `FuzzedImporter` with its seed files, run and state.
    static let importers: [FuzzedImporter] = [.inventory, .targets]

    @Test(arguments: ImportFuzzTests.importers)
    func mutatedFiles_areTakenWholeOrRefused(_ importer: FuzzedImporter) async throws {
        // A fixed number of files (not a time budget, which a loaded machine would shrink), and as
        // many more as LCC_FUZZ_SECONDS allows for a longer hunt.
        let minimumTries = Int(ProcessInfo.processInfo.environment["LCC_FUZZ_TRIES"] ?? "") ?? 30
        let seconds = Double(ProcessInfo.processInfo.environment["LCC_FUZZ_SECONDS"] ?? "") ?? 0
        let seed = UInt64(ProcessInfo.processInfo.environment["LCC_FUZZ_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        try await TestApp.run { _, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let context = FuzzContext(services: try OpsTest.services(harness), city: fixtures.alphaCity)
            var random = SplitMix64(seed: seed)
            let deadline = ContinuousClock.now + .seconds(seconds)
            var (tried, taken) = (0, 0)
            while tried < minimumTries || ContinuousClock.now < deadline {
                let input = Mutator.next(from: importer.seeds, random: &random)
                let before = try await importer.state(context)
                let outcome: FuzzedImporter.Outcome
                do {
                    outcome = try await importer.run(context, input)
                } catch {
                    Issue.record("\(importer) seed \(seed) try \(tried): \(error) for \(Mutator.describe(input))")
                    break
                }
                let after = try await importer.state(context)
                switch outcome {
                case .refused:
                    #expect(after == before, "\(importer) seed \(seed): a refused file changed the tables \(before) → \(after)")
                case .taken(let expected):
                    taken += 1
                    #expect(after == expected(before), "\(importer) seed \(seed): not the whole file \(before) → \(after)")
                }
                tried += 1
            }
            print("ImportFuzzTests \(importer): \(tried) files, \(taken) taken whole, \(tried - taken) refused (seed \(seed))")
        }
    }

    @Test func uploadsOfMutatedFiles_areAnsweredWithoutServerErrors() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            _ = try await member.signIn(fixtures.memberA.email)
            try await member.get("/cities/alpha-city/inventories/new")
            #expect(
                try await member.post(
                    "/cities/alpha-city/inventories/new", [("year", "2022"), ("level", "basic"), ("gwp_set", "AR5")]
                )
                .status == .seeOther)
            var random = SplitMix64(seed: 7)
            for number in 0..<40 {
                try await member.get("/cities/alpha-city/targets")
                let inventory = Mutator.next(from: FuzzedImporter.inventory.seeds, random: &random)
                let first = try await member.upload(
                    "/cities/alpha-city/inventories/2022/import", filename: "f\(number).csv", contentType: "text/csv",
                    bytes: inventory)
                #expect([.seeOther, .unprocessableContent].contains(first.status), "inventory upload \(number): \(first.status)")
                let targets = Mutator.next(from: FuzzedImporter.targets.seeds, random: &random)
                let second = try await member.upload(
                    "/cities/alpha-city/targets/import", filename: "t\(number).csv", contentType: "text/csv", bytes: targets)
                #expect([.seeOther, .unprocessableContent].contains(second.status), "targets upload \(number): \(second.status)")
            }
        }
    }
}

struct FuzzContext: Sendable {
    let services: Services
    let city: City
}

/// One importer as the fuzz test drives it.
struct FuzzedImporter: Sendable, CustomStringConvertible {
    enum Outcome {
        case refused
        /// Taken: the tables' state expected after it, from the state before.
        case taken(@Sendable ([Int]) -> [Int])
    }

    let name: String
    let seeds: [String]
    let run: @Sendable (FuzzContext, [UInt8]) async throws -> Outcome
    /// Counts of the importer's tables.
    let state: @Sendable (FuzzContext) async throws -> [Int]

    var description: String { name }

    /// A validation or conflict error is a clean refusal; anything else is a bug.
    static func refusal(_ error: any Error) throws -> Outcome {
        guard let appError = error as? AppError, [.validation, .conflict].contains(appError.kind) else { throw error }
        return .refused
    }

    static func count(_ table: String, _ context: FuzzContext) async throws -> Int {
        try await context.services.db.sql().raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(
            column: "n", as: Int.self) ?? 0
    }

    static let inventory = FuzzedImporter(
        name: "inventory",
        seeds: [
            """
            line_id,gpc_ref,notation_key,explanation,activity_value,activity_unit,fuel,ef_co2,ef_ch4,ef_n2o,ef_unit,source
            gas,I.1.1,,,1000,TJ,Natural Gas,56100,5,0.1,kg/TJ,IPCC 2006 Table 2.5
            mining,I.7.1,NO,No coal mining here,,,,,,,,
            diesel,II.1.1,,,250,TJ,Gas/Diesel Oil,74100,3.9,3.9,kg/TJ,IPCC 2006 Table 3.2.1

            """,
            "gpc_ref,co2_t,ch4_t,n2o_t,source\nI.1.1,120.5,0.1,0.01,metered\nIII.1.1,,4.2,,landfill survey\n",
        ],
        run: { context, bytes in
            do {
                let result = try await context.services.inventories.importLines(
                    city: context.city, year: 2022, level: .basic, gwpSet: .ar5, bytes: bytes, filename: "fuzz.csv",
                    contentType: "text/csv", by: nil)
                let lines = result.lineCount
                return .taken { before in [1, lines, before[2] + 1] }
            } catch {
                return try refusal(error)
            }
        },
        state: { context in
            [
                try await count("inventories", context), try await count("inventory_lines", context),
                try await count("inventory_versions", context),
            ]
        })

    static let targets = FuzzedImporter(
        name: "targets",
        seeds: [
            """
            city,kind,base_year,base_value_tco2e,target_year,reduction_percent,target_level_tco2e,source,original_wording
            alpha-city,base_year_absolute,2021,,2030,40,,Fuzz plan,40% by 2030
            alpha-city,fixed_level,,,2050,,0,Fuzz plan,net zero by 2050
            alpha-city,base_year_intensity,2020,,2035,55,,Fuzz plan,55% less per GDP

            """
        ],
        run: { context, bytes in
            do {
                let text = try UploadedCSV.text(bytes, filename: "fuzz.csv", contentType: "text/csv")
                let result = try await context.services.targets.importCSV(text, city: nil, by: nil)
                return .taken { before in [before[0] + result.created] }
            } catch {
                return try refusal(error)
            }
        },
        state: { context in [try await count("city_targets", context)] })
}

/// Files made from the seeds: byte flips, inserted and deleted bytes, repeated, dropped and swapped
/// lines, extreme field values, cut-offs, and now and then random bytes.
enum Mutator {
    static let tokens = [
        ",", "\"", "\n", "\r\n", "\u{FEFF}", "-", "1e308", "-0", "NaN", "inf", "99999999999999999999", "０１２", "\u{0}",
        String(repeating: "x", count: 5000), ";", "=cmd()", "\u{00e9}", "汉字", "I.1.1", "TJ", "kg/TJ", "NO",
    ]

    static func next(from seeds: [String], random: inout SplitMix64) -> [UInt8] {
        if random.next(below: 20) == 0 { return (0..<random.next(below: 400)).map { _ in UInt8(random.next(below: 256)) } }
        var bytes = Array(seeds[random.next(below: seeds.count)].utf8)
        for _ in 0...random.next(below: 4) { mutate(&bytes, random: &random) }
        return bytes
    }

    static func mutate(_ bytes: inout [UInt8], random: inout SplitMix64) {
        guard !bytes.isEmpty else { return }
        let at = random.next(below: bytes.count)
        switch random.next(below: 8) {
        case 0: bytes[at] ^= UInt8(1 << random.next(below: 8))
        case 1: bytes.insert(contentsOf: Array(tokens[random.next(below: tokens.count)].utf8), at: at)
        case 2: bytes.removeSubrange(at..<min(bytes.count, at + random.next(below: 30) + 1))
        case 3, 4:
            var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            guard lines.count > 1 else { return }
            let i = random.next(below: lines.count)
            let j = random.next(below: lines.count)
            switch random.next(below: 3) {
            case 0: lines.insert(lines[i], at: j)
            case 1: lines.remove(at: i)
            default: lines.swapAt(i, j)
            }
            bytes = Array(lines.joined(separator: "\n").utf8)
        case 5:
            // A field replaced by an extreme value.
            var fields = String(decoding: bytes, as: UTF8.self).components(separatedBy: ",")
            fields[random.next(below: fields.count)] = tokens[random.next(below: tokens.count)]
            bytes = Array(fields.joined(separator: ",").utf8)
        case 6: bytes = Array(bytes.prefix(at))
        default: bytes[at] = UInt8(random.next(below: 256))
        }
    }

    static func describe(_ bytes: [UInt8]) -> String {
        "base64 " + Data(bytes.prefix(2000)).base64EncodedString()
    }
}

/// A small seeded generator, so a failing run can be repeated with LCC_FUZZ_SEED.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}
