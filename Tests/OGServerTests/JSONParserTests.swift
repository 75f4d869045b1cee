import Testing
@testable import OGServer

struct JSONParserTests {
    @Test func parsesNestedDocument() throws {
        let value = try JSONParser.parse(Array(#"{"a":[1,-2.5e3,true,false,null],"b":{"c":"d"}}"#.utf8))
        #expect(value["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(value["b"]?["c"] == .string("d"))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(Array(#""a\"b\\c\/\n\u00e9\ud83d\ude80""#.utf8))
        #expect(value == .string("a\"b\\c/\né🚀"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"", "\"\\ud800\"",
        "{\"a\" 1}", "[1 2]", "{} {}", "\"a\u{01}b\"", "nul",
    ])
    func rejectsMalformedInput(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func limitsNesting() throws {
        let deep = String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(deep.utf8), maxDepth: 32) }
        let allowed = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        _ = try JSONParser.parse(Array(allowed.utf8), maxDepth: 32)
    }

    @Test func survivesVeryDeepInputWithoutRecursingPastTheLimit() {
        let deep = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(deep.utf8)) }
    }

    @Test func integerValueAcceptsOnlyWholeNumbers() {
        #expect(JSONValue.number("1200").integerValue == 1200)
        #expect(JSONValue.number("1.2e3").integerValue == 1200)
        #expect(JSONValue.number("12.5").integerValue == nil)
        #expect(JSONValue.string("12").integerValue == nil)
    }

    @Test func writerRoundTrips() throws {
        let value = JSONValue.object([("k", .string("quote \" slash \\ tab \t ctl \u{01} é")), ("n", .integer(3))])
        let text = JSONWriter.serialize(value)
        #expect(text == #"{"k":"quote \" slash \\ tab \t ctl \u0001 é","n":3}"#)
        #expect(try JSONParser.parse(Array(text.utf8)) == value)
        #expect(JSONWriter.bytes(value) == Array(text.utf8))
    }

    @Test func writerEscapesEveryControlCharacterAsLowercaseHex() throws {
        let controls = String(decoding: (0..<0x20).map { UInt8($0) } + [0x7F], as: UTF8.self)
        let text = JSONWriter.serialize(.string(controls))
        #expect(text.hasPrefix(#""\u0000\u0001"#))
        #expect(text.contains(#"\u001f"#))
        #expect(text.contains(#"\t\n\u000b\u000c\r"#))
        #expect(try JSONParser.parse(Array(text.utf8)) == .string(controls))
    }

    @Test func stringsWithAndWithoutEscapesParseAlike() throws {
        #expect(try JSONParser.parse(Array(#""plain é""#.utf8)) == .string("plain é"))
        #expect(try JSONParser.parse(Array(#""tab\there""#.utf8)) == .string("tab\there"))
        #expect(try JSONParser.parse(Array(#"["a",true,false,null]"#.utf8)) == .array([.string("a"), .bool(true), .bool(false), .null]))
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array("\"a\u{1}b\"".utf8)) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array("tru".utf8)) }
    }
}
