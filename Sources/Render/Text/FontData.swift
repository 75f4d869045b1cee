/// Font file bytes held at a fixed address, for FreeType and HarfBuzz faces made from memory (both read
/// the bytes in place for as long as the face lives).
///
/// `@unchecked Sendable`: the bytes are written once in `init` and only read afterwards; they are freed in
/// `deinit`, when no face can refer to them any more (each face keeps a strong reference).
final class FontData: @unchecked Sendable {
    let bytes: UnsafeMutableRawBufferPointer

    init(_ source: [UInt8]) {
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, source.count), alignment: 16)
        source.withUnsafeBytes { bytes.copyMemory(from: $0) }
        self.bytes = bytes
        count = source.count
    }

    /// Number of meaningful bytes (the allocation holds at least one).
    let count: Int

    deinit { bytes.deallocate() }
}
