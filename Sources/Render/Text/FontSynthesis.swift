/// Styles faked from a face that lacks them, as Chromium does (`font-synthesis: weight style`).
struct FontSynthesis: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    /// Outlines emboldened because the family has no face at least as bold as 600 asked for.
    static let bold = FontSynthesis(rawValue: 1)
    /// Outlines slanted because the family has no italic face.
    static let oblique = FontSynthesis(rawValue: 2)
}
