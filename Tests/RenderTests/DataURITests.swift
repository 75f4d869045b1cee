import Foundation
import Testing
@testable import Render

struct DataURITests {
    @Test func base64MatchesFoundationOnRandomPayloads() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 3, 4, 5, 57, 58, 59, 1000, 4097] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let encoded = Data(bytes).base64EncodedString()
            #expect(DataURI.decode("data:font/ttf;base64," + encoded) == bytes, "length \(length)")
            // Wrapped at 76 columns with CRLF, as mail-style encoders write it.
            let wrapped = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            #expect(DataURI.decode("DATA:image/png;BASE64," + wrapped) == bytes, "wrapped length \(length)")
        }
    }

    @Test(arguments: [
        ("aGk=", "hi"), ("aGk", "hi"), ("aGVsbG8=", "hello"), ("aGVsbG8", "hello"),
        (" a G\tk =\n", "hi"), ("aGVs bG8h", "hello!"), ("", ""),
    ])
    func forgivingBase64Accepts(text: String, expected: String) {
        #expect(DataURI.forgivingBase64(Array(text.utf8)) == Array(expected.utf8))
    }

    @Test(arguments: ["a", "aGk==", "aG=k", "a===", "aGk*", "aGVsbG8=x", "=aGk", "aGVsb"])
    func forgivingBase64Rejects(text: String) {
        #expect(DataURI.forgivingBase64(Array(text.utf8)) == nil)
    }

    @Test func headerIsCaseInsensitiveAndCommaIsRequired() {
        #expect(DataURI.decode("Data:text/plain,ok") == Array("ok".utf8))
        #expect(DataURI.decode("data:text/plain;base64") == nil)
        #expect(DataURI.decode("dat:,x") == nil)
        #expect(DataURI.decode("data:;base64,%%%") == nil)
    }
}
