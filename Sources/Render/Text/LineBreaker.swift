/// Finds soft wrap opportunities and breaks clusters into lines greedily.
///
/// A simplified UAX #14 until ICU's line breaker is wired in: breaks after spaces, after hyphens between
/// letters, and on either side of ideographs, kana, Hangul and emoji, except before closing punctuation
/// and small kana and after opening punctuation. A cluster is never split. A piece wider than the line
/// with no opportunity breaks between any two clusters (`overflow-wrap: anywhere`), so text never overflows.
struct LineBreaker {
    let clusters: [TextCluster]
    let whiteSpace: WhiteSpace

    /// Whether a line may end after cluster `index` (forced breaks excluded).
    func canBreak(after index: Int) -> Bool {
        guard whiteSpace.wraps, index + 1 < clusters.count else { return false }
        let current = clusters[index].character
        let next = clusters[index + 1].character
        guard !clusters[index + 1].isSpace, !clusters[index + 1].isNewline, !clusters[index].isNewline,
              let currentScalar = current.unicodeScalars.first, let nextScalar = next.unicodeScalars.first else { return false }
        if TextCharacters.prohibitsBreakBefore(nextScalar) { return false }
        if clusters[index].isSpace { return true }
        if TextCharacters.prohibitsBreakAfter(currentScalar) { return false }
        if TextCharacters.isHyphen(current) {
            let previousIsLetter = index > 0 && clusters[index - 1].character.isLetter
            return previousIsLetter && (next.isLetter || next.isNumber)
        }
        let currentIsIdeographic = TextCharacters.isCJK(currentScalar) || TextCharacters.isEmoji(current)
        let nextIsIdeographic = TextCharacters.isCJK(nextScalar) || TextCharacters.isEmoji(next)
        return currentIsIdeographic || nextIsIdeographic
    }

    /// Cluster ranges of each line for `maxWidth`. Each range includes the line's trailing spaces and
    /// its ending newline; trailing spaces never count against the width.
    func lines(maxWidth: Double) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        var pen = 0.0
        var lastOpportunity: Int?
        while index < clusters.count {
            let cluster = clusters[index]
            if cluster.isNewline {
                lines.append(start..<index + 1)
                start = index + 1
                index = start
                pen = 0
                lastOpportunity = nil
                continue
            }
            if whiteSpace.wraps, !cluster.isSpace, index > start, pen + cluster.advance > maxWidth + 0.001 {
                let end = lastOpportunity.map { $0 + 1 } ?? index
                lines.append(start..<end)
                start = end
                index = start
                pen = 0
                lastOpportunity = nil
                continue
            }
            pen += cluster.advance
            if canBreak(after: index) { lastOpportunity = index }
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

    /// Min-content (widest piece between opportunities) and max-content (widest line between forced breaks).
    func intrinsicWidths() -> (min: Double, max: Double) {
        var minimum = 0.0
        var maximum = 0.0
        var pieceStart = 0
        var lineStart = 0
        for index in clusters.indices {
            let forced = clusters[index].isNewline
            if forced || canBreak(after: index) || index == clusters.count - 1 {
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
