extension TextEngine {
    /// Makes a document's `@font-face` faces available to this engine until the next call (or
    /// `clearDocumentFonts()`), replacing the previous document's. Matching prefers them for their
    /// family names; the shared catalogue and other engines never see them.
    ///
    /// Call it once per render before layout, with the rules `CSSParser.fontFaces` collected (an empty
    /// list clears what an earlier render of this pooled engine loaded).
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
        var loader = DocumentFontLoader(catalogue: catalogue, assets: assets)
        let faces = loader.load(rules)
        use(FontSet(catalogue: catalogue, document: faces))
        return loader.warnings
    }

    /// Forgets the current document's faces and their glyphs.
    func clearDocumentFonts() {
        guard !fonts.document.isEmpty else { return }
        use(FontSet(catalogue: catalogue))
    }
}
