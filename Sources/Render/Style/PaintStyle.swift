/// Computed values of the paint-only properties (effects that never change layout), kept together
/// in one field of `ComputedStyle`.
struct PaintStyle: Sendable, Equatable {
    /// `box-shadow` layers, topmost first.
    var boxShadows: [ShadowValue] = []
    /// `text-shadow` layers, topmost first; nil when not set on this element, which means inherited
    /// (the painter looks it up on the nearest ancestor that sets it).
    var textShadows: [ShadowValue]?
    /// Background image layers, topmost first, when the background uses radial, conic or repeating
    /// gradients; when non-empty the painter draws these instead of `ComputedStyle.backgroundGradients`.
    var backgroundLayers: [BackgroundLayer] = []
    /// `background-size`, `-position` and `-repeat`, shared by every image layer.
    var backgroundSize = ImagePlacement.Fit.size(nil, nil)
    var backgroundPosition = PositionValue(x: .percent(0), y: .percent(0))
    var backgroundRepeat = BackgroundRepeat(x: true, y: true)
    /// `object-fit` and `object-position` of replaced elements (`<img>`).
    var objectFit = ImagePlacement.Fit.fill
    var objectPosition = PositionValue.center
    var filter = FilterValue()
    var transform = TransformValue(functions: [])
    var transformOrigin = PositionValue.center
    var blendMode = LayerEffects.BlendMode.normal
    /// The line style of each border side (top, right, bottom, left); layout only reads whether a
    /// side is drawn at all (`ComputedStyle.borderSolid`).
    var borderStyles: [BorderSide.LineStyle] = [.solid, .solid, .solid, .solid]
    /// Vertical corner radii (top-left, top-right, bottom-right, bottom-left) from `a / b` or a
    /// corner longhand's second value; nil where the corner is circular (`ComputedStyle.borderRadius`).
    var borderRadiusVertical: [Length?] = [nil, nil, nil, nil]

    /// Whether the box is painted through an offscreen layer (filters, transforms, blend modes).
    var needsLayer: Bool { !filter.isNone || !transform.functions.isEmpty || blendMode != .normal }
}

/// Whether a background image tiles horizontally and vertically.
struct BackgroundRepeat: Sendable, Equatable {
    var x: Bool
    var y: Bool

    /// `repeat`, `no-repeat`, `repeat-x`, `repeat-y`, or two of `repeat`/`no-repeat` (`space` and
    /// `round` tile like `repeat`).
    static func parse(_ words: [String]) -> BackgroundRepeat? {
        func tiles(_ word: String) -> Bool? {
            switch word {
            case "repeat", "space", "round": return true
            case "no-repeat": return false
            default: return nil
            }
        }
        switch words {
        case ["repeat-x"]: return BackgroundRepeat(x: true, y: false)
        case ["repeat-y"]: return BackgroundRepeat(x: false, y: true)
        case let one where one.count == 1: return tiles(one[0]).map { BackgroundRepeat(x: $0, y: $0) }
        case let two where two.count == 2:
            guard let x = tiles(two[0]), let y = tiles(two[1]) else { return nil }
            return BackgroundRepeat(x: x, y: y)
        default: return nil
        }
    }
}

/// One specified shadow of `box-shadow` or `text-shadow`, lengths in px.
struct ShadowValue: Sendable, Equatable {
    var offsetX: Double
    var offsetY: Double
    var blur: Double
    var spread: Double
    var color: ColorValue
    var inset: Bool

    /// Parses a comma-separated shadow list (CSS Backgrounds 3 §7.1): per layer `inset`? and two to
    /// four lengths (`allowSpread`) or two to three (text-shadow), with an optional color in any order.
    /// `none` is the empty list; nil when anything is invalid.
    static func parseList(_ value: [CSSComponent], context: LengthContext, allowInsetAndSpread: Bool) -> [ShadowValue]? {
        let items = value.withoutWhitespace
        if items.count == 1, case .ident(let word) = items[0], word.lowercased() == "none" { return [] }
        var shadows: [ShadowValue] = []
        for layer in value.splitByCommas() {
            var lengths: [Double] = []
            var color: ColorValue?
            var inset = false
            var lengthsDone = false
            for item in layer.withoutWhitespace {
                if case .ident(let word) = item, word.lowercased() == "inset" {
                    guard allowInsetAndSpread, !inset else { return nil }
                    inset = true
                    if !lengths.isEmpty { lengthsDone = true }
                } else if let length = ValueParser.length(item, context: context, allowAuto: false) {
                    guard !lengthsDone, !length.hasPercent, let px = length.resolve(nil) else { return nil }
                    lengths.append(px)
                } else if color == nil, let parsed = ColorParser.parse(item) {
                    color = parsed
                    if !lengths.isEmpty { lengthsDone = true }
                } else {
                    return nil
                }
            }
            let most = allowInsetAndSpread ? 4 : 3
            guard (2...most).contains(lengths.count) else { return nil }
            let blur = lengths.count > 2 ? lengths[2] : 0
            guard blur >= 0 else { return nil }
            shadows.append(ShadowValue(offsetX: lengths[0], offsetY: lengths[1], blur: blur,
                                       spread: lengths.count > 3 ? lengths[3] : 0,
                                       color: color ?? .currentColor, inset: inset))
        }
        return shadows
    }
}
