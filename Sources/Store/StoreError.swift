/// Errors from the store.
public enum StoreError: Error, Sendable, Equatable {
    /// A spec that cannot be stored or decoded; the text says which field.
    case invalidSpec(String)
    /// A file-system call failed; the text names the call and the error.
    case io(String)
    /// The SQLite index failed; the text carries SQLite's message.
    case database(String)
}
