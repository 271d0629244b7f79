/// Before the stages: what no page can hold is left out (extraction already drops it from real PDFs;
/// this keeps the layout safe for any `PageContent`).
///
/// Contract: a glyph whose box is not finite or lies beyond `impossibleReach` times the page's size
/// around it, or whose size is not a positive finite number within that reach, is left out; so are such
/// pictures and rules. Every glyph keeps its place in the drawing order (`Glyph.order`) as numbered before.
/// The count left out is said in one warning. A page whose content is all possible passes unchanged.
struct ImpossibleContent {
    var parameters: LayoutParameters

    struct Result {
        var glyphs: [Glyph]
        var images: [PageImage]
        var rules: [Rule]
        var warning: String?
    }

    func filter(_ glyphs: [Glyph], images: [PageImage], rules: [Rule], page: PageContent) -> Result {
        let w = page.width.isFinite ? max(0, page.width) : 0, h = page.height.isFinite ? max(0, page.height) : 0
        let reach = parameters.impossibleReach * max(w, h, 1)
        let allowed = Rect(x0: -reach, y0: -reach, x1: w + reach, y1: h + reach)
        func possible(_ r: Rect) -> Bool {
            r.x0.isFinite && r.y0.isFinite && r.x1.isFinite && r.y1.isFinite
                && r.x0 >= allowed.x0 && r.x1 <= allowed.x1 && r.y0 >= allowed.y0 && r.y1 <= allowed.y1
        }
        func possible(_ g: Glyph) -> Bool { possible(g.box) && g.size.isFinite && g.size > 0 && g.size <= reach }
        // (Every real page passes: look first, copy only where something is to be left out.)
        guard !glyphs.allSatisfy(possible) || !images.allSatisfy({ possible($0.box) })
                || !rules.allSatisfy({ possible($0.box) }) else {
            return Result(glyphs: glyphs, images: images, rules: rules, warning: nil)
        }
        let keptGlyphs = glyphs.filter(possible)
        let keptImages = images.filter { possible($0.box) }
        let keptRules = rules.filter { possible($0.box) }
        let dropped = (glyphs.count - keptGlyphs.count) + (images.count - keptImages.count) + (rules.count - keptRules.count)
        let warning = dropped == 0 ? nil
            : "page \(page.number): \(dropped) glyphs, pictures or rules with impossible boxes or sizes were left out"
        return Result(glyphs: keptGlyphs, images: keptImages, rules: keptRules, warning: warning)
    }
}
