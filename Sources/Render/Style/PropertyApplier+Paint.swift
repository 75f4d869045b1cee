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
        case "background", "background-image":
            // Every background declaration replaces the layers of an earlier one.
            style.paint.backgroundLayers = []
            guard BackgroundLayer.needsLayers(value) else { return nil }
            return applyBackgroundLayers(name, value, to: &style, context: context)
        default:
            return nil
        }
    }

    /// A background with radial, conic or repeating gradients: every layer goes to
    /// `paint.backgroundLayers`; linear ones also to `backgroundGradients`, which decides whether the
    /// root's background propagates to the canvas.
    private mutating func applyBackgroundLayers(_ name: String, _ value: [CSSComponent], to style: inout ComputedStyle,
                                                context: LengthContext) -> Outcome {
        var layers: [BackgroundLayer] = []
        var color: ColorValue?
        let groups = value.splitByCommas()
        for (index, group) in groups.enumerated() {
            for item in group.withoutWhitespace {
                if let layer = BackgroundLayer.parse(item, context: context) {
                    layers.append(layer)
                } else if name == "background", index == groups.count - 1, color == nil, let parsed = ColorParser.parse(item) {
                    color = parsed
                } else if case .ident(let word) = item, word.lowercased() == "none" {
                    continue
                } else if case .function(let function, _) = item, function.lowercased().hasSuffix("gradient") {
                    return .invalid
                } else {
                    warnings.add("unsupported background value in '\(name)'")
                }
            }
        }
        style.paint.backgroundLayers = layers
        style.backgroundGradients = layers.compactMap { layer in
            if case .linear(let gradient, false) = layer { return gradient }
            return nil
        }
        if name == "background" { style.backgroundColor = color ?? .color(.transparent) }
        return .applied
    }
}
