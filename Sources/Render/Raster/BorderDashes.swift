/// Where the dashes or dots of one border side fall along its length, as Chromium spaces them
/// (`StyledStrokeData`): dashes 3× the thickness with 2× gaps for lines under 3 px, 2× and 1× from
/// 3 px; dots as long as the line is thick, square up to 3 px and round beyond; the gap is then
/// adjusted (`SelectBestDashGap`) so the side starts and ends with a dash or dot.
struct BorderDashes {
    let dash: Double
    let gap: Double
    /// Dots are round (centres matter) rather than square dashes.
    let round: Bool

    /// Nil when the side is too short for dashes and is drawn solid.
    init?(length: Double, thickness: Double, dotted: Bool) {
        guard length > 0, thickness > 0 else { return nil }
        if dotted && thickness > 3 {
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

    /// The fraction of `start..<end` (positions along the side) covered by dashes.
    func coverage(from start: Double, to end: Double) -> Double {
        let period = dash + gap
        guard period > 0, end > start else { return 0 }
        var covered = 0.0
        var index = ((start / period).rounded(.down))
        while index * period < end {
            let dashStart = index * period, dashEnd = dashStart + dash
            covered += Swift.max(0, Swift.min(end, dashEnd) - Swift.max(start, dashStart))
            index += 1
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
