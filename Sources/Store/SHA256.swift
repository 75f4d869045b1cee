import CCrypto

/// SHA-256 through OpenSSL's one-shot `EVP_Digest`.
///
/// Related OpenSSL documentation: <https://docs.openssl.org/3.0/man3/EVP_DigestInit/>
public enum SHA256 {
    /// The digest length in bytes.
    static let byteCount = 32

    /// The 32-byte digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { digest($0) }
    }

    /// The digest of `bytes` as 64 lowercase hex characters.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let hex = bytes.withContiguousStorageIfAvailable({ hex(UnsafeRawBufferPointer($0)) }) {
            return hex
        }
        return Array(bytes).withUnsafeBytes { hex($0) }
    }

    /// The digest of the string's UTF-8 bytes as 64 lowercase hex characters.
    public static func hex(_ string: String) -> String {
        var string = string
        return string.withUTF8 { hex(UnsafeRawBufferPointer($0)) }
    }

    private static func digest(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: byteCount) { output, initialized in
            compute(buffer, into: output.baseAddress!)
            initialized = byteCount
        }
    }

    /// Hashes straight into a stack buffer and encodes that, so a key costs one allocation (the string).
    private static func hex(_ buffer: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: byteCount) { digest in
            compute(buffer, into: digest.baseAddress!)
            return String(unsafeUninitializedCapacity: byteCount * 2) { text in
                for (position, byte) in digest.enumerated() {
                    text[2 * position] = Hex.digits[Int(byte >> 4)]
                    text[2 * position + 1] = Hex.digits[Int(byte & 0x0F)]
                }
                return byteCount * 2
            }
        }
    }

    /// Writes the 32-byte digest of `buffer` at `output`.
    private static func compute(_ buffer: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>) {
        // `EVP_Digest` needs a valid pointer even for empty input; any readable address will do.
        var empty: UInt8 = 0
        var length: UInt32 = 0
        let status = withUnsafePointer(to: &empty) { emptyPointer in
            EVP_Digest(buffer.baseAddress ?? UnsafeRawPointer(emptyPointer), buffer.count, output, &length, EVP_sha256(), nil)
        }
        // EVP only fails on allocation failure or a broken OpenSSL install; neither is input-driven,
        // so it traps like any other out-of-memory condition.
        guard status == 1, length == UInt32(byteCount) else { fatalError("EVP_Digest failed") }
    }
}
