/// `border`, its side/width/style/color longhands and `border-radius`.
extension PropertyApplier {
    mutating func applyBorder(_ name: String, items: [CSSComponent], to style: inout ComputedStyle, context: LengthContext) -> Outcome {
        let sides = ["top", "right", "bottom", "left"]
        let parts = name.split(separator: "-").map(String.init)
        if name == "border-radius" || name.hasSuffix("-radius") {
            return applyRadius(name, items: items, to: &style, context: context)
        }
        // border, border-<side>, border-<what>, border-<side>-<what>
        var targetSides = [0, 1, 2, 3]
        var what: String?
        for part in parts.dropFirst() {
            if let side = sides.firstIndex(of: part) {
                targetSides = [side]
            } else if ["width", "style", "color"].contains(part), what == nil {
                what = part
            } else {
                return .unknownProperty
            }
        }
        switch what {
        case nil:
            // Shorthand: any order of width, style, color; omitted parts reset to initial values.
            var width = 3.0, solid = false, color = ColorValue.currentColor
            for item in items {
                if let parsed = borderWidth(item, context: context) {
                    width = parsed
                } else if case .ident(let word) = item, let parsed = borderStyle(word) {
                    solid = parsed
                } else if let parsed = ColorParser.parse(item) {
                    color = parsed
                } else {
                    return .invalid
                }
            }
            for side in targetSides {
                set(&style.borderWidth, side, width)
                set(&style.borderSolid, side, solid)
                set(&style.borderColor, side, color)
            }
        case "width":
            let values = items.map { borderWidth($0, context: context) }
            guard let expanded = expand(values, count: targetSides.count) else { return .invalid }
            for (offset, side) in targetSides.enumerated() { set(&style.borderWidth, side, expanded[offset]) }
        case "style":
            let values = items.map { item -> Bool? in
                if case .ident(let word) = item { return borderStyle(word) }
                return nil
            }
            guard let expanded = expand(values, count: targetSides.count) else { return .invalid }
            for (offset, side) in targetSides.enumerated() { set(&style.borderSolid, side, expanded[offset]) }
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

    /// Whether a border style draws (only `solid` is painted; other visible styles draw solid with a warning).
    private mutating func borderStyle(_ word: String) -> Bool? {
        switch word.lowercased() {
        case "none", "hidden": return false
        case "solid": return true
        case "dashed", "dotted", "double", "groove", "ridge", "inset", "outset":
            warnings.add("border-style '\(word)' drawn as solid")
            return true
        default: return nil
        }
    }

    private mutating func applyRadius(_ name: String, items: [CSSComponent], to style: inout ComputedStyle, context: LengthContext) -> Outcome {
        let corners = ["border-top-left-radius", "border-top-right-radius", "border-bottom-right-radius", "border-bottom-left-radius"]
        // Elliptical radii (`a / b`) keep the horizontal values: corners are circular in this version.
        let horizontal = items.split(separator: .slash, omittingEmptySubsequences: false).first.map(Array.init) ?? []
        let values = horizontal.map { ValueParser.nonNegativeLength([$0], context: context, allowAuto: false) }
        if let corner = corners.firstIndex(of: name) {
            guard let first = values.first, let radius = first else { return .invalid }
            style.borderRadius[corner] = radius
            return .applied
        }
        guard name == "border-radius", let expanded = expand(values, count: 4) else {
            return name == "border-radius" ? .invalid : .unknownProperty
        }
        style.borderRadius = expanded
        return .applied
    }
}
