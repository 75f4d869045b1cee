import HTTPServer
import Render
import Store

/// Turns a `RenderSpec` into image bytes: resolves the template source, fills it, renders, encodes.
public struct RenderService: Sendable {
    let renderer: Renderer
    let templates: TemplateCatalog
    let store: Store
    /// Engine version, font set and assets: everything outside a request that can change pixels.
    let rendererVersion: String

    /// The HTML a spec renders: the html itself, or its template (current or an earlier version kept
    /// by digest) filled with the spec's values.
    func html(for spec: RenderSpec) throws -> String {
        switch spec.source {
        case .html(let html):
            return html
        case .template(let id, let digest, let variables):
            let source: String
            if let current = templates.template(id: id), current.digest == digest {
                source = current.html
            } else if let kept = try store.templateSource(digest: digest) {
                source = kept
            } else {
                throw HTTPError(.notFound, "The template version this image was made from is no longer available.")
            }
            return TemplateText.fill(source, with: variables)
        }
    }

    /// Renders and encodes a spec.
    /// - Throws: `HTTPError` 400 for input the engine rejects, 500 when encoding fails.
    public func render(_ spec: RenderSpec) throws -> [UInt8] {
        let html = try html(for: spec)
        do {
            return try renderer.render(html: html, width: spec.width, height: spec.height,
                                       encoding: Self.encoding(for: spec)).bytes
        } catch let error as RenderError {
            throw Self.httpError(for: error, format: spec.format)
        }
    }

    static func encoding(for spec: RenderSpec) -> ImageEncoding {
        switch spec.format {
        case .png: .png
        case .jpeg: .jpeg(quality: spec.quality ?? 90)
        case .webp: .webp(quality: spec.quality ?? 90)
        }
    }

    static func httpError(for error: RenderError, format: ImageFormat) -> HTTPError {
        switch error {
        case .unsupportedEncoding:
            APIError.badRequest("Format \"\(format.rawValue)\" is not supported yet; use png.")
        case .invalidInput(let message):
            APIError.badRequest(message)
        case .deadlineExceeded:
            APIError.badRequest("The render took longer than its deadline; simplify the HTML.")
        case .encodingFailed:
            HTTPError(.internalServerError, "Render failed.", headers: APIError.noStore)
        }
    }
}
