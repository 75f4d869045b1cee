/// CSS `text-align`. `justify` spreads the spaces of every line but the last (and lines ended by a newline).
enum TextAlign: Sendable { case left, right, center, justify }
