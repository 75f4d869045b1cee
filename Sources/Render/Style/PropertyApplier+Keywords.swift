/// CSS-wide keywords (`inherit`, `initial`, `unset`): copy a property's computed value from another style.
extension PropertyApplier {
    func copy(_ name: String, from source: ComputedStyle, to style: inout ComputedStyle) {
        switch name {
        case "display": style.display = source.display; style.grid.isGrid = source.grid.isGrid; style.list.isListItem = source.list.isListItem
        case "list-style-type": style.list.type = source.list.type
        case "list-style-position": style.list.position = source.list.position
        case "list-style": style.list.type = source.list.type; style.list.position = source.list.position
        case "justify-items": style.grid.justifyItems = source.grid.justifyItems
        case "grid-template-columns": style.grid.columnCount = source.grid.columnCount
        case "vertical-align": style.verticalAlign = source.verticalAlign
        case "content": style.content = source.content
        case "aspect-ratio": style.aspectRatio = source.aspectRatio
        case "position": style.position = source.position
        case "top": style.inset.top = source.inset.top
        case "right": style.inset.right = source.inset.right
        case "bottom": style.inset.bottom = source.inset.bottom
        case "left": style.inset.left = source.inset.left
        case "inset": style.inset = source.inset
        case "width": style.width = source.width; style.intrinsicWidth = source.intrinsicWidth
        case "height": style.height = source.height
        case "min-width": style.minWidth = source.minWidth
        case "min-height": style.minHeight = source.minHeight
        case "max-width": style.maxWidth = source.maxWidth
        case "max-height": style.maxHeight = source.maxHeight
        case "margin": style.margin = source.margin
        case "margin-top": style.margin.top = source.margin.top
        case "margin-right": style.margin.right = source.margin.right
        case "margin-bottom": style.margin.bottom = source.margin.bottom
        case "margin-left": style.margin.left = source.margin.left
        case "padding": style.padding = source.padding
        case "padding-top": style.padding.top = source.padding.top
        case "padding-right": style.padding.right = source.padding.right
        case "padding-bottom": style.padding.bottom = source.padding.bottom
        case "padding-left": style.padding.left = source.padding.left
        case "box-sizing": style.boxSizing = source.boxSizing
        case "overflow", "overflow-x", "overflow-y": style.overflowHidden = source.overflowHidden
        case "z-index": style.zIndex = source.zIndex
        case "opacity": style.opacity = source.opacity
        case "color": style.color = source.color
        case "background", "background-color", "background-image":
            if name != "background-image" { style.backgroundColor = source.backgroundColor }
            if name != "background-color" { style.backgroundGradients = source.backgroundGradients }
        case "font":
            style.fontFamilies = source.fontFamilies; style.fontSize = source.fontSize
            style.fontWeight = source.fontWeight; style.italic = source.italic; style.lineHeight = source.lineHeight
        case "font-family": style.fontFamilies = source.fontFamilies
        case "font-size": style.fontSize = source.fontSize
        case "font-weight": style.fontWeight = source.fontWeight
        case "font-style": style.italic = source.italic
        case "line-height": style.lineHeight = source.lineHeight
        case "letter-spacing": style.letterSpacing = source.letterSpacing
        case "text-align": style.textAlign = source.textAlign
        case "white-space": style.whiteSpace = source.whiteSpace
        case "text-transform": style.textTransform = source.textTransform
        case "-webkit-line-clamp", "line-clamp": style.lineClamp = source.lineClamp
        case "flex-direction": style.flexDirection = source.flexDirection
        case "flex-wrap": style.flexWrap = source.flexWrap
        case "flex-flow": style.flexDirection = source.flexDirection; style.flexWrap = source.flexWrap
        case "justify-content": style.justifyContent = source.justifyContent
        case "align-content": style.alignContent = source.alignContent
        case "order": style.order = source.order
        case "text-overflow": style.textOverflowEllipsis = source.textOverflowEllipsis
        case "align-items": style.alignItems = source.alignItems
        case "align-self": style.alignSelf = source.alignSelf
        case "flex": style.flexGrow = source.flexGrow; style.flexShrink = source.flexShrink; style.flexBasis = source.flexBasis
        case "flex-grow": style.flexGrow = source.flexGrow
        case "flex-shrink": style.flexShrink = source.flexShrink
        case "flex-basis": style.flexBasis = source.flexBasis
        case "gap": style.rowGap = source.rowGap; style.columnGap = source.columnGap
        case "row-gap": style.rowGap = source.rowGap
        case "column-gap": style.columnGap = source.columnGap
        default:
            if name.hasPrefix("border") { copyBorder(name, from: source, to: &style) }
        }
    }

    /// Copies what a border property names: its sides (all, or one) and its parts (width, style,
    /// colour, or all three), or the radii.
    private func copyBorder(_ name: String, from source: ComputedStyle, to style: inout ComputedStyle) {
        if name.hasSuffix("radius") {
            style.borderRadius = source.borderRadius
            return
        }
        let parts = name.split(separator: "-").dropFirst().map(String.init)
        let sides: [WritableKeyPath<ComputedStyle.Sides<Double>, Double>] = [\.top, \.right, \.bottom, \.left]
        let solids: [WritableKeyPath<ComputedStyle.Sides<Bool>, Bool>] = [\.top, \.right, \.bottom, \.left]
        let colors: [WritableKeyPath<ComputedStyle.Sides<ColorValue>, ColorValue>] = [\.top, \.right, \.bottom, \.left]
        let named = ["top", "right", "bottom", "left"].indices.filter { parts.contains(["top", "right", "bottom", "left"][$0]) }
        let targets = named.isEmpty ? Array(0..<4) : named
        let what = parts.first { ["width", "style", "color"].contains($0) }
        for side in targets {
            if what == nil || what == "width" { style.borderWidth[keyPath: sides[side]] = source.borderWidth[keyPath: sides[side]] }
            if what == nil || what == "style" { style.borderSolid[keyPath: solids[side]] = source.borderSolid[keyPath: solids[side]] }
            if what == nil || what == "color" { style.borderColor[keyPath: colors[side]] = source.borderColor[keyPath: colors[side]] }
        }
    }
}
