/// Paint-only properties (shadows and other effects), parsed into `ComputedStyle.paint`.
extension PropertyApplier {
    /// Applies `name` if it is a paint property; nil hands it on to the other property parsers.
    mutating func applyPaintValue(_ property: PropertyID, _ value: [CSSComponent], to style: inout ComputedStyle,
                                  context: LengthContext) -> Outcome? {
        switch property {
        case .boxShadow:
            guard let shadows = ShadowValue.parseList(value, context: context, allowInsetAndSpread: true) else { return .invalid }
            style.paint.boxShadows = shadows
            return .applied
        case .textShadow:
            guard let shadows = ShadowValue.parseList(value, context: context, allowInsetAndSpread: false) else { return .invalid }
            style.paint.textShadows = shadows
            return .applied
        case .background, .backgroundImage:
            // Every background declaration replaces the layers of an earlier one; the shorthand
            // also resets the longhands it covers.
            style.paint.backgroundLayers = []
            if property == .background {
                let initial = PaintStyle()
                style.paint.backgroundSize = initial.backgroundSize
                style.paint.backgroundPosition = initial.backgroundPosition
                style.paint.backgroundRepeat = initial.backgroundRepeat
            }
            guard BackgroundLayer.needsLayers(value) else { return nil }
            return applyBackgroundLayers(property, value, to: &style, context: context)
        case .backgroundSize:
            guard let size = Self.imageSize(value.withoutWhitespace, context: context, keywords: ["contain": .contain, "cover": .cover]) else { return .invalid }
            style.paint.backgroundSize = size
            return .applied
        case .backgroundPosition, .objectPosition:
            guard let position = PositionValue.parse(value.withoutWhitespace, context: context) else { return .invalid }
            if property == .objectPosition { style.paint.objectPosition = position } else { style.paint.backgroundPosition = position }
            return .applied
        case .backgroundRepeat:
            guard let tiling = BackgroundRepeat.parse(Self.words(value.withoutWhitespace) ?? []) else { return .invalid }
            style.paint.backgroundRepeat = tiling
            return .applied
        case .filter:
            guard let filter = FilterValue.parse(value, context: context) else { return .invalid }
            style.paint.filter = filter
            return .applied
        case .transform:
            guard let transform = TransformValue.parse(value, context: context) else { return .invalid }
            style.paint.transform = transform
            return .applied
        case .transformOrigin:
            // A third (z) value does not matter in 2D.
            let items = value.withoutWhitespace
            guard let origin = PositionValue.parse(Array(items.prefix(2)), context: context), items.count <= 3 else { return .invalid }
            style.paint.transformOrigin = origin
            return .applied
        case .mixBlendMode:
            let modes: [String: LayerEffects.BlendMode] = ["normal": .normal, "multiply": .multiply, "screen": .screen,
                                                           "darken": .darken, "lighten": .lighten]
            guard let word = Self.words(value.withoutWhitespace)?.first, let mode = modes[word] else { return .invalid }
            style.paint.blendMode = mode
            return .applied
        case .objectFit:
            let fits: [String: ImagePlacement.Fit] = ["fill": .fill, "contain": .contain, "cover": .cover, "none": .none, "scale-down": .scaleDown]
            guard let word = Self.words(value.withoutWhitespace)?.first, value.withoutWhitespace.count == 1, let fit = fits[word] else { return .invalid }
            style.paint.objectFit = fit
            return .applied
        default:
            return nil
        }
    }

    /// The lowercased identifiers of `items`, or nil when one is not an identifier.
    static func words(_ items: [CSSComponent]) -> [String]? {
        var words: [String] = []
        for item in items {
            guard case .ident(let word) = item else { return nil }
            words.append(word.lowercased())
        }
        return words
    }

    /// `background-size`: one of `keywords`, or one or two lengths / `auto`.
    static func imageSize(_ items: [CSSComponent], context: LengthContext, keywords: [String: ImagePlacement.Fit]) -> ImagePlacement.Fit? {
        if items.count == 1, let word = words(items)?.first, let fit = keywords[word] { return fit }
        guard (1...2).contains(items.count) else { return nil }
        var sides: [Length?] = []
        for item in items {
            if case .ident(let word) = item, word.lowercased() == "auto" {
                sides.append(nil)
            } else if let length = ValueParser.length(item, context: context, allowAuto: false) {
                sides.append(length)
            } else {
                return nil
            }
        }
        return .size(sides[0], sides.count > 1 ? sides[1] : nil)
    }

    /// Reads `<position> [/ <size>]` and repeat keywords of a shorthand layer into the longhands;
    /// false when they do not parse.
    private mutating func applyBackgroundPlacement(_ layer: [CSSComponent], to style: inout ComputedStyle, context: LengthContext) -> Bool {
        var positionItems: [CSSComponent] = []
        var sizeItems: [CSSComponent] = []
        var repeatWords: [String] = []
        var afterSlash = false
        for item in layer {
            if item == .slash { afterSlash = true; continue }
            if case .ident(let word) = item, ["repeat", "no-repeat", "repeat-x", "repeat-y", "space", "round"].contains(word.lowercased()) {
                repeatWords.append(word.lowercased())
            } else if afterSlash {
                sizeItems.append(item)
            } else {
                positionItems.append(item)
            }
        }
        var understood = true
        if !positionItems.isEmpty {
            if let position = PositionValue.parse(positionItems, context: context) { style.paint.backgroundPosition = position } else { understood = false }
        }
        if !sizeItems.isEmpty {
            if let size = Self.imageSize(sizeItems, context: context, keywords: ["contain": .contain, "cover": .cover]) {
                style.paint.backgroundSize = size
            } else { understood = false }
        }
        if !repeatWords.isEmpty {
            if let tiling = BackgroundRepeat.parse(repeatWords) { style.paint.backgroundRepeat = tiling } else { understood = false }
        }
        return understood
    }

    /// A background with radial, conic or repeating gradients: every layer goes to
    /// `paint.backgroundLayers`; linear ones also to `backgroundGradients`, which decides whether the
    /// root's background propagates to the canvas.
    private mutating func applyBackgroundLayers(_ property: PropertyID, _ value: [CSSComponent], to style: inout ComputedStyle,
                                                context: LengthContext) -> Outcome {
        var layers: [BackgroundLayer] = []
        var color: ColorValue?
        let groups = value.splitByCommas()
        for (index, group) in groups.enumerated() {
            var placement: [CSSComponent] = []
            for item in group.withoutWhitespace {
                if let layer = BackgroundLayer.parse(item, context: context) {
                    layers.append(layer)
                } else if property == .background, index == groups.count - 1, color == nil, let parsed = ColorParser.parse(item) {
                    color = parsed
                } else if case .ident(let word) = item, word.lowercased() == "none" {
                    continue
                } else if case .function(let function, _) = item, function.lowercased().hasSuffix("gradient") || function.lowercased() == "url" {
                    return .invalid
                } else {
                    placement.append(item)
                }
            }
            if !placement.isEmpty, !(property == .background && applyBackgroundPlacement(placement, to: &style, context: context)) {
                warnings.add("unsupported background value in '\(property.name)'")
            }
        }
        style.paint.backgroundLayers = layers
        style.backgroundGradients = layers.compactMap { layer in
            if case .linear(let gradient, false) = layer { return gradient }
            return nil
        }
        if property == .background { style.backgroundColor = color ?? .color(.transparent) }
        return .applied
    }
}
