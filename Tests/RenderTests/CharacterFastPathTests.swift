import Testing
@testable import Render

/// ASCII shortcuts in per-character tests must answer as the Unicode property lookups they skip.
struct CharacterFastPathTests {
    static let samples: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        + ["\r\n", "é", "ß", "١", "²", "Ⅻ", "’", "日", "😀", "1\u{FE0F}\u{20E3}", "#\u{FE0F}\u{20E3}", "©", "©\u{FE0F}", "☺\u{FE0E}", "👍🏽", "e\u{301}"]

    @Test(arguments: samples)
    func continuesWordMatchesTheUnicodeProperties(character: Character) {
        let expected = character.isLetter || character.isNumber || character == "'" || character == "’"
        #expect(InlineRunBuilder.continuesWord(character) == expected)
    }

    @Test(arguments: samples)
    func emojiTestMatchesTheScalarProperties(character: Character) {
        let scalars = character.unicodeScalars
        let first = scalars.first!
        let expected: Bool
        if scalars.contains(where: { $0.value == 0xFE0E }) {
            expected = false
        } else if first.properties.isEmojiPresentation {
            expected = true
        } else if !first.properties.isEmoji {
            expected = false
        } else {
            expected = scalars.contains { $0.value == 0xFE0F || $0.value == 0x20E3 || $0.value == 0x200D || (0x1F3FB...0x1F3FF).contains($0.value) }
        }
        #expect(TextCharacters.isEmoji(character) == expected)
    }
}
