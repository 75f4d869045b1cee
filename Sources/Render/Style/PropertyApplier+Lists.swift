/// `list-style`, `list-style-type` and `list-style-position` (CSS Lists 3 §3.1–3.3). Images are not
/// drawn, and the counter styles beyond the common five fall back to `disc`/`decimal` with a warning.
extension PropertyApplier {
    static let listStyleTypes: [String: ListStyle.Kind] = [
        "disc": .disc, "circle": .circle, "square": .square, "decimal": .decimal, "none": .none,
    ]
    static let orderedFallbacks: Set<String> = [
        "decimal-leading-zero", "lower-roman", "upper-roman", "lower-alpha", "upper-alpha", "lower-latin", "upper-latin",
        "lower-greek",
    ]

    mutating func applyListValue(_ property: PropertyID, _ value: [CSSComponent], to style: inout ComputedStyle) -> Outcome? {
        guard property == .listStyle || property == .listStyleType || property == .listStylePosition else { return nil }
        let parts = value.filter { $0 != .whitespace }
        let words = parts.compactMap { component -> String? in
            if case .ident(let word) = component { return word.lowercased() }
            return nil
        }
        guard words.count == parts.count, !words.isEmpty else {
            // `list-style-image: url()` and string markers are not drawn.
            return property == .listStyle ? .applied : .invalid
        }
        var list = style.list
        for word in words {
            if let position = ["outside": ListStyle.Position.outside, "inside": .inside][word], property != .listStyleType {
                list.position = position
            } else if property != .listStylePosition, let type = listType(word) {
                list.type = type
            } else {
                return .invalid
            }
        }
        style.list = list
        return .applied
    }

    private mutating func listType(_ word: String) -> ListStyle.Kind? {
        if let type = Self.listStyleTypes[word] { return type }
        if Self.orderedFallbacks.contains(word) {
            warnings.add("list-style-type '\(word)' is drawn as decimal")
            return .decimal
        }
        return nil
    }
}
