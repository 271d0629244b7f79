import CPangoCairo
import Foundation
import GalleyCore

/// A display line of a printed story: kicker, headline, deck or byline, in its font and colour, with the
/// space after it.
struct DisplayLine {
    var text: String
    var font: FontSpec
    var color: RGB
    var after: Double
}

extension PrintOptions {
    /// The article's kicker, headline, deck and byline (those it has), in that order, set in `family`.
    func displayLines(of article: Article, family: String, italicByline: Bool) -> [DisplayLine] {
        let em = bodySize
        var out: [DisplayLine] = []
        func add(_ text: String?, _ font: FontSpec, _ color: RGB, _ after: Double) {
            if let text, !text.isEmpty { out.append(DisplayLine(text: text, font: font, color: color, after: after)) }
        }
        add(article.kicker, FontSpec(family: family, size: em * kickerScale), RGB(r: 0.55, g: 0.1, b: 0.1), em * 0.3)
        add(article.headline, FontSpec(family: family, size: em * headlineScale, bold: true), .black, em * 0.5)
        add(article.subheadline, FontSpec(family: family, size: em * deckScale), RGB(r: 0.2, g: 0.2, b: 0.2), em * 0.5)
        add(article.byline, FontSpec(family: family, size: em * bylineScale, italic: italicByline), RGB(r: 0.25, g: 0.25, b: 0.25), em * 0.4)
        return out
    }
}

/// One thing placed on a printed page, in reading order.
enum PrintItem {
    /// A line of a set paragraph with its left edge at `x` and its baseline at `baseline`.
    case line(PangoParagraph, SetLine, x: Double, baseline: Double, color: RGB)
    /// A line of a vertically set paragraph: a column with its right edge at `right`, its top at `top`.
    case verticalLine(PangoParagraph, SetLine, right: Double, top: Double, color: RGB)
    /// A whole set paragraph with its top-left corner at (x, y).
    case text(PangoParagraph, x: Double, y: Double, color: RGB)
    case image(CairoImage, Rect)
    case rule(Rect)
}

/// Lays a story out on pages: the display lines across the top of the first page, then paragraphs
/// and photos flowing line by line down the columns, onto as many pages as they need.
final class StoryComposer {
    let cr: OpaquePointer
    let options: PrintOptions
    let script: StoryScript
    let paper: (width: Double, height: Double)

    private(set) var pages: [[PrintItem]] = [[]]
    /// Where the columns of each page start, and how far down each column is filled.
    private(set) var columnTops: [Double] = []
    private(set) var filled: [[Double]] = []
    /// Column balancing: on page `page` (0-based), columns end at `bottom` instead of the margin.
    var balance: (page: Int, bottom: Double)?
    private var column = 0
    private var y: Double
    private var columnTop: Double
    /// Left edge of the text block, its width, the width and left edges of its columns.
    let textLeft: Double, textWidth: Double, columnWidth: Double
    let columnLefts: [Double]
    let top: Double, bottom: Double

    init(cr: OpaquePointer, options: PrintOptions, script: StoryScript) {
        self.cr = cr
        self.options = options
        self.script = script
        let paper = options.paper.size
        self.paper = paper
        let em = options.bodySize
        let available = paper.width - 2 * options.margin
        let gutter = options.gutter * em
        var colWidth: Double
        if options.columns == 1 {
            colWidth = min(available, (script == .cjk ? options.cjkMeasure : options.latinMeasure) * em)
        } else {
            colWidth = (available - gutter) / 2
        }
        // Chinese lines of full-width characters fill a width that is a whole number of ems exactly,
        // with no stretching between characters.
        if script == .cjk { colWidth = (colWidth / em).rounded(.down) * em }
        let n = Double(options.columns)
        let width = colWidth * n + gutter * (n - 1)
        textLeft = (paper.width - width) / 2
        textWidth = width
        columnWidth = colWidth
        let left = (paper.width - width) / 2
        columnLefts = (0..<options.columns).map { left + Double($0) * (colWidth + gutter) }
        top = options.margin
        bottom = paper.height - options.margin
        y = top
        columnTop = top
    }

    var serif: String { script == .cjk ? options.cjkSerif : options.latinSerif }
    /// Small print takes Latin letters from the Latin sans in both scripts: Cairo's subset of Noto Sans
    /// CJK grows to most of a megabyte with some Latin capitals in it (seen with "IL" on cairo 1.16).
    var sans: String { options.latinSans + ", " + options.cjkSans }

    // MARK: Placing

    /// The bottom of the columns on the current page.
    private var columnBottom: Double {
        if let balance, balance.page == pages.count - 1 { return min(bottom, balance.bottom) }
        return bottom
    }

    /// Room for `height` points in the current column, moving on to the next column or page if needed.
    private func reserve(_ height: Double) -> Double {
        if y + height > columnBottom + 0.01 && y > columnTop + 0.01 { nextColumn() }
        let at = y
        y += height
        while filled.count < pages.count { filled.append([Double](repeating: 0, count: options.columns)); columnTops.append(columnTop) }
        filled[pages.count - 1][column] = y
        columnTops[pages.count - 1] = columnTop
        return at
    }

    /// Body height on the last page: the sum over its columns of what they hold.
    var lastPageFill: (top: Double, height: Double)? {
        guard let cols = filled.last, let top = columnTops.last, filled.count == pages.count else { return nil }
        return (top, cols.reduce(0) { $0 + max(0, $1 - top) })
    }

    private func nextColumn() {
        column += 1
        if column >= options.columns {
            pages.append([])
            column = 0
            columnTop = top
        }
        y = columnTop
    }

