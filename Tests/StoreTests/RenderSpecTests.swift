import Foundation
import Testing

@testable import Store

struct RenderSpecTests {
    @Test func canonicalBytesHaveTheDocumentedForm() {
        let spec = RenderSpec(
            source: .template(id: "t", digest: "d", variables: ["b": "x\"y\n\u{1}é", "a": "1"]),
            width: 1200, height: 630, format: .webp, quality: 80, rendererVersion: "r1")
        let expected =
            #"{"format":"webp","height":630,"quality":80,"renderer":"r1","source":{"digest":"d","id":"t","#
            + #""kind":"template","variables":{"a":"1","b":"x\"y\n\u0001é"}},"v":1,"width":1200}"#
        #expect(String(decoding: spec.canonicalBytes(), as: UTF8.self) == expected)
        // Pinned: stored renders are named by this key, so it must never drift.
        #expect(spec.key.hex == "50b69f1af0e339649587cceb02033077fefebc57b3eed12bab4fcecc2e388a75")
    }

    @Test func nilQualityIsOmittedAndHtmlIsKeptAsIs() {
        let spec = RenderSpec(
            source: .html("<p>\tA\\B</p>"), width: 10, height: 20, format: .png, quality: nil, rendererVersion: "r")
        let expected =
            #"{"format":"png","height":20,"renderer":"r","source":{"html":"<p>\tA\\B</p>","kind":"html"},"#
            + #""v":1,"width":10}"#
        #expect(String(decoding: spec.canonicalBytes(), as: UTF8.self) == expected)
    }

    @Test func variableInsertionOrderDoesNotMatter() {
        var forward: [String: String] = [:]
        var backward: [String: String] = [:]
        let names = (0..<50).map { "var\($0)" }
        for name in names { forward[name] = name.uppercased() }
        for name in names.reversed() { backward[name] = name.uppercased() }
        let a = RenderSpec(
            source: .template(id: "t", digest: "d", variables: forward), width: 1, height: 1, format: .png,
            quality: nil, rendererVersion: "r")
        let b = RenderSpec(
            source: .template(id: "t", digest: "d", variables: backward), width: 1, height: 1, format: .png,
            quality: nil, rendererVersion: "r")
        #expect(a == b)
        #expect(a.canonicalBytes() == b.canonicalBytes())
        #expect(a.key == b.key)
    }

    @Test func keysSortByUTF8Bytes() {
        // "Z" (0x5A) < "a" (0x61) < "é" (0xC3 0xA9) by bytes.
        let spec = RenderSpec(
            source: .template(id: "t", digest: "d", variables: ["é": "3", "a": "2", "Z": "1"]), width: 1, height: 1,
            format: .png, quality: nil, rendererVersion: "r")
        let text = String(decoding: spec.canonicalBytes(), as: UTF8.self)
        #expect(text.contains(#""variables":{"Z":"1","a":"2","é":"3"}"#))
    }

    @Test func nfdAndNfcValuesGiveTheSameKey() {
        let decomposed = "Cafe\u{301}"
        let composed = "Caf\u{E9}"
        #expect(Array(decomposed.utf8) != Array(composed.utf8))
        #expect(Samples.spec(title: decomposed).key == Samples.spec(title: composed).key)
        #expect(Samples.spec(title: decomposed) == Samples.spec(title: composed))
    }

    @Test func everyFieldChangesTheKey() {
        let base = Samples.spec()
        var variants: [RenderSpec] = []
        var spec = base
        spec.width = 1201
        variants.append(spec)
        spec = base
        spec.height = 631
        variants.append(spec)
        spec = base
        spec.format = .jpeg
        variants.append(spec)
        spec = base
        spec.quality = 90
        variants.append(spec)
        spec = base
        spec.rendererVersion = "engine-2/fonts-1"
        variants.append(spec)
        spec = base
        spec.source = .template(id: "other", digest: String(repeating: "ab", count: 32), variables: ["title": "Hello"])
        variants.append(spec)
        spec = base
        spec.source = .template(id: "basic", digest: String(repeating: "cd", count: 32), variables: ["title": "Hello"])
        variants.append(spec)
        variants.append(Samples.spec(title: "Hello!"))
        spec = base
        spec.source = .template(
            id: "basic", digest: String(repeating: "ab", count: 32), variables: ["title": "Hello", "extra": ""])
        variants.append(spec)
        spec = base
        spec.source = .html("Hello")
        variants.append(spec)
        let keys = Set(([base] + variants).map(\.key))
        #expect(keys.count == variants.count + 1)
    }

    @Test func quality80AndNilDiffer() {
        #expect(Samples.spec(quality: 80).key != Samples.spec(quality: nil).key)
    }

    @Test(arguments: [
        Samples.spec(),
        Samples.spec(title: "Ünïcødé \"quoted\" \\ back\nslash\t\u{7}", format: .jpeg, quality: 1),
        RenderSpec(
            source: .html("<h1>\u{0}</h1>"), width: 4096, height: 1, format: .webp, quality: 100, rendererVersion: ""),
        RenderSpec(
            source: .template(id: "", digest: "", variables: [:]), width: 1, height: 1, format: .png, quality: nil,
            rendererVersion: "v"),
    ])
    func roundTripsThroughCanonicalBytes(spec: RenderSpec) throws {
        let decoded = try RenderSpec(canonicalBytes: spec.canonicalBytes())
        #expect(decoded == spec)
        #expect(decoded.key == spec.key)
    }

    @Test(arguments: [
        "",
        "[]",
        "not json",
        #"{"format":"png","height":20,"renderer":"r","source":{"html":"x","kind":"html"},"v":2,"width":10}"#,
        #"{"format":"gif","height":20,"renderer":"r","source":{"html":"x","kind":"html"},"v":1,"width":10}"#,
        #"{"format":"png","height":20,"renderer":"r","source":{"html":"x","kind":"pdf"},"v":1,"width":10}"#,
        #"{"format":"png","height":20.5,"renderer":"r","source":{"html":"x","kind":"html"},"v":1,"width":10}"#,
        // Valid JSON, but not canonical: whitespace and key order.
        #"{"format": "png","height":20,"renderer":"r","source":{"html":"x","kind":"html"},"v":1,"width":10}"#,
        #"{"height":20,"format":"png","renderer":"r","source":{"html":"x","kind":"html"},"v":1,"width":10}"#,
    ])
    func rejectsBytesThatAreNotACanonicalSpec(text: String) {
        #expect(throws: StoreError.self) { try RenderSpec(canonicalBytes: Array(text.utf8)) }
    }
}
