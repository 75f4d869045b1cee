import Foundation
import Testing
@testable import HTTPServer

struct PreconditionsTests {
    static let etag = "\"abc\""
    static let modified = Date(timeIntervalSince1970: 1_700_000_000)

    static func evaluate(_ fields: [(String, String)]) -> PreconditionOutcome {
        var headers = HTTPHeaders()
        for (name, value) in fields { headers.add(name, value) }
        return Preconditions.evaluate(headers, etag: etag, lastModified: modified)
    }

    @Test(arguments: [
        ([], PreconditionOutcome.proceed),
        ([("If-None-Match", "\"abc\"")], .notModified),
        ([("If-None-Match", "W/\"abc\"")], .notModified),
        ([("If-None-Match", "*")], .notModified),
        ([("If-None-Match", "\"x\", \"abc\"")], .notModified),
        ([("If-None-Match", "\"x\""), ("If-None-Match", "\"abc\"")], .notModified),
        ([("If-None-Match", "\"x\"")], .proceed),
        ([("If-None-Match", "abc")], .proceed),
        // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2 step 4).
        ([("If-None-Match", "\"x\""), ("If-Modified-Since", "Wed, 15 Nov 2023 00:00:00 GMT")], .proceed),
        ([("If-Modified-Since", "Wed, 15 Nov 2023 00:00:00 GMT")], .notModified),
        ([("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")], .proceed),
        ([("If-Modified-Since", "yesterday")], .proceed),
        ([("If-Match", "\"abc\"")], .proceed),
        ([("If-Match", "*")], .proceed),
        ([("If-Match", "W/\"abc\"")], .failed),
        ([("If-Match", "\"x\"")], .failed),
        ([("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")], .failed),
        ([("If-Unmodified-Since", "Wed, 15 Nov 2023 00:00:00 GMT")], .proceed),
        // Exactly the stored second is "not modified since" (RFC 9110 §13.1.3).
        ([("If-Modified-Since", "Tue, 14 Nov 2023 22:13:20 GMT")], .notModified),
        ([("If-Modified-Since", "Tue, 14 Nov 2023 22:13:19 GMT")], .proceed),
        ([("If-None-Match", "W/\"x\", W/\"abc\"")], .notModified),
        ([("If-None-Match", "\"x\",\"y\"")], .proceed),
        ([("If-None-Match", "*"), ("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")], .notModified),
        ([("If-Match", "\"x\", \"abc\"")], .proceed),
        ([("If-Match", "\"x\""), ("If-Match", "\"abc\"")], .proceed),
        // A true If-Match makes If-Unmodified-Since irrelevant (step 2 runs only without If-Match).
        ([("If-Match", "\"abc\""), ("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")], .proceed),
        // A false If-Match fails before If-None-Match is looked at.
        ([("If-Match", "\"x\""), ("If-None-Match", "\"abc\"")], .failed),
        ([("If-Match", "\"abc\""), ("If-None-Match", "\"abc\"")], .notModified),
        ([("If-Unmodified-Since", "garbage")], .proceed),
        ([("If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"), ("If-None-Match", "\"abc\"")], .failed),
    ])
    func evaluatesInRFCOrder(_ fields: [(String, String)], _ expected: PreconditionOutcome) {
        #expect(Self.evaluate(fields) == expected)
    }

    static let caseCases: [([(String, String)], PreconditionOutcome)] = [
        ([("Host", "a"), ("IF-NONE-MATCH", "\"abc\"")], .notModified),
        ([("if-match", "\"x\""), ("Accept", "*/*")], .failed),
        ([("iF-mOdIfIeD-sInCe", "Wed, 15 Nov 2023 00:00:00 GMT")], .notModified),
        // Only the four conditional names count.
        ([("If", "\"abc\""), ("Iff-None-Match", "\"abc\""), ("X-If-None-Match", "\"abc\"")], .proceed),
        ([("Host", "a"), ("Accept", "*/*")], .proceed),
    ]

    /// Field names are case-insensitive, also for the quick check that any conditional field is there.
    @Test(arguments: caseCases)
    func conditionalNamesAreFoundInAnyCase(_ fields: [(String, String)], _ expected: PreconditionOutcome) {
        #expect(Self.evaluate(fields) == expected)
    }

    @Test func formatsAndParsesIMFFixdate() {
        let text = HTTPDate.format(Self.modified)
        #expect(text == "Tue, 14 Nov 2023 22:13:20 GMT")
        #expect(HTTPDate.parse(text) == Self.modified)
        #expect(HTTPDate.parse("Tue, 14 Nov 2023 22:13:20 UTC") == nil)
        #expect(HTTPDate.parse("Tue, 14 Foo 2023 22:13:20 GMT") == nil)
    }
}
