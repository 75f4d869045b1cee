/// Where the dashes or dots of one border side fall along its length, as Chromium spaces them
/// (`StyledStrokeData`): dashes 3× the thickness with 2× gaps for lines under 3 px, 2× and 1× from
/// 3 px, the gap adjusted (`SelectBestDashGap`) so the side starts and ends with a dash; dots as
/// long as the line is thick, round beyond 3 px (spaced the same way) and square up to 3 px.
/// Square dots keep their nominal spacing; instead the painter (Blink's `EnforceDotsAtEndpoints`)
/// puts a whole square at one or both ends, chosen by the length modulo twice or three times the
/// width, and runs the dots between them.
struct BorderDashes {
    let dash: Double
    let gap: Double
    /// Dots are round (centres matter) rather than square dashes.
    let round: Bool
    /// The stretch of the side the pattern runs over, its first dash starting at `lineStart`.
    let lineStart: Double
    let lineEnd: Double
    /// Stretches filled whatever the pattern does: the whole squares at the ends of a dotted side.
    let squares: [ClosedRange<Double>]

    /// Nil when the side is too short for dashes and is drawn solid.
    init?(length: Double, thickness: Double, dotted: Bool) {
        guard length > 0, thickness > 0 else { return nil }
        if dotted && thickness > 3 {
            (squares, lineStart, lineEnd) = ([], 0, length)
            round = true
            dash = thickness
            gap = length < 2 * thickness ? length : Self.bestGap(length: length, dash: thickness, gap: thickness)
            return
        }
        round = false
        var dash = thickness, gap = thickness
        if !dotted {
            dash *= thickness >= 3 ? 2 : 3
            gap *= thickness >= 3 ? 1 : 2
        }
        guard length > 2 * dash else { return nil }
        if length <= 2 * dash + gap {
            let scale = length / (2 * dash + gap)
            (dash, gap) = (dash * scale, gap * scale)
        } else if !dotted {
            gap = Self.bestGap(length: length, dash: dash, gap: gap)
        }
        self.dash = dash
        self.gap = gap
        (squares, lineStart, lineEnd) = dotted ? Self.endSquares(length: length, width: thickness) : ([], 0, length)
    }

    /// Whole squares at the ends of a thin dotted side, and the stretch left for the dots between,
    /// by the side's length in whole pixels: Blink's table for widths of 1, 2 and 3 px. A square at
    /// the start is one pixel longer, or the dots start one pixel nearer or further, as the length
    /// needs for the last dot to land whole; at the end likewise.
    private static func endSquares(length: Double, width thickness: Double)
        -> (squares: [ClosedRange<Double>], lineStart: Double, lineEnd: Double) {
        let width = Int(thickness.rounded())
        let whole = Int(length.rounded())
        let (byTwo, byFour, bySix) = (whole % 2, whole % 4, whole % 6)
        var start: (growth: Int, offset: Int)?
        var endGrowth: Int?
        switch width {
        case 1:
            if byTwo == 0 { start = (1, 1) }
        case 2:
            if byFour == 0 || byFour == 1 { start = (0, -1) }
            if byFour == 3 { start = (0, 1) }
            if byFour == 0 { endGrowth = 0 }
        case 3:
            if bySix == 0 { start = (1, 1); endGrowth = 1 }
            if bySix == 1 || bySix == 2 { start = (0, -1) }
            if bySix == 4 || bySix == 5 { start = (0, 1) }
            if bySix == 1 || bySix == 5 { endGrowth = 0 }
        default:
            return ([], 0, length)
        }
        let size = Double(width)
        var squares: [ClosedRange<Double>] = []
        var lineStart = 0.0, lineEnd = length
        if let start {
            squares.append(0...(size + Double(start.growth)))
            lineStart = 2 * size + Double(start.offset)
        }
        if let endGrowth {
            squares.append((length - size - Double(endGrowth))...length)
            lineEnd = length - size - Double(endGrowth) - 1
        }
        return (squares, lineStart, lineEnd)
    }

    /// Blink's `SelectBestDashGap` on an open line: of the two whole dash counts around the
    /// nominal spacing, the one whose gap is nearer the nominal gap.
    static func bestGap(length: Double, dash: Double, gap: Double) -> Double {
        let fewest = ((length + gap) / (dash + gap)).rounded(.down)
        let most = fewest + 1
        let fewestGap = fewest > 1 ? (length - fewest * dash) / (fewest - 1) : gap
        let mostGap = (length - most * dash) / (most - 1)
        return mostGap <= 0 || abs(fewestGap - gap) < abs(mostGap - gap) ? fewestGap : mostGap
    }

    /// The fraction of `start..<end` (positions along the side) covered by dashes and end squares.
    func coverage(from start: Double, to end: Double) -> Double {
        let period = dash + gap
        guard period > 0, end > start else { return 0 }
        var covered = 0.0
        // The squares and the pattern's stretch never overlap, so their parts simply add up.
        for square in squares {
            covered += Swift.max(0, Swift.min(end, square.upperBound) - Swift.max(start, square.lowerBound))
        }
        let from = Swift.max(start, lineStart), to = Swift.min(end, lineEnd)
        if to > from {
            var index = ((from - lineStart) / period).rounded(.down)
            while lineStart + index * period < to {
                let dashStart = lineStart + index * period, dashEnd = dashStart + dash
                covered += Swift.max(0, Swift.min(to, dashEnd) - Swift.max(from, dashStart))
                index += 1
            }
        }
        return covered / (end - start)
    }

    /// The centre of the round dot nearest `position` along the side.
    func nearestDotCentre(to position: Double) -> Double {
        let period = dash + gap
        guard period > 0 else { return dash / 2 }
        let index = Swift.max(0, ((position - dash / 2) / period).rounded())
        return dash / 2 + index * period
    }
}
