import HTTPServer
import Render
import Testing
@testable import OGServer

struct RenderServiceTests {
    @Test(arguments: [
        (RenderError.deadlineExceeded, 400), (.invalidInput("image logo.png: not found"), 400),
        (.unsupportedEncoding("avif"), 400), (.encodingFailed("libpng said no"), 500),
    ])
    func renderErrorsBecomeClearStatuses(_ error: RenderError, _ status: Int) {
        let mapped = RenderService.httpError(for: error, format: .png)
        #expect(mapped.status.code == status)
        #expect(!mapped.message.contains("libpng"), "encoder internals stay out of answers")
        #expect(mapped.headers["Cache-Control"] == "no-store")
    }

    @Test func configuredDeadlineIsRead() throws {
        var configuration = Configuration()
        try configuration.apply(file: TestApplication.repositoryRoot + "/config/ogpress.json")
        #expect(configuration.limits.renderDeadlineSeconds == 10)
    }
}
