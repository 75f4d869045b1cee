/// A face a document brought with `@font-face`, loaded for one render.
struct DocumentFont {
    /// Where FreeType finds the face: bytes from the document (an sfnt, WOFF already unpacked) or an
    /// installed file named by `local()`.
    enum Storage {
        case memory(FontData)
        case file(path: String, index: Int)
    }

    var rule: FontFaceRule
    /// Metrics and flags read from the face; its family is the font's own, not the rule's.
    var description: FontFace
    var storage: Storage
    var harfBuzz: HarfBuzzFace
    /// The face's cmap limited to the rule's `unicode-range`.
    var coverage: CharacterCoverage
    /// Design axes when the face is a variable font (`wght`, `opsz`, `ital` are set per request).
    var axes: [VariationAxis]

    init(rule: FontFaceRule, description: FontFace, storage: Storage, harfBuzz: HarfBuzzFace, axes: [VariationAxis] = []) {
        self.rule = rule
        self.axes = axes
        self.description = description
        self.storage = storage
        self.harfBuzz = harfBuzz
        coverage = harfBuzz.coverage().limited(to: rule.unicodeRanges)
    }
}
