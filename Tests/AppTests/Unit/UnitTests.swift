import FluentKit
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import Foundation
import Testing

@testable import App

@Suite struct SlugTests {
    @Test(arguments: [
        ("Guiyang", "guiyang"), ("Hong Kong", "hong-kong"), ("Seoul Metropolitan Government", "seoul-metropolitan-government"),
        ("  Ulaanbaatar  ", "ulaanbaatar"), ("Zürich & Co.", "zurich-co"), ("ICLEI — East Asia", "iclei-east-asia"),
    ])
    func slug_fromEnglishName(_ name: String, _ expected: String) {
        #expect(Slug.make(name) == expected)
        #expect(Slug.isValid(Slug.make(name)))
    }

    @Test func slug_withoutLatinLetters_isEmpty() {
        #expect(Slug.make("北九州市") == "")
    }

    @Test func slug_unique_addsASuffix() async throws {
        let taken: Set<String> = ["kyoto", "kyoto-2"]
        #expect(try await Slug.unique("kyoto") { taken.contains($0) } == "kyoto-3")
        #expect(try await Slug.unique("nara") { taken.contains($0) } == "nara")
    }
}

@Suite struct LanguageTests {
    @Test(arguments: [
        ("zh-CN,zh;q=0.9,en;q=0.8", AppLocale.zh), ("ja", .ja), ("ko-KR", .ko), ("en-GB,en;q=0.9", .en),
        ("fr-FR, ja;q=0.5, ko;q=0.7", .ko), ("de", nil), ("ja;q=0", nil),
    ])
    func acceptLanguage_negotiation(_ header: String, _ expected: AppLocale?) {
        #expect(AppLocale.negotiate(acceptLanguage: header) == expected)
    }
}

@Suite struct EscapingTests {
    @Test func textAndAttributes_areEscaped() {
        let node = div(.class("a\"b"), .custom("data-x", "<'&'>")) { "<b>Tom & \"Jerry\"</b>" }
        #expect(
            node.render() == #"<div class="a&quot;b" data-x="&lt;&#39;&amp;&#39;&gt;">&lt;b&gt;Tom &amp; "Jerry"&lt;/b&gt;</div>"#
        )
    }

    @Test func booleanAttributes() {
        #expect(input(.type("checkbox"), .checked(true), .required(false)).render() == #"<input type="checkbox" checked>"#)
    }
}

@Suite struct ValidationTests {
    @Test func emailsAndWebsites() {
        #expect(Validate.isEmail("a.b@example.org"))
        #expect(!Validate.isEmail("a@b"))
        #expect(!Validate.isEmail("<a>@example.org"))
        #expect(Validate.isWebsite("https://iclei.org/en"))
        #expect(!Validate.isWebsite("javascript:alert(1)"))
        #expect(!Validate.isWebsite("ftp://example.org"))
    }

    @Test func countryCodes_areAssignedISOCodes() {
        #expect(Validate.isCountryCode("KR"))
        #expect(Validate.isCountryCode("MN"))
        #expect(Validate.isCountryCode("HK"))
        #expect(!Validate.isCountryCode("AA"))
        #expect(!Validate.isCountryCode("kr"))
        #expect(!Validate.isCountryCode("KOR"))
    }

    @Test func guessLanguageOfALocalName() {
        #expect(MembershipService.guessLanguage("수원시", country: "KR") == "ko")
        #expect(MembershipService.guessLanguage("北九州市", country: "JP") == "ja")
        #expect(MembershipService.guessLanguage("贵阳市", country: "CN") == "zh")
        #expect(MembershipService.guessLanguage("Улаанбаатар", country: "MN") == "mn")
    }
}

@Suite struct NumberDisplayTests {
    @Test(arguments: [
        (10_297_138.0, "10,297,138"), (1_234_567.5, "1,234,567.5"), (605.23, "605.23"), (0.001, "0"), (-1234.5, "-1,234.5"),
        (327_602_000_000_000.0, "327,602,000,000,000"), (999.999, "1,000"), (12.0, "12"),
    ])
    func grouped_forDisplayOnly(_ value: Double, _ expected: String) {
        #expect(Translator.grouped(value, maxFractionDigits: 2) == expected)
    }
}
