import GalleyCore

/// Why a sample page could not be made.
public enum SampleError: Error, CustomStringConvertible {
    /// A story's text does not fit the space the page gives it.
    case overflow(page: String, story: String, lines: Int)
    /// A line that is set unbroken (a byline at the end of a story) is wider than its column.
    case tooWide(page: String, text: String, width: Double, room: Double)
    public var description: String {
        switch self {
        case .overflow(let page, let story, let lines):
            return "sample \(page): story “\(story)” does not fit its space (\(lines) body lines)"
        case .tooWide(let page, let text, let width, let room):
            return "sample \(page): “\(text)” is \(Int(width)) pt wide, its column only \(Int(room)) pt"
        }
    }
}

/// Lays out one newspaper page on a grid of columns, drawing with `PDFSketch` and writing down the ground
/// truth of everything it sets: each line's text, role and box, per article, and the page furniture.
final class PageComposer {
    let name: String
    let sketch: PDFSketch
    let style: PageStyle
    let width: Double, height: Double
    let margin: Double
    let columns: Int
    /// Top of the area under the page header, where stories start.
    var contentTop: Double
    var truth: SampleTruth
    private var widthCache: [String: Double] = [:]

    init(name: String, path: String, width: Double, height: Double, columns: Int, margin: Double = 36,
         style: PageStyle) throws {
        self.name = name
        sketch = try PDFSketch(path: path, width: width, height: height)
        self.style = style
        self.width = width; self.height = height; self.margin = margin; self.columns = columns
        contentTop = margin
        truth = SampleTruth(width: width, height: height, columns: columns)
    }

    /// Width of one grid column.
    var columnWidth: Double { (width - 2 * margin - Double(columns - 1) * style.gutter) / Double(columns) }
    /// Left edge of grid column `i`.
    func columnX(_ i: Int) -> Double { margin + Double(i) * (columnWidth + style.gutter) }
    /// Left and right edges of the grid columns `span`.
    func spanX(_ span: Range<Int>) -> (Double, Double) { (columnX(span.lowerBound), columnX(span.upperBound - 1) + columnWidth) }

    func measure(_ text: String, _ font: PDFSketch.Font) -> Double {
        let key = "\(font.family)|\(font.size)|\(font.bold)|\(font.italic)|\(text)"
        if let w = widthCache[key] { return w }
        let w = sketch.measure(text, font: font)
        widthCache[key] = w
        return w
    }

    // MARK: Furniture

    /// The page header: paper name on the left, date and page on the right, a double rule beneath.
    func header(paper: String, dateLine: String, paperFont: PDFSketch.Font, dateFont: PDFSketch.Font,
                color: RGB = .black) {
        let top = margin - 8
        let box = Rect.union(sketch.text(paper, x: margin, y: top, font: paperFont, color: color))!
        truth.furniture.append(.init(role: .header, text: paper, bbox: box))
        let w = measure(dateLine, dateFont)
        let dateBox = Rect.union(sketch.text(dateLine, x: width - margin - w, y: box.y1 - dateFont.size * 1.6,
                                             font: dateFont))!
        truth.furniture.append(.init(role: .header, text: dateLine, bbox: dateBox))
        let ruleY = box.y1 + 4
        sketch.line(x0: margin, y0: ruleY, x1: width - margin, y1: ruleY, width: 2, color: color)
        sketch.line(x0: margin, y0: ruleY + 3, x1: width - margin, y1: ruleY + 3, width: 0.5, color: color)
        contentTop = ruleY + 14
    }

    /// The folio: the page number centred under the text area, with a thin rule above.
    func folio(_ number: String, font: PDFSketch.Font) {
        let y = height - margin + 6
        sketch.line(x0: margin, y0: y - 5, x1: width - margin, y1: y - 5, width: 0.5)
        let w = measure(number, font)
        let box = Rect.union(sketch.text(number, x: (width - w) / 2, y: y, font: font))!
        truth.furniture.append(.init(role: .folio, text: number, bbox: box))
    }

    /// Bottom of the text area (above the folio rule).
    var contentBottom: Double { height - margin - 8 }

    /// A horizontal rule across grid columns `span`.
    func rule(_ span: Range<Int>, y: Double, width lineWidth: Double = 0.75) {
        let (x0, x1) = spanX(span)
        sketch.line(x0: x0, y0: y, x1: x1, y1: y, width: lineWidth)
    }

    /// A vertical rule in the gutter left of grid column `column`.
    func columnRule(before column: Int, from y0: Double, to y1: Double, width lineWidth: Double = 0.5) {
        let x = columnX(column) - style.gutter / 2
        sketch.line(x0: x, y0: y0, x1: x, y1: y1, width: lineWidth)
    }

    /// Sets one line of furniture text (an ad's line, a jump line) and records it.
    @discardableResult
    func furnitureText(_ text: String, role: FurnitureRole, x: Double, y: Double, font: PDFSketch.Font,
                       color: RGB = .black) -> Rect {
        let box = Rect.union(sketch.text(text, x: x, y: y, font: font, color: color))!
        truth.furniture.append(.init(role: role, text: text, bbox: box))
        return box
    }

    /// An advertisement filling grid columns `span` from `top` to `bottom`: a frame, an optional tint,
    /// and its lines centred one under another (each line's font given with it).
    func advertisement(_ span: Range<Int>, top: Double, bottom: Double, tint: RGB? = nil,
                       lines: [(String, PDFSketch.Font, RGB)]) {
        let (x0, x1) = spanX(span)
        let box = Rect(x0: x0, y0: top, x1: x1, y1: bottom)
        if let tint { sketch.fill(box, color: tint) }
        sketch.frame(box, width: 1.5)
        let total = lines.reduce(0) { $0 + $1.1.size * 1.5 }
        var y = top + (box.height - total) / 2
        for (text, font, color) in lines {
            let w = measure(text, font)
            furnitureText(text, role: .advertisement, x: box.midX - w / 2, y: y, font: font, color: color)
            y += font.size * 1.5
        }
    }

    /// A stand-alone photo across grid columns (a picture with no article), e.g. inside an ad.
    func photo(_ box: Rect, seed: Int) { sketch.photo(box, seed: seed) }

    func finish() throws -> SampleTruth {
        try sketch.finish()
        return truth
    }
}
