import Foundation

/// A `linear-gradient()` background layer as specified; the angle of corner directions and px stop positions
/// depend on the box, so they are resolved at paint time.
struct BackgroundGradient: Sendable, Equatable {
    enum Direction: Sendable, Equatable {
        /// CSS degrees (0 = to top, 90 = to right).
        case angle(Double)
        /// `to <corner>`: horizontal sign (+1 right) and vertical sign (+1 bottom).
        case corner(horizontal: Double, vertical: Double)
    }
    struct Stop: Sendable, Equatable {
        var color: ColorValue
        var position: Length?
    }
    /// The color space stops are mixed in (CSS Images 4 §3.1, `in <space>`).
    enum Interpolation: Sendable, Equatable {
        case srgb, oklab
        /// OKLCh with the shorter (default) or longer hue arc.
        case oklch(longerHue: Bool)
    }
    var direction: Direction
    var stops: [Stop]
    var interpolation = Interpolation.srgb

    /// The angle in CSS degrees for a box of this size (CSS Images 3 §3.1.1: a corner direction makes
    /// the 50% line pass through the other two corners).
    func angle(width: Double, height: Double) -> Double {
        switch direction {
        case .angle(let degrees):
            return degrees
        case .corner(let horizontal, let vertical):
            return atan2(horizontal * height, -vertical * width) * 180 / .pi
        }
    }

    /// Stops with positions in 0...1 of the gradient line, colors resolved, opacity applied.
    func resolvedStops(lineLength: Double, currentColor: Color, opacity: Double) -> [GradientStop] {
        var positions: [Double?] = stops.map { stop in
            stop.position.flatMap { $0.resolve(lineLength) }.map { lineLength > 0 ? $0 / lineLength : 0 }
        }
        // CSS Images 3 §3.5.1: first and last default to 0 and 1, positions never decrease,
        // runs of missing positions are spread evenly.
        if positions.first! == nil { positions[0] = 0 }
        if positions.last! == nil { positions[positions.count - 1] = 1 }
        var largest = positions[0]!
        for index in positions.indices {
            if let value = positions[index] {
                largest = max(largest, value)
                positions[index] = largest
            }
        }
        var index = 0
        while index < positions.count {
            if positions[index] == nil {
                let start = index - 1
                var end = index
                while positions[end] == nil { end += 1 }
                let from = positions[start]!, to = positions[end]!
                for missing in index..<end {
                    positions[missing] = from + (to - from) * Double(missing - start) / Double(end - start)
                }
                index = end
            }
            index += 1
        }
        let resolved = zip(stops, positions).map { stop, position in
            var color: Color
            switch stop.color {
            case .color(let value): color = value
            case .currentColor: color = currentColor
            }
            color.alpha *= opacity
            return GradientStop(color: color, position: position!)
        }
        return interpolation == .srgb ? resolved : GradientInterpolation.expand(resolved, in: interpolation)
    }

    /// Parses the arguments of `linear-gradient( … )`.
    static func parse(_ arguments: [CSSComponent], context: LengthContext) -> BackgroundGradient? {
        var groups = arguments.splitByCommas()
        guard !groups.isEmpty else { return nil }
        var direction = Direction.angle(180)
        var first = groups[0].withoutWhitespace
        // An interpolation space (CSS Images 4 §3.1) may come before or after the direction.
        var interpolation = Interpolation.srgb
        if let inIndex = first.firstIndex(where: { if case .ident(let word) = $0 { return word.lowercased() == "in" }; return false }) {
            var end = inIndex + 1
            let words = first[(inIndex + 1)...].prefix(3).map { item -> String in
                if case .ident(let word) = item { return word.lowercased() }
                return ""
            }
            switch words.first {
            case "oklab": interpolation = .oklab; end += 1
            case "oklch":
                let longer = words.count >= 3 && words[1] == "longer" && words[2] == "hue"
                interpolation = .oklch(longerHue: longer)
                end += words.count >= 3 && words[2] == "hue" && ["shorter", "longer", "increasing", "decreasing"].contains(words[1]) ? 3 : 1
            case .some(let space) where !space.isEmpty: end += 1  // other spaces mix in sRGB
            default: return nil
            }
            first = Array(first[..<inIndex] + first[end...])
            if first.isEmpty { groups.removeFirst() } else { groups[0] = first }
        }
        guard !groups.isEmpty else { return nil }
        if let angle = first.first.flatMap(Self.angle), first.count == 1 {
            direction = .angle(angle)
            groups.removeFirst()
        } else if case .ident(let word)? = first.first, word.lowercased() == "to" {
            var horizontal = 0.0, vertical = 0.0
            for item in first.dropFirst() {
                guard case .ident(let side) = item else { return nil }
                switch side.lowercased() {
                case "left": horizontal = -1
                case "right": horizontal = 1
                case "top": vertical = -1
                case "bottom": vertical = 1
                default: return nil
                }
            }
            switch (horizontal, vertical) {
            case (0, 0): return nil
            case (0, _): direction = .angle(vertical > 0 ? 180 : 0)
            case (_, 0): direction = .angle(horizontal > 0 ? 90 : 270)
            default: direction = .corner(horizontal: horizontal, vertical: vertical)
            }
            groups.removeFirst()
        }
        var stops: [Stop] = []
        for group in groups {
            let items = group.withoutWhitespace
            guard let firstItem = items.first else { return nil }
            if items.count == 1, ValueParser.length(firstItem, context: context, allowAuto: false) != nil {
                // A lone position is a color hint (it moves the midpoint between two stops). It is
                // dropped: the plain linear transition is the closer approximation.
                guard !stops.isEmpty else { return nil }
                continue
            }
            guard let color = ColorParser.parse(firstItem) else { return nil }
            let positions = items.dropFirst().map { ValueParser.length($0, context: context, allowAuto: false) }
            guard positions.count <= 2, positions.allSatisfy({ $0 != nil }) else { return nil }
            if positions.isEmpty { stops.append(Stop(color: color, position: nil)) }
            for position in positions { stops.append(Stop(color: color, position: position)) }
        }
        guard stops.count >= 2 else { return nil }
        return BackgroundGradient(direction: direction, stops: stops, interpolation: interpolation)
    }

    private static func angle(_ component: CSSComponent) -> Double? {
        switch component {
        case .number(0): return 0
        case .dimension(let value, "deg"): return value
        case .dimension(let value, "turn"): return value * 360
        case .dimension(let value, "rad"): return value * 180 / .pi
        case .dimension(let value, "grad"): return value * 0.9
        default: return nil
        }
    }
}
