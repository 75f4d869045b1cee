/// How long each stage of one render took: parse + style + layout, paint, encode.
public struct RenderTimings: Sendable, Equatable {
    public var layout: Duration
    public var paint: Duration
    public var encode: Duration

    public init(layout: Duration = .zero, paint: Duration = .zero, encode: Duration = .zero) {
        self.layout = layout
        self.paint = paint
        self.encode = encode
    }

    public var total: Duration { layout + paint + encode }
}
