import CFreeType

/// One design axis of a variable font (OpenType `fvar`), in the axis's own units.
struct VariationAxis: Sendable, Hashable {
    /// Four-letter tag: `wght`, `wdth`, `opsz`, `ital`, `slnt`, …
    var tag: String
    var minimum: Double
    var defaultValue: Double
    var maximum: Double

    func clamped(_ value: Double) -> Double { min(max(value, minimum), maximum) }

    /// The axes of an open face, empty when it is not variable (read with `FT_Get_MM_Var`).
    static func axes(of face: FT_Face, library: FT_Library) -> [VariationAxis] {
        guard (face.pointee.face_flags & FT_Long(FT_FACE_FLAG_MULTIPLE_MASTERS)) != 0 else { return [] }
        var master: UnsafeMutablePointer<FT_MM_Var>?
        guard FT_Get_MM_Var(face, &master) == 0, let master else { return [] }
        defer { FT_Done_MM_Var(library, master) }
        guard let axes = master.pointee.axis else { return [] }
        return (0..<Int(master.pointee.num_axis)).map { index in
            let axis = axes[index]
            let tag = UInt32(truncatingIfNeeded: axis.tag)
            let name = String(decoding: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: tag >> $0) }, as: UTF8.self)
            return VariationAxis(tag: name, minimum: Double(axis.minimum) / 65536, defaultValue: Double(axis.def) / 65536,
                                 maximum: Double(axis.maximum) / 65536)
        }
    }
}
