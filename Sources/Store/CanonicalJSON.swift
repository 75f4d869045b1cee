/// A JSON value written in one canonical form, so equal values always give equal bytes.
///
/// The form: object keys sorted by their UTF-8 bytes, no whitespace, integers as plain decimals,
/// strings escaped minimally (`"` `\` and control characters only; `\b \f \n \r \t` short forms, other
/// controls as lowercase `\u00xx`), every other character written as raw UTF-8.
indirect enum CanonicalJSON {
    case string(String)
    case integer(Int)
    case object([String: CanonicalJSON])

    /// The canonical UTF-8 bytes.
    func bytes() -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output)
        return output
    }

    private func write(to output: inout [UInt8]) {
        switch self {
        case .string(let string):
            Self.writeString(string, to: &output)
        case .integer(let number):
            output.append(contentsOf: String(number).utf8)
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(Hex.digits[Int(byte >> 4)])
                output.append(Hex.digits[Int(byte & 0x0F)])
            default:
                // Bytes of multi-byte UTF-8 sequences are all >= 0x80 and pass through unchanged.
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
