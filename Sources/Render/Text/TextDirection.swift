/// The base direction of a paragraph (HTML `dir`, CSS `direction`).
enum TextDirection: Sendable, Equatable {
    case ltr, rtl
    /// From the first strong character (`dir="auto"`), left-to-right when there is none.
    case auto
}
