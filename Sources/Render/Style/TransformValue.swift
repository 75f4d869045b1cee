import Foundation

/// A specified CSS `transform` list (CSS Transforms 1 §7, 2D functions); translations may be
/// percentages of the border box, so the matrix is built at paint time.
struct TransformValue: Sendable, Equatable {
    enum Function: Sendable, Equatable {
        case translate(Length, Length)
        case scale(Double, Double)
        /// Radians, clockwise.
        case rotate(Double)
        /// Radians.
        case skew(Double, Double)
        case matrix(AffineTransform)
    }
    var functions: [Function]

    /// The transform for a border box `box` about the canvas point `origin`.
    func matrix(box: Rect, origin: Point) -> AffineTransform {
        var matrix = AffineTransform.translation(origin.x, origin.y)
        for function in functions {
            let step: AffineTransform
            switch function {
            case .translate(let x, let y): step = .translation(x.resolve(box.width) ?? 0, y.resolve(box.height) ?? 0)
            case .scale(let x, let y): step = .scale(x, y)
            case .rotate(let angle): step = .rotation(angle)
            case .skew(let x, let y): step = .skew(x, y)
            case .matrix(let value): step = value
            }
            matrix = matrix.concatenating(step)
        }
        return matrix.concatenating(.translation(-origin.x, -origin.y))
    }

    /// Parses a transform list; `none` is the empty list; nil when any function is unsupported.
    static func parse(_ value: [CSSComponent], context: LengthContext) -> TransformValue? {
        let items = value.withoutWhitespace
        if items.count == 1, case .ident(let word) = items[0], word.lowercased() == "none" { return TransformValue(functions: []) }
        var functions: [Function] = []
        for item in items {
            guard case .function(let name, let arguments) = item else { return nil }
            let parts = arguments.splitByCommas().map(\.withoutWhitespace)
            guard parts.allSatisfy({ $0.count == 1 }) else { return nil }
            let values = parts.map { $0[0] }
            func length(_ index: Int) -> Length? { ValueParser.length(values[index], context: context, allowAuto: false) }
            func number(_ index: Int) -> Double? { ValueParser.number([values[index]]) }
            func angle(_ index: Int) -> Double? { ConicGradientValue.degrees(values[index]).map { $0 * .pi / 180 } }
            let function: Function?
            switch (name.lowercased(), values.count) {
            case ("translate", 1): function = length(0).map { .translate($0, .zero) }
            case ("translate", 2): function = length(0).flatMap { x in length(1).map { .translate(x, $0) } }
            case ("translatex", 1): function = length(0).map { .translate($0, .zero) }
            case ("translatey", 1): function = length(0).map { .translate(.zero, $0) }
            case ("scale", 1): function = number(0).map { .scale($0, $0) }
            case ("scale", 2): function = number(0).flatMap { x in number(1).map { .scale(x, $0) } }
            case ("scalex", 1): function = number(0).map { .scale($0, 1) }
            case ("scaley", 1): function = number(0).map { .scale(1, $0) }
            case ("rotate", 1): function = angle(0).map { .rotate($0) }
            case ("skew", 1): function = angle(0).map { .skew($0, 0) }
            case ("skew", 2): function = angle(0).flatMap { x in angle(1).map { .skew(x, $0) } }
            case ("skewx", 1): function = angle(0).map { .skew($0, 0) }
            case ("skewy", 1): function = angle(0).map { .skew(0, $0) }
            case ("matrix", 6):
                let numbers = (0..<6).compactMap(number)
                function = numbers.count == 6
                    ? .matrix(AffineTransform(a: numbers[0], b: numbers[1], c: numbers[2], d: numbers[3], tx: numbers[4], ty: numbers[5])) : nil
            default: function = nil
            }
            guard let function else { return nil }
            functions.append(function)
        }
        return TransformValue(functions: functions)
    }
}
