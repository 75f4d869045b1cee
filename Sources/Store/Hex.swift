/// Lowercase hexadecimal encoding.
enum Hex {
    /// The ASCII digits `0-9a-f`, indexed by nibble value.
    static let digits = Array("0123456789abcdef".utf8)

    /// The bytes as lowercase hex, two characters per byte.
    static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            utf8.append(digits[Int(byte >> 4)])
            utf8.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// True when `text` is exactly `count` characters of `[0-9a-f]`.
    static func isLowercaseHex(_ text: String, count: Int) -> Bool {
        // Every `GET /renders` checks a 64-digit name: walk the contiguous UTF-8 once, as bytes.
        guard text.utf8.count == count else { return false }
        var text = text
        return text.withUTF8 { utf8 in utf8.allSatisfy(isLowercaseHexDigit) }
    }

    private static func isLowercaseHexDigit(_ byte: UInt8) -> Bool {
        (byte &- UInt8(ascii: "0")) < 10 || (byte &- UInt8(ascii: "a")) < 6
    }

    /// True when `bytes` are exactly `count` ASCII characters of `[0-9a-f]`.
    static func isLowercaseHex<Bytes: Sequence<UInt8>>(bytes: Bytes, count: Int) -> Bool {
        var length = 0
        for byte in bytes {
            guard isLowercaseHexDigit(byte) else { return false }
            length += 1
        }
        return length == count
    }
}
