import CarbonAccounting
import FluentKit
import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import App

/// The knowledge hub read side: search in four languages (on SQLite and PostgreSQL alike), pages
/// with language fallback, the iCalendar and Atom feeds, the sitemap, safe Markdown.
@Suite struct KnowledgeTests {
    @Test func search_findsWordsInEveryLanguage_withRankAndSnippets() async throws {
        try await TestApp.run(seed: true) { client, harness in
            let browser = Browser(client)
            func results(_ query: String, _ extra: String = "") async throws -> [[String: Any]] {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                let page = try await browser.get("/api/v1/search?q=\(encoded)\(extra)")
                #expect(page.status == .ok, "\(query): \(page.status)")
                return try #require(try InventoryTestSupport.json(page)["results"] as? [[String: Any]])
            }
            // Chinese inside a sentence without spaces (the green procurement case studies).
            let chinese = try await results("绿色采购")
            #expect(chinese.contains { ($0["url"] as? String)?.hasPrefix("/case-studies/") == true })
            #expect(chinese.allSatisfy { ($0["snippet"] as? String)?.contains("<mark>") == true })
            #expect(try await results("低碳").isEmpty == false)
            // Japanese and Korean words inside their text.
            #expect(try await results("脱炭素").isEmpty == false)
            #expect(try await results("온실가스").isEmpty == false)
            // An English word, ranked: a title match comes first.
            let english = try await results("procurement")
            #expect(!english.isEmpty)
            #expect((english.first?["title"] as? String)?.lowercased().contains("procurement") == true)
            // Cities and organisations by their names in any script.
            #expect(try await results("贵阳").contains { $0["url"] as? String == "/cities/guiyang" })
            #expect(try await results("서울").contains { $0["url"] as? String == "/cities/seoul" })
            // Filters and a phrase check: two halves of a word apart do not match it.
            let events = try await results("training", "&type=event")
            #expect(!events.isEmpty && events.allSatisfy { $0["type"] as? String == "event" })
            #expect(try await results("炭素脱").isEmpty)
            #expect(try await browser.get("/api/v1/search?q=x&type=planet").status == .unprocessableContent)
            #expect(try await browser.get("/api/v1/search").status == .unprocessableContent)
            // The page marks the matches and escapes everything else.
            let page = try await browser.get("/search?q=%E7%BB%BF%E8%89%B2%E9%87%87%E8%B4%AD")
            #expect(page.status == .ok && page.contains("<mark>绿色采购</mark>"))
            // A new action is found at once; a deleted one no more.
            let fixtures = try await Fixtures.make(on: harness.db)
            let (input, _) = ActionForm.validate(
                [
                    "title_en": "Zeppelin freight pilot", "title_ja": "飛行船による貨物輸送の実証", "sector": "II",
                    "action_type": "technology", "owner": "Port", "status": "planned", "start_year": "2025",
                ],
                coBenefits: [], tree: try ReferenceData.shared.get().tree, plans: [])
            let service = ActionService(db: harness.db, clock: AppClock())
            let action = try await service.create(try #require(input), city: fixtures.alphaCity, by: nil)
            #expect(try await results("zeppelin").count == 1)
            #expect(try await results("飛行船").count == 1)
            try await service.delete(action, by: nil)
            #expect(try await results("zeppelin").isEmpty)
        }
    }

    @Test func pages_feeds_andSitemap() async throws {
        let june2019: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_560_000_000) }  // 2019-06-08
        try await TestApp.run(seed: true, now: june2019) { client, _ in
            let browser = Browser(client)
            let hub = try await browser.get("/knowledge")
            #expect(hub.status == .ok && hub.contains("/case-studies/"))
            let cases = try await browser.get("/case-studies")
            let path = try #require(Page.firstMatch(#"href="(/case-studies/[a-z0-9-]+)""#, in: cases.body))
            let detail = try await browser.get(path)
            #expect(detail.status == .ok && detail.contains("Available in"))
            #expect(try await browser.get("/case-studies/no-such-case").status == .notFound)
            // A Korean reader of a record without Korean sees the fallback said.
            let korean = try await browser.get(path + "?lang=ko")
            #expect(korean.status == .ok && korean.contains("<html lang=\"ko\""))
            try await browser.get("/?lang=en")
            // Programmes and networks, each with its cities and records; search links to them.
            let programmes = try await browser.get("/programmes")
            #expect(programmes.status == .ok && programmes.contains("Networks"))
            let programmePath = try #require(Page.firstMatch(#"href="(/programmes/[a-z0-9-]+)""#, in: programmes.body))
            #expect(try await browser.get(programmePath).status == .ok)
            #expect(try await browser.get("/programmes/no-such-programme").status == .notFound)
            // The May 2019 training lists the action plans drafted there (seed 002) and their follow-up.
            let training = try await browser.get("/events/2019-iclei-shrdc-capacity-building-chinese-cities")
            #expect(training.status == .ok && training.contains("Action plans drafted here") && training.contains("Chengdu"))
            // Events: upcoming/past lists and the July 2019 month.
            let events = try await browser.get("/events")
            #expect(events.status == .ok && events.contains("Upcoming"))
            let july = try await browser.get("/events?month=2019-07")
            #expect(july.contains("<table class=\"month\"") && july.contains("Beijing"))
            #expect(try await browser.get("/events?month=2019-13").status == .unprocessableContent)
            // iCalendar: CRLF, folded lines of at most 75 octets, every event, dates.
            let ics = try await browser.get("/events.ics")
            #expect(ics.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(ics.body.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && ics.body.hasSuffix("END:VCALENDAR\r\n"))
            let lines = ics.body.components(separatedBy: "\r\n").dropLast()
            #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "an unfolded line")
            #expect(!ics.body.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
            let count = ics.body.components(separatedBy: "BEGIN:VEVENT").count - 1
            #expect(count >= 30)
            #expect(ics.body.contains("DTSTART;VALUE=DATE:20190519"))
            let city = try await browser.get("/cities/seoul/events.ics")
            #expect(city.status == .ok && city.body.contains("BEGIN:VEVENT"))
            #expect(city.body.components(separatedBy: "BEGIN:VEVENT").count - 1 < count)
            // Atom.
            let atom = try await browser.get("/feed.atom")
            #expect(atom.headers[.contentType]?.hasPrefix("application/atom+xml") == true)
            #expect(atom.body.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">") && atom.body.contains("<entry>"))
            #expect(try XMLDocument(xmlString: atom.body).rootElement()?.name == "feed")
            // Sitemap.
            let sitemap = try await browser.get("/sitemap.xml")
            let xml = try XMLDocument(xmlString: sitemap.body)
            let locations = try xml.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
            #expect(
                locations.contains { $0.hasSuffix("/cities/guiyang") } && locations.contains { $0.contains("/case-studies/") })
            #expect(locations.contains { $0.hasSuffix("/cities/guiyang/inventories/2021") })
        }
    }

    @Test func iCalendar_foldsEscapesAndConvertsToUTC() {
        // 09:30 in Seoul (UTC+9) is 00:30 UTC.
        let start = ICalendar.instant(day: "2019-05-22", time: "09:30", zone: "Asia/Seoul")!
        #expect(ICalendar.utc(start) == "20190522T003000Z")
        #expect(ICalendar.escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
        let long = "SUMMARY:" + String(repeating: "低碳城市", count: 20)
        let folded = ICalendar.fold(long)
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long, "unfolding gives the line back")
        #expect(ICalendar.nextDay("2019-12-31") == "20200101")
    }

    @Test func markdown_cannotInjectMarkup() {
        let html = Markdown.render(
            """
            # Results <script>alert(1)</script>
            A **bold** and [a link](https://example.org) and [bad](javascript:alert(1)) and <img src=x onerror=alert(1)>.

            - one
            - two
            """
        ).render()
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(!html.contains("<img") && !html.contains("javascript:"))
        #expect(html.contains("<h2>Results") && html.contains("<strong>bold</strong>"))
        #expect(html.contains("<a href=\"https://example.org\" rel=\"noopener nofollow\">a link</a>"))
        #expect(html.contains("<ul><li>one</li><li>two</li></ul>"))
    }

    @Test func searchTerms_splitCJKIntoPairs() {
        #expect(SearchTerms.query("脱炭素").terms == ["脱炭", "炭素"])
        #expect(SearchTerms.query("온실가스 감축").terms == ["온실", "실가", "가스", "감축"])
        #expect(SearchTerms.query("Low-Carbon 低碳").terms == ["low", "carbon", "低碳"])
        #expect(SearchTerms.query("碳").terms == ["碳"])
        let index = SearchTerms.index("推进低碳城市建设")
        #expect(index["低碳"] == 1 && index["碳"] == 1 && index["城市"] == 1)
    }
}
