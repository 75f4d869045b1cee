/// The computed values of the properties the engine supports, for one element or anonymous box.
/// Initial values follow CSS; the user-agent stylesheet supplies element defaults.
struct ComputedStyle: Sendable {
    enum Display: Sendable, Equatable { case block, inline, inlineBlock, flex, inlineFlex, none }
    enum Position: Sendable, Equatable { case `static`, relative, absolute }
    enum BoxSizing: Sendable, Equatable { case contentBox, borderBox }
    enum TextTransform: Sendable, Equatable { case none, uppercase, lowercase, capitalize }
    enum FlexDirection: Sendable, Equatable { case row, rowReverse, column, columnReverse }
    enum FlexWrap: Sendable, Equatable { case nowrap, wrap, wrapReverse }
    enum Justify: Sendable, Equatable { case start, end, center, spaceBetween, spaceAround, spaceEvenly }
    enum Align: Sendable, Equatable { case auto, stretch, start, end, center, baseline }
    enum AlignContent: Sendable, Equatable { case stretch, start, end, center, spaceBetween, spaceAround, spaceEvenly }

    struct Sides<Value: Sendable & Equatable>: Sendable, Equatable {
        var top: Value, right: Value, bottom: Value, left: Value
        init(_ value: Value) { top = value; right = value; bottom = value; left = value }
        init(top: Value, right: Value, bottom: Value, left: Value) {
            self.top = top; self.right = right; self.bottom = bottom; self.left = left
        }
    }

    // Box
    var display: Display = .inline
    var position: Position = .static
    var inset = Sides<Length>(.auto)
    var width: Length = .auto
    var height: Length = .auto
    var minWidth: Length = .auto
    var minHeight: Length = .auto
    /// nil is `none`.
    var maxWidth: Length?
    var maxHeight: Length?
    var margin = Sides<Length>(.zero)
    var padding = Sides<Length>(.zero)
    var borderWidth = Sides<Double>(3)
    var borderSolid = Sides<Bool>(false)
    var borderColor = Sides<ColorValue>(.currentColor)
    /// Corner radii: top-left, top-right, bottom-right, bottom-left.
    var borderRadius = [Length](repeating: .zero, count: 4)
    var boxSizing: BoxSizing = .contentBox
    var overflowHidden = false
    var zIndex: Int?
    var opacity: Double = 1

    // Background
    var backgroundColor: ColorValue = .color(.transparent)
    /// Layers, topmost first.
    var backgroundGradients: [BackgroundGradient] = []

    // Flex
    var flexDirection: FlexDirection = .row
    var flexWrap: FlexWrap = .nowrap
    var justifyContent: Justify = .start
    var alignItems: Align = .stretch
    var alignSelf: Align = .auto
    var flexGrow: Double = 0
    var flexShrink: Double = 1
    var flexBasis: Length = .auto
    var alignContent: AlignContent = .stretch
    /// `order`: flex items are laid out in ascending order, ties in document order.
    var order = 0
    var rowGap: Length = .zero
    var columnGap: Length = .zero

    // Text (inherited)
    var color = Color.black
    var fontFamilies = ["serif"]
    var fontSize: Double = 16
    var fontWeight = 400
    var italic = false
    var lineHeight = LineHeight.normal
    var letterSpacing: Double = 0
    var textAlign = TextAlign.left
    var whiteSpace = WhiteSpace.normal
    var textTransform = TextTransform.none
    /// `-webkit-line-clamp` (not inherited).
    var lineClamp: Int?
    /// `text-overflow: ellipsis` (not inherited).
    var textOverflowEllipsis = false
    /// Custom properties (`--name`), inherited, values unsubstituted.
    var customProperties: [String: String] = [:]
    var textFeatures = TextFeatures()
    /// `display: grid` and its properties (not inherited); see GridStyle.swift.
    var grid = GridStyle()
    /// `aspect-ratio` as width over height (not inherited); nil for `auto`.
    var aspectRatio: Double?
    /// `content` of a `::before`/`::after` box (not inherited); nil generates no box.
    var content: [ContentPart]?
    /// `width: min-content | max-content | fit-content` (CSS Sizing 3 §3.2); `width` is auto then.
    var intrinsicWidth: IntrinsicWidth?

