import Foundation

/// Radial, conic and repeating gradient layers: their geometry is resolved against the painted
/// rectangle here, so the canvas only sees pixels-space shaders.
extension Painter {
    /// Records the layers of `paint.backgroundLayers`, bottom layer first.
    func paintBackgroundLayers(_ layers: [BackgroundLayer], of index: Int, in rect: Rect, radii: CornerRadii) {
        let box = boxes[index]
        let style = box.style
        for layer in layers.reversed() {
            if case .image(let reference) = layer {
                let paint = style.paint
                // Images are sized and placed in the padding box (`background-origin`'s initial
                // value) and clipped to the border box; the canvas background uses the whole canvas.
                let origin = rect == box.frame ? box.paddingBox : rect
                output.append(.backgroundImage(BackgroundImageItem(reference: reference, area: rect, origin: origin, radii: radii, size: paint.backgroundSize,
                                                                   position: paint.backgroundPosition, tiling: paint.backgroundRepeat,
                                                                   opacity: box.opacity)))
                continue
            }
            guard let paint = Self.paint(for: layer, in: rect, currentColor: style.color, opacity: box.opacity) else { continue }
            output.append(.fill(rect, radii, paint))
        }
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
