/// An SVG `viewBox` with its `preserveAspectRatio` (SVG 2 §8.6, §8.7): how user space maps onto
/// the viewport the element is drawn into.
struct SVGViewBox: Sendable, Equatable {
    /// Where the scaled view box sits on one axis when it does not fill the viewport.
    enum Alignment: Sendable, Equatable {
        case min, mid, max

        /// The share of the free space before the view box.
        var factor: Double {
            switch self {
            case .min: 0
            case .mid: 0.5
            case .max: 1
            }
        }
    }

    /// The user-space rectangle that must be visible.
    var rect: Rect
    /// nil for `preserveAspectRatio="none"`: each axis scales on its own.
    var alignment: (x: Alignment, y: Alignment)? = (.mid, .mid)
    /// `slice` scales to cover the viewport (the overflow is clipped); `meet`, the default, to fit.
    var slice: Bool = false

    static func == (lhs: SVGViewBox, rhs: SVGViewBox) -> Bool {
        lhs.rect == rhs.rect && lhs.slice == rhs.slice && lhs.alignment?.x == rhs.alignment?.x && lhs.alignment?.y == rhs.alignment?.y
    }

    /// Parses the `viewBox` attribute; nil when it is malformed or has no area (SVG 2 §8.6: a
    /// zero width or height disables rendering, and the caller then draws nothing).
    init?(viewBox: String, preserveAspectRatio: String?) {
        guard let values = SVGScanner.numbers(in: viewBox), values.count == 4, values[2] >= 0, values[3] >= 0 else { return nil }
        rect = Rect(x: values[0], y: values[1], width: values[2], height: values[3])
        if let preserveAspectRatio { apply(preserveAspectRatio: preserveAspectRatio) }
    }

    private mutating func apply(preserveAspectRatio text: String) {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map { $0.lowercased() }
        if words.first == "defer" { words.removeFirst() }
        guard let align = words.first else { return }
        if align == "none" {
            alignment = nil
        } else {
            let bytes = Array(align.utf8)
            // "xMinYMid" lowercased: x, three letters, y, three letters.
            guard bytes.count == 8, let x = Self.alignment(bytes[1..<4]), let y = Self.alignment(bytes[5..<8]),
                  bytes[0] == UInt8(ascii: "x"), bytes[4] == UInt8(ascii: "y") else { return }
            alignment = (x, y)
        }
        if words.count > 1 { slice = words[1] == "slice" }
    }

    private static func alignment(_ bytes: ArraySlice<UInt8>) -> Alignment? {
        switch String(decoding: bytes, as: UTF8.self) {
        case "min": .min
        case "mid": .mid
        case "max": .max
        default: nil
        }
    }

    /// The transform from user space to the canvas that puts this view box into `viewport`, or nil
    /// when the view box has no area.
    func transform(into viewport: Rect) -> AffineTransform? {
        guard rect.width > 0, rect.height > 0 else { return nil }
        var scaleX: Double = viewport.width / rect.width
        var scaleY: Double = viewport.height / rect.height
        var x: Double = viewport.x, y: Double = viewport.y
        if let alignment {
            let scale: Double = slice ? Swift.max(scaleX, scaleY) : Swift.min(scaleX, scaleY)
            scaleX = scale
            scaleY = scale
            x += (viewport.width - rect.width * scale) * alignment.x.factor
            y += (viewport.height - rect.height * scale) * alignment.y.factor
        }
        return AffineTransform(a: scaleX, b: 0, c: 0, d: scaleY, tx: x - rect.x * scaleX, ty: y - rect.y * scaleY)
    }
}
