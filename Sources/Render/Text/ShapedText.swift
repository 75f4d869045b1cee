/// A paragraph split into grapheme clusters, each with its font (per-cluster fallback) and shaped glyphs.
struct ShapedText {
    var clusters: [TextCluster]

    /// Processes white space, picks a font per grapheme cluster, and shapes each run of clusters sharing
    /// span and font with HarfBuzz, the whole paragraph given as context.
    init(spans: [TextSpan], whiteSpace: WhiteSpace, catalogue: FontCatalogue, shaper: Shaper) {
        let characters = WhiteSpaceCollapser.process(spans, whiteSpace: whiteSpace)
        var text = ""
        var spanOfByte: [Int] = []
        for (character, span) in characters {
            let before = text.utf8.count
            text.append(character)
            spanOfByte += Array(repeating: span, count: text.utf8.count - before)
        }
        let variant = CJKVariant(text: text)

        // Grapheme clusters of the joined text (a combining mark starting a span joins the previous cluster).
        var clusters: [TextCluster] = []
        var byteRanges: [Range<Int>] = []
        var offset = 0
        for character in text {
            let length = character.utf8.count
            let span = spanOfByte[offset]
            let font = Self.font(for: character, spec: spans[span].font, variant: variant, catalogue: catalogue)
            clusters.append(TextCluster(character: character, span: span, font: font, run: 0, rightToLeft: false, advance: 0, glyphs: []))
            byteRanges.append(offset..<offset + length)
            offset += length
        }
        Self.keepSpacesWithNeighbours(&clusters, catalogue: catalogue)

        var clusterOfByte = [Int](repeating: 0, count: offset)
        for (index, range) in byteRanges.enumerated() { for byte in range { clusterOfByte[byte] = index } }

        let utf8 = Array(text.utf8)
        var run = 0
        var start = 0
        while start < clusters.count {
            var end = start + 1
            if !clusters[start].isNewline {
                while end < clusters.count, !clusters[end].isNewline, clusters[end].span == clusters[start].span,
                      clusters[end].font == clusters[start].font { end += 1 }
                let range = byteRanges[start].lowerBound..<byteRanges[end - 1].upperBound
                let span = spans[clusters[start].span]
                let shaped = utf8.withUnsafeBufferPointer { bytes in
                    shaper.shape(bytes, range: range, faceIndex: clusters[start].font.faceIndex, size: span.font.size)
                }
                var pens = [Double](repeating: 0, count: end - start)
                for glyph in shaped.glyphs {
                    let index = min(max(clusterOfByte[min(glyph.cluster, offset - 1)], start), end - 1)
                    clusters[index].glyphs.append(TextCluster.Glyph(glyphID: glyph.glyphID, dx: pens[index - start] + glyph.offsetX, dy: -glyph.offsetY))
                    pens[index - start] += glyph.advance
                }
                for index in start..<end {
                    clusters[index].advance = pens[index - start] + span.letterSpacing
                    clusters[index].rightToLeft = shaped.rightToLeft
                }
            }
            for index in start..<end { clusters[index].run = run }
            run += 1
            start = end
        }
        self.clusters = clusters
    }

    /// The first of the span's fonts that covers the cluster, else a fallback font; emoji go straight to
    /// fallback, which tries the colour emoji font first.
    static func font(for character: Character, spec: FontSpec, variant: CJKVariant, catalogue: FontCatalogue) -> ResolvedFont {
        let matched = catalogue.matchedFonts(for: spec)
        if character == "\n" { return matched[0] }
        if !TextCharacters.isEmoji(character), let font = matched.first(where: { catalogue.covers($0.faceIndex, cluster: character) }) {
            return font
        }
        return catalogue.fallbackFont(for: character, variant: variant, weight: spec.weight, italic: spec.italic) ?? matched[0]
    }

    /// A space between two clusters set in the same fallback font takes that font too, so that runs of
    /// words in one script (an Arabic phrase, Japanese with spaces) shape as one run and keep their
    /// visual order.
    private static func keepSpacesWithNeighbours(_ clusters: inout [TextCluster], catalogue: FontCatalogue) {
        guard clusters.count > 2 else { return }
        var index = 1
        while index < clusters.count - 1 {
            guard clusters[index].isSpace else { index += 1; continue }
            var end = index
            while end < clusters.count, clusters[end].isSpace { end += 1 }
            let before = clusters[index - 1]
            if end < clusters.count, !before.isNewline, clusters[end].font == before.font,
               before.font != clusters[index].font, (index..<end).allSatisfy({ clusters[$0].span == before.span }),
               catalogue.covers(before.font.faceIndex, cluster: " ") {
                for space in index..<end { clusters[space].font = before.font }
            }
            index = end
        }
    }
}
