import Testing

@testable import App

/// Why a composite is not shown, said in each language from the scoring's numbers.
@Suite struct ScoreReasonTextTests {
    @Test func notShown_inTheReadersLanguage() throws {
        let catalogue = try Catalogue.load()
        let english = Translator(locale: .en, catalogue: catalogue)
        #expect(
            ScoreReasonText.notShown(present: 3, applicable: 5, minimumShare: 2.0 / 3, t: english)
                == "only 3 of the 5 applicable weight has a value, less than the edition's minimum share of 66.7 %")
        let chinese = Translator(locale: .zh, catalogue: catalogue)
        #expect(
            ScoreReasonText.notShown(present: 3, applicable: 5, minimumShare: 0.75, t: chinese)
                == "适用权重 5 中仅 3 有数值，低于该版本规定的最低比例 75%")
        // Nothing applicable: said as such, never "0 of 0".
        let japanese = Translator(locale: .ja, catalogue: catalogue)
        #expect(
            ScoreReasonText.notShown(present: 0, applicable: 0, minimumShare: 0.5, t: japanese) == "適用される重み付き項目がありません")
    }
}
