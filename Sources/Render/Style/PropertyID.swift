/// The properties `PropertyApplier` understands, so it dispatches on an enum case instead of comparing
/// the name against each `case "…"` label in turn. Swift matches a `switch` over `String` one literal at
/// a time, and with a hundred-odd labels that showed up as string comparisons in styling profiles.
///
/// A declaration looks its name up once when it is made (`Declaration.property`); names not listed here
/// (unknown properties, unusual `border-…` spellings that `borderTarget(of:)` still accepts) keep nil
/// and take the name-based paths. The raw value is the property name exactly as stylesheets spell it.
enum PropertyID: String, CaseIterable, Sendable {
    case display
    case aspectRatio = "aspect-ratio"
    case content
    case verticalAlign = "vertical-align"
    case position
    case top
    case right
    case bottom
    case left
    case inset
    case width
    case height
    case minWidth = "min-width"
    case minHeight = "min-height"
    case maxWidth = "max-width"
    case maxHeight = "max-height"
    case margin
    case marginTop = "margin-top"
    case marginRight = "margin-right"
    case marginBottom = "margin-bottom"
    case marginLeft = "margin-left"
    case padding
    case paddingTop = "padding-top"
    case paddingRight = "padding-right"
    case paddingBottom = "padding-bottom"
    case paddingLeft = "padding-left"
    case boxSizing = "box-sizing"
    case overflow
    case overflowX = "overflow-x"
    case overflowY = "overflow-y"
    case zIndex = "z-index"
    case opacity
    case color
    case backgroundColor = "background-color"
    case background
    case backgroundImage = "background-image"
    case boxShadow = "box-shadow"
    case textShadow = "text-shadow"
    case backgroundSize = "background-size"
    case backgroundPosition = "background-position"
    case objectPosition = "object-position"
    case backgroundRepeat = "background-repeat"
    case filter
    case transform
    case transformOrigin = "transform-origin"
    case mixBlendMode = "mix-blend-mode"
    case objectFit = "object-fit"
    case justifyItems = "justify-items"
    case placeItems = "place-items"
    case placeContent = "place-content"
    case gridTemplateColumns = "grid-template-columns"
    case listStyle = "list-style"
    case listStyleType = "list-style-type"
    case listStylePosition = "list-style-position"
    case fontSize = "font-size"
    case fontFamily = "font-family"
    case fontWeight = "font-weight"
    case fontStyle = "font-style"
    case font
    case lineHeight = "line-height"
    case letterSpacing = "letter-spacing"
    case textAlign = "text-align"
    case whiteSpace = "white-space"
    case textTransform = "text-transform"
    case webkitLineClamp = "-webkit-line-clamp"
    case lineClamp = "line-clamp"
    case flexDirection = "flex-direction"
    case flexWrap = "flex-wrap"
    case flexFlow = "flex-flow"
    case justifyContent = "justify-content"
    case alignItems = "align-items"
    case alignSelf = "align-self"
    case flexGrow = "flex-grow"
    case flexShrink = "flex-shrink"
    case flexBasis = "flex-basis"
    case flex
    case alignContent = "align-content"
    case order
    case textOverflow = "text-overflow"
    case textDecoration = "text-decoration"
    case textDecorationLine = "text-decoration-line"
    case gap
    case gridGap = "grid-gap"
    case rowGap = "row-gap"
    case columnGap = "column-gap"
    case direction
    case wordBreak = "word-break"
    case overflowWrap = "overflow-wrap"
    case wordWrap = "word-wrap"
    case textIndent = "text-indent"
    case textWrap = "text-wrap"
    case textWrapStyle = "text-wrap-style"
    case hyphens
    case webkitHyphens = "-webkit-hyphens"
    case wordSpacing = "word-spacing"
    case webkitTextDecorationLine = "-webkit-text-decoration-line"
    case textDecorationColor = "text-decoration-color"
    case textDecorationThickness = "text-decoration-thickness"
    case textDecorationStyle = "text-decoration-style"
    case fontFeatureSettings = "font-feature-settings"
    case fontVariantNumeric = "font-variant-numeric"
    case border
    case borderWidth = "border-width"
    case borderStyle = "border-style"
    case borderColor = "border-color"
    case borderTop = "border-top"
    case borderTopWidth = "border-top-width"
    case borderTopStyle = "border-top-style"
    case borderTopColor = "border-top-color"
    case borderRight = "border-right"
    case borderRightWidth = "border-right-width"
    case borderRightStyle = "border-right-style"
    case borderRightColor = "border-right-color"
    case borderBottom = "border-bottom"
    case borderBottomWidth = "border-bottom-width"
    case borderBottomStyle = "border-bottom-style"
    case borderBottomColor = "border-bottom-color"
    case borderLeft = "border-left"
    case borderLeftWidth = "border-left-width"
    case borderLeftStyle = "border-left-style"
    case borderLeftColor = "border-left-color"
    case borderRadius = "border-radius"
    case borderTopLeftRadius = "border-top-left-radius"
    case borderTopRightRadius = "border-top-right-radius"
    case borderBottomRightRadius = "border-bottom-right-radius"
    case borderBottomLeftRadius = "border-bottom-left-radius"

    /// The property name (`rawValue`).
    var name: String { rawValue }

    /// A `border…` property: applied by `applyBorder` and copied by `copyBorder`.
    var isBorder: Bool {
        switch self {
        case .border, .borderWidth, .borderStyle, .borderColor,
             .borderTop, .borderTopWidth, .borderTopStyle, .borderTopColor,
             .borderRight, .borderRightWidth, .borderRightStyle, .borderRightColor,
             .borderBottom, .borderBottomWidth, .borderBottomStyle, .borderBottomColor,
             .borderLeft, .borderLeftWidth, .borderLeftStyle, .borderLeftColor,
             .borderRadius, .borderTopLeftRadius, .borderTopRightRadius, .borderBottomRightRadius, .borderBottomLeftRadius:
            return true
        default:
            return false
        }
    }
}
