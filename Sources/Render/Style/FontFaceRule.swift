/// One `@font-face` rule (CSS Fonts 4 §4): a family name bound to font data for a range of weights,
/// a style and a set of characters. Rules only describe; `TextEngine.loadDocumentFonts` loads them.
struct FontFaceRule: Sendable, Equatable {
    /// Where a face's data may come from, tried in `src` order until one loads.
    enum Source: Sendable, Equatable {
        /// A `data:` URI or a path under the asset root; `format` is the lowercased `format()` hint.
        case url(String, format: String?)
        /// An installed face named by its full name ("Inter Bold") or family name.
        case local(String)
    }

    /// The family name the document uses, as written (matched case-insensitively).
    var family: String
    var sources: [Source]
    /// `font-weight`: one value or a range (variable fonts), each clamped to 1…1000.
    var weight: ClosedRange<Int> = 400...400
    /// `font-style: italic` or `oblique`; both match an italic request.
    var italic = false
    /// `unicode-range`; empty means every character.
    var unicodeRanges: [ClosedRange<UInt32>] = []

    /// Reads the descriptors of a rule body; nil when `font-family` or a usable `src` is missing,
    /// which makes the rule invalid (CSS Fonts 4 §4.1).
    init?(descriptors: [Declaration]) {
        var family: String?
        var sources: [Source] = []
        for descriptor in descriptors {
            let value = descriptor.value.trimmed
            switch descriptor.name {
            case "font-family": family = Self.unquoted(value)
            case "src": sources = Self.sources(value)
            case "font-weight": if let weight = Self.weightRange(value) { self.weight = weight }
            case "font-style":
                let keyword = value.lowercased()
                italic = keyword.hasPrefix("italic") || keyword.hasPrefix("oblique")
            case "unicode-range": unicodeRanges = Self.unicodeRanges(value)
            default: continue
            }
        }
        guard let family, !family.isEmpty, !sources.isEmpty else { return nil }
        self.family = family
        self.sources = sources
    }

    /// A rule built directly, for tests and callers that already hold parsed values.
    init(family: String, sources: [Source], weight: ClosedRange<Int> = 400...400, italic: Bool = false,
         unicodeRanges: [ClosedRange<UInt32>] = []) {
        self.family = family
        self.sources = sources
        self.weight = weight
        self.italic = italic
        self.unicodeRanges = unicodeRanges
    }

    /// Whether `scalar` falls in the rule's `unicode-range` (always, when it has none).
    func includes(_ scalar: UInt32) -> Bool {
        unicodeRanges.isEmpty || unicodeRanges.contains { $0.contains(scalar) }
    }

    // MARK: Descriptor values

    static func unquoted(_ text: String) -> String {
        var value = text.trimmed
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        return value.trimmed
    }

    /// `src`: a comma-separated list of `url(…) [format(…)] [tech(…)]` and `local(…)`.
    static func sources(_ value: String) -> [Source] {
        CSSParser.splitTopLevel(value, separator: ",").compactMap { item in
            let text = item.trimmed
            if let argument = functionArgument(named: "local", in: text) { return .local(unquoted(argument)) }
            guard let argument = functionArgument(named: "url", in: text) else { return nil }
            let format = functionArgument(named: "format", in: text).map { unquoted($0).lowercased() }
            return .url(unquoted(argument), format: format)
        }
    }

    /// The text between `name(` and its closing parenthesis, if `text` contains that function.
    private static func functionArgument(named name: String, in text: String) -> String? {
        guard let open = text.range(of: name + "(", options: .caseInsensitive) else { return nil }
        var depth = 1
        var quote: Character?
        var index = open.upperBound
        while index < text.endIndex {
            let character = text[index]
            if let active = quote {
                if character == active { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
                if depth == 0 { return String(text[open.upperBound..<index]) }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `font-weight`: `normal`, `bold`, a number, or two of them as a range (in either order).
    static func weightRange(_ value: String) -> ClosedRange<Int>? {
        let values: [Int] = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { word in
            switch word.lowercased() {
            case "normal": return 400
            case "bold": return 700
            default: return Double(word).map { Int(min(1000, max(1, $0)).rounded()) }
            }
        }
        guard (1...2).contains(values.count) else { return nil }
        return values.min()!...values.max()!
    }

    /// `unicode-range`: `U+0-7F`, `U+0025`, `U+4??` (wildcards), comma-separated; invalid pieces dropped.
    static func unicodeRanges(_ value: String) -> [ClosedRange<UInt32>] {
        value.split(separator: ",").compactMap { piece in
            let text = piece.trimmed.uppercased()
            guard text.hasPrefix("U+") else { return nil }
            let body = text.dropFirst(2)
            let bounds = body.split(separator: "-", maxSplits: 1)
            if bounds.count == 2 {
                guard let low = UInt32(bounds[0], radix: 16), let high = UInt32(bounds[1], radix: 16), low <= high,
                      high <= 0x10FFFF else { return nil }
                return low...high
            }
            guard !body.isEmpty, body.count <= 6 else { return nil }
            let low = UInt32(body.replacingOccurrences(of: "?", with: "0"), radix: 16)
            let high = UInt32(body.replacingOccurrences(of: "?", with: "F"), radix: 16)
            guard let low, let high else { return nil }
            return low...min(high, 0x10FFFF)
        }
    }
}
