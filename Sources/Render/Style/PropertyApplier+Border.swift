/// `border`, its side/width/style/color longhands and `border-radius`.
extension PropertyApplier {
    mutating func applyBorder(_ name: String, items: [CSSComponent], to style: inout ComputedStyle, context: LengthContext) -> Outcome {
        if name == "border-radius" || name.hasSuffix("-radius") {
            return applyRadius(name, items: items, to: &style, context: context)
        }
        guard let (targetSides, what) = Self.borderTargets[name] ?? Self.borderTarget(of: name) else { return .unknownProperty }
        switch what {
        case nil:
            // Shorthand: any order of width, style, color; omitted parts reset to initial values.
            var width = 3.0, solid = false, color = ColorValue.currentColor
            var line = BorderSide.LineStyle.solid
            for item in items {
                if let parsed = borderWidth(item, context: context) {
                    width = parsed
                } else if case .ident(let word) = item, let parsed = borderStyle(word) {
                    (solid, line) = parsed
                } else if let parsed = ColorParser.parse(item) {
                    color = parsed
                } else {
                    return .invalid
                }
            }
            for side in targetSides {
                set(&style.borderWidth, side, width)
                set(&style.borderSolid, side, solid)
                style.paint.borderStyles[side] = line
                set(&style.borderColor, side, color)
            }
        case "width":
            let values = items.map { borderWidth($0, context: context) }
            guard let expanded = expand(values, count: targetSides.count) else { return .invalid }
            for (offset, side) in targetSides.enumerated() { set(&style.borderWidth, side, expanded[offset]) }
        case "style":
            let values = items.map { item -> (Bool, BorderSide.LineStyle)? in
                if case .ident(let word) = item { return borderStyle(word) }
                return nil
            }
            guard let expanded = expand(values, count: targetSides.count) else { return .invalid }
            for (offset, side) in targetSides.enumerated() {
                set(&style.borderSolid, side, expanded[offset].0)
                style.paint.borderStyles[side] = expanded[offset].1
            }
        default:
            let values = items.map { ColorParser.parse($0) }
            guard let expanded = expand(values, count: targetSides.count) else { return .invalid }
            for (offset, side) in targetSides.enumerated() { set(&style.borderColor, side, expanded[offset]) }
        }
        return .applied
    }

    /// Expands 1–4 values to four sides (or checks a single value for a single side).
    private func expand<T>(_ values: [T?], count: Int) -> [T]? {
        guard values.allSatisfy({ $0 != nil }) else { return nil }
        let list = values.map { $0! }
        if count == 1 { return list.count == 1 ? list : nil }
        switch list.count {
        case 1: return [list[0], list[0], list[0], list[0]]
        case 2: return [list[0], list[1], list[0], list[1]]
        case 3: return [list[0], list[1], list[2], list[1]]
        case 4: return list
        default: return nil
        }
    }

    private func set<T>(_ sides: inout ComputedStyle.Sides<T>, _ index: Int, _ value: T) {
        switch index {
        case 0: sides.top = value
        case 1: sides.right = value
        case 2: sides.bottom = value
        default: sides.left = value
        }
    }

    private func borderWidth(_ item: CSSComponent, context: LengthContext) -> Double? {
        if case .ident(let word) = item {
            switch word.lowercased() {
            case "thin": return 1
            case "medium": return 3
            case "thick": return 5
            default: return nil
            }
        }
        guard let length = ValueParser.length(item, context: context, allowAuto: false),
              let px = length.resolve(nil), px >= 0 else { return nil }
        return px
    }

    /// Whether a border style draws, and how.
    private mutating func borderStyle(_ word: String) -> (Bool, BorderSide.LineStyle)? {
        switch word.lowercased() {
        case "none", "hidden": return (false, .solid)
        case "solid": return (true, .solid)
        case "dashed": return (true, .dashed)
        case "dotted": return (true, .dotted)
        case "double": return (true, .double)
        case "groove", "ridge", "inset", "outset":
            warnings.add("border-style '\(word)' drawn as solid")
            return (true, .solid)
        default: return nil
        }
    }

    /// `border-radius` (`h{1,4} [/ v{1,4}]`) and the corner longhands (`h [v]`).
    /// The sides and the part (`width`, `style` or `color`; nil for all three) that a `border`,
    /// `border-<side>`, `border-<part>` or `border-<side>-<part>` name sets; nil for other names.
    static func borderTarget(of name: String) -> (sides: [Int], what: String?)? {
        let sides = ["top", "right", "bottom", "left"]
        var targetSides = [0, 1, 2, 3]
        var what: String?
        for part in name.split(separator: "-").map(String.init).dropFirst() {
            if let side = sides.firstIndex(of: part) {
                targetSides = [side]
            } else if ["width", "style", "color"].contains(part), what == nil {
                what = part
            } else {
                return nil
            }
        }
        return (targetSides, what)
    }

    /// `borderTarget(of:)` of the border names stylesheets use, worked out once: splitting the name
    /// into `Character`s on every declaration was most of the cost of applying a border.
    static let borderTargets: [String: (sides: [Int], what: String?)] = {
        var table: [String: (sides: [Int], what: String?)] = [:]
        for side in ["", "-top", "-right", "-bottom", "-left"] {
            for part in ["", "-width", "-style", "-color"] {
                let name = "border" + side + part
                table[name] = borderTarget(of: name)
            }
        }
        return table
    }()

    private mutating func applyRadius(_ name: String, items: [CSSComponent], to style: inout ComputedStyle, context: LengthContext) -> Outcome {
        let corners = ["border-top-left-radius", "border-top-right-radius", "border-bottom-right-radius", "border-bottom-left-radius"]
        let halves = items.split(separator: .slash, omittingEmptySubsequences: false).map(Array.init)
        func lengths(_ part: [CSSComponent]) -> [Length?] {
            part.map { ValueParser.nonNegativeLength([$0], context: context, allowAuto: false) }
        }
        if let corner = corners.firstIndex(of: name) {
            let values = lengths(items)
            guard halves.count == 1, (1...2).contains(values.count), values.allSatisfy({ $0 != nil }) else { return .invalid }
            style.borderRadius[corner] = values[0]!
            style.paint.borderRadiusVertical[corner] = values.count == 2 ? values[1] : nil
            return .applied
        }
        guard name == "border-radius" else { return .unknownProperty }
        guard (1...2).contains(halves.count), let horizontal = expand(lengths(halves[0]), count: 4) else { return .invalid }
        var vertical: [Length?] = [nil, nil, nil, nil]
        if halves.count == 2 {
            guard let values = expand(lengths(halves[1]), count: 4) else { return .invalid }
            vertical = values
        }
        style.borderRadius = horizontal
        style.paint.borderRadiusVertical = vertical
        return .applied
    }
}
