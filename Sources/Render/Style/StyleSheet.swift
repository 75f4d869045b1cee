/// One `name: value` pair from a rule or a `style` attribute.
struct Declaration: Sendable, Equatable {
    /// Lowercased, except custom properties (`--brand`), which are case-sensitive.
    var name: String
    /// The value as written, trimmed, without `!important`.
    var value: String
    var important: Bool
}

/// A style rule: selectors (already split at commas) and their declarations.
struct StyleRule: Sendable {
    var selectors: [Selector]
    var declarations: [Declaration]
    /// Cascade layer rank (CSS Cascade 5 §6.4): layers in order of first mention; unlayered rules last.
    var layer: Int = StyleRule.unlayered

    static let unlayered = Int.max
}

/// A custom property registered with `@property`.
struct RegisteredProperty: Sendable, Equatable {
    var initialValue: String?
    var inherits: Bool
}

/// The rules of one origin (user agent or author), in source order.
struct StyleSheet: Sendable {
    var rules: [StyleRule] = []
    /// Layer names in order of first mention; a rule's `layer` indexes this list.
    var layerNames: [String] = []
    var registeredProperties: [String: RegisteredProperty] = [:]

    /// The rank of a layer, registering it on first mention.
    mutating func layerRank(_ name: String) -> Int {
        if let index = layerNames.firstIndex(of: name) { return index }
        layerNames.append(name)
        return layerNames.count - 1
    }
}
