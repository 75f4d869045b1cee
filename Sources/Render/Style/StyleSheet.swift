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
}

/// The rules of one origin (user agent or author), in source order.
struct StyleSheet: Sendable {
    var rules: [StyleRule] = []
}
