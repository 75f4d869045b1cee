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

    mutating func applyListValue(_ name: String, _ value: [CSSComponent], to style: inout ComputedStyle) -> Outcome? {
        guard name == "list-style" || name == "list-style-type" || name == "list-style-position" else { return nil }
        let parts = value.filter { $0 != .whitespace }
        let words = parts.compactMap { component -> String? in
            if case .ident(let word) = component { return word.lowercased() }
            return nil
        }
        guard words.count == parts.count, !words.isEmpty else {
            // `list-style-image: url()` and string markers are not drawn.
            return name == "list-style" ? .applied : .invalid
        }
        var list = style.list
        for word in words {
            if let position = ["outside": ListStyle.Position.outside, "inside": .inside][word], name != "list-style-type" {
                list.position = position
            } else if name != "list-style-position", let type = listType(word) {
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
