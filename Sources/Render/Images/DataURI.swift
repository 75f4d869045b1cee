import Foundation

/// The payload of a `data:` URI (RFC 2397): `data:[<mediatype>][;base64],<data>`.
enum DataURI {
    /// The decoded bytes, or nil when `uri` is not a well-formed data URI.
    static func decode(_ uri: String) -> [UInt8]? {
        // Fonts and images arrive as URIs of megabytes: everything below walks UTF-8 bytes, never
        // Characters, which cost a grapheme break and a Unicode property lookup each.
        let bytes = uri.utf8
        guard bytes.count > 5, bytes.prefix(5).elementsEqual("data:".utf8, by: { $0 | 0x20 == $1 }),
              let comma = bytes.firstIndex(of: UInt8(ascii: ",")) else { return nil }
        let header = String(decoding: bytes[bytes.index(bytes.startIndex, offsetBy: 5)..<comma], as: UTF8.self).lowercased()
        let payload = bytes[bytes.index(after: comma)...]
        if header.hasSuffix(";base64") {
            // On the string's contiguous UTF-8 the decoder loop runs over a plain buffer; walking
            // the Substring view costs several times as much per byte.
            let start = bytes.distance(from: bytes.startIndex, to: payload.startIndex)
            if let decoded = uri.utf8.withContiguousStorageIfAvailable({ forgivingBase64(UnsafeBufferPointer(rebasing: $0[start...])) }) {
                return decoded
            }
            return forgivingBase64(payload)
        }
        guard let text = String(Substring(payload)).removingPercentEncoding else { return nil }
        return Array(text.utf8)
    }

    /// WHATWG Infra's forgiving-base64 decode, as browsers read `data:` URIs: ASCII white space is
    /// skipped (CSS and HTML often wrap long URIs), one or two `=` may end the text, missing padding
    /// is accepted, and anything else outside the alphabet fails.
    static func forgivingBase64<Bytes: Collection<UInt8>>(_ text: Bytes) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3 + 3)
        var buffer: UInt32 = 0
        var sextets = 0
        var padding = 0
        for byte in text {
            let value = sextetTable[Int(byte)]
            if value == skip { continue }
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            // Alphabet characters after padding, or outside the alphabet: not base64.
            guard value != invalid, padding == 0 else { return nil }
            buffer = buffer << 6 | UInt32(value)
            sextets += 1
            if sextets == 4 {
                output.append(UInt8(truncatingIfNeeded: buffer >> 16))
                output.append(UInt8(truncatingIfNeeded: buffer >> 8))
                output.append(UInt8(truncatingIfNeeded: buffer))
                buffer = 0
                sextets = 0
            }
        }
        // Padding is allowed only where it completes a quantum: `xx==` or `xxx=`.
        guard padding == 0 || (padding <= 2 && sextets + padding == 4) else { return nil }
        switch sextets {
        case 0: break
        case 1: return nil
        case 2: output.append(UInt8(truncatingIfNeeded: buffer >> 4))
        default:
            output.append(UInt8(truncatingIfNeeded: buffer >> 10))
            output.append(UInt8(truncatingIfNeeded: buffer >> 2))
        }
        return output
    }

    private static let invalid: UInt8 = 0xFF
    private static let skip: UInt8 = 0xFE

    /// Each byte's six-bit value; `skip` for ASCII white space, `invalid` otherwise (also for `=`,
    /// which the decoder handles itself).
    private static let sextetTable: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        for byte in [0x09, 0x0A, 0x0C, 0x0D, 0x20] { table[byte] = skip }
        return table
    }()
}
