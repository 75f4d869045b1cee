import Synchronization

/// `style` attributes already parsed into declarations, shared by every render in the process.
///
/// Templates repeat the same `style` attributes on every render, and parsing one (comments, nested
/// blocks, top-level splitting) cost about as much as cascading the element it sits on. Parsing is a
/// pure function of the text, so its result is kept as is. Bounded by entries and by text length,
/// like `ParsedStyleSheets`, so arbitrary markup cannot grow it without end.
enum ParsedInlineStyles {
    /// Attributes kept; on overflow the whole table is dropped, which keeps hits cheap and is rare.
    static let capacity = 4096
    /// Longer attributes are parsed every time rather than kept.
    static let longestKeptText = 4096

    private static let table = Mutex<[String: [Declaration]]>([:])

    /// The declarations of `text`, from the table or parsed and kept.
    static func declarations(in text: String) -> [Declaration] {
        guard text.utf8.count <= longestKeptText else { return CSSParser.parseDeclarations(text) }
        if let hit = table.withLock({ $0[text] }) { return hit }
        let made = CSSParser.parseDeclarations(text)
        table.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[text] = made
        }
        return made
    }
}
