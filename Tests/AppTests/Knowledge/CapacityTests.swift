import CarbonAccounting
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// Capacity building: requests and offers, suggestions with scores and reasons, the secretariat's
/// confirmation, delivery and closing.
@Suite struct CapacityTests {
    @Test func matching_scoresByTheWrittenRule() {
        let city = UUID()
        let need = CapacityMatching.Need(
            topics: ["sector_II", "air_quality"], languages: ["zh", "en"], formats: ["training"], country: "CN", cityID: city)
        let a = UUID()
        let b = UUID()
        let offers = [
            // Two topics (6) + language (2) + format (2) + region (1) + available (1) = 12.
            CapacityMatching.OfferInfo(
                id: a, title: "Clean bus training", topics: ["sector_II", "air_quality"], languages: ["zh"],
                formats: ["training"],
                regions: ["CN", "MN"], availableFrom: "2020-01-01", availableTo: nil),
            // One topic (3) + language (2) + anywhere (1), not yet available = 6.
            CapacityMatching.OfferInfo(
                id: b, title: "Air quality advice", topics: ["air_quality"], languages: ["en"], formats: ["expert_advice"],
                regions: [], availableFrom: "2030-01-01", availableTo: nil),
            // No shared topic, or an ended window: not suggested.
            CapacityMatching.OfferInfo(
                id: UUID(), title: "Forests", topics: ["sector_V"], languages: ["zh"], formats: ["training"], regions: [],
                availableFrom: nil, availableTo: nil),
            CapacityMatching.OfferInfo(
                id: UUID(), title: "Old", topics: ["sector_II"], languages: ["zh"], formats: ["training"], regions: [],
                availableFrom: nil, availableTo: "2020-12-31"),
        ]
        let suggestions = CapacityMatching.offers(for: need, offers: offers, today: "2024-05-01")
        #expect(suggestions.map(\.score) == [12, 6])
        #expect(suggestions.first?.target == .offer(a))
        #expect(
            suggestions.first?.reasons.map(\.key) == [
                "match.topics", "match.language", "match.format", "match.region", "match.available",
            ])
        let peer = UUID()
        let peers = CapacityMatching.peers(
            for: need,
            evidence: [
                .init(cityID: peer, cityName: "Guiyang", topic: "sector_II", title: "Buses to gas"),
                .init(cityID: peer, cityName: "Guiyang", topic: "sector_I", title: "Coal ban"),
                .init(cityID: city, cityName: "Self", topic: "sector_II", title: "Own action"),
            ])
        #expect(peers.count == 1 && peers[0].score == 3 && peers[0].target == .peer(peer))
    }

    @Test func requestOfferMatchDeliverClose() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let member = Browser(client)
            _ = try await member.signIn(fixtures.memberA.email)
            try await member.get("/capacity/requests/new")
            let refused = try await member.post("/capacity/requests/new", [("title", "Help")])
            #expect(refused.status == .unprocessableContent && refused.contains("topic"))
            let created = try await member.post(
                "/capacity/requests/new",
                [
                    ("title", "Cleaner buses"), ("description", "We plan to replace diesel buses."), ("topics", "sector_II"),
                    ("topics", "air_quality"), ("languages", "zh"), ("formats", "study_tour"), ("timing", "2025"),
                    ("baseline", "1,200 diesel buses"),
                ])
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            let expert = Browser(client)
            _ = try await expert.signIn(fixtures.expert.email)
            try await expert.get("/capacity/offers/new")
            let offer = try await expert.post(
                "/capacity/offers/new",
                [
                    ("provider", "Beta City Transport"), ("title", "Electric bus study tour"), ("topics", "sector_II"),
                    ("languages", "zh"), ("languages", "ko"), ("formats", "study_tour"), ("regions", "CN, KR"),
                ])
            #expect(offer.status == .seeOther)
            // The request page suggests the offer (3 + 2 + 2 + 1 + 1 = 9) and Guiyang, whose completed
            // bus action is evidence for sector II.
            let page = try await member.get(path)
            #expect(page.contains("Electric bus study tour") && page.contains("score 9"))
            #expect(page.contains("Guiyang"))
            #expect(!page.contains("Confirm this match"), "only the secretariat confirms")
            let secretariat = Browser(client)
            _ = try await secretariat.signIn(fixtures.secretariat.email)
            let view = try await secretariat.get(path)
            let offerID = try #require(Page.firstMatch(#"name="offer" value="([0-9A-F-]+)""#, in: view.body))
            #expect(try await member.post("\(path)/match", [("offer", offerID)]).status == .forbidden)
            #expect(try await secretariat.post("\(path)/match", [("offer", offerID)]).status == .seeOther)
            try await member.get(path)
            #expect(try await member.post("\(path)/status", [("status", "closed")]).status == .unprocessableContent)
            #expect(try await member.post("\(path)/status", [("status", "delivered")]).status == .seeOther)
            #expect(
                try await member.post(
                    "\(path)/status", [("status", "closed"), ("outcome", "Study tour held in May"), ("feedback", "Useful")]
                )
                .status == .seeOther)
            #expect(try await member.post("\(path)/status", [("status", "open")]).status == .unprocessableContent)
            let closed = try #require(try await CapacityRequest.query(on: harness.db).filter(\.$title == "Cleaner buses").first())
            #expect(closed.status == .closed && closed.outcome == "Study tour held in May" && closed.$offer.id != nil)
            // Another city's member may not change it; visitors are asked to sign in.
            let other = Browser(client)
            _ = try await other.signIn(fixtures.memberB.email)
            try await other.get(path)
            #expect(try await other.post("\(path)/status", [("status", "closed"), ("outcome", "x")]).status == .forbidden)
            #expect(try await Browser(client).get("/capacity").status == .seeOther)
        }
    }
}

