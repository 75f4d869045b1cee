/// The fonts one render may use: the shared system catalogue plus the document's own `@font-face`
/// faces. Document faces take the indices after the catalogue's, so a `ResolvedFont` or glyph names
/// either kind the same way; they live only as long as the render that loaded them.
///
/// Not Sendable: confined to its engine (the match cache is mutated without a lock).
final class FontSet {
    let catalogue: FontCatalogue
    let document: [DocumentFont]
    /// Index of the first document face: the catalogue's face count.
    let documentBase: Int
    private var matchCache: [FontCatalogue.MatchKey: [ResolvedFont]] = [:]
    /// Lowercased rule family → indices into `document`, in rule order.
    private let documentFamilies: [String: [Int]]

    init(catalogue: FontCatalogue, document: [DocumentFont] = []) {
        self.catalogue = catalogue
        self.document = document
        documentBase = catalogue.faces.count
        var families: [String: [Int]] = [:]
        for (index, font) in document.enumerated() { families[font.rule.family.lowercased(), default: []].append(index) }
        documentFamilies = families
    }

    /// The document face at a font index, nil for catalogue faces.
    func documentFont(_ faceIndex: Int) -> DocumentFont? {
        let local = faceIndex - documentBase
        return document.indices.contains(local) ? document[local] : nil
    }

    func isValid(_ faceIndex: Int) -> Bool { faceIndex >= 0 && faceIndex < documentBase + document.count }

    /// Naming, flags and metrics of the face at `faceIndex`.
    func face(_ faceIndex: Int) -> FontFace { documentFont(faceIndex)?.description ?? catalogue.faces[faceIndex] }

    func harfBuzzFace(_ faceIndex: Int) -> HarfBuzzFace? {
        if let font = documentFont(faceIndex) { return font.harfBuzz }
        return catalogue.harfBuzzFace(faceIndex)
    }

    /// Whether the face has every scalar of `cluster` that needs a glyph (within its `unicode-range`).
    func covers(_ faceIndex: Int, cluster: Character) -> Bool {
        guard let font = documentFont(faceIndex) else { return catalogue.covers(faceIndex, cluster: cluster) }
        return cluster.unicodeScalars.allSatisfy { TextCharacters.isDefaultIgnorable($0) || font.coverage.contains($0.value) }
    }

    /// The faces for `spec`'s family list in list order: a family the document defines with `@font-face`
    /// uses those faces only (CSS Fonts 4 §4.2), any other goes to the installed fonts.
    func matchedFonts(for spec: FontSpec) -> [ResolvedFont] {
        guard !document.isEmpty else { return catalogue.matchedFonts(for: spec) }
        let key = FontCatalogue.MatchKey(families: spec.families, weight: spec.weight, italic: spec.italic)
        if let cached = matchCache[key] { return cached }
        var fonts: [ResolvedFont] = []
        for name in spec.families {
            let lowered = FontCatalogue.normalizedFamily(name)
            if let indices = documentFamilies[lowered] {
                for font in matchDocument(indices, weight: spec.weight, italic: spec.italic) where !fonts.contains(font) { fonts.append(font) }
            } else if let font = catalogue.resolve(familyOrGeneric: name, weight: spec.weight, italic: spec.italic), !fonts.contains(font) {
                fonts.append(font)
            }
        }
        if fonts.isEmpty { fonts = catalogue.matchedFonts(for: FontSpec(families: ["sans-serif"], size: spec.size, weight: spec.weight, italic: spec.italic)) }
        matchCache[key] = fonts
        return fonts
    }

    /// The primary font of `spec`: its first available family (what metrics and `line-height: normal` use).
    func primaryFont(for spec: FontSpec) -> ResolvedFont { matchedFonts(for: spec)[0] }

    /// A system font for a cluster none of the request's fonts covers; document faces are never fallbacks.
    func fallbackFont(for cluster: Character, variant: CJKVariant, weight: Int, italic: Bool) -> ResolvedFont? {
        catalogue.fallbackFont(for: cluster, variant: variant, weight: weight, italic: italic)
    }

    /// CSS Fonts 4 §5.2 over a family's `@font-face` rules: style first, then weight, where a rule's
    /// weight range offers the weight nearest the request. Every rule with the winning descriptors is
    /// returned, the last defined first (§4.5: they form one composite face split by `unicode-range`).
    private func matchDocument(_ indices: [Int], weight: Int, italic: Bool) -> [ResolvedFont] {
        var candidates = indices
        let styled = candidates.filter { document[$0].rule.italic == italic }
        if !styled.isEmpty { candidates = styled }
        func offered(_ index: Int) -> Int { min(max(weight, document[index].rule.weight.lowerBound), document[index].rule.weight.upperBound) }
        guard let chosen = FontCatalogue.matchWeight(desired: weight, available: candidates.map(offered)) else { return [] }
        return candidates.filter { offered($0) == chosen }.reversed().map { index in
            let font = document[index]
            var synthesis: FontSynthesis = []
            if !font.description.isColorBitmap {
                if weight >= 600 && chosen < 600 { synthesis.insert(.bold) }
                if italic && !font.rule.italic { synthesis.insert(.oblique) }
            }
            return ResolvedFont(faceIndex: documentBase + index, synthesis: synthesis)
        }
    }
}
