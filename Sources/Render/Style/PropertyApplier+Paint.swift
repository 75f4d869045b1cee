/// Paint-only properties (shadows and other effects), parsed into `ComputedStyle.paint`.
extension PropertyApplier {
    /// Applies `name` if it is a paint property; nil hands it on to the other property parsers.
    mutating func applyPaintValue(_ name: String, _ value: [CSSComponent], to style: inout ComputedStyle,
                                  context: LengthContext) -> Outcome? {
        switch name {
        case "box-shadow":
            guard let shadows = ShadowValue.parseList(value, context: context, allowInsetAndSpread: true) else { return .invalid }
            style.paint.boxShadows = shadows
            return .applied
        case "text-shadow":
            guard let shadows = ShadowValue.parseList(value, context: context, allowInsetAndSpread: false) else { return .invalid }
            style.paint.textShadows = shadows
            return .applied
        default:
            return nil
        }
    }
}
