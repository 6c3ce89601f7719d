import FluentKit
import Foundation
import HTTPTypes
import Testing

@testable import App

/// Every role × every framework, assessment, benchmark and peer route, on the site and in the API.
@Suite struct IndicatorsMatrixTests {
    typealias Who = RoleMatrix.Who

    @Test func site_roleByIndicatorAction() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await AssessmentFlowTests.alphaWithData(harness)
            let browsers = try await RoleMatrix.browsers(client, fixtures)
            let city = "/cities/alpha-city/assessments/lcc-index/2020"
            let editors: Set<Who> = [.memberA, .secretariat]
            let rows: [RoleMatrix.Row] = [
                RoleMatrix.Row(.get, "/frameworks", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/frameworks/lcc-index", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/frameworks/lcc-index/editions/2025.1.csv", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(
                    .get, "/frameworks/lcc-index/editions/2025.1/assessment-template.csv", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/benchmarks", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/cities/alpha-city/peers", expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "/cities/alpha-city/assessments", expected: RoleMatrix.everyone(.ok)),
                // Nothing entered yet: the computed view is public.
                RoleMatrix.Row(.get, city, expected: RoleMatrix.everyone(.ok)),
                RoleMatrix.Row(.get, "\(city)/edit", expected: RoleMatrix.only(editors, ok: .ok, method: .get)),
                RoleMatrix.Row(
                    .post, "\(city)/edit", form: [("level_PO06", "1"), ("evidence_PO06", "doc")],
                    expected: RoleMatrix.only(editors, ok: .seeOther, method: .post)),
                // A draft now exists: visible to its city's editors and the secretariat only.
                RoleMatrix.Row(.get, city, expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "\(city)/values.csv", expected: { editors.contains($0) ? .ok : .notFound }),
                RoleMatrix.Row(.get, "/benchmarks/settings", expected: RoleMatrix.only([.secretariat], ok: .ok, method: .get)),
                RoleMatrix.Row(
                    .post, "/benchmarks/groups",
                    form: [("slug", "matrix-group"), ("name_en", "Matrix"), ("cities", "alpha-city beta-city")],
                    reversed: true, expected: RoleMatrix.only([.secretariat], ok: .seeOther, method: .post)),
                RoleMatrix.Row(
                    .post, "/frameworks/lcc-index/editions/2025.1/publish",
                    expected: {
                        $0 == .secretariat ? .conflict : RoleMatrix.only([.secretariat], ok: .conflict, method: .post)($0)
                    }),
                // Submitting is the city's; the secretariat then publishes (members never).
                RoleMatrix.Row(
                    .post, "\(city)/state", form: [("action", "publish")],
                    expected: { who in
                        who == .secretariat ? .conflict : who.isSignedIn ? .forbidden : .unauthorized
                    }),
            ]
            try await RoleMatrix.check(rows, site: browsers, refresh: "/frameworks")
            // Submit by a non-editor member is refused; by the city's member accepted.
            for who in [Who.memberB, .expert] {
                try await browsers[who]!.get("/frameworks")
                #expect(try await browsers[who]!.post("\(city)/state", [("action", "submit")]).status == .forbidden)
            }
            try await browsers[.memberA]!.get(city)
            #expect(try await browsers[.memberA]!.post("\(city)/state", [("action", "submit")]).status == .seeOther)
            try await browsers[.secretariat]!.get(city)
            #expect(try await browsers[.secretariat]!.post("\(city)/state", [("action", "publish")]).status == .seeOther)
            // Importing frameworks: the secretariat's alone.
            for who in Who.allCases where who != .secretariat {
                try await browsers[who]!.get("/frameworks")
                let page = try await browsers[who]!.upload("/frameworks/import", filename: "f.csv", content: "record,id\n")
                #expect(page.status == (who.isSignedIn ? .forbidden : .unauthorized), "\(who) import: \(page.status.code)")
            }
        }
    }

    @Test func api_roleByIndicatorAction() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await AssessmentFlowTests.alphaWithData(harness)
            let callers = try await RoleMatrix.callers(client, fixtures, on: harness.db)
            let path = "/api/v1/cities/alpha-city/assessments/lcc-index/2020"
            let body = #"{"values": [{"item": "PO06", "level": 1, "evidence": ["doc"]}]}"#
            try await RoleMatrix.check(
                [
                    RoleMatrix.Row(.get, "/api/v1/frameworks", expected: RoleMatrix.everyone(.ok)),
                    RoleMatrix.Row(.get, "/api/v1/frameworks/lcc-index", expected: RoleMatrix.everyone(.ok)),
                    RoleMatrix.Row(.get, "/api/v1/benchmarks", expected: RoleMatrix.everyone(.ok)),
                    RoleMatrix.Row(.get, "/api/v1/cities/alpha-city/peers", expected: RoleMatrix.everyone(.ok)),
                    RoleMatrix.Row(.get, path, expected: RoleMatrix.everyone(.ok)),
                    RoleMatrix.Row(
                        .put, path, body: body, type: "application/json",
                        expected: RoleMatrix.api([.memberA, .secretariat], ok: .ok)),
                    RoleMatrix.Row(
                        .get, path, expected: { [.memberA, .secretariat].contains($0) ? .ok : .notFound }),
                ], api: callers)
        }
    }
}
