/// A specified `conic-gradient()` (CSS Images 4 §3.3): stops are positioned by angle around a centre.
struct ConicGradientValue: Sendable, Equatable {
    /// Degrees clockwise from up.
    var startAngle: Double
    var position: PositionValue
    /// Stop positions are percentages of a full turn (angles are converted while parsing).
    var stops: [BackgroundGradient.Stop]
    var repeating: Bool

    /// Parses `[from <angle>] [at <position>]`, then the color stops with angle or percentage positions.
    static func parse(_ arguments: [CSSComponent], repeating: Bool, context: LengthContext) -> ConicGradientValue? {
        let groups = arguments.splitByCommas()
        guard let first = groups.first?.withoutWhitespace, !first.isEmpty else { return nil }
        var value = ConicGradientValue(startAngle: 0, position: .center, stops: [], repeating: repeating)
        let configures = ColorParser.parse(first[0]) == nil
        if configures {
            var index = 0
            while index < first.count {
                guard case .ident(let raw) = first[index] else { return nil }
                switch raw.lowercased() {
                case "from":
                    guard index + 1 < first.count, let angle = degrees(first[index + 1]) else { return nil }
                    value.startAngle = angle
                    index += 2
                case "at":
                    guard let position = PositionValue.parse(Array(first[(index + 1)...]), context: context) else { return nil }
                    value.position = position
                    index = first.count
                default:
                    return nil
                }
            }
        }
        // Angles become percentages of a turn so the shared stop parser can read them.
        let converted: [CSSComponent] = arguments.map { item in
            if let angle = degrees(item), case .dimension = item { return .percentage(angle / 3.6) }
            return item
        }
        guard let stops = BackgroundLayer.stops(converted, skipFirstGroup: configures, context: context) else { return nil }
        value.stops = stops
        return value
    }

    static func degrees(_ component: CSSComponent) -> Double? {
        switch component {
        case .number(0): return 0
        case .dimension(let value, let unit):
            switch unit.lowercased() {
            case "deg": return value
            case "turn": return value * 360
            case "rad": return value * 180 / .pi
            case "grad": return value * 0.9
            default: return nil
            }
        default: return nil
        }
    }
}
