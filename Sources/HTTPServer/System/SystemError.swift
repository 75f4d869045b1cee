import Glibc

/// A failed system call, with the `errno` it set.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    /// The `errno` value.
    public var errno: Int32
    /// The C function that failed, e.g. `bind`.
    public var function: String

    /// Creates an error for `function` failing with `errno`.
    public init(errno: Int32, function: String) {
        self.errno = errno
        self.function = function
    }

    /// `function: strerror(errno)`.
    public var description: String {
        "\(function): \(String(cString: strerror(errno)))"
    }
}
