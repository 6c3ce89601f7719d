import FluentKit
import HTTPTypes
import Foundation
import Testing

@testable import App

/// Requests: documents checked by content and size, the structured summary checked against the
/// city's records, an analytical study's baseline; a refused request writes nothing.
@Suite struct ReviewRequestTests {
    @Test func badRequests_areRefusedPrecisely_andWriteNothing() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            let city = world.fixtures.alphaCity
            await expectRefused("review.error.document_required") {
                _ = try await world.requests.create(.init(kind: .planReview, title: "Plan"), city: city, by: world.memberA)
            }
            await expectRefused("review.error.document_type") {
                _ = try await world.requests.create(
                    .init(kind: .planReview, title: "Plan", documents: [.init(filename: "plan.pdf", data: Array("hello".utf8))]),
                    city: city, by: world.memberA)
            }
            await expectRefused("review.error.document_type") {
                // A PNG is a real file, but not a plan document.
                _ = try await world.requests.create(
                    .init(
                        kind: .planReview, title: "Plan",
                        documents: [.init(filename: "plan.png", data: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])]),
                    city: city, by: world.memberA)
            }
            await expectRefused("review.error.document_too_large") {
                let big = ReviewWorld.pdf + [UInt8](repeating: 0x20, count: ReviewRequestService.documentBytes)
                _ = try await world.requests.create(
                    .init(kind: .planReview, title: "Plan", documents: [.init(filename: "plan.pdf", data: big)]), city: city,
                    by: world.memberA)
            }
            await expectRefused("review.error.not_city_record") {
                _ = try await world.requests.create(
                    .init(
                        kind: .planReview, title: "Plan", targetIDs: [UUID()],
                        documents: [.init(filename: "plan.pdf", data: ReviewWorld.pdf)]),
                    city: city, by: world.memberA)
            }
            await expectRefused("validation.choice") {
                _ = try await world.requests.create(
                    .init(
                        kind: .planReview, title: "Plan", sectors: ["VI"],
                        documents: [.init(filename: "plan.pdf", data: ReviewWorld.pdf)]),
                    city: city, by: world.memberA)
            }
            await expectRefused("validation.required") {
                _ = try await world.requests.create(
                    .init(kind: .analyticalStudy, title: "Study", baseline: ["population": "1 million"]), city: city,
                    by: world.memberA)
            }
            #expect(try await ReviewRequest.query(on: harness.db).filter(\.$illustrative == false).count() == 0)
            #expect(try await ReviewDocument.query(on: harness.db).count() == 0)
        }
    }

    @Test func goodRequests_areStoredWithTheirDocumentsAndBaseline() async throws {
        try await TestApp.run(seed: true) { _, harness in
            let world = try await ReviewWorld.make(harness)
            let id = try await world.request()
            let record = try #require(try await ReviewRequest.find(id, on: harness.db))
            #expect(record.state == .requested && record.kind == .planReview && record.sectors == ["I", "II"])
            let documents = try await ReviewDocument.query(on: harness.db).filter(\.$request.$id == id).all()
            #expect(documents.map(\.contentType) == ["application/pdf"])
            let study = try await world.requests.create(
                .init(
                    kind: .analyticalStudy, title: "Study",
                    baseline: ["population": "1 million", "interests": "PV buildings", "unknown": "dropped"]),
                city: world.fixtures.alphaCity, by: world.memberA)
            let stored = try #require(try await ReviewRequest.find(study, on: harness.db))
            #expect(stored.baseline == ["population": "1 million", "interests": "PV buildings"])
        }
    }
}

/// The demo data: the illustrative review of Guiyang, published and labelled, and the capacity
/// needs the seed documents state.
@Suite struct ReviewSeedTests {
    @Test func illustrativeReview_isPublishedAndLabelled_andSeedNeedsAreRequests() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let review = try #require(try await ReviewRequest.query(on: harness.db).filter(\.$illustrative == true).first())
            #expect(review.state == .published)
            let report = try #require(try await ReviewPublication.versions(try review.requireID(), on: harness.db).last)
            #expect(report.illustrative && report.city == "guiyang" && report.framework == "plan-quality")
            #expect(report.criteria.first { $0.id == "TG1" }.map { ($0.finalLevel, $0.reply?.agree) } ?? (nil, nil) == (2, false))
            let page = try await Browser(client).get("/reviews/\(try review.requireID().uuidString)")
            #expect(page.status == .ok && page.body.contains("Illustrative review: demo data"))
            let titles = try await CapacityRequest.query(on: harness.db).all().map(\.title)
            #expect(titles.contains("Technical and financial support for low-carbon development"))
            #expect(titles.contains("Learning Seoul's distributed energy stations and PV buildings"))
        }
    }
}
