import CImageShims

/// The calling convention the CImageShims decoders share: bytes and a pixel limit in, a malloc'd RGBA8
/// buffer, its size and a status out, with the library's message on failure.
enum ShimDecoder {
    typealias Function = @convention(c) (
        UnsafePointer<UInt8>?, Int, UInt64, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?,
        UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<CChar>?, Int
    ) -> Int32

    /// Runs `decode` and copies its pixels out; on a failed status throws `failure(status, message, width, height)`.
    static func decode(_ bytes: [UInt8], maxPixels: Int, with decode: Function,
                       failure: (Int32, String, Int, Int) -> any Error) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        var output: UnsafeMutablePointer<UInt8>?
        var width: UInt32 = 0
        var height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            message.withUnsafeMutableBufferPointer { text in
                decode(input.baseAddress, input.count, UInt64(Swift.max(0, maxPixels)),
                       &output, &width, &height, text.baseAddress, text.count)
            }
        }
        defer { cimage_free(output) }
        guard status == Int32(CIMAGE_OK), let output else {
            throw failure(status, text(of: message), Int(width), Int(height))
        }
        let rgba = [UInt8](UnsafeBufferPointer(start: output, count: Int(width) * Int(height) * 4))
        return (Int(width), Int(height), rgba)
    }

    /// The NUL-terminated message a shim wrote into `buffer`.
    static func text(of buffer: [CChar]) -> String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
