/// Drawing commands in paint order. The painter records them, then they are replayed onto a
/// canvas; tests read them to check stacking order without rasterizing.
final class DisplayList {
    enum Item {
        case fill(Rect, CornerRadii, Paint)
        case border(Rect, CornerRadii, EdgeWidths, Color)
        /// A border whose sides differ in color or style (top, right, bottom, left).
        case borderSides(Rect, CornerRadii, EdgeWidths, [BorderSide])
        /// The paragraph of a laid-out box, drawn with its top-left corner at the point.
        case text(box: Int, origin: Point)
        case pushClip(Rect, CornerRadii)
        case popClip
        /// A box shadow of the box with this border box and padding box.
        case boxShadow(BoxShadowPaint, border: Rect, radii: CornerRadii, padding: Rect, paddingRadii: CornerRadii)
        /// A shadow of the paragraph of a laid-out box drawn at `origin`.
        case textShadow(box: Int, origin: Point, shadow: BoxShadowPaint)
        /// A `background-image: url()` layer.
        case backgroundImage(BackgroundImageItem)
        /// Starts an offscreen layer; everything up to the matching `endLayer` draws into it.
        case beginLayer
        /// Composites the innermost layer with these effects.
        case endLayer(LayerEffects)
    }

    private(set) var items: [Item] = []

    /// Appends `item`. A fill that covers every pixel of the fill before it with opaque paint takes
    /// its place, since the earlier one could never show: fills composite source-over, and the clip
    /// and layer cannot change between neighbouring items. The usual case is the canvas's white
    /// under an opaque page background, a whole canvas of pixels written for nothing.
    func append(_ item: Item) {
        if case .fill(let rect, let radii, let paint) = item, radii.isZero, paint.coversOpaquely,
           case .fill(let hidden, _, _)? = items.last, rect.coversPixels(of: hidden) {
            items.removeLast()
        }
        items.append(item)
    }

    /// Closes the opacity group begun by the `.beginLayer` at `start` without a layer when fading
    /// what it holds item by item paints the same: the group is empty, or it holds one fill or
    /// one-color border, whose colors then take `opacity` (a single shape cannot show through
    /// itself, so the group's fade and the shape's are one). Returns false, changing nothing,
    /// when the group needs its layer; the caller then ends it.
    func foldOpacityGroup(beganAt start: Int, opacity: Double) -> Bool {
        guard start < items.count, case .beginLayer = items[start] else { return false }
        switch items.count - start - 1 {
        case 0:
            items.removeLast()
            return true
        case 1:
            guard let faded = items[start + 1].faded(by: opacity) else { return false }
            items.removeLast(2)
            items.append(faded)
            return true
        default:
            return false
        }
    }

    /// Draws every item onto `canvas`, taking paragraphs from `boxes` and images from `images`.
    /// - Throws: `RenderError.invalidInput` when an image cannot be loaded.
    /// Checks `deadline` before every item, so one slow document cannot hold a worker past it.
    func replay(on canvas: Canvas, boxes: [LayoutBox], text: TextEngine, images: ImageCache,
                deadline: RenderDeadline? = nil) throws {
        // A canvas made without clearing must be cleared before the first item, unless that is a
        // fill: a fill clears it itself when it does not write every pixel.
        if case .fill? = items.first {} else { canvas.clearIfUncleared() }
        for item in items {
            try deadline?.check()
            switch item {
            case .fill(let rect, let radii, let paint):
                canvas.fill(rect, radii: radii, paint: paint)
            case .border(let rect, let radii, let widths, let color):
                canvas.strokeBorder(rect, radii: radii, widths: widths, color: color)
            case .borderSides(let rect, let radii, let widths, let sides):
                canvas.strokeBorder(rect, radii: radii, widths: widths, sides: sides)
            case .text(let box, let origin):
                if let paragraph = boxes[box].paragraph { text.draw(paragraph, at: origin, on: canvas) }
            case .pushClip(let rect, let radii):
                canvas.pushClip(rect, radii: radii)
            case .popClip:
                canvas.popClip()
            case .boxShadow(let shadow, let border, let radii, let padding, let paddingRadii):
                canvas.drawBoxShadow(shadow, border: border, radii: radii, padding: padding, paddingRadii: paddingRadii)
            case .textShadow(let box, let origin, let shadow):
                guard let paragraph = boxes[box].paragraph else { continue }
                TextShadowRenderer.draw(paragraph, at: origin, bounds: boxes[box].frame, shadow: shadow, text: text, on: canvas)
            case .backgroundImage(let item):
                // Most documents have no inline SVG; the lookup would hash a whole data URI.
                if !images.vectorImages.isEmpty, let svg = images.vectorImages[item.reference] {
                    item.draw(svg, on: canvas)  // BackgroundImageItem+SVG.swift
                } else {
                    let image: DecodedImage = try images.image(item.reference)
                    item.draw(image, on: canvas) { images.scaled(image, of: item.reference, into: $0) }
                }
            case .beginLayer:
                canvas.pushLayer()
            case .endLayer(let effects):
                canvas.popLayer(effects)
            }
        }
    }
}

extension DisplayList.Item {
    /// This item with every color's alpha multiplied by `opacity`, for the items whose pixels are
    /// one shape in one paint; nil for the others (text, shadows, images, clips, layers, and
    /// borders whose sides are drawn one by one and overlap at their joins).
    func faded(by opacity: Double) -> DisplayList.Item? {
        switch self {
        case .fill(let rect, let radii, let paint):
            return .fill(rect, radii, paint.faded(by: opacity))
        case .border(let rect, let radii, let widths, let color):
            return .border(rect, radii, widths, color.faded(by: opacity))
        default:
            return nil
        }
    }
}
