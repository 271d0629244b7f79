/// Before the stages: what no page can hold is left out (extraction already drops it from real PDFs;
/// this keeps the layout safe for any `PageContent`).
///
/// Contract: a glyph whose box `PageBounds` does not admit, or whose size is not a positive number it
/// admits, is left out; so are pictures and rules whose boxes it does not admit. Every glyph keeps its
/// place in the drawing order (`Glyph.order`) as numbered before. The count left out is said in one
/// warning. A page whose content is all possible passes unchanged.
struct ImpossibleContent {
    struct Result {
        var glyphs: [Glyph]
        var images: [PageImage]
        var rules: [Rule]
        var warning: String?
    }

    func filter(_ glyphs: [Glyph], images: [PageImage], rules: [Rule], page: PageContent) -> Result {
        let bounds = PageBounds(width: page.width, height: page.height)
        func possible(_ g: Glyph) -> Bool { bounds.admits(g.box) && bounds.admits(size: g.size) && g.size > 0 }
        // (Every real page passes: look first, copy only where something is to be left out.)
        guard !glyphs.allSatisfy(possible) || !images.allSatisfy({ bounds.admits($0.box) })
                || !rules.allSatisfy({ bounds.admits($0.box) }) else {
            return Result(glyphs: glyphs, images: images, rules: rules, warning: nil)
        }
        let keptGlyphs = glyphs.filter(possible)
        let keptImages = images.filter { bounds.admits($0.box) }
        let keptRules = rules.filter { bounds.admits($0.box) }
        let dropped = (glyphs.count - keptGlyphs.count) + (images.count - keptImages.count) + (rules.count - keptRules.count)
        let warning = dropped == 0 ? nil
            : "page \(page.number): \(dropped) glyphs, pictures or rules with impossible boxes or sizes were left out"
        return Result(glyphs: keptGlyphs, images: keptImages, rules: keptRules, warning: warning)
    }
}
