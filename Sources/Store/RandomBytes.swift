import CCrypto

/// Bytes from OpenSSL's CSPRNG.
enum RandomBytes {
    /// `count` cryptographically secure random bytes.
    /// - Throws: `StoreError.io` when the generator is not seeded (it should never be on Linux).
    static func generate(count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else {
            throw StoreError.io("the random number generator failed")
        }
        return bytes
    }
}
