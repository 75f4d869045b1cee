import CICU

/// Per-cluster font fallback when no family of the request covers a character.
extension FontCatalogue {
    struct FallbackKey: Hashable, Sendable {
        var cluster: String
        var variant: CJKVariant
    }

    /// The order families are tried in: Noto Sans, the Noto Sans script families, Noto Sans CJK,
    /// other Noto families, Noto Color Emoji, DejaVu Sans, then everything else so that any installed
    /// font can still supply a glyph.
    static func fallbackOrder(families: Set<String>) -> [String] {
        var order: [String] = []
        func take(_ names: [String]) { for name in names where families.contains(name) && !order.contains(name) { order.append(name) } }
        let sorted = families.sorted()
        take(["Noto Sans"])
        take(sorted.filter { $0.hasPrefix("Noto Sans ") && !$0.contains("CJK") && !$0.contains("Mono") })
        take(["Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK TC"])
        take(sorted.filter { $0.hasPrefix("Noto ") && !$0.contains("Mono") && $0 != "Noto Color Emoji" })
        take(["Noto Color Emoji", "DejaVu Sans"])
        take(sorted)
        return order
    }

    /// A font for `cluster` when the request's own fonts lack it, or nil if no installed face covers it.
    /// Emoji clusters try Noto Color Emoji first and CJK characters the paragraph's regional CJK face.
    func fallbackFont(for cluster: Character, variant: CJKVariant, weight: Int, italic: Bool) -> ResolvedFont? {
        let key = FallbackKey(cluster: String(cluster), variant: variant)
        let family: String?
        if let cached = fallbackCache.withLock({ $0[key] }) {
            family = cached
        } else {
            family = findFallbackFamily(for: cluster, variant: variant)
            fallbackCache.withLock { $0[key] = family }
        }
        guard let family else { return nil }
        return resolve(family: family, weight: weight, italic: italic)
    }

    private func findFallbackFamily(for cluster: Character, variant: CJKVariant) -> String? {
        var order: [String] = []
        if TextCharacters.isEmoji(cluster) { order.append("Noto Color Emoji") }
        if let first = cluster.unicodeScalars.first, TextCharacters.isCJK(first) { order.append(variant.family) }
        if let first = cluster.unicodeScalars.first, first.value >= 0x80, cicu_script_tag(Int32(bitPattern: first.value)) == 0 {
            // Symbols and punctuation belong to no script, so fontconfig's language matching does not
            // steer them to a script family: Chromium gets them from the head of the sans-serif list,
            // Noto Sans then DejaVu Sans, before the Noto symbol families.
            order += ["Noto Sans", "DejaVu Sans"]
        }
        order += fallbackFamilies
        let representatives = order.compactMap { family in resolve(family: family, weight: 400, italic: false).map { (family, $0.faceIndex) } }
        if let match = representatives.first(where: { covers($0.1, cluster: cluster) }) { return match.0 }
        // No face has the whole cluster: settle for its base character.
        guard let base = cluster.unicodeScalars.first(where: { !TextCharacters.isDefaultIgnorable($0) }) else { return nil }
        return representatives.first { coverage(ofFace: $0.1).contains(base.value) }?.0
    }
}
