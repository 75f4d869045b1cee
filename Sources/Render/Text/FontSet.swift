/// The fonts one render may use: the shared system catalogue plus the document's own `@font-face`
/// faces. Document faces take the indices after the catalogue's, so a `ResolvedFont` or glyph names
/// either kind the same way; they live only as long as the render that loaded them. A variable document
/// face gets one more index per set of axis values a request needs (an instance), after the faces, so
/// shaping and glyph caches tell instances apart by index alone.
///
/// Not Sendable: confined to its engine (the match cache is mutated without a lock).
final class FontSet {
    let catalogue: FontCatalogue
    let document: [DocumentFont]
    /// Index of the first document face: the catalogue's face count.
    let documentBase: Int
    private var matchCache: [FontSpec: [ResolvedFont]] = [:]
    /// Instances of variable document faces: the face (index into `document`) and a value per axis.
    private var instances: [(font: Int, coordinates: [Double])] = []
    private var instanceIndices: [InstanceKey: Int] = [:]

    private struct InstanceKey: Hashable {
        var font: Int
        var coordinates: [Double]
    }
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
        if document.indices.contains(local) { return document[local] }
        let instance = local - document.count
        return instances.indices.contains(instance) ? document[instances[instance].font] : nil
    }

    /// Axis values (in the face's axis order) when `faceIndex` is an instance of a variable face.
    func variation(_ faceIndex: Int) -> [(axis: VariationAxis, value: Double)]? {
        let instance = faceIndex - documentBase - document.count
        guard instance >= 0, instance < instances.count else { return nil }
        return Array(zip(document[instances[instance].font].axes, instances[instance].coordinates)).map { ($0, $1) }
    }

    func isValid(_ faceIndex: Int) -> Bool { faceIndex >= 0 && faceIndex < documentBase + document.count + instances.count }

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
        let key = spec
        if let cached = matchCache[key] { return cached }
        var fonts: [ResolvedFont] = []
        for name in spec.families {
            let lowered = FontCatalogue.normalizedFamily(name)
            if let indices = documentFamilies[lowered] {
                for font in matchDocument(indices, weight: spec.weight, italic: spec.italic, size: spec.size) where !fonts.contains(font) {
                    fonts.append(font)
                }
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
    private func matchDocument(_ indices: [Int], weight: Int, italic: Bool, size: Double) -> [ResolvedFont] {
        var candidates = indices
        let styled = candidates.filter { document[$0].rule.italic == italic }
        if !styled.isEmpty { candidates = styled }
        func offered(_ index: Int) -> Int { min(max(weight, document[index].rule.weight.lowerBound), document[index].rule.weight.upperBound) }
        guard let chosen = FontCatalogue.matchWeight(desired: weight, available: candidates.map(offered)) else { return [] }
        return candidates.filter { offered($0) == chosen }.reversed().map { index in
            let font = document[index]
            var synthesis: FontSynthesis = []
            let hasItalicAxis = font.axes.contains { $0.tag == "ital" && $0.maximum >= 1 }
            if !font.description.isColorBitmap {
                // The rule's weight range bounds the `wght` axis too, so a range below 600 still needs synthesis.
                if weight >= 600 && chosen < 600 { synthesis.insert(.bold) }
                if italic && !font.rule.italic && !hasItalicAxis { synthesis.insert(.oblique) }
            }
            return ResolvedFont(faceIndex: instance(of: index, weight: chosen, italic: italic, size: size), synthesis: synthesis)
        }
    }

    /// The face index for document face `index` at a weight, style and size: the face itself when it is
    /// not variable, otherwise an instance with `wght` at the weight, `ital` at 1 for italic requests and
    /// `opsz` at the size in px (`font-optical-sizing: auto`, as Chromium sets it), other axes at defaults.
    private func instance(of index: Int, weight: Int, italic: Bool, size: Double) -> Int {
        let axes = document[index].axes
        guard !axes.isEmpty else { return documentBase + index }
        let coordinates = axes.map { axis -> Double in
            switch axis.tag {
            case "wght": return axis.clamped(Double(weight))
            case "ital": return axis.clamped(italic ? 1 : 0)
            case "opsz": return axis.clamped(size)
            default: return axis.defaultValue
            }
        }
        let key = InstanceKey(font: index, coordinates: coordinates)
        if let known = instanceIndices[key] { return known }
        instances.append((index, coordinates))
        let faceIndex = documentBase + document.count + instances.count - 1
        instanceIndices[key] = faceIndex
        return faceIndex
    }
}
