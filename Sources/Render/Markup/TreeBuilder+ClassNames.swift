/// Splitting a `class` attribute into class names.
extension TreeBuilder {
    /// The names in a `class` attribute value, split at ASCII white space (space, tab, LF, CR, FF).
    ///
    /// Tailwind markup carries dozens of classes per element, and splitting them `Character` by
    /// `Character` (grapheme breaking on every byte) showed up in parse profiles, so ASCII values are
    /// split on their bytes. Values with non-ASCII bytes or a carriage return keep the `Character`
    /// split: there a CR LF pair, or a space followed by a combining mark, is one `Character` that is
    /// not a separator, and the byte split would differ.
    static func classNames(in value: String) -> [String] {
        let split: [String]? = value.utf8.withContiguousStorageIfAvailable { bytes in
            var names: [String] = []
            var start = 0
            for (offset, byte) in bytes.enumerated() {
                if byte >= 0x80 || byte == 0x0D { return nil }
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C else { continue }
                if offset > start { names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)) }
                start = offset + 1
            }
            if bytes.count > start { names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return names
        } ?? nil
        if let split { return split }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }).map(String.init)
    }
}
