import Testing

@testable import Store

struct CanonicalJSONTests {
    private func written(_ body: (inout CanonicalJSON) -> Void) -> String {
        var json = CanonicalJSON(capacity: 0)
        body(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (10, "10"), (1200, "1200"), (-1, "-1"), (-305, "-305"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func integersArePlainDecimals(value: Int, text: String) {
        #expect(written { $0.integer(value) } == text)
    }

    @Test func everyControlCharacterIsEscaped() {
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        var expected = "\""
        for byte in 0..<0x20 {
            switch byte {
            case 0x08: expected += "\\b"
            case 0x09: expected += "\\t"
            case 0x0A: expected += "\\n"
            case 0x0C: expected += "\\f"
            case 0x0D: expected += "\\r"
            default: expected += "\\u00" + (byte < 0x10 ? "0" : "1") + String(byte & 0x0F, radix: 16)
            }
        }
        expected += "\""
        #expect(written { $0.string(controls) } == expected)
    }

    @Test func quotesBackslashesAndNonASCIIAroundEscapes() {
        #expect(written { $0.string("\"a\\é\u{7F}/\"") } == #""\"a\\é\#u{7F}/\"""#)
        #expect(written { $0.string("") } == #""""#)
    }

    @Test func membersAreSeparatedByCommasAtEveryLevel() {
        let text = written { json in
            json.beginObject()
            json.key("a")
            json.beginObject()
            json.endObject()
            json.key("b")
            json.beginObject()
            json.key("c")
            json.integer(1)
            json.key("d")
            json.string("x")
            json.endObject()
            json.key("e")
            json.integer(2)
            json.endObject()
        }
        #expect(text == #"{"a":{},"b":{"c":1,"d":"x"},"e":2}"#)
    }

    @Test func sortedKeysUseUTF8ByteOrder() {
        #expect(CanonicalJSON.sortedKeys(["é": 0, "a": 0, "Z": 0, "ab": 0]) == ["Z", "a", "ab", "é"])
    }
}
