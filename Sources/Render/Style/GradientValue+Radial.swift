/// A specified `radial-gradient()` (CSS Images 3 §3.2); its radii depend on the box, so they are
/// resolved at paint time.
struct RadialGradientValue: Sendable, Equatable {
    enum Size: Sendable, Equatable {
        case closestSide, farthestSide, closestCorner, farthestCorner
        /// Explicit radii (a circle has `x == y`).
        case lengths(Length, Length)
    }
    var circle: Bool
    var size: Size
    var position: PositionValue
    var stops: [BackgroundGradient.Stop]
    var repeating: Bool

    /// Parses the arguments: `[<shape> || <size>] [at <position>]`, then the color stops.
    static func parse(_ arguments: [CSSComponent], repeating: Bool, context: LengthContext) -> RadialGradientValue? {
        let groups = arguments.splitByCommas()
        guard let first = groups.first?.withoutWhitespace, !first.isEmpty else { return nil }
        var value = RadialGradientValue(circle: false, size: .farthestCorner, position: .center, stops: [], repeating: repeating)
        let configures = ColorParser.parse(first[0]) == nil
        if configures {
            var shape: Bool?
            var lengths: [Length] = []
            var keywordSize: Size?
            var index = 0
            while index < first.count {
                let item = first[index]
                if case .ident(let raw) = item {
                    switch raw.lowercased() {
                    case "circle" where shape == nil: shape = true
                    case "ellipse" where shape == nil: shape = false
                    case "closest-side" where keywordSize == nil: keywordSize = .closestSide
                    case "farthest-side" where keywordSize == nil: keywordSize = .farthestSide
                    case "closest-corner" where keywordSize == nil: keywordSize = .closestCorner
                    case "farthest-corner" where keywordSize == nil: keywordSize = .farthestCorner
                    case "at":
                        guard let position = PositionValue.parse(Array(first[(index + 1)...]), context: context) else { return nil }
                        value.position = position
                        index = first.count
                        continue
                    default: return nil
                    }
                } else if let length = ValueParser.length(item, context: context, allowAuto: false), keywordSize == nil {
                    lengths.append(length)
                } else {
                    return nil
                }
                index += 1
            }
            switch (lengths.count, shape) {
            case (0, _):
                value.circle = shape ?? false
                value.size = keywordSize ?? .farthestCorner
            case (1, nil), (1, true?):
                // A circle's radius cannot be a percentage (CSS Images 3 §3.2.1).
                guard !lengths[0].hasPercent else { return nil }
                value.circle = true
                value.size = .lengths(lengths[0], lengths[0])
            case (2, nil), (2, false?):
                value.circle = false
                value.size = .lengths(lengths[0], lengths[1])
            default:
                return nil
            }
        }
        guard let stops = BackgroundLayer.stops(arguments, skipFirstGroup: configures, context: context) else { return nil }
        value.stops = stops
        return value
    }
}
