extension BackgroundImageItem {
    /// Draws an inline `<svg>` as a replaced element's picture: its viewport sized by `object-fit`
    /// (by default the whole content box) and placed by `object-position`, then rasterized
    /// straight onto the canvas, so it is sharp at any size and position.
    func draw(_ svg: SVGImage, on canvas: Canvas) {
        let natural = svg.naturalSize
        let viewport = ImagePlacement.size(width: natural.width, height: natural.height, fit: size,
                                           box: (origin.width, origin.height))
        guard viewport.width > 0, viewport.height > 0, !area.isEmpty else { return }
        let corner: Point = ImagePlacement.origin(of: viewport, in: origin, position: position)
        canvas.pushClip(area, radii: radii)
        svg.draw(into: Rect(x: corner.x, y: corner.y, width: viewport.width, height: viewport.height), on: canvas, opacity: opacity)
        canvas.popClip()
    }
}
