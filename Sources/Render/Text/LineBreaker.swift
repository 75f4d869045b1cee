/// Finds soft wrap opportunities and breaks clusters into lines greedily.
///
/// Opportunities come from ICU's UAX #14 line breaker (`TextCluster.breakAfter`), tailored by CSS:
/// `word-break` adds breaks between letters (`break-all`) or removes them (`keep-all`), `hyphens: none`
/// drops the soft-hyphen ones, and Japanese kinsoku keeps closing punctuation and small kana off the
/// start of a line. A cluster is never split. A word wider than the line overflows unless
/// `overflow-wrap` allows breaking it between any two clusters.
struct LineBreaker {
    let clusters: [TextCluster]
    let whiteSpace: WhiteSpace
    var wordBreak: WordBreak = .normal
    var overflowWrap: OverflowWrap = .normal
    var softHyphens = true
    /// Width of the hyphen shown when a line ends at a soft hyphen.
    var hyphenWidth = 0.0

    /// Whether a line may end after cluster `index` (forced breaks excluded).
    func canBreak(after index: Int) -> Bool {
        guard whiteSpace.wraps, index + 1 < clusters.count else { return false }
        // The clusters are read in place: copying the two (their `Character` and glyphs) cost more than
        // the tests below.
        // Spaces hang at the end of a line, so the break comes after the last of them.
        guard !clusters[index + 1].isSpace, !clusters[index + 1].isNewline, !clusters[index].isNewline,
              let currentScalar = clusters[index].firstScalar, let nextScalar = clusters[index + 1].firstScalar else { return false }
        if TextCharacters.prohibitsBreakBefore(nextScalar) { return false }
        if clusters[index].isSpace { return true }
        if TextCharacters.prohibitsBreakAfter(currentScalar) { return false }
        if clusters[index].isSoftHyphen && !softHyphens { return false }
        // Letter-unit lookups are Unicode property queries; `normal` never needs them.
        var betweenLetters: Bool {
            TextCharacters.isLetterUnit(clusters[index].character) && TextCharacters.isLetterUnit(clusters[index + 1].character)
        }
        switch wordBreak {
        case .normal: return clusters[index].breakAfter
        case .breakAll: return clusters[index].breakAfter || betweenLetters
        case .keepAll: return clusters[index].breakAfter && !betweenLetters
        }
    }

    /// Whether `overflow-wrap` lets a too-long word break between any two clusters.
    private var breaksLongWords: Bool { overflowWrap != .normal }

    /// Cluster ranges of each line for `maxWidth` (the first line `firstLineIndent` narrower). Each range
    /// includes the line's trailing spaces and its ending newline; trailing spaces never count against
    /// the width.
    func lines(maxWidth: Double, firstLineIndent: Double = 0) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        var pen = firstLineIndent
        var lastOpportunity: Int?
        func available() -> Double { maxWidth + 0.001 }
        while index < clusters.count {
            // In place, as in `canBreak(after:)`.
            if clusters[index].isNewline {
                lines.append(start..<index + 1)
                start = index + 1
                index = start
                pen = 0
                lastOpportunity = nil
                continue
            }
            if whiteSpace.wraps, !clusters[index].isSpace, index > start, pen + clusters[index].advance > available(),
               lastOpportunity != nil || breaksLongWords {
                let end = lastOpportunity.map { $0 + 1 } ?? index
                lines.append(start..<end)
                start = end
                index = start
                pen = 0
                lastOpportunity = nil
                continue
            }
            pen += clusters[index].advance
            if canBreak(after: index), !clusters[index].isSoftHyphen || pen + hyphenWidth <= available() || lastOpportunity == nil {
                lastOpportunity = index
            }
            index += 1
        }
        if start < clusters.count || lines.isEmpty { lines.append(start..<clusters.count) }
        return lines
    }

    /// Width of `range` without its trailing spaces and newline.
    func contentWidth(of range: Range<Int>) -> Double {
        var end = range.upperBound
        while end > range.lowerBound, clusters[end - 1].isSpace || clusters[end - 1].isNewline { end -= 1 }
        return clusters[range.lowerBound..<end].reduce(0) { $0 + $1.advance }
    }

    /// Min-content (widest piece between opportunities; every cluster is a piece under
    /// `overflow-wrap: anywhere`) and max-content (widest line between forced breaks).
    func intrinsicWidths() -> (min: Double, max: Double) {
        var minimum = 0.0
        var maximum = 0.0
        var pieceStart = 0
        var lineStart = 0
        for index in clusters.indices {
            let forced = clusters[index].isNewline
            let opportunity = canBreak(after: index) || (overflowWrap == .anywhere && whiteSpace.wraps)
            if forced || opportunity || index == clusters.count - 1 {
                minimum = max(minimum, contentWidth(of: pieceStart..<index + 1))
                pieceStart = index + 1
            }
            if forced || index == clusters.count - 1 {
                maximum = max(maximum, contentWidth(of: lineStart..<index + 1))
                lineStart = index + 1
            }
        }
        return (whiteSpace.wraps ? minimum : maximum, maximum)
    }
}
