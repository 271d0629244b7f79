/// The layout pipeline for one page: glyphs → lines → blocks → columns → roles → articles → paragraphs.
/// (Placeholder until the stages land: every glyph line becomes one paragraph of one article.)
public struct PageAnalyzer: Sendable {
    public init() {}

    public func analyze(_ page: PageContent) -> PageLayout {
        let summary = PageSummary(number: page.number, width: page.width, height: page.height,
                                  warnings: page.warnings)
        return PageLayout(summary: summary)
    }
}
