import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import FluentKit
import Foundation
import Testing

@testable import App

@Suite struct DirectoryTests {
    @Test(arguments: ["Guiyang", "guiyang", "贵阳", "貴陽", "구이양", "GUI"])
    func cities_findGuiyangByNameInAnyLanguage(_ query: String) async throws {
        try await TestApp.run(seed: true) { client, _ in
            let page = try await Browser(client).get("/cities?q=\(Browser.encode(query))")
            #expect(page.status == .ok)
            #expect(page.contains(#"href="/cities/guiyang""#))
            #expect(!page.contains(#"href="/cities/seoul""#))
        }
    }

    @Test func cities_filterByCountryAndType() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let japan = try await Browser(client).get("/cities?country=JP&type=eco_model_city")
            let expected = try await City.query(on: harness.db).filter(\.$country == "JP").filter(\.$cityType == "eco_model_city")
                .count()
            #expect(expected == 13)
            #expect(japan.contains("\(expected) found"))
            #expect(japan.contains(#"href="/cities/kitakyushu""#))
            #expect(!japan.contains(#"href="/cities/guiyang""#))
        }
    }

    @Test func cityProfile_showsFactsWithSourceAndFlagsUnverifiedValues() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let page = try await Browser(client).get("/cities/beijing")
            #expect(page.status == .ok)
            // Beijing's population is marked RECALLED in the reference data: never shown as verified.
            let recalled = try await CityFact.query(on: harness.db).filter(\.$confidence == "RECALLED").count()
            #expect(recalled > 0)
            #expect(page.contains("Recalled — not verified"))
            #expect(page.contains("21,536,000"))
            #expect(page.contains("北京"))
            #expect(try await Browser(client).get("/cities/no-such-city").status == .notFound)
        }
    }

    @Test func organisations_filterByType_andProfile() async throws {
        try await TestApp.run(seed: true) { client, _ in
            let browser = Browser(client)
            let research = try await browser.get("/organisations?type=research_institution")
            #expect(research.status == .ok)
            #expect(!research.contains("Seoul Metropolitan Government"))
            let governments = try await browser.get("/organisations?type=local_government&q=seoul")
            #expect(governments.contains(#"href="/organisations/seoul-metropolitan-government""#))
            let profile = try await browser.get("/organisations/seoul-metropolitan-government")
            #expect(profile.contains(#"href="/cities/seoul""#))
        }
    }

    @Test func language_fromQueryCookieAndAcceptLanguage() async throws {
        try await TestApp.run(seed: true) { client, _ in
            let browser = Browser(client)
            let chinese = try await browser.get("/cities?lang=zh")
            #expect(chinese.contains(#"<html lang="zh-Hans">"#))
            #expect(browser.cookies["lcc_lang"] == "zh")
            // The cookie remembers the choice on the next page.
            #expect(try await browser.get("/cities/seoul").contains(#"<html lang="zh-Hans">"#))
            let japanese = try await Browser(client).get("/cities", headers: [.acceptLanguage: "ja-JP,ja;q=0.9,en;q=0.5"])
            #expect(japanese.contains(#"<html lang="ja">"#))
            let korean = try await Browser(client).get("/", headers: [.acceptLanguage: "fr;q=1, ko;q=0.8"])
            #expect(korean.contains(#"<html lang="ko">"#))
            let fallback = try await Browser(client).get("/", headers: [.acceptLanguage: "fr"])
            #expect(fallback.contains(#"<html lang="en">"#))
        }
    }

    @Test func cityEdit_validatesEveryField_andKeepsTheRecord() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            _ = try await browser.signIn(fixtures.memberA.email)
            try await browser.get("/cities/alpha-city/edit")
            let page = try await browser.post(
                "/cities/alpha-city/edit",
                [
                    ("name_en", ""), ("country", "China"), ("latitude", "95"), ("longitude", ""), ("city_type", "castle"),
                    ("pathways", "flying"),
                ])
            #expect(page.status == .unprocessableContent)
            for field in ["name_en", "country", "latitude", "city_type", "pathways"] {
                #expect(page.contains(#"id="f-\#(field)-error""#), "no error next to \(field)")
            }
            let city = try #require(try await CityQueries.bySlug("alpha-city", on: harness.db))
            #expect(city.nameEn == "Alpha City")
            #expect(city.country == "CN")
        }
    }

    @Test func cityFacts_addAndDelete_withValidation() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            let browser = Browser(client)
            _ = try await browser.signIn(fixtures.memberA.email)
            try await browser.get("/cities/alpha-city/edit")
            let bad = try await browser.post(
                "/cities/alpha-city/facts",
                [
                    ("indicator", "population"), ("year", "3000"), ("value", "-5"), ("unit", "USD"), ("source", ""),
                ])
            #expect(bad.status == .unprocessableContent)
            for field in ["year", "value", "unit", "source"] { #expect(bad.contains(#"id="f-\#(field)-error""#)) }
            #expect(try await CityFact.query(on: harness.db).count() == 0)
            let good = try await browser.post(
                "/cities/alpha-city/facts",
                [
                    ("indicator", "gdp"), ("year", "2020"), ("value", "1,234,567.5"), ("unit", "CNY"),
                    ("source", "Statistical yearbook 2021, table 1-2"),
                ])
            #expect(good.status == .seeOther)
            let fact = try #require(try await CityFact.query(on: harness.db).first())
            #expect(fact.value == 1_234_567.5)
            #expect(fact.unit == "CNY")
            #expect(try await Browser(client).get("/cities/alpha-city").contains("1,234,567.5"))
            try await browser.get("/cities/alpha-city/edit")
            let deleted = try await browser.post("/cities/alpha-city/facts/\(try fact.requireID())/delete", [])
            #expect(deleted.status == .seeOther)
            #expect(try await CityFact.query(on: harness.db).count() == 0)
        }
    }

    @Test func suspendedOrganisation_cannotEditItsCityOrItself() async throws {
        try await TestApp.run { client, harness in
            let fixtures = try await Fixtures.make(on: harness.db)
            fixtures.alphaOrg.status = .suspended
            try await fixtures.alphaOrg.save(on: harness.db)
            let browser = Browser(client)
            _ = try await browser.signIn(fixtures.memberA.email)
            #expect(try await browser.get("/cities/alpha-city/edit").status == .forbidden)
            #expect(try await browser.get("/organisations/alpha-city-government/edit").status == .forbidden)
        }
    }

    /// The in-memory directory follows writes made elsewhere (another app process, the CLI).
    @Test func directory_seesChangesMadeOutsideThisProcess() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let browser = Browser(client)
            #expect(try await browser.get("/cities?q=guiyang").contains("Guiyang"))
            let city = try #require(try await CityQueries.bySlug("guiyang", on: harness.db))
            city.setNames(city.names.merging(["en": "Guiyang City"]) { $1 })
            try await city.save(on: harness.db)
            #expect(try await browser.get("/cities?q=guiyang").contains("Guiyang City"))
            let newTown = City(slug: "new-town", names: ["en": "New Town", "ja": "新町"], country: "JP")
            try await newTown.create(on: harness.db)
            #expect(try await browser.get("/cities?q=%E6%96%B0%E7%94%BA").contains(#"href="/cities/new-town""#))
            try await newTown.delete(on: harness.db)
            #expect(!(try await browser.get("/cities").contains(#"href="/cities/new-town""#)))
        }
    }
}
