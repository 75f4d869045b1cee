import Testing
@testable import OGServer

struct JSONWriterTests {
    @Test(arguments: ["", "plain", "a\"b", "back\\slash", "tab\tnew\nline\r", "\u{1}\u{1F}", "é and 🙂", "https://x.example/a?b=\"c\""])
    func escapingPiecesEqualsEscapingTheWhole(text: String) {
        var whole: [UInt8] = []
        JSONWriter.appendEscaped(text + text, to: &whole)
        var pieces: [UInt8] = []
        JSONWriter.appendEscaped(text, to: &pieces)
        JSONWriter.appendEscaped(text, to: &pieces)
        #expect(whole == pieces)
        let serialized = JSONWriter.bytes(.string(text + text))
        #expect(serialized == [UInt8(ascii: "\"")] + whole + [UInt8(ascii: "\"")])
    }
}
