import Foundation

/// Radial, conic and repeating gradient layers: their geometry is resolved against the painted
/// rectangle here, so the canvas only sees pixels-space shaders.
extension Painter {
    /// Records the layers of `paint.backgroundLayers`, bottom layer first.
    func paintBackgroundLayers(_ layers: [BackgroundLayer], of index: Int, in rect: Rect, radii: CornerRadii) {
        let box = boxes[index]
        let style = box.style
        // Images and sized gradients are placed in the padding box (`background-origin`'s initial
        // value) and clipped to the border box; the canvas background uses the whole canvas.
        let origin = rect == box.frame ? box.paddingBox : rect
        for layer in layers.reversed() {
            if case .image(let reference) = layer {
                let paint = style.paint
                output.append(.backgroundImage(BackgroundImageItem(reference: reference, area: rect, origin: origin, radii: radii, size: paint.backgroundSize,
                                                                   position: paint.backgroundPosition, tiling: paint.backgroundRepeat,
                                                                   opacity: box.opacity)))
                continue
            }
            if let tiles = Self.gradientTiles(size: style.paint.backgroundSize, position: style.paint.backgroundPosition,
                                              tiling: style.paint.backgroundRepeat, origin: origin, clip: rect) {
                // A sized gradient is an image without intrinsic size: drawn per tile, cut to the box.
                output.append(.pushClip(rect, radii))
                for tile in tiles {
                    guard let paint = Self.paint(for: layer, in: tile, currentColor: style.color, opacity: box.opacity) else { continue }
                    output.append(.fill(tile, .zero, paint))
                }
                output.append(.popClip)
                continue
            }
            guard let paint = Self.paint(for: layer, in: rect, currentColor: style.color, opacity: box.opacity) else { continue }
            output.append(.fill(rect, radii, paint))
        }
    }

    /// Most tiles one sized gradient layer may draw, like `BackgroundImageItem`'s bound.
    static let maximumGradientTiles = 4096

    /// The tiles of a gradient layer with an explicit `background-size`, or nil when the size is
    /// `auto` (or `cover`/`contain`), where the gradient simply fills the box. A gradient has no
    /// intrinsic size, so an `auto` side takes the positioning area's (CSS Backgrounds 3 §3.9); the
    /// tile is placed by `background-position` and repeated along the axes `background-repeat` says.
    static func gradientTiles(size: ImagePlacement.Fit, position: PositionValue, tiling: BackgroundRepeat,
                              origin: Rect, clip: Rect) -> [Rect]? {
        guard case .size(let width, let height) = size, width != nil || height != nil else { return nil }
        let tileWidth = width?.resolve(origin.width) ?? origin.width
        let tileHeight = height?.resolve(origin.height) ?? origin.height
        guard tileWidth > 0, tileHeight > 0, tileWidth.isFinite, tileHeight.isFinite else { return [] }
        let corner = ImagePlacement.origin(of: (tileWidth, tileHeight), in: origin, position: position)
        func starts(from first: Double, step: Double, repeats: Bool, low: Double, high: Double) -> [Double] {
            guard repeats else { return [first] }
            var start = first - ((first - low) / step).rounded(.up) * step
            var values: [Double] = []
            while start < high && values.count <= maximumGradientTiles {
                values.append(start)
                start += step
            }
            return values
        }
        let xs = starts(from: corner.x, step: tileWidth, repeats: tiling.x, low: clip.x, high: clip.maxX)
        let ys = starts(from: corner.y, step: tileHeight, repeats: tiling.y, low: clip.y, high: clip.maxY)
        guard xs.count * ys.count <= maximumGradientTiles else { return [] }
        return ys.flatMap { y in xs.map { x in Rect(x: x, y: y, width: tileWidth, height: tileHeight) } }
            .filter { !$0.intersection(clip).isEmpty }
    }

