import CFontconfig

/// The system's fontconfig, asked what a generic family means: the question Chromium on Linux asks
/// (through Skia) for `sans-serif`, `serif` and `monospace`.
/// See https://www.freedesktop.org/software/fontconfig/fontconfig-devel/fcfontsort.html
enum Fontconfig {
    /// Family names in fontconfig's preference order for `generic` after its configured substitutions
    /// (the head of `fc-match -s <generic>`), without repeats; empty when fontconfig is unavailable.
    static func families(for generic: String, limit: Int = 32) -> [String] {
        guard FcInit() != 0, let config = FcConfigGetCurrent(), let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        guard FcPatternAddString(pattern, "family", generic) != 0,
              FcConfigSubstitute(config, pattern, FcMatchPattern) != 0 else { return [] }
        FcDefaultSubstitute(pattern)
        var result = FcResultMatch
        guard let set = FcFontSort(config, pattern, 1, nil, &result) else { return [] }
        defer { FcFontSetDestroy(set) }
        var families: [String] = []
        for index in 0..<Int(set.pointee.nfont) {
            guard let font = set.pointee.fonts[index] else { continue }
            var value: UnsafeMutablePointer<FcChar8>?
            guard FcPatternGetString(font, "family", 0, &value) == FcResultMatch, let value else { continue }
            let family = String(cString: value)
            if !families.contains(family) { families.append(family) }
            if families.count >= limit { break }
        }
        return families
    }
}
