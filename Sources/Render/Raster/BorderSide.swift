/// How one side of a border is drawn: its color and line style.
struct BorderSide: Sendable, Equatable {
    /// The `border-style` values that draw differently (CSS Backgrounds 3 §4.3). `groove`, `ridge`,
    /// `inset` and `outset` are drawn as `solid`.
    enum LineStyle: Sendable, Equatable {
        case solid, dashed, dotted, double
    }

    var color: Color
    var style: LineStyle
}
