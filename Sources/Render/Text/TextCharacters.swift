/// Character classes the text engine needs beyond ICU's break and bidi data: emoji presentation for
/// font fallback, CJK ranges for the regional face, Japanese kinsoku strictness on top of UAX #14,
/// CJK punctuation for `text-spacing-trim`, spaces for justification.
enum TextCharacters {
    /// Characters that never need a glyph of their own (joiners, variation selectors, tags, soft hyphen),
    /// so they do not count against a face's coverage of a cluster.
    static func isDefaultIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFEFF, 0xE0000...0xE0FFF: return true
        default: return false
        }
    }

    /// Whether a grapheme cluster is shown as an emoji: emoji presentation by default unless VS15 asks
    /// for text, or asked for with VS16, a keycap, a skin tone or a ZWJ sequence (UTS #51 §4).
    static func isEmoji(_ cluster: Character) -> Bool {
        // No ASCII cluster is an emoji (keycaps need U+FE0F or U+20E3), and asking the scalar
        // properties for every letter of plain text showed up in font-choice profiles.
        if cluster.isASCII { return false }
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first else { return false }
        if scalars.contains(where: { $0.value == 0xFE0E }) { return false }
        if first.properties.isEmojiPresentation { return true }
        guard first.properties.isEmoji else { return false }
        return scalars.contains { $0.value == 0xFE0F || $0.value == 0x20E3 || $0.value == 0x200D || (0x1F3FB...0x1F3FF).contains($0.value) }
    }

    /// Ideographs, kana, Hangul, CJK symbols and fullwidth forms: characters that break on either side
    /// (UAX #14 class ID and its neighbours) and that the CJK fallback fonts cover.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x2FFF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF,
             0x3200...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    static func isKana(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true
        default: return false
        }
    }

    static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7AF: return true
        default: return false
        }
    }

    /// Closing punctuation, small kana and iteration marks that must not start a line (UAX #14 CL, CP,
    /// EX, IS, NS and CJ, treated strictly as Japanese typesetting expects).
    static func prohibitsBreakBefore(_ scalar: Unicode.Scalar) -> Bool {
        if noBreakBefore.contains(scalar.value) { return true }
        switch scalar.value {
        case 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096,
             0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,
             0x31F0...0x31FF: return true
        default: return false
        }
    }

    /// Opening punctuation that must not end a line (UAX #14 OP and initial quotes).
    static func prohibitsBreakAfter(_ scalar: Unicode.Scalar) -> Bool { noBreakAfter.contains(scalar.value) }

    private static let noBreakBefore: Set<UInt32> = Set("、。，．：；？！）」』】〉》〕｝〙〗｠ヽヾーゝゞ々〻゠〜～・…‥,.:;!?)]}%’”»›".unicodeScalars.map(\.value))
    private static let noBreakAfter: Set<UInt32> = Set("（「『【〈《〔｛〘〖｟([{‘“«‹".unicodeScalars.map(\.value))

    /// Full-width CJK brackets and punctuation whose glyph is half ink, half space (JLREQ classes cl-01,
    /// cl-02, cl-06, cl-07), which `text-spacing-trim` may set half-width.
    enum CJKPunctuation: Equatable { case opening, closing }

    static func cjkPunctuation(_ cluster: Character) -> CJKPunctuation? {
        cjkPunctuation(onlyScalar: onlyScalar(of: cluster))
    }

    /// `cjkPunctuation(_:)` of a cluster whose `onlyScalar(of:)` is `onlyScalar`.
    static func cjkPunctuation(onlyScalar: UInt32?) -> CJKPunctuation? {
        guard let onlyScalar else { return nil }
        switch onlyScalar {
        case 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F:
            return .opening
        case 0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301F, 0xFF09, 0xFF0C,
             0xFF0E, 0xFF3D, 0xFF5D, 0xFF60:
            return .closing
        default:
            return nil
        }
    }

    /// Spaces that collapse and that justification stretches.
    static func isSpace(_ cluster: Character) -> Bool {
        guard let scalar = onlyScalar(of: cluster) else { return false }
        return scalar == 0x20 || scalar == 0x3000 || scalar == 0xA0
    }

    /// The value of the cluster's scalar when it has exactly one, else nil.
    ///
    /// Testing a cluster against a one-scalar literal this way gives the same answer as `==` for the
    /// spaces, controls and dashes tested here (none has a canonical decomposition or is a combining
    /// mark, so nothing else is canonically equivalent to them), without `Character` comparison's
    /// normalization-aware string compare, which showed up in line breaking profiles.
    static func onlyScalar(of cluster: Character) -> UInt32? {
        var scalars = cluster.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first.value
    }

    /// Letters, digits and ideographs: the typographic letter units `word-break` rules talk about.
    static func isLetterUnit(_ cluster: Character) -> Bool {
        guard let scalar = cluster.unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || isCJK(scalar)
    }

    /// Hyphens after which a line may break (UAX #14 HY and BA dashes).
    static func isHyphen(_ cluster: Character) -> Bool {
        guard let scalar = onlyScalar(of: cluster) else { return false }
        return scalar == 0x2D || scalar == 0x2010 || scalar == 0x2013 || scalar == 0x2014
    }
}
