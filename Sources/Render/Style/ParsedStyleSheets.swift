import Synchronization

/// Author style sheets already parsed, shared by every render in the process.
///
/// Cards made from one template carry the same `<style>` text on every render while only the data
/// in the markup changes, and parsing that text was a tenth of a small card's render. A parse is a
/// pure function of the text and the viewport (media queries), so its result can be reused as is.
/// Bounded by entries and by source bytes so that arbitrary HTML cannot grow it without end.
enum ParsedStyleSheets {
    /// What parsing one document's style text produced.
    struct Entry: Sendable {
        var sheet: StyleSheet
        var warnings: Warnings
        var fontFaces: [FontFaceRule]
    }

    private struct Key: Hashable {
        var text: String
        var width: Double
        var height: Double
    }

    /// Sheets kept; on overflow the whole table is dropped, which keeps hits cheap and is rare.
    static let capacity = 64
    /// Style text longer than this is parsed every time rather than kept.
    static let largestKeptText = 256 << 10

    private static let table = Mutex<[Key: Entry]>([:])

    /// How many parses are kept now.
    static var count: Int { table.withLock { $0.count } }

    /// The parse of `text` for a viewport, from the table or made by `parse` and kept.
    static func entry(for text: String, width: Double, height: Double, parse: () -> Entry) -> Entry {
        guard text.utf8.count <= largestKeptText else { return parse() }
        let key = Key(text: text, width: width, height: height)
        if let hit = table.withLock({ $0[key] }) { return hit }
        let made = parse()
        table.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = made
        }
        return made
    }
}
