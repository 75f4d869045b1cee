import CCrypto

/// SHA-256 through OpenSSL's EVP interface.
///
/// Related OpenSSL documentation: <https://docs.openssl.org/3.0/man3/EVP_DigestInit/>
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { digest($0) }
    }

    /// The digest of `bytes` as 64 lowercase hex characters.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Hex.encode(digest(bytes))
    }

    /// The digest of the string's UTF-8 bytes as 64 lowercase hex characters.
    public static func hex(_ string: String) -> String {
        hex(Array(string.utf8))
    }

    private static func digest(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        // EVP only fails on allocation failure or a broken OpenSSL install; neither is input-driven,
        // so they trap like any other out-of-memory condition.
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { fatalError("EVP_DigestInit_ex failed") }
        if let base = buffer.baseAddress, !buffer.isEmpty {
            guard EVP_DigestUpdate(context, base, buffer.count) == 1 else { fatalError("EVP_DigestUpdate failed") }
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &output, &length) == 1 else { fatalError("EVP_DigestFinal_ex failed") }
        return Array(output.prefix(Int(length)))
    }
}