    private func add(_ item: PrintItem) { pages[pages.count - 1].append(item) }

    /// A paragraph set across `width` at `x`, placed as a whole (display lines: never split).
    func placeBlock(_ text: String, font: FontSpec, color: RGB = .black, after gap: Double) {
        let p = PangoParagraph(cr: cr, text: text, font: font,
                               paragraph: ParagraphSpec(width: textWidth, language: script.language, lineSpacing: 1.05))
        let at = reserve(p.size.height + gap)
        add(.text(p, x: textLeft, y: at, color: color))
    }

    /// The display lines across the text block, a rule under them, and the columns starting below.
    func placeHeader(_ article: Article, source: String) {
        let em = options.bodySize
        placeBlock(source, font: FontSpec(family: sans, size: options.smallSize), color: RGB(r: 0.4, g: 0.4, b: 0.4), after: em * 1.2)
        for d in options.displayLines(of: article, family: serif, italicByline: script == .latin) {
            placeBlock(d.text, font: d.font, color: d.color, after: d.after)
        }
        let at = reserve(em * 1.2)
        add(.rule(Rect(x0: textLeft, y0: at + em * 0.2, x1: textLeft + textWidth, y1: at + em * 0.2 + 0.6)))
        columnTop = y
    }

    /// A body paragraph set in the column width and placed line by line.
    func placeParagraph(_ text: String, first: Bool) {
        let em = options.bodySize
        let cjk = script == .cjk
        // Paragraphs come with their lines joined; a stray line end would break the line here too.
        let joined = text.split(whereSeparator: \.isNewline).joined(separator: cjk ? "" : " ")
        let body = cjk ? joined : SoftHyphenator().hyphenate(joined)
        let indent = cjk ? options.cjkIndent * em : (first ? 0 : options.latinIndent * em)
        // Latin lines are justified. Chinese lines sit on the em grid of the column, which full-width
        // characters fill exactly; Pango would justify the others (a line shortened to keep closing
        // punctuation off the next line's start) by spacing letters, and pdftotext, copy and search then
        // see spaces inside words. So those lines end a character short instead.
        let spec = ParagraphSpec(width: columnWidth, justify: !cjk, indent: indent, language: script.language,
                                 lineSpacing: cjk ? options.cjkLineSpacing : options.latinLineSpacing)
        let p = PangoParagraph(cr: cr, text: body, font: FontSpec(family: serif, size: em), paragraph: spec)
        let lines = p.lines()
        // No paragraph starts on the last line of a column.
        if lines.count > 1, y + lines[0].height + lines[1].height > columnBottom, y > columnTop + 0.01 { nextColumn() }
        for line in lines {
            let at = reserve(line.height)
            add(.line(p, line, x: columnLefts[column], baseline: at + line.baseline - line.top, color: .black))
        }
        if cjk && y > columnTop + 0.01 { y += options.cjkParagraphGap * em }
    }

    /// A photo in the column width (smaller if it would be too tall) with its caption under it, kept together.
    func placeFigure(_ image: CairoImage?, caption: String?) {
        let em = options.bodySize
        var captionText: PangoParagraph?
        if let caption, !caption.isEmpty {
            captionText = PangoParagraph(cr: cr, text: caption, font: FontSpec(family: sans, size: em * options.captionScale),
                                         paragraph: ParagraphSpec(width: columnWidth, language: script.language, lineSpacing: 1.1))
        }
        var w = columnWidth, h = 0.0
        if let image {
            h = w * Double(image.height) / Double(image.width)
            let maxH = options.maxPhotoShare * (bottom - top)
            if h > maxH { w *= maxH / h; h = maxH }
        }
        let captionHeight = captionText?.size.height ?? 0
        let total = h + (image != nil && captionText != nil ? em * 0.4 : 0) + captionHeight
        let at = reserve(total + em * 0.9)
        if let image {
            let x = columnLefts[column] + (columnWidth - w) / 2
            add(.image(image, Rect(x0: x, y0: at, x1: x + w, y1: at + h)))
        }
        if let captionText {
            add(.text(captionText, x: columnLefts[column], y: at + total - captionHeight, color: RGB(r: 0.25, g: 0.25, b: 0.25)))
        }
    }

    /// Running head (pages after the first) and footer with the source and page number, on every page.
    func placeFolios(headline: String, source: String) {
        let font = FontSpec(family: sans, size: options.smallSize)
        let grey = RGB(r: 0.4, g: 0.4, b: 0.4)
        for i in pages.indices {
            let folio = script == .cjk ? "第 \(i + 1) 页 / 共 \(pages.count) 页" : "page \(i + 1) of \(pages.count)"
            let number = PangoParagraph(cr: cr, text: folio, font: font)
            let footerY = bottom + options.margin * 0.35
            let credit = PangoParagraph(cr: cr, text: source, font: font,
                                        paragraph: ParagraphSpec(width: textWidth - number.size.width - 12, ellipsize: true))
            pages[i].append(.text(credit, x: textLeft, y: footerY, color: grey))
            pages[i].append(.text(number, x: textLeft + textWidth - number.size.width, y: footerY, color: grey))
            if i > 0 && !headline.isEmpty {
                let head = PangoParagraph(cr: cr, text: headline, font: font, paragraph: ParagraphSpec(width: textWidth, ellipsize: true))
                let headY = top - options.margin * 0.45
                pages[i].insert(.text(head, x: textLeft, y: headY, color: grey), at: 0)
                pages[i].insert(.rule(Rect(x0: textLeft, y0: headY + head.size.height + 2, x1: textLeft + textWidth, y1: headY + head.size.height + 2.4)), at: 1)
            }
        }
    }
}
