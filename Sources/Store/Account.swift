import Foundation

/// An API key's account. Only the SHA-256 of a key is ever stored.
public struct Account: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var plan: String
    public var created: Date
}
