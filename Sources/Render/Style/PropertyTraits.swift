/// What the cascade needs to know about a property name, worked out once per declaration instead of by
/// string comparisons and set lookups every time the declaration is applied to an element.
///
/// The sets and tables these traits come from (`PropertyApplier.early`, `ignored`, `logicalProperties`,
/// `textFeatureProperties`, `isInherited`) stay the definitions; `PropertyTraitsTests` checks that every
/// name in them maps to the same answers here.
struct PropertyTraits: Sendable, Equatable {
    /// A custom property (`--name`).
    var isCustom = false
    /// Applied before the other properties of an element, because their values depend on it.
    var isEarly = false
    /// Recognized and deliberately ignored.
    var isIgnored = false
    /// Parsed by `PropertyApplier.applyTextFeature` into `TextFeatures`.
    var isTextFeature = false
    /// Inherited when a declaration of it is invalid at computed-value time or `unset`.
    var isInherited = false
    /// The physical properties a logical one maps to (CSS Logical 1 §4), else nil.
    var logical: [String]?

    /// The traits of `name` from the definitions themselves. Declarations are made when sheets are
    /// parsed, and parses are kept, so this runs about once per declaration per process.
    static func of(_ name: String) -> PropertyTraits {
        PropertyTraits(isCustom: name.hasPrefix("--"), isEarly: PropertyApplier.early.contains(name),
                       isIgnored: PropertyApplier.ignored.contains(name),
                       isTextFeature: PropertyApplier.textFeatureProperties.contains(name),
                       isInherited: PropertyApplier.isInherited(name), logical: PropertyApplier.logicalProperties[name])
    }
}
