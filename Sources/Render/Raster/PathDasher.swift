/// Cuts flattened subpaths into the dashes of a dash pattern (SVG 2 §13.6, `stroke-dasharray`
/// and `stroke-dashoffset`). Each dash becomes an open polyline, stroked with caps like any other.
struct PathDasher {
    /// More dashes than this per path are not worth cutting: the path is stroked solid instead,
    /// so a tiny pattern on a long path cannot allocate without bound.
    static let maximumDashes = 10_000

    /// Alternating dash and gap lengths, an even count of them, none negative, summing above zero.
    let pattern: [Double]
    /// How far into the pattern each subpath starts.
    let offset: Double

    /// A dasher for SVG's dash array; nil when the array draws a solid line (empty, negative
    /// values, or all zero). An odd count of values is repeated to make it even.
    init?(dashes: [Double], offset: Double) {
        guard !dashes.isEmpty, dashes.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        let pattern: [Double] = dashes.count % 2 == 1 ? dashes + dashes : dashes
        let period: Double = pattern.reduce(0, +)
        guard period > 0, period.isFinite else { return nil }
        self.pattern = pattern
        // A negative offset starts that far before the pattern: the same as period - offset.
        let start: Double = offset.isFinite ? offset.truncatingRemainder(dividingBy: period) : 0
        self.offset = start < 0 ? start + period : start
    }

    /// The dashes of `polylines`, or nil when there would be more than `maximumDashes`.
    func dashes(of polylines: [Path.Polyline]) -> [Path.Polyline]? {
        var result: [Path.Polyline] = []
        for polyline in polylines {
            var points: [Point] = polyline.points
            if polyline.isClosed, let first = points.first { points.append(first) }
            guard points.count > 1 else { continue }
            // Where in the pattern the walk is: the entry, and the length left in it.
            var index: Int = 0
            var left: Double = pattern[0]
            var skip: Double = offset
            while skip > 0 {
                if skip < left { left -= skip; break }
                skip -= left
                index = (index + 1) % pattern.count
                left = pattern[index]
            }
            var current: [Point] = index % 2 == 0 ? [points[0]] : []
            for segment in 1..<points.count {
                var from: Point = points[segment - 1]
                let to: Point = points[segment]
                var length: Double = ((to.x - from.x) * (to.x - from.x) + (to.y - from.y) * (to.y - from.y)).squareRoot()
                while length > left {
                    // The pattern entry ends inside this segment.
                    let t: Double = left / length
                    let cut = Point(x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t)
                    if index % 2 == 0 {
                        current.append(cut)
                        result.append(Path.Polyline(points: current, isClosed: false))
                        if result.count > PathDasher.maximumDashes { return nil }
                        current = []
                    } else {
                        current = [cut]
                    }
                    length -= left
                    from = cut
                    index = (index + 1) % pattern.count
                    left = pattern[index]
                }
                left -= length
                if index % 2 == 0 { current.append(to) }
            }
            if index % 2 == 0, current.count > 1 { result.append(Path.Polyline(points: current, isClosed: false)) }
        }
        return result
    }
}