    /// The canvas paint of one gradient layer over `rect`; nil when the layer paints nothing (a zero
    /// radius, an empty box) or is an image.
    static func paint(for layer: BackgroundLayer, in rect: Rect, currentColor: Color, opacity: Double) -> Paint? {
        guard !rect.isEmpty else { return nil }
        switch layer {
        case .linear(let gradient, let repeating):
            let angle = gradient.angle(width: rect.width, height: rect.height)
            guard let (geometry, length) = GradientShader.linearGeometry(angle: angle, box: rect) else { return nil }
            let stops = gradient.resolvedStops(lineLength: length, currentColor: currentColor, opacity: opacity)
            if !repeating { return .linearGradient(angle: angle, stops: stops) }
            return .gradient(geometry, stops: stops, repeating: true, lineLength: length)
        case .radial(let radial):
            let centerX = rect.x + (radial.position.x.resolve(rect.width) ?? rect.width / 2)
            let centerY = rect.y + (radial.position.y.resolve(rect.height) ?? rect.height / 2)
            guard let (rx, ry) = radii(of: radial, centerX: centerX - rect.x, centerY: centerY - rect.y, rect: rect),
                  rx > 0, ry > 0 else { return nil }
            // Stop lengths are along the gradient ray, which is as long as the horizontal radius.
            let stops = gradient(radial.stops).resolvedStops(lineLength: rx, currentColor: currentColor, opacity: opacity)
            return .gradient(.radial(centerX: centerX, centerY: centerY, radiusX: rx, radiusY: ry),
                             stops: stops, repeating: radial.repeating, lineLength: Swift.max(rx, ry))
        case .conic(let conic):
            let centerX = rect.x + (conic.position.x.resolve(rect.width) ?? rect.width / 2)
            let centerY = rect.y + (conic.position.y.resolve(rect.height) ?? rect.height / 2)
            // Positions are percentages of a turn, so any line length turns them into fractions.
            let stops = gradient(conic.stops).resolvedStops(lineLength: 1, currentColor: currentColor, opacity: opacity)
            let circumference = Double.pi * (rect.width + rect.height)
            return .gradient(.conic(centerX: centerX, centerY: centerY, startAngle: conic.startAngle * .pi / 180),
                             stops: stops, repeating: conic.repeating, lineLength: circumference)
        case .image:
            return nil
        }
    }

    private static func gradient(_ stops: [BackgroundGradient.Stop]) -> BackgroundGradient {
        BackgroundGradient(direction: .angle(180), stops: stops)
    }

    /// The ending shape's radii (CSS Images 3 §3.2.2) for a centre at (`centerX`, `centerY`) relative to `rect`.
    private static func radii(of radial: RadialGradientValue, centerX: Double, centerY: Double, rect: Rect) -> (Double, Double)? {
        let left = abs(centerX), right = abs(rect.width - centerX)
        let top = abs(centerY), bottom = abs(rect.height - centerY)
        let closestX = min(left, right), closestY = min(top, bottom)
        let farthestX = max(left, right), farthestY = max(top, bottom)
        switch radial.size {
        case .lengths(let x, let y):
            guard let rx = x.resolve(rect.width), let ry = y.resolve(rect.height) else { return nil }
            return radial.circle ? (rx, rx) : (rx, ry)
        case .closestSide:
            return radial.circle ? (min(closestX, closestY), min(closestX, closestY)) : (closestX, closestY)
        case .farthestSide:
            return radial.circle ? (max(farthestX, farthestY), max(farthestX, farthestY)) : (farthestX, farthestY)
        case .closestCorner, .farthestCorner:
            let corners = [(left, top), (right, top), (left, bottom), (right, bottom)]
            let distances = corners.map { ($0.0 * $0.0 + $0.1 * $0.1).squareRoot() }
            let pick = radial.size == .closestCorner ? distances.indices.min { distances[$0] < distances[$1] }!
                                                     : distances.indices.max { distances[$0] < distances[$1] }!
            if radial.circle { return (distances[pick], distances[pick]) }
            // The ellipse keeps the aspect ratio of the matching side-based ellipse and passes
            // through the corner: both radii grow by √2.
            let (sideX, sideY) = radial.size == .closestCorner ? (closestX, closestY) : (farthestX, farthestY)
            guard sideX > 0, sideY > 0 else { return (distances[pick], distances[pick]) }
            return (sideX * 2.0.squareRoot(), sideY * 2.0.squareRoot())
        }
    }
}
