import CICU

/// A paragraph split into grapheme clusters, each with its font (per-cluster fallback), bidi level, line
/// break opportunity and shaped glyphs.
///
/// Itemization: a run is a maximal sequence of clusters sharing span, font, script (ICU) and bidi level
/// (ICU's UAX #9); each run is shaped by HarfBuzz in its direction, the whole paragraph given as context.
struct ShapedText {
    var clusters: [TextCluster]
    /// The UAX #9 paragraph level: 0 left-to-right, 1 right-to-left.
    var paragraphLevel: UInt8

    /// Processes white space, picks a font per grapheme cluster, finds bidi levels and UAX #14 break
    /// opportunities with ICU, and shapes each run.
    init(spans: [TextSpan], whiteSpace: WhiteSpace, direction: TextDirection = .ltr, engine: TextEngine) {
        self.init(spans: spans, whiteSpace: whiteSpace, direction: direction, fonts: engine.fonts,
                  shaper: engine.shaper, analyzer: engine.analyzer)
    }

    init(spans: [TextSpan], whiteSpace: WhiteSpace, direction: TextDirection, fonts: FontSet, shaper: Shaper,
         analyzer: UnicodeAnalyzer) {
        let characters = WhiteSpaceCollapser.process(spans, whiteSpace: whiteSpace)
        var text = ""
        var spanOfByte: [Int] = []
        // The text and the arrays below grow an entry per byte or per cluster. The character count is
        // exact for ASCII bytes (a lower bound otherwise) and for clusters (an upper bound: only a mark
        // starting a span joins the cluster before it), so reserving it spares most regrowth.
        text.reserveCapacity(characters.count)
        spanOfByte.reserveCapacity(characters.count)
        for (character, span) in characters {
            let before = text.utf8.count
            text.append(character)
            // One append per byte: building a temporary array per character cost more than the rest of the loop.
            for _ in before..<text.utf8.count { spanOfByte.append(span) }
        }
        let variant = CJKVariant(text: text)

        // Grapheme clusters of the joined text (a combining mark starting a span joins the previous
        // cluster), with their UTF-8 ranges for HarfBuzz and UTF-16 ranges for ICU.
        var clusters: [TextCluster] = []
        var byteRanges: [Range<Int>] = []
        var unitStarts: [Int] = []
        var utf16: [UInt16] = []
        utf16.reserveCapacity(text.utf8.count)
        clusters.reserveCapacity(characters.count)
        byteRanges.reserveCapacity(characters.count)
        unitStarts.reserveCapacity(characters.count)
        var offset = 0
        // Font choice depends only on the character and the span's font, so a paragraph asks the
        // catalogue (behind its locks) once per distinct character and span, and matches each span's
        // family list once. One-byte (ASCII) clusters are remembered in a flat table per span instead of
        // the dictionary, so they never hash a `Character`.
        var fontCache: [FontChoiceKey: ResolvedFont] = [:]
        var matchedBySpan = [[ResolvedFont]?](repeating: nil, count: spans.count)
        var asciiFonts = [ResolvedFont?](repeating: nil, count: spans.count * 128)
        func choose(_ character: Character, span: Int) -> ResolvedFont {
            let matched = matchedBySpan[span] ?? fonts.matchedFonts(for: spans[span].font)
            matchedBySpan[span] = matched
            return Self.font(for: character, matched: matched, spec: spans[span].font, variant: variant, fonts: fonts)
        }
        for character in text {
            let length = character.utf8.count
            let span = spanOfByte[offset]
            let font: ResolvedFont
            if length == 1, let byte = character.utf8.first {
                let slot = span * 128 + Int(byte)
                if let known = asciiFonts[slot] {
                    font = known
                } else {
                    font = choose(character, span: span)
                    asciiFonts[slot] = font
                }
            } else {
                let key = FontChoiceKey(character: character, span: span)
                if let cached = fontCache[key] {
                    font = cached
                } else {
                    font = choose(character, span: span)
                    fontCache[key] = font
                }
            }
            byteRanges.append(offset..<offset + length)
            unitStarts.append(utf16.count)
            // A one-byte cluster is one ASCII scalar and one UTF-16 unit: no need to walk its views.
            if length == 1, let byte = character.utf8.first {
                clusters.append(TextCluster(ascii: byte, span: span, font: font))
                utf16.append(UInt16(byte))
            } else {
                clusters.append(TextCluster(character: character, span: span, font: font, run: 0, rightToLeft: false, advance: 0))
                utf16.append(contentsOf: character.utf16)
            }
            offset += length
        }

        // Bidi levels (a cluster takes its first unit's) and break opportunities at cluster boundaries.
        let bidi = analyzer.bidiLevels(of: utf16, direction: direction)
        paragraphLevel = bidi.paragraphLevel
        // The cluster starting at each UTF-16 offset (0 where none does, or for the first cluster, which
        // has nothing before it to break after): a flat table, as offsets are dense.
        var clusterStartingAt = [Int](repeating: 0, count: utf16.count + 1)
        for index in clusters.indices {
            clusters[index].level = bidi.levels.isEmpty ? 0 : bidi.levels[unitStarts[index]]
            if index > 0 { clusterStartingAt[unitStarts[index]] = index }
        }
        if whiteSpace.wraps {
            for opportunity in analyzer.lineBreaks(in: utf16) where !opportunity.isHard {
                guard clusterStartingAt.indices.contains(opportunity.offset) else { continue }
                let next = clusterStartingAt[opportunity.offset]
                if next > 0 { clusters[next - 1].breakAfter = true }
            }
        }
        let scripts = Self.scripts(of: clusters)
        let halved = Self.halfWidthPunctuation(clusters)

        var clusterOfByte = [Int](repeating: 0, count: offset)
        for (index, range) in byteRanges.enumerated() { for byte in range { clusterOfByte[byte] = index } }

        let utf8 = Array(text.utf8)
        var run = 0
        var start = 0
        while start < clusters.count {
            var end = start + 1
            if !clusters[start].isNewline {
                while end < clusters.count, !clusters[end].isNewline, clusters[end].span == clusters[start].span,
                      clusters[end].font == clusters[start].font, clusters[end].level == clusters[start].level,
                      scripts[end] == scripts[start] { end += 1 }
                let range = byteRanges[start].lowerBound..<byteRanges[end - 1].upperBound
                let span = spans[clusters[start].span]
                let local = (start..<end).filter { halved[$0] }.map { (feature: FontFeature(tag: "halt", value: 1), bytes: byteRanges[$0]) }
                let shaped = utf8.withUnsafeBufferPointer { bytes in
                    shaper.shape(bytes, range: range, faceIndex: clusters[start].font.faceIndex, size: span.font.size,
                                 rightToLeft: clusters[start].level & 1 == 1, script: scripts[start],
                                 language: Self.isCJK(script: scripts[start]) ? variant.language : nil,
                                 features: Self.features(of: span, script: scripts[start]), localFeatures: local)
                }
                var pens = [Double](repeating: 0, count: end - start)
                for glyph in shaped.glyphs {
                    let index = min(max(clusterOfByte[min(glyph.cluster, offset - 1)], start), end - 1)
                    clusters[index].glyphs.append(TextCluster.Glyph(glyphID: glyph.glyphID, dx: pens[index - start] + glyph.offsetX, dy: -glyph.offsetY))
                    pens[index - start] += glyph.advance
                }
                for index in start..<end {
                    // By scalar: `Character ==` falls back to a normalizing string compare for every non-space.
                    let isWordSeparator = clusters[index].onlyScalar == 0x20 || clusters[index].onlyScalar == 0xA0
                    clusters[index].advance = pens[index - start] + span.letterSpacing + (isWordSeparator ? span.wordSpacing : 0)
                    clusters[index].rightToLeft = shaped.rightToLeft
                }
            }
            for index in start..<end { clusters[index].run = run }
            run += 1
            start = end
        }
        self.clusters = clusters
    }

