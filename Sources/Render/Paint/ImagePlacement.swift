/// Where an image goes in a box: the `background-size` / `object-fit` sizing and the
/// `background-position` / `object-position` placement (CSS Backgrounds 3 §3.9, CSS Images 3 §5.5).
enum ImagePlacement {
    enum Fit: Sendable, Equatable {
        /// `fill` / `background-size: 100% 100%`: stretched to the box.
        case fill
        case contain
        case cover
        /// The intrinsic size (`object-fit: none`, `background-size: auto`).
        case none
        /// The smaller of `none` and `contain`.
        case scaleDown
        /// Explicit width and height (percentages of the box); nil is `auto` (from the other side
        /// and the aspect ratio).
        case size(Length?, Length?)
    }

    /// The drawn image size for an image of `width`×`height` in a `box` of the given size.
    static func size(width: Double, height: Double, fit: Fit, box: (width: Double, height: Double)) -> (width: Double, height: Double) {
        guard width > 0, height > 0 else { return (0, 0) }
        switch fit {
        case .fill:
            return box
        case .contain, .cover:
            let scaleX = box.width / width, scaleY = box.height / height
            let scale = fit == .contain ? min(scaleX, scaleY) : max(scaleX, scaleY)
            return (width * scale, height * scale)
        case .none:
            return (width, height)
        case .scaleDown:
            let contained = size(width: width, height: height, fit: .contain, box: box)
            return contained.width < width ? contained : (width, height)
        case .size(let w, let h):
            switch (w?.resolve(box.width), h?.resolve(box.height)) {
            case (let w?, let h?): return (w, h)
            case (let w?, nil): return (w, w * height / width)
            case (nil, let h?): return (h * width / height, h)
            case (nil, nil): return (width, height)
            }
        }
    }

    /// The top-left corner of an image of `size` in `box`: percentages align the same point of the
    /// image and the box (`50%` centers), lengths offset from the box's top-left corner.
    static func origin(of size: (width: Double, height: Double), in box: Rect, position: PositionValue) -> Point {
        func offset(_ length: Length, free: Double) -> Double {
            guard case .value(let px, let percent) = length else { return free / 2 }
            return px + percent / 100 * free
        }
        return Point(x: box.x + offset(position.x, free: box.width - size.width),
                     y: box.y + offset(position.y, free: box.height - size.height))
    }
}
