import Testing
@testable import Render

/// The byte walk of ASCII text in `InlineRunBuilder` must collapse, transform and track word and space
/// state exactly as the `Character` walk does.
struct InlineRunBuilderASCIITests {
    static let texts: [[String]] = [
        ["  Hello   world  ", "again\tand\nagain"], ["it's o'clock 4you", " x"], ["\u{0C}form\u{0C}feed", "", "   "],
        ["line one  \n  line two\n", "\nnext"], ["MiXeD cAsE-words_here 123abc"], ["", "a", " b ", "c "],
    ]

    @Test(arguments: texts)
    func byteWalkMatchesCharacterWalk(texts: [String]) {
        for whiteSpace in [WhiteSpace.normal, .nowrap, .pre, .preWrap, .preLine] {
            for transform in [ComputedStyle.TextTransform.none, .uppercase, .lowercase, .capitalize] {
                var style = ComputedStyle()
                style.whiteSpace = whiteSpace
                style.textTransform = transform
                let collapses = whiteSpace == .normal || whiteSpace == .nowrap || whiteSpace == .preLine
                var bytes = InlineRunBuilder()
                var characters = InlineRunBuilder()
                for text in texts {
                    let fast = bytes.collapsedASCII(text, style: style, collapses: collapses)
                    let slow = characters.collapsedCharacters(text, style: style, collapses: collapses)
                    #expect(fast == slow, "\(whiteSpace) \(transform) \(text.debugDescription)")
                    #expect(bytes.endsWithSpace == characters.endsWithSpace)
                    #expect(bytes.startsWithSpace == characters.startsWithSpace)
                }
            }
        }
    }

    @Test(arguments: ["café", "a\r\nb", "tab\r"])
    func otherTextTakesTheCharacterWalk(text: String) {
        var builder = InlineRunBuilder()
        #expect(builder.collapsedASCII(text, style: ComputedStyle(), collapses: true) == nil)
    }
}
