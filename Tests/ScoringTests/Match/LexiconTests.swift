import Foundation
import Scoring
import TestSupport
import Testing

@Suite("Lexicon tokens")
struct LexiconTests {
    static var lexicon: Lexicon { Fixture.lexicon }

    func tokens(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var tokens: [Lexicon.Token] = []
        bytes.withUnsafeBufferPointer { LexiconTests.lexicon.tokens(in: $0, into: &tokens) }
        return tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    @Test func latinFormsNeedWordBoundaries() {
        #expect(tokens("focus on the status of us").isEmpty)
        #expect(tokens("the US and the U.S.") == ["US", "U.S."])
    }

    @Test func caseSensitiveFormsKeepTheirCase() {
        #expect(!tokens("let us go").contains("us"))
    }

    @Test func wildcardExtendsOverTheWord() {
        #expect(tokens("its dominance") == ["dominance"])
    }

    @Test func longestMatchWinsAndFalseFriendsHide() {
        #expect(tokens("美元") == ["美元"])
        let lexicon = LexiconTests.lexicon
        let bytes = Array("美元".utf8)
        var found: [Lexicon.Token] = []
        bytes.withUnsafeBufferPointer { lexicon.tokens(in: $0, into: &found) }
        #expect(found.count == 1)
        #expect(lexicon.entries[found[0].entry].kind == .falseFriend)
    }

    @Test func traditionalSpellingsMatchTheSimplifiedEntry() {
        let lexicon = LexiconTests.lexicon
        for text in ["中國", "依賴"] {
            let bytes = Array(text.utf8)
            var found: [Lexicon.Token] = []
            bytes.withUnsafeBufferPointer { lexicon.tokens(in: $0, into: &found) }
            #expect(found.count == 1, "\(text) should match one entry")
        }
    }
}
