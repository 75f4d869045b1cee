import CLinuxShims
import Glibc

/// Keeps freed memory in the process for the next render instead of returning it to the kernel.
///
/// glibc serves blocks over its mmap threshold (128 KiB at first, rising with what is freed) with
/// fresh mappings and trims the heap's free top past twice that, so a render's large buffers (a
/// decoded photo, its base64 text) come back as new pages that fault in one by one on the next
/// render. On the photo card with nothing kept between renders that was about
/// 1,900 page faults a render, and half its paint time. With these settings the freed blocks are
/// reused and the process's resident size stays at its high-water mark.
enum MallocTuning {
    /// Blocks below this come from the heap and are reused once freed: larger than any buffer a
    /// 4096×4096 render needs except the canvas itself, which the renderer pools anyway.
    static let mmapThreshold: Int32 = 32 << 20
    /// Free memory at the top of a heap returned to the kernel only beyond this.
    static let trimThreshold: Int32 = 128 << 20

    static func apply() {
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
    }
}
