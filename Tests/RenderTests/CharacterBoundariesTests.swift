import Testing
@testable import Render

/// `CharacterBoundaries` replaced `[[Character]]` arrays rebuilt into strings when inline boxes cut
/// their paragraph's spans at caret offsets; it must cut at the same grapheme clusters.
struct CharacterBoundariesTests {
    private static let spans = [TextTestSupport.span("Cafe\u{301} 👩‍👩‍👧 "), TextTestSupport.span(""),
                                TextTestSupport.span("\u{301}x 東京"), TextTestSupport.span("end")]

    /// The slicing the type replaced, on arrays of characters.
    private static func reference(from: Int, to: Int) -> [String] {
        var result: [String] = []
        var offset = 0
        for span in spans {
            let characters = Array(span.text)
            let lower = max(from, offset) - offset
            let upper = min(to, offset + characters.count) - offset
            if lower < upper { result.append(String(characters[lower..<upper])) }
            offset += characters.count
        }
        return result
    }

    @Test func slicesAtEveryPairOfOffsets() {
        let boundaries = CharacterBoundaries(Self.spans)
        let flat = Self.spans.flatMap { Array($0.text) }
        #expect(boundaries.count == flat.count)
        for offset in flat.indices { #expect(boundaries[offset] == flat[offset]) }
        for from in 0...flat.count {
            for to in from...flat.count {
                let pieces = boundaries.slice(from: from, to: to)
                #expect(pieces.map(\.text) == Self.reference(from: from, to: to))
                #expect(pieces.allSatisfy { $0.font == Self.spans[0].font })
            }
        }
    }
}
