import Testing

/// The repeated-id check the page tests rely on finds what it should, so their "no repeats" holds.
@Suite struct HTMLIDsTests {
    @Test func findsEachRepeatedIDOnce() {
        let html = #"<label for="f-level">L</label><select id="f-level"></select><select id="f-level"></select><p id="x">"#
        #expect(HTMLIDs.repeated(in: html) == ["f-level"])
        #expect(HTMLIDs.repeated(in: #"<div data-id="a"></div><div id="a"></div>"#).isEmpty, "data-id is not an id")
    }
}
