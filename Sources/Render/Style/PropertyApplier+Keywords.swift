/// CSS-wide keywords (`inherit`, `initial`, `unset`): copy a property's computed value from another style.
extension PropertyApplier {
    /// Copies the computed value(s) `property` (spelled `name`) sets from `source`; a nil `property`
    /// is a name `PropertyID` does not list, of which only `border…` spellings set anything.
    func copy(_ property: PropertyID?, name: String, from source: ComputedStyle, to style: inout ComputedStyle) {
        guard let property else {
            if name.hasPrefix("border") { copyBorder(name, from: source, to: &style) }
            return
        }
        switch property {
        case .display: style.display = source.display; style.grid.isGrid = source.grid.isGrid; style.list.isListItem = source.list.isListItem
        case .listStyleType: style.list.type = source.list.type
        case .listStylePosition: style.list.position = source.list.position
        case .listStyle: style.list.type = source.list.type; style.list.position = source.list.position
        case .justifyItems: style.grid.justifyItems = source.grid.justifyItems
        case .gridTemplateColumns: style.grid.columnCount = source.grid.columnCount
        case .verticalAlign: style.verticalAlign = source.verticalAlign
        case .content: style.content = source.content
        case .aspectRatio: style.aspectRatio = source.aspectRatio
        case .position: style.position = source.position
        case .top: style.inset.top = source.inset.top
        case .right: style.inset.right = source.inset.right
        case .bottom: style.inset.bottom = source.inset.bottom
        case .left: style.inset.left = source.inset.left
        case .inset: style.inset = source.inset
        case .width: style.width = source.width; style.intrinsicWidth = source.intrinsicWidth
        case .height: style.height = source.height
        case .minWidth: style.minWidth = source.minWidth
        case .minHeight: style.minHeight = source.minHeight
        case .maxWidth: style.maxWidth = source.maxWidth
        case .maxHeight: style.maxHeight = source.maxHeight
        case .margin: style.margin = source.margin
        case .marginTop: style.margin.top = source.margin.top
        case .marginRight: style.margin.right = source.margin.right
        case .marginBottom: style.margin.bottom = source.margin.bottom
        case .marginLeft: style.margin.left = source.margin.left
        case .padding: style.padding = source.padding
        case .paddingTop: style.padding.top = source.padding.top
        case .paddingRight: style.padding.right = source.padding.right
        case .paddingBottom: style.padding.bottom = source.padding.bottom
        case .paddingLeft: style.padding.left = source.padding.left
        case .boxSizing: style.boxSizing = source.boxSizing
        case .overflow, .overflowX, .overflowY: style.overflowHidden = source.overflowHidden
        case .zIndex: style.zIndex = source.zIndex
        case .opacity: style.opacity = source.opacity
        case .color: style.color = source.color
        case .background, .backgroundColor, .backgroundImage:
            if property != .backgroundImage { style.backgroundColor = source.backgroundColor }
            if property != .backgroundColor { style.backgroundGradients = source.backgroundGradients }
        case .font:
            style.fontFamilies = source.fontFamilies; style.fontSize = source.fontSize
            style.fontWeight = source.fontWeight; style.italic = source.italic; style.lineHeight = source.lineHeight
        case .fontFamily: style.fontFamilies = source.fontFamilies
        case .fontSize: style.fontSize = source.fontSize
        case .fontWeight: style.fontWeight = source.fontWeight
        case .fontStyle: style.italic = source.italic
        case .lineHeight: style.lineHeight = source.lineHeight
        case .letterSpacing: style.letterSpacing = source.letterSpacing
        case .textAlign: style.textAlign = source.textAlign
        case .whiteSpace: style.whiteSpace = source.whiteSpace
        case .textTransform: style.textTransform = source.textTransform
        case .webkitLineClamp, .lineClamp: style.lineClamp = source.lineClamp
        case .flexDirection: style.flexDirection = source.flexDirection
        case .flexWrap: style.flexWrap = source.flexWrap
        case .flexFlow: style.flexDirection = source.flexDirection; style.flexWrap = source.flexWrap
        case .justifyContent: style.justifyContent = source.justifyContent
        case .alignContent: style.alignContent = source.alignContent
        case .order: style.order = source.order
        case .textOverflow: style.textOverflowEllipsis = source.textOverflowEllipsis
        case .alignItems: style.alignItems = source.alignItems
        case .alignSelf: style.alignSelf = source.alignSelf
        case .flex: style.flexGrow = source.flexGrow; style.flexShrink = source.flexShrink; style.flexBasis = source.flexBasis
        case .flexGrow: style.flexGrow = source.flexGrow
        case .flexShrink: style.flexShrink = source.flexShrink
        case .flexBasis: style.flexBasis = source.flexBasis
        case .gap: style.rowGap = source.rowGap; style.columnGap = source.columnGap
        case .rowGap: style.rowGap = source.rowGap
        case .columnGap: style.columnGap = source.columnGap
        default:
            if property.isBorder { copyBorder(name, from: source, to: &style) }
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
