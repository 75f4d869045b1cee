extension TextEngine {
    /// Makes a document's `@font-face` faces available to this engine until the next call (or
    /// `clearDocumentFonts()`), replacing the previous document's. Matching prefers them for their
    /// family names; the shared catalogue and other engines never see them.
    ///
    /// Call it once per render before layout, with the rules `CSSParser.fontFaces` collected (an empty
    /// list clears what an earlier render of this pooled engine loaded).
    ///
    /// When the rules equal the previous document's and every file they name is unchanged (same
    /// `ImageLoader.stamp`), the faces loaded for them stay, with their rasterized glyphs: the cards
    /// of one template share their web fonts, and decoding, unpacking and opening them again would
    /// give the same faces.
    /// - Parameters:
    ///   - rules: the document's rules in source order; at most `DocumentFontLoader.maximumFaces` are loaded.
    ///   - assets: where `url(path)` sources resolve (its root; no `..`, absolute paths or network).
    /// - Returns: warnings for rules that did not load; their text falls back to the next family.
    @discardableResult
    func loadDocumentFonts(_ rules: [FontFaceRule], assets: ImageLoader) -> [String] {
        guard !rules.isEmpty else {
            clearDocumentFonts()
            return []
        }
        // Taken before loading: a file changed during the load gets a new stamp by the next render.
        let stamps: [String?] = rules.flatMap { rule in
            rule.sources.map { source in
                if case .url(let reference, _) = source { assets.stamp(for: reference) } else { nil }
            }
        }
        if let loaded = documentFontRules, loaded.rules == rules, loaded.fileStamps == stamps {
            return loaded.warnings
        }
        var loader = DocumentFontLoader(catalogue: catalogue, assets: assets)
        let faces = loader.load(rules)
        use(FontSet(catalogue: catalogue, document: faces))
        documentFontRules = LoadedFontRules(rules: rules, fileStamps: stamps, warnings: loader.warnings)
        return loader.warnings
    }

    /// Forgets the current document's faces and their glyphs.
    func clearDocumentFonts() {
        guard !fonts.document.isEmpty else { return }
        use(FontSet(catalogue: catalogue))
    }
}