/// Every role × every capacity-building action.
@Suite struct CapacityMatrixTests {
    typealias Who = AuthorizationMatrixTests.Who

    @Test func site_roleByCapacityAction() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browsers = try await RoleMatrix.browsers(client, fixtures)
            // memberA's request and the expert's offer, to act on.
            let a = browsers[.memberA]!
            try await a.get("/capacity/requests/new")
            let requestForm: [(String, String)] = [
                ("title", "Inventory training"), ("topics", "ghg_inventory"), ("languages", "zh"), ("formats", "training"),
                ("city", "alpha-city"),
            ]
            let path = try #require(try await a.post("/capacity/requests/new", requestForm).location)
            let offerForm: [(String, String)] = [
                ("provider", "Matrix institute"), ("title", "GPC course"), ("topics", "ghg_inventory"), ("languages", "zh"),
                ("formats", "training"),
            ]
            try await browsers[.expert]!.get("/capacity/offers/new")
            #expect(try await browsers[.expert]!.post("/capacity/offers/new", offerForm).status == .seeOther)
            let offer = try #require(try await CapacityOffer.query(on: harness.db).first()?.id)
            let signedOut: (Who) -> Bool = { $0 == .visitor || $0 == .applicant }
            let rows: [(HTTPRequest.Method, String, [(String, String)], (Who) -> HTTPResponse.Status)] = [
                (.get, "/capacity", [], { signedOut($0) ? .seeOther : .ok }),
                (.get, "/capacity/requests/new", [], { signedOut($0) ? .seeOther : .ok }),
                (.get, "/capacity/offers/new", [], { signedOut($0) ? .seeOther : .ok }),
                (.get, path, [], { signedOut($0) ? .seeOther : .ok }),
                // Members ask for their own city (memberB and the expert for Beta City); the secretariat names one.
                (.post, "/capacity/requests/new", requestForm, { signedOut($0) ? .unauthorized : .seeOther }),
                (.post, "/capacity/offers/new", offerForm, { signedOut($0) ? .unauthorized : .seeOther }),
                (
                    .post, "\(path)/match", [("offer", offer.uuidString)],
                    { who in signedOut(who) ? .unauthorized : who == .secretariat ? .seeOther : .forbidden }
                ),
                // Once matched, the requesting city (memberA) marks it delivered; other cities may not;
                // the secretariat, last, finds it already delivered.
                (
                    .post, "\(path)/status", [("status", "delivered")],
                    { who in
                        signedOut(who)
                            ? .unauthorized
                            : who == .memberA ? .seeOther : who == .secretariat ? .unprocessableContent : .forbidden
                    }
                ),
            ]
            for (method, target, form, expected) in rows {
                for who in Who.allCases {
                    let browser = browsers[who]!
                    if method == .post { try await browser.get("/login") }
                    let page = method == .get ? try await browser.get(target) : try await browser.post(target, form)
                    #expect(page.status == expected(who), "\(who.rawValue) \(method) \(target): got \(page.status.code)")
                }
            }
        }
    }
}
