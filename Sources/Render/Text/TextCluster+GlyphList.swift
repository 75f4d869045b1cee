extension TextCluster {
    /// A cluster's glyphs. Nearly every cluster has exactly one, so the first is stored inline and only
    /// the rest go to an array: an array per cluster cost an allocation and a free for every character
    /// of every paragraph shaped.
    struct GlyphList: RandomAccessCollection, Sendable {
        private var head: Glyph?
        private var tail: [Glyph] = []

        init() {}

        init(_ glyphs: [Glyph]) {
            for glyph in glyphs { append(glyph) }
        }

        var startIndex: Int { 0 }
        var endIndex: Int { head == nil ? 0 : tail.count + 1 }
        var count: Int { endIndex }
        var isEmpty: Bool { head == nil }

        subscript(position: Int) -> Glyph {
            precondition(position >= 0 && position < endIndex, "glyph index out of range")
            return position == 0 ? head! : tail[position - 1]
        }

        mutating func append(_ glyph: Glyph) {
            if head == nil { head = glyph } else { tail.append(glyph) }
        }
    }
}
