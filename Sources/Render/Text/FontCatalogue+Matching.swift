import Foundation

/// CSS family-list matching: generic families, the CSS Fonts 4 §5.2 font-matching algorithm, synthesis.
extension FontCatalogue {
    struct MatchKey: Hashable, Sendable {
        var families: [String]
        var weight: Int
        var italic: Bool
    }

    /// What each CSS generic family means, in preference order. The first entries are what
    /// `fc-match` answers on Debian with fonts-noto-core, fonts-dejavu and fonts-noto-color-emoji
    /// installed (Chromium on Linux asks fontconfig the same question); later ones cover font
    /// directories that lack them. `ui-serif`, `ui-sans-serif` and `ui-monospace` are absent on purpose:
    /// Chromium knows them only on macOS, so on Linux they match nothing and the next family applies.
    static let defaultGenericFamilies: [String: [String]] = [
        "sans-serif": ["Noto Sans", "DejaVu Sans", "Liberation Sans", "Inter"],
        "system-ui": ["Noto Sans", "DejaVu Sans", "Liberation Sans", "Inter"],
        "cursive": ["Noto Sans", "DejaVu Sans"],
        "fantasy": ["Noto Sans", "DejaVu Sans"],
        "serif": ["Noto Serif", "DejaVu Serif", "Liberation Serif"],
        "monospace": ["DejaVu Sans Mono", "Noto Sans Mono", "JetBrains Mono", "Liberation Mono"],
        "emoji": ["Noto Color Emoji"],
        "math": ["Noto Sans Math", "DejaVu Math TeX Gyre"],
    ]

    /// Generics Chromium on Linux resolves by asking fontconfig (Skia's fontconfig font manager accepts
    /// its answer for these aliases); the others keep the fixed table, which matches what Chromium shows.
    static let fontconfigGenerics = ["sans-serif", "serif", "monospace"]

    /// The generic family table for a font set: fontconfig's order for `fontconfigGenerics`, limited to
    /// families the catalogue has, then the fixed table's entries for font sets fontconfig does not know.
    static func genericOrder(families: Set<String>, fontconfig: (String) -> [String]) -> [String: [String]] {
        var table = defaultGenericFamilies
        for generic in fontconfigGenerics {
            var order = fontconfig(generic).filter { families.contains($0) }
            for family in defaultGenericFamilies[generic] ?? [] where !order.contains(family) { order.append(family) }
            table[generic] = order
        }
        return table
    }

    /// The faces for `spec`'s family list, one per family present in the catalogue, in list order.
    /// When none is present the `sans-serif` family stands in, so every request has a primary font.
    func matchedFonts(for spec: FontSpec) -> [ResolvedFont] {
        let key = MatchKey(families: spec.families, weight: spec.weight, italic: spec.italic)
        if let cached = matchCache.withLock({ $0[key] }) { return cached }
        var fonts: [ResolvedFont] = []
        for name in spec.families {
            if let font = resolve(familyOrGeneric: name, weight: spec.weight, italic: spec.italic), !fonts.contains(font) {
                fonts.append(font)
            }
        }
        if fonts.isEmpty {
            fonts = [resolve(familyOrGeneric: "sans-serif", weight: spec.weight, italic: spec.italic)
                ?? ResolvedFont(faceIndex: 0, synthesis: [])]
        }
        matchCache.withLock { $0[key] = fonts }
        return fonts
    }

    /// The primary font of `spec`: its first available family (what metrics and `line-height: normal` use).
    func primaryFont(for spec: FontSpec) -> ResolvedFont { matchedFonts(for: spec)[0] }

    /// A family name as written in CSS, unquoted and lowercased, as family tables are keyed.
    static func normalizedFamily(_ name: String) -> String {
        name.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
    }

    /// The best face of a generic family's first installed member, or of the named family.
    func resolve(familyOrGeneric name: String, weight: Int, italic: Bool) -> ResolvedFont? {
        let lowered = Self.normalizedFamily(name)
        if let candidates = genericFamilies[lowered] {
            for family in candidates { if let font = resolve(family: family, weight: weight, italic: italic) { return font } }
            return nil
        }
        return resolve(family: lowered, weight: weight, italic: italic)
    }

    /// The best face of `family` for a weight and style (CSS Fonts 4 §5.2: stretch, then style, then
    /// weight), with bold synthesized when 600+ was asked and the best face is lighter than 600, and
    /// oblique synthesized when italic was asked and the family has no italic face.
    func resolve(family: String, weight: Int, italic: Bool) -> ResolvedFont? {
        guard var candidates = facesByFamily[family.lowercased()], !candidates.isEmpty else { return nil }
        // Stretch: the normal width (5) if present, else the nearest.
        let widths: [Int] = candidates.map { faces[$0].widthClass }
        let bestWidth = widths.min { (a: Int, b: Int) -> Bool in
            let distanceA = abs(a - 5)
            let distanceB = abs(b - 5)
            return distanceA != distanceB ? distanceA < distanceB : a < b
        } ?? 5
        candidates = candidates.filter { faces[$0].widthClass == bestWidth }
        // Style: the requested one when the family has it, otherwise the other.
        let styled = candidates.filter { faces[$0].italic == italic }
        if !styled.isEmpty { candidates = styled }
        let chosenWeight = Self.matchWeight(desired: weight, available: candidates.map { faces[$0].weight })
        guard let faceIndex = candidates.first(where: { faces[$0].weight == chosenWeight }) else { return nil }
        let face = faces[faceIndex]
        var synthesis: FontSynthesis = []
        if !face.isColorBitmap {
            if weight >= 600 && face.weight < 600 { synthesis.insert(.bold) }
            if italic && !face.italic { synthesis.insert(.oblique) }
        }
        return ResolvedFont(faceIndex: faceIndex, synthesis: synthesis)
    }

    /// CSS Fonts 4 §5.2 weight matching: for 400–500 try up to 500, then lighter (descending), then
    /// heavier; below 400 try lighter first then heavier; above 500 heavier first then lighter.
    static func matchWeight(desired: Int, available: [Int]) -> Int? {
        let weights = Set(available)
        if weights.contains(desired) { return desired }
        let lighter = weights.filter { $0 < desired }.sorted(by: >)
        let heavier = weights.filter { $0 > desired }.sorted()
        if desired >= 400 && desired <= 500 {
            let upTo500 = heavier.filter { $0 <= 500 }
            let beyond = heavier.filter { $0 > 500 }
            return (upTo500 + lighter + beyond).first
        }
        return desired < 400 ? (lighter + heavier).first : (heavier + lighter).first
    }
}