    private struct FontChoiceKey: Hashable {
        var character: Character
        var span: Int
    }

    /// The script of each cluster (ICU, ISO 15924 tag); Common and Inherited characters (spaces,
    /// punctuation, marks) take the script before them, or after them at the start of the text.
    private static func scripts(of clusters: [TextCluster]) -> [UInt32] {
        var scripts = clusters.map { cluster -> UInt32 in
            guard let scalar = cluster.firstScalar else { return 0 }
            guard scalar.value < 0x80 else { return cicu_script_tag(Int32(bitPattern: scalar.value)) }
            // In ASCII the Alphabetic property holds for A–Z and a–z only: test the letters directly.
            let letter = (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
            return letter ? 0x4C61_746E : 0
        }
        var previous: UInt32 = 0
        for index in scripts.indices {
            if scripts[index] == 0 { scripts[index] = previous } else { previous = scripts[index] }
        }
        let firstKnown = scripts.first { $0 != 0 } ?? 0
        for index in scripts.indices where scripts[index] == 0 { scripts[index] = firstKnown }
        return scripts
    }

    /// Which clusters are full-width CJK punctuation to set half-width (the font's `halt` feature), as
    /// CSS Text 4 `text-spacing-trim: normal` collapses adjacent punctuation: an opening bracket after
    /// an opening bracket, closing punctuation or U+3000, and closing punctuation before closing
    /// punctuation. Chromium does the same with `halt` when a font has no `chws`.
    private static func halfWidthPunctuation(_ clusters: [TextCluster]) -> [Bool] {
        // The clusters' cached only-scalars answer what `cjkPunctuation(_: Character)` would, without
        // counting every cluster's scalars again.
        var result = [Bool](repeating: false, count: clusters.count)
        guard clusters.contains(where: { TextCharacters.cjkPunctuation(onlyScalar: $0.onlyScalar) != nil }) else { return result }
        for index in clusters.indices {
            switch TextCharacters.cjkPunctuation(onlyScalar: clusters[index].onlyScalar) {
            case .opening?:
                guard index > 0 else { continue }
                let previous = clusters[index - 1].onlyScalar
                result[index] = previous == 0x3000 || TextCharacters.cjkPunctuation(onlyScalar: previous) != nil
            case .closing?:
                guard index + 1 < clusters.count else { continue }
                result[index] = TextCharacters.cjkPunctuation(onlyScalar: clusters[index + 1].onlyScalar) == .closing
            case nil:
                continue
            }
        }
        return result
    }

    /// Han, Hiragana, Katakana, Hangul and Bopomofo (ISO 15924 tags).
    private static func isCJK(script: UInt32) -> Bool {
        cjkScripts.contains(script)
    }

    // Made once: building tags from strings on every run showed up in profiles.
    private static let cjkScripts = [Shaper.tag("Hani"), Shaper.tag("Hira"), Shaper.tag("Kana"), Shaper.tag("Hang"), Shaper.tag("Bopo")]

    /// The span's OpenType features. Letter spacing turns optional ligatures off, and CJK runs get
    /// `chws` (contextual half-width spacing: adjacent punctuation like "。「" shares one em), which is
    /// how Chromium implements the initial `text-spacing-trim: normal`.
    private static func features(of span: TextSpan, script: UInt32) -> [FontFeature] {
        var features: [FontFeature] = []
        if span.letterSpacing != 0 { features += [FontFeature(tag: "liga", value: 0), FontFeature(tag: "clig", value: 0)] }
        if isCJK(script: script) { features.append(FontFeature(tag: "chws", value: 1)) }
        return features + span.fontFeatures
    }

    /// The first of the span's fonts that covers the cluster, else a fallback font; emoji go straight to
    /// fallback, which tries the colour emoji font first.
    /// `matched` is `fonts.matchedFonts(for: spec)`, looked up once per span by the caller.
    static func font(for character: Character, matched: [ResolvedFont], spec: FontSpec, variant: CJKVariant,
                     fonts: FontSet) -> ResolvedFont {
        if character == "\n" { return matched[0] }
        if !TextCharacters.isEmoji(character), let font = matched.first(where: { fonts.covers($0.faceIndex, cluster: character) }) {
            return font
        }
        return fonts.fallbackFont(for: character, variant: variant, weight: spec.weight, italic: spec.italic) ?? matched[0]
    }
}
