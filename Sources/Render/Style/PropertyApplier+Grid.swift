/// `display: grid` companions: `justify-items`, `place-items`, `place-content`, `grid-template-columns`.
extension PropertyApplier {
    /// Applies a grid property; nil when `property` is not one.
    mutating func applyGridValue(_ property: PropertyID, _ value: [CSSComponent], keyword: String?, to style: inout ComputedStyle,
                                 context: LengthContext) -> Outcome? {
        // Computed only by the cases that use it: this function sees every declaration first, and most are
        // not grid properties.
        var words: [String] { value.withoutWhitespace.compactMap { item -> String? in
            if case .ident(let word) = item { return word.lowercased() }
            return nil
        } }
        switch property {
        case .justifyItems:
            guard let align = Self.gridAlign(keyword) else { return .invalid }
            style.grid.justifyItems = align
            return .applied
        case .placeItems:
            guard (1...2).contains(words.count), words.count == value.withoutWhitespace.count,
                  Self.gridAlign(words[0]) != nil, let inline = Self.gridAlign(words.last) else { return .invalid }
            guard applyValue(.alignItems, [.ident(words[0])], to: &style, context: context) == .applied else { return .invalid }
            style.grid.justifyItems = inline
            return .applied
        case .placeContent:
            guard (1...2).contains(words.count), words.count == value.withoutWhitespace.count,
                  applyValue(.alignContent, [.ident(words[0])], to: &style, context: context) == .applied,
                  applyValue(.justifyContent, [.ident(words.last!)], to: &style, context: context) == .applied else { return .invalid }
            return .applied
        case .gridTemplateColumns:
            if keyword == "none" {
                style.grid.columnCount = nil
                return .applied
            }
            guard let count = Self.equalFractionColumns(value.withoutWhitespace) else {
                warnings.add("grid-template-columns other than equal 1fr columns laid out as one column")
                style.grid.columnCount = nil
                return .applied
            }
            style.grid.columnCount = count
            return .applied
        default:
            return nil
        }
    }

    private static func gridAlign(_ word: String?) -> ComputedStyle.Align? {
        switch word {
        case "normal", "stretch", "legacy": .stretch
        case "start", "self-start", "flex-start", "left": .start
        case "end", "self-end", "flex-end", "right": .end
        case "center": .center
        case "baseline": .baseline
        default: nil
        }
    }

    /// The column count of `1fr 1fr …` or `repeat(n, 1fr)` (`minmax(0, 1fr)` too); nil for other tracks.
    private static func equalFractionColumns(_ items: [CSSComponent]) -> Int? {
        func isFraction(_ item: CSSComponent) -> Bool {
            switch item {
            case .dimension(1, let unit): return unit == "fr"
            case .function("minmax", let arguments):
                let parts = arguments.splitByCommas()
                return parts.count == 2 && parts[0] == [.number(0)] && parts[1].count == 1 && isFraction(parts[1][0])
            default: return false
            }
        }
        if items.count == 1, case .function("repeat", let arguments) = items[0] {
            let parts = arguments.splitByCommas()
            guard parts.count == 2, parts[0].count == 1, case .number(let count) = parts[0][0], count >= 1, count <= 64,
                  count == count.rounded(), parts[1].count == 1, isFraction(parts[1][0]) else { return nil }
            return Int(count)
        }
        guard !items.isEmpty, items.allSatisfy(isFraction) else { return nil }
        return items.count
    }
}
