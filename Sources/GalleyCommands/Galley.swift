import ArgumentParser

/// The `galley` command: its subcommands, shared by `galley` and `galley-render`.
package struct Galley: ParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "galley",
        abstract: "Turns printed newspaper pages (PDF) back into articles.",
        discussion: """
            Galley reads every glyph, image and rule of a page with Poppler, rebuilds lines, blocks, \
            columns and reading order, and groups the text into articles with their headlines, bylines, \
            paragraphs and captions. Page furniture (header, folio, advertisements) stays out.
            """,
        version: "galley 0.2 (articles JSON: galley.articles/1)",
        subcommands: [Articles.self, Inspect.self, Overlay.self, Print.self, Eval.self, Report.self, MakeSamples.self])
}
