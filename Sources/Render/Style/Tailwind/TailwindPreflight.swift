/// Tailwind v4's base layer ("preflight"), which every Tailwind build includes: applied under the
/// utilities whenever a document's classes are resolved by `TailwindResolver`.
enum TailwindPreflight {
    static let css = """
    *, ::after, ::before { box-sizing: border-box; margin: 0; padding: 0; border: 0 solid;
      --tw-gradient-from: #0000; --tw-gradient-via: #0000; --tw-gradient-to: #0000;
      --tw-gradient-from-position: 0%; --tw-gradient-via-position: 50%; --tw-gradient-to-position: 100% }
    html { line-height: 1.5; font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji', 'Segoe UI Symbol', 'Noto Color Emoji' }
    hr { height: 0; color: inherit; border-top-width: 1px }
    h1, h2, h3, h4, h5, h6 { font-size: inherit; font-weight: inherit }
    a { color: inherit; text-decoration: inherit }
    b, strong { font-weight: bolder }
    code, kbd, samp, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, 'Liberation Mono', 'Courier New', monospace; font-size: 1em }
    small { font-size: 80% }
    ol, ul, menu { list-style: none }
    img, svg, video, canvas, audio, iframe, embed, object { display: block; vertical-align: middle }
    img, video { max-width: 100%; height: auto }
    """

    static let sheet: StyleSheet = {
        var parser = CSSParser(css)
        return parser.parseStyleSheet()
    }()
}
