/// Author style sheets already parsed, shared by every render in the process.
///
/// Cards made from one template carry the same `<style>` text on every render while only the data
/// in the markup changes, and parsing that text was a tenth of a small card's render. A parse is a
/// pure function of the text and the viewport (media queries), so its result can be reused as is.
/// Kept in a `SharedMemo`; style text over `largestKeptText` is parsed every time.
enum ParsedStyleSheets {
    /// What parsing one document's style text produced.
    struct Entry: Sendable {
        var sheet: StyleSheet
        var warnings: Warnings
        var fontFaces: [FontFaceRule]
    }

    private struct Key: Hashable, Sendable {
        var text: String
        var width: Double
        var height: Double
    }

    /// Sheets kept.
    static var capacity: Int { table.capacity }
    /// Style text longer than this is parsed every time rather than kept.
    static let largestKeptText = 256 << 10

    private static let table = SharedMemo<Key, Entry>(capacity: 64)

    /// How many parses are kept now.
    static var count: Int { table.count }

    /// The parse of `text` for a viewport, from the table or made by `parse` and kept.
    static func entry(for text: String, width: Double, height: Double, parse: () -> Entry) -> Entry {
        guard text.utf8.count <= largestKeptText else { return parse() }
        return table.value(for: Key(text: text, width: width, height: height), make: parse)
    }
}
