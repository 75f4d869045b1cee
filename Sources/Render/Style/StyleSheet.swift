/// One `name: value` pair from a rule or a `style` attribute.
///
/// Besides the text, a declaration carries what the cascade asks of it on every element it applies to,
/// worked out once when it is made: the traits of its property name and, for a value without `var()`,
/// the parsed value. Parsed sheets and `style` attributes are kept process-wide, so this work is done
/// once per sheet rather than once per element per render.
///
/// A final class of constants rather than a struct: the cascade copies every matching declaration into
/// its list for each element and sorts that list, and a struct this size cost a dozen retains and
/// releases per copy; a reference costs one. Immutable (every member a `let` of a Sendable type), so
/// it is Sendable and behaves as a value.
final class Declaration: Sendable, Equatable {
    /// Lowercased, except custom properties (`--brand`), which are case-sensitive.
    let name: String
    /// The value as written, trimmed, without `!important`.
    let value: String
    let important: Bool
    /// How the cascade treats `name` (see `PropertyTraits`).
    let traits: PropertyTraits
    /// `name` as a `PropertyID`, nil for names the applier does not list (custom properties among them).
    let property: PropertyID?
    /// Whether `value` contains a `var()` reference, so must be substituted per element.
    let mentionsVar: Bool
    /// `value` parsed into components, when it is the same for every element: no `var()` in it and not
    /// a custom property (whose values are never parsed). nil otherwise.
    let components: [CSSComponent]?
    /// `PropertyApplier.wideKeywordCandidate(value)`, which does not depend on the element.
    let wideKeyword: String
    /// `wideKeyword` as a `CSSWideKeyword`, nil when it is none.
    let cssWideKeyword: CSSWideKeyword?

    init(name: String, value: String, important: Bool) {
        self.name = name
        self.value = value
        self.important = important
        traits = PropertyTraits.of(name)
        property = PropertyID(rawValue: name)
        mentionsVar = VariableSubstitution.mentionsVar(value)
        components = mentionsVar || traits.isCustom ? nil : CSSComponent.parse(value)
        wideKeyword = PropertyApplier.wideKeywordCandidate(value)
        cssWideKeyword = CSSWideKeyword(candidate: wideKeyword)
    }

    // The derived members follow from these three.
    static func == (lhs: Declaration, rhs: Declaration) -> Bool {
        lhs.name == rhs.name && lhs.value == rhs.value && lhs.important == rhs.important
    }
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
