/// Element defaults, following Chromium's `html.css` for the elements cards use.
enum UserAgentStyleSheet {
    static let css = """
    html, body, address, blockquote, dd, div, dl, dt, fieldset, form, h1, h2, h3, h4, h5, h6, ol, p, ul,
    center, dir, hr, menu, pre, header, footer, section, article, aside, nav, main, figure, figcaption,
    hgroup, details, summary, legend, table, tr, caption { display: block }
    head, script, style, title, meta, link, base, template, noscript, datalist, param { display: none }
    body { margin: 8px }
    h1 { font-size: 2em; margin-top: 0.67em; margin-bottom: 0.67em; font-weight: bold }
    h2 { font-size: 1.5em; margin-top: 0.83em; margin-bottom: 0.83em; font-weight: bold }
    h3 { font-size: 1.17em; margin-top: 1em; margin-bottom: 1em; font-weight: bold }
    h4 { margin-top: 1.33em; margin-bottom: 1.33em; font-weight: bold }
    h5 { font-size: 0.83em; margin-top: 1.67em; margin-bottom: 1.67em; font-weight: bold }
    h6 { font-size: 0.67em; margin-top: 2.33em; margin-bottom: 2.33em; font-weight: bold }
    p, dl, figure { margin-top: 1em; margin-bottom: 1em }
    figure { margin-left: 40px; margin-right: 40px }
    blockquote { margin: 1em 40px }
    ul, ol, menu, dir { margin-top: 1em; margin-bottom: 1em; padding-left: 40px }
    li { display: list-item }
    ul, menu, dir { list-style-type: disc }
    ol { list-style-type: decimal }
    ul ul, ol ul { list-style-type: circle }
    ol ol ul, ol ul ul, ul ol ul, ul ul ul { list-style-type: square }
    ul ul, ul ol, ol ul, ol ol, ul menu, ol menu, menu ul, menu ol, menu menu { margin-top: 0; margin-bottom: 0 }
    dd { margin-left: 40px }
    pre { white-space: pre; margin-top: 1em; margin-bottom: 1em }
    strong, b, th { font-weight: bolder }
    em, i, cite, var, dfn, address { font-style: italic }
    code, kbd, samp, pre, tt { font-family: monospace }
    small { font-size: smaller }
    big { font-size: larger }
    sub { vertical-align: sub; font-size: smaller }
    sup { vertical-align: super; font-size: smaller }
    hr { margin: 0.5em auto; border: 1px solid #c0c0c0 }
    a { color: #0000ee }
    mark { background-color: yellow; color: black }
    a[href], u, ins { text-decoration: underline }
    s, strike, del { text-decoration: line-through }
    center { text-align: center }
    """

    static let sheet: StyleSheet = {
        var parser = CSSParser(css)
        return parser.parseStyleSheet()
    }()
}
