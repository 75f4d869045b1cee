/// CSS `text-align`. `justify` spreads the spaces of every line but the last (and lines ended by a newline);
/// `start` and `end` follow the paragraph's direction.
enum TextAlign: Sendable { case left, right, center, justify, start, end }
