/// Decodes the first frame of a GIF (87a/89a) into straight-alpha RGBA8 over the logical screen,
/// transparent where the frame does not reach, as a browser shows a still GIF's first frame.
///
/// GIF is simple enough that a bounded decoder in Swift is safer than another C dependency: every
/// read is checked, and dimensions are checked against the pixel limit before allocating.
enum GIFDecoder {
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        var reader = Reader(bytes: bytes)
        let signature = try reader.take(6)
        guard signature.elementsEqual("GIF87a".utf8) || signature.elementsEqual("GIF89a".utf8) else {
            throw CodecError.wrongFormat("not a GIF file")
        }
        let width = try reader.uint16(), height = try reader.uint16()
        let screenFlags = try reader.byte()
        _ = try reader.take(2) // background color index, pixel aspect ratio
        guard width > 0, height > 0 else { throw CodecError.invalid("GIF has no pixels") }
        guard width * height <= maxPixels else { throw CodecError.tooLarge(width: width, height: height) }
        var globalPalette: [UInt8] = []
        if screenFlags & 0x80 != 0 { globalPalette = Array(try reader.take(3 << (Int(screenFlags & 7) + 1))) }

        var transparentIndex: Int?
        while true {
            switch try reader.byte() {
            case 0x21:
                let label = try reader.byte()
                if label == 0xF9 {
                    let block = try reader.subBlock()
                    if block.count >= 4, block[block.startIndex] & 1 != 0 { transparentIndex = Int(block[block.startIndex + 3]) }
                }
                while try !reader.subBlock().isEmpty {}
            case 0x2C:
                return try frame(&reader, screen: (width, height), globalPalette: globalPalette, transparentIndex: transparentIndex)
            case 0x3B:
                throw CodecError.invalid("GIF has no image")
            default:
                throw CodecError.invalid("unknown GIF block")
            }
        }
    }

    private static func frame(_ reader: inout Reader, screen: (width: Int, height: Int), globalPalette: [UInt8],
                              transparentIndex: Int?) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        let left = try reader.uint16(), top = try reader.uint16()
        let width = try reader.uint16(), height = try reader.uint16()
        let flags = try reader.byte()
        var palette = globalPalette
        if flags & 0x80 != 0 { palette = Array(try reader.take(3 << (Int(flags & 7) + 1))) }
        guard !palette.isEmpty else { throw CodecError.invalid("GIF has no color table") }
        let minimumCodeSize = Int(try reader.byte())
        guard (1...11).contains(minimumCodeSize) else { throw CodecError.invalid("bad GIF code size") }
        var data: [UInt8] = []
        while true {
            let block = try reader.subBlock()
            if block.isEmpty { break }
            data.append(contentsOf: block)
        }
        let indices = try lzw(data, minimumCodeSize: minimumCodeSize, count: width * height)
        let rows = flags & 0x40 != 0 ? interlacedRows(height) : Array(0..<height)

        var rgba = [UInt8](repeating: 0, count: screen.width * screen.height * 4)
        for (sourceRow, y) in rows.enumerated() {
            let canvasY = top + y
            guard canvasY < screen.height else { continue }
            for x in 0..<width {
                let canvasX = left + x
                let position = sourceRow * width + x
                guard canvasX < screen.width, position < indices.count else { continue }
                let index = Int(indices[position])
                guard index != transparentIndex, index * 3 + 2 < palette.count else { continue }
                let offset = (canvasY * screen.width + canvasX) * 4
                rgba[offset] = palette[index * 3]
                rgba[offset + 1] = palette[index * 3 + 1]
                rgba[offset + 2] = palette[index * 3 + 2]
                rgba[offset + 3] = 255
            }
        }
        return (screen.width, screen.height, rgba)
    }

    /// The image row each stored row belongs to, for the four passes of an interlaced GIF.
    private static func interlacedRows(_ height: Int) -> [Int] {
        [(0, 8), (4, 8), (2, 4), (1, 2)].flatMap { start, step in Array(stride(from: start, to: height, by: step)) }
    }

    /// Variable-width LZW (GIF89a Appendix F), producing at most `count` color indices; a stream that
    /// ends early leaves the rest of the frame empty, as browsers do.
    private static func lzw(_ data: [UInt8], minimumCodeSize: Int, count: Int) throws -> [UInt8] {
        let clear = 1 << minimumCodeSize
        let end = clear + 1
        var prefix = [Int](repeating: -1, count: 4096)
        var suffix = [UInt8](repeating: 0, count: 4096)
        var firstByte = [UInt8](repeating: 0, count: 4096)
        for code in 0..<clear { suffix[code] = UInt8(truncatingIfNeeded: code); firstByte[code] = UInt8(truncatingIfNeeded: code) }
        var output: [UInt8] = []
        output.reserveCapacity(count)
        var stack: [UInt8] = []
        var codeSize = minimumCodeSize + 1
        var next = clear + 2
        var previous = -1
        var bitBuffer = 0, bitCount = 0
        var position = 0
        while output.count < count {
            while bitCount < codeSize {
                guard position < data.count else { return output }
                bitBuffer |= Int(data[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let code = bitBuffer & ((1 << codeSize) - 1)
            bitBuffer >>= codeSize
            bitCount -= codeSize
            if code == clear {
                codeSize = minimumCodeSize + 1
                next = clear + 2
                previous = -1
                continue
            }
            if code == end { break }
            var current = code
            stack.removeAll(keepingCapacity: true)
            if previous == -1 {
                guard code < clear else { throw CodecError.invalid("corrupt GIF data") }
                output.append(UInt8(code))
                previous = code
                continue
            }
            if code >= next {
                guard code == next else { throw CodecError.invalid("corrupt GIF data") }
                stack.append(firstByte[previous])
                current = previous
            }
            while current >= clear {
                stack.append(suffix[current])
                current = prefix[current]
                guard current >= 0 else { throw CodecError.invalid("corrupt GIF data") }
            }
            stack.append(UInt8(current))
            let first = UInt8(current)
            for byte in stack.reversed() where output.count < count { output.append(byte) }
            if next < 4096 {
                prefix[next] = previous
                suffix[next] = first
                firstByte[next] = firstByte[previous]
                next += 1
                if next == 1 << codeSize, codeSize < 12 { codeSize += 1 }
            }
            previous = code
        }
        return output
    }

    /// Bounds-checked reading of the byte stream.
    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, bytes.count - position >= count else { throw CodecError.invalid("truncated GIF") }
            defer { position += count }
            return bytes[position..<(position + count)]
        }

        mutating func byte() throws -> UInt8 { try take(1).first! }

        mutating func uint16() throws -> Int {
            let pair = try take(2)
            return Int(pair[pair.startIndex]) | Int(pair[pair.startIndex + 1]) << 8
        }

        /// One length-prefixed data sub-block; empty at a block terminator.
        mutating func subBlock() throws -> ArraySlice<UInt8> {
            try take(Int(try byte()))
        }
    }
}
