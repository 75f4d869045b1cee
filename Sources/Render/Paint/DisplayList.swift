/// Drawing commands in paint order. The painter records them, then they are replayed onto a
/// canvas; tests read them to check stacking order without rasterizing.
final class DisplayList {
    enum Item {
        case fill(Rect, CornerRadii, Paint)
        case border(Rect, CornerRadii, EdgeWidths, Color)
        /// The paragraph of a laid-out box, drawn with its top-left corner at the point.
        case text(box: Int, origin: Point)
        case pushClip(Rect, CornerRadii)
        case popClip
    }

    private(set) var items: [Item] = []

    func append(_ item: Item) { items.append(item) }

    /// Draws every item onto `canvas`, taking paragraphs from `boxes`.
    func replay(on canvas: Canvas, boxes: [LayoutBox], text: TextEngine) {
        for item in items {
            switch item {
            case .fill(let rect, let radii, let paint):
                canvas.fill(rect, radii: radii, paint: paint)
            case .border(let rect, let radii, let widths, let color):
                canvas.strokeBorder(rect, radii: radii, widths: widths, color: color)
            case .text(let box, let origin):
                if let paragraph = boxes[box].paragraph { text.draw(paragraph, at: origin, on: canvas) }
            case .pushClip(let rect, let radii):
                canvas.pushClip(rect, radii: radii)
            case .popClip:
                canvas.popClip()
            }
        }
    }
}
