import Testing

@testable import Store

struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
        #expect(SHA256.hex(Array(input.utf8)) == digest)
        #expect(SHA256.hex(input.utf8) == digest)
        #expect(SHA256.hex(Array(input.utf8).lazy.map { $0 }) == digest, "a collection without contiguous storage")
        #expect(Hex.encode(SHA256.digest(Array(input.utf8))) == digest)
        #expect(SHA256.digest(input.utf8).count == 32)
    }

    @Test func cacheKeyAcceptsOnlyLowercaseHexOfLength64() {
        let valid = String(repeating: "0a", count: 32)
        #expect(CacheKey(hex: valid)?.hex == valid)
        #expect(CacheKey(hex: valid.uppercased()) == nil)
        #expect(CacheKey(hex: String(valid.dropLast())) == nil)
        #expect(CacheKey(hex: valid + "0") == nil)
        #expect(CacheKey(hex: String(valid.dropLast()) + "g") == nil)
        #expect(CacheKey(hex: "../" + String(valid.dropFirst(3))) == nil)
        // The characters just outside each digit range, and a multi-byte character.
        for neighbor in ["/", ":", "`", "g", "é"] {
            #expect(CacheKey(hex: String(valid.dropLast()) + neighbor) == nil, "\(neighbor)")
        }
        #expect(CacheKey(hex: "0123456789abcdef" + String(valid.dropFirst(16)))?.hex.count == 64)
    }
}
