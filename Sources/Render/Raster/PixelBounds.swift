/// A rectangle of whole pixels, `left..<right` × `top..<bottom`, for the parts of a layer that
/// effects have to visit.
struct PixelBounds: Equatable {
    var left: Int
    var top: Int
    var right: Int
    var bottom: Int

    var isEmpty: Bool { right <= left || bottom <= top }
    var width: Int { Swift.max(0, right - left) }
    var height: Int { Swift.max(0, bottom - top) }

    /// Grown by `margin` pixels on every side.
    func expanded(by margin: Int) -> PixelBounds {
        PixelBounds(left: left - margin, top: top - margin, right: right + margin, bottom: bottom + margin)
    }

    /// Moved by whole pixels.
    func offsetBy(x: Int, y: Int) -> PixelBounds {
        PixelBounds(left: left + x, top: top + y, right: right + x, bottom: bottom + y)
    }

    /// Cut to `0..<width` × `0..<height`.
    func clamped(width: Int, height: Int) -> PixelBounds {
        PixelBounds(left: Swift.max(0, left), top: Swift.max(0, top),
                    right: Swift.min(width, right), bottom: Swift.min(height, bottom))
    }

    /// The smallest bounds holding both (an empty side is ignored).
    func union(_ other: PixelBounds) -> PixelBounds {
        if isEmpty { return other }
        if other.isEmpty { return self }
        return PixelBounds(left: Swift.min(left, other.left), top: Swift.min(top, other.top),
                           right: Swift.max(right, other.right), bottom: Swift.max(bottom, other.bottom))
    }

    /// The pixels a transformed copy of these pixels can touch, one pixel of bilinear spill included.
    func transformed(by transform: AffineTransform) -> PixelBounds {
        let corners = [Point(x: Double(left), y: Double(top)), Point(x: Double(right), y: Double(top)),
                       Point(x: Double(left), y: Double(bottom)), Point(x: Double(right), y: Double(bottom))]
            .map { transform.apply($0) }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        return PixelBounds(left: Int(saturatingFloor: xs.min()!) - 1, top: Int(saturatingFloor: ys.min()!) - 1,
                           right: Int(saturatingCeiling: xs.max()!) + 1, bottom: Int(saturatingCeiling: ys.max()!) + 1)
    }

    /// The pixels of a `width`-wide RGBA layer inside `area` that are not fully transparent, or nil
    /// when none is. Pixels outside `area` are taken to be transparent.
    static func content(of layer: [UInt8], width: Int, height: Int, within area: PixelBounds) -> PixelBounds? {
        let area = area.clamped(width: width, height: height)
        guard !area.isEmpty else { return nil }
        var bounds: PixelBounds? = nil
        layer.withUnsafeBytes { raw in
            let words = raw.bindMemory(to: UInt32.self)
            for y in area.top..<area.bottom {
                // Most rows of a layer are empty: one OR over the row (a vectorizable reduction)
                // rules them out before any per-pixel search.
                let row = words.baseAddress! + y * width
                var any: UInt32 = 0
                for x in area.left..<area.right { any |= row[x] }
                guard any != 0 else { continue }
                var first = area.left
                while row[first] == 0 { first += 1 }
                var last = area.right - 1
                while row[last] == 0 { last -= 1 }
                let line = PixelBounds(left: first, top: y, right: last + 1, bottom: y + 1)
                bounds = bounds.map { $0.union(line) } ?? line
            }
        }
        return bounds
    }
}
