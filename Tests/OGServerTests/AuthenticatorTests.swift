import HTTPServer
import Testing
@testable import OGServer

struct AuthenticatorTests {
    @Test(arguments: [
        ("Bearer og_live_abc", "og_live_abc"), ("bearer og_live_abc", "og_live_abc"), ("BEARER  og_live_abc  ", "og_live_abc"),
        ("\tBearer\tog_live_abc", "og_live_abc"), ("Bearer", nil), ("Bearer ", nil), ("Bearerog_live_abc", nil),
        ("Basic dXNlcjpwYXNz", nil), ("", nil), ("Token og_live_abc", nil),
    ] as [(String, String?)])
    func findsTheBearerToken(_ header: String, _ expected: String?) {
        var headers = HTTPHeaders()
        headers.add("Authorization", header)
        #expect(Authenticator.presentedKey(in: Request(method: .post, target: "/images", headers: headers)) == expected)
    }

    @Test func noHeaderMeansNoKey() {
        #expect(Authenticator.presentedKey(in: Request(method: .post, target: "/images")) == nil)
    }
}