    enum IntrinsicWidth: Sendable, Equatable { case minContent, maxContent, fitContent }

    /// `vertical-align` of an atomic inline on its line (not inherited).
    var verticalAlign = VerticalAlign.baseline

    /// The `vertical-align` keywords layout honours for atomic inlines (CSS 2.1 §10.8.1).
    enum VerticalAlign: Sendable, Equatable {
        case baseline, top, middle, bottom, textTop, textBottom
    }

    // Baseline shift of inline text (`vertical-align: sub | super | <length-percentage>`).
    /// This element's own shift of its text from the parent's baseline (not inherited); nil for the
    /// keywords that align atomic inlines instead.
    var baselineShiftValue: BaselineShift?
    /// The text's total shift above the baseline of its line, in px (down is negative): the shifts of
    /// every inline ancestor added up, resolved after the cascade by `resolveBaselineShift(parent:)`.
    var baselineShift = 0.0

    /// A `vertical-align` value that moves inline text off the baseline (CSS 2.1 §10.8.1).
    enum BaselineShift: Sendable, Equatable {
        case sub, `super`
        /// A length, or a percentage of the element's own `line-height`.
        case length(Length)
    }

    // Lists: see ListStyle.swift.
    var list = ListStyle()

    // Paint-only properties (shadows, effects): see PaintStyle.swift.
    var paint = PaintStyle()

    /// The inherited properties of `parent` on top of initial values: the starting point of an
    /// element's style before its own declarations apply.
    static func inheriting(from parent: ComputedStyle) -> ComputedStyle {
        var style = ComputedStyle()
        style.color = parent.color
        style.fontFamilies = parent.fontFamilies
        style.fontSize = parent.fontSize
        style.fontWeight = parent.fontWeight
        style.italic = parent.italic
        style.lineHeight = parent.lineHeight
        style.letterSpacing = parent.letterSpacing
        style.textAlign = parent.textAlign
        style.whiteSpace = parent.whiteSpace
        style.textTransform = parent.textTransform
        style.customProperties = parent.customProperties
        style.textFeatures = parent.textFeatures
        // Lists: the marker type and position inherit; being a list item does not.
        style.list.type = parent.list.type
        style.list.position = parent.list.position
        style.baselineShift = parent.baselineShift
        return style
    }

    /// Sets `baselineShift` once the element's declarations are applied: the parent's shift plus this
    /// element's own. Only inline boxes shift; a block or atomic inline starts new lines at zero.
    mutating func resolveBaselineShift(parent: ComputedStyle) {
        guard display == .inline else {
            baselineShift = 0
            return
        }
        var own = 0.0
        switch baselineShiftValue {
        case nil: break
        // Blink's values (InlineBoxState's ComputeBaselineShift): from the parent's font size.
        case .sub: own = -(parent.fontSize / 5 + 1)
        case .super: own = parent.fontSize / 3 + 1
        case .length(let length):
            // `normal` line height has no font metrics here; 1.2 is the usual ratio of text faces.
            let lineBox: Double
            switch lineHeight {
            case .normal: lineBox = fontSize * 1.2
            case .multiple(let factor): lineBox = factor * fontSize
            case .length(let px): lineBox = px
            }
            own = length.resolve(lineBox) ?? 0
        }
        baselineShift = parent.baselineShift + own
    }

    var isPositioned: Bool { position != .static }
    var isBlockLevel: Bool { display == .block || display == .flex }
    var isFlexContainer: Bool { display == .flex || display == .inlineFlex }

    /// Border widths after `border-style` (a side without a solid style has no width).
    var usedBorderWidths: EdgeWidths {
        EdgeWidths(top: borderSolid.top ? borderWidth.top : 0, right: borderSolid.right ? borderWidth.right : 0,
                   bottom: borderSolid.bottom ? borderWidth.bottom : 0, left: borderSolid.left ? borderWidth.left : 0)
    }

    var font: FontSpec { FontSpec(families: fontFamilies, size: fontSize, weight: fontWeight, italic: italic) }

    func resolve(_ value: ColorValue) -> Color {
        switch value {
        case .color(let color): return color
        case .currentColor: return color
        }
    }
}
