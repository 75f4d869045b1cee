/// `style` attributes already parsed into declarations, shared by every render in the process.
///
/// Templates repeat the same `style` attributes on every render, and parsing one (comments, nested
/// blocks, top-level splitting) cost about as much as cascading the element it sits on. Parsing is a
/// pure function of the text, so its result is kept as is, in a `SharedMemo` like `ParsedStyleSheets`.
enum ParsedInlineStyles {
    /// Longer attributes are parsed every time rather than kept.
    static let longestKeptText = 4096

    private static let table = SharedMemo<String, [Declaration]>(capacity: 4096)

    /// The declarations of `text`, from the table or parsed and kept.
    static func declarations(in text: String) -> [Declaration] {
        guard text.utf8.count <= longestKeptText else { return CSSParser.parseDeclarations(text) }
        return table.value(for: text) { CSSParser.parseDeclarations(text) }
    }
}
