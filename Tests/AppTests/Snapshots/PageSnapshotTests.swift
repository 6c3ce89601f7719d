import Foundation
import HTTPTypes
import SnapshotTesting
import Testing

@testable import App

/// What people see on the ten most visited pages, as HTML snapshots (one tag per line, so a change
/// reads as a diff). A failing snapshot is reviewed: when the change is meant, delete its file under
/// `__Snapshots__` and run `swift test --filter PageSnapshotTests` twice (the suite records missing
/// snapshots only, so an environment variable cannot re-record them by accident), then commit the
/// new file with the change.
@Suite(.snapshots(record: .missing)) struct PageSnapshotTests {
    /// A fixed day, so "upcoming" and "past", reminders and follow-up read the same on every run.
    @Sendable static func today() -> Date { Date(timeIntervalSince1970: 1_780_272_000) }  // 2026-06-01

    static let pages: [(name: String, path: String)] = [
        ("inventory", "/cities/guiyang/inventories/2021"),
        ("city-profile", "/cities/seoul"),
        ("targets", "/cities/seoul/targets"),
        ("registry", "/registry"),
        ("directory", "/cities"),
        ("search", "/search?q=%E4%BD%8E%E7%A2%B3"),
        ("event", "/events/2019-iclei-shrdc-capacity-building-chinese-cities"),
        ("case-study", "/case-studies/tianjin-binhai-green-procurement-school-furniture"),
        ("forecast", "/cities/guiyang/forecast"),
        ("membership-form", "/membership/apply"),
    ]

    @Test func theTenMostVisitedPages() async throws {
        try await TestApp.run(seed: true, now: Self.today) { client, _ in
            let visitor = Browser(client)
            for page in Self.pages {
                let response = try await visitor.get(page.path)
                #expect(response.status == .ok, "\(page.path): \(response.status)")
                #expect(
                    HTMLIDs.repeated(in: response.body).isEmpty, "\(page.path) repeats ids \(HTMLIDs.repeated(in: response.body))"
                )
                assertSnapshot(of: Self.readable(response.body), as: .lines, named: page.name)
            }
        }
    }

    /// One element per line; what differs from run to run (record ids, form tokens) replaced by a
    /// stand-in.
    static func readable(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "><", with: ">\n<")
        for (pattern, replacement) in [
            (#"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"#, "<uuid>"),
            (#"name="_csrf" value="[^"]*""#, #"name="_csrf" value="<token>""#),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text + "\n"
    }
}
