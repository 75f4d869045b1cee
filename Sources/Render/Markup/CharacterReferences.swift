/// Decodes HTML character references (`&amp;`, `&#169;`, `&#x1F600;`) in text and attribute values.
enum CharacterReferences {
    /// The named references cards actually use; the full HTML table has 2,231 entries.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "bull": "•", "middot": "·",
        "times": "×", "divide": "÷", "minus": "−", "plusmn": "±", "euro": "€", "pound": "£",
        "yen": "¥", "cent": "¢", "deg": "°", "para": "¶", "sect": "§", "dagger": "†", "Dagger": "‡",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "rArr": "⇒", "lArr": "⇐",
        "hearts": "♥", "spades": "♠", "clubs": "♣", "diams": "♦", "check": "✓", "cross": "✗",
        "star": "☆", "starf": "★", "infin": "∞", "ne": "≠", "le": "≤", "ge": "≥", "asymp": "≈",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup2": "²", "sup3": "³", "micro": "µ",
        "iexcl": "¡", "iquest": "¿", "shy": "\u{AD}", "ensp": "\u{2002}", "emsp": "\u{2003}",
        "thinsp": "\u{2009}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "prime": "′", "Prime": "″",
        "eacute": "é", "Eacute": "É", "egrave": "è", "agrave": "à", "aacute": "á", "acirc": "â",
        "ecirc": "ê", "iacute": "í", "oacute": "ó", "ocirc": "ô", "uacute": "ú", "ntilde": "ñ",
        "Ntilde": "Ñ", "ccedil": "ç", "Ccedil": "Ç", "auml": "ä", "ouml": "ö", "uuml": "ü",
        "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "aring": "å", "oslash": "ø", "aelig": "æ",
    ]
    /// Names the HTML Standard also accepts without the trailing semicolon (legacy references).
    static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// Decodes a byte slice of UTF-8 text, leaving anything that is not a valid reference as written.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (replacement, end) = reference(in: bytes, at: index) {
                output.append(contentsOf: replacement.utf8)
                index = end
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The decoded reference starting at the '&' at `start` and the index after it.
    private static func reference(in bytes: ArraySlice<UInt8>, at start: Int) -> (String, Int)? {
        var index = start + 1
        guard index < bytes.endIndex else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < bytes.endIndex, bytes[index] | 0x20 == UInt8(ascii: "x") { hex = true; index += 1 }
            var value: UInt32 = 0
            var digits = 0
            while index < bytes.endIndex, let digit = digitValue(bytes[index], hex: hex) {
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: ";") { index += 1 }
            // HTML §13.2.5.80: zero, surrogates and out-of-range values become U+FFFD.
            let scalar = Unicode.Scalar(value).flatMap { value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (String(Character(scalar)), index)
        }
        let nameStart = index
        while index < bytes.endIndex, index - nameStart < 32, isAlphanumeric(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ";"), let value = named[name] {
            return (value, index + 1)
        }
        if legacy.contains(name), let value = named[name] { return (value, index) }
        return nil
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        HTMLTokenizer.isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
