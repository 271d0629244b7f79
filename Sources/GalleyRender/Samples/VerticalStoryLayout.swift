import GalleyCore

/// A story set vertically (竖排): its display lines and text run top to bottom in columns that follow
/// one another right to left, inside one tier (a horizontal band of the page).
struct VerticalStory: Sendable {
    /// A picture at the top of the tier after some body columns, its caption set vertically on its left
    /// as tall as the picture; the body columns under both go on below them.
    struct Photo: Sendable {
        /// Full-height body columns read before the picture.
        var afterColumns: Int
        var width: Double
        var height: Double
        var caption: String
        var seed: Int = 0
    }

    var kicker: String?
    /// Headline columns, right to left (each one a vertical line).
    var headline: [String]
    var deck: String?
    var byline: String?
    /// `.top`: a column of its own right after the display lines, set at the column foot; `.end`: a
    /// column of its own after the text, also at the foot.
    var bylinePlace: Story.BylinePlace = .top
    var paragraphs: [String]
    var photo: Photo?
    var headSize: Double = 22

    init(kicker: String? = nil, headline: [String], deck: String? = nil, byline: String? = nil,
         paragraphs: [String]) {
        self.kicker = kicker; self.headline = headline; self.deck = deck; self.byline = byline
        self.paragraphs = paragraphs
    }

    func with(_ change: (inout VerticalStory) -> Void) -> VerticalStory {
        var copy = self
        change(&copy)
        return copy
    }
}

extension PageComposer {
    private typealias Line = SampleTruth.Line

    /// Cells of vertical text: one character each, except runs of one or two ASCII digits, which are set
    /// side by side in one cell (縦中横).
    static func verticalCells(_ text: String) -> [String] {
        var cells: [String] = []
        var digits = ""
        for c in text {
            if c.isASCII && c.isNumber && digits.count < 2 { digits.append(c); continue }
            if !digits.isEmpty { cells.append(digits); digits = "" }
            if c.isASCII && c.isNumber { digits.append(c) } else { cells.append(String(c)) }
        }
        if !digits.isEmpty { cells.append(digits) }
        return cells
    }

    /// Sets `cells` one under another centred on `centerX` from `top`, `pitch` apart, in vertical forms.
    /// Returns the box of all glyphs drawn.
    @discardableResult
    func verticalColumn(_ cells: [String], centerX: Double, top: Double, font: PDFSketch.Font, pitch: Double,
                        color: RGB = .black) -> Rect {
        var boxes: [Rect] = []
        var y = top
        for cell in cells {
            let shown = VerticalGlyphs.verticalForms(cell)
            let w = measure(shown, font)
            boxes += sketch.text(shown, x: centerX - w / 2, y: y, font: font, color: color)
            y += pitch
        }
        return Rect.union(boxes)!
    }

    /// Sets a vertical story in the tier from `top` to `bottom`, starting at its right edge `right` and
    /// going left no further than `limit`. Returns the left edge of what it set.
    /// Where a story goes on once its tier is full: the next tier's right edge, left limit, top and bottom.
    struct TierContinuation {
        var right: Double, limit: Double, top: Double, bottom: Double
    }

    /// With `then`, the body goes on in the next tier once this one is full (the story's columns read
    /// on from the right edge of the tier below); the left edge returned is then the one in that tier.
    @discardableResult
    func verticalStory(_ s: VerticalStory, right: Double, limit: Double, top: Double, bottom: Double,
                       then next: TierContinuation? = nil) throws -> Double {
        var next = next
        var limit = limit, top = top, bottom = bottom
        var art = SampleTruth.Article(id: "a\(truth.articles.count + 1)")
        let size = style.body.size
        let pitch = size                     // body set solid, one em per character
        let columnPitch = size * style.leading
        var x = right                        // the right edge of the next column

        func column(_ text: String, font: PDFSketch.Font, role: Role, columnTop: Double, advance: Double,
                    cellPitch: Double, footAligned: Bool = false, para: Int? = nil) -> Rect {
            let cells = Self.verticalCells(text)
            let height = Double(cells.count) * cellPitch
            let y = footAligned ? bottom - height : columnTop
            let box = verticalColumn(cells, centerX: x - advance / 2, top: y, font: font, pitch: cellPitch)
            art.lines.append(Line(text: text, role: role, bbox: box, para: para, vertical: true))
            x -= advance
            return box
        }

        // Display columns: kicker, headline, deck, and a byline at the foot.
        if let kicker = s.kicker {
            _ = column(kicker, font: style.kicker, role: .kicker, columnTop: top + 0.5 * size,
                       advance: style.kicker.size * 1.5, cellPitch: style.kicker.size * 1.05)
            art.kicker = kicker
        }
        let headFont = PDFSketch.Font(family: style.headFamily, size: s.headSize, bold: true)
        for part in s.headline {
            _ = column(part, font: headFont, role: .headline, columnTop: top, advance: s.headSize * 1.35,
                       cellPitch: s.headSize * 1.08)
        }
        art.headline = s.headline.joined()
        if let deck = s.deck {
            _ = column(deck, font: style.deck, role: .subheadline, columnTop: top + 2 * size,
                       advance: style.deck.size * 1.5, cellPitch: style.deck.size * 1.05)
            art.subheadline = deck
        }
        x -= 0.5 * size
        if let byline = s.byline, s.bylinePlace == .top {
            _ = column(byline, font: style.byline, role: .byline, columnTop: top, advance: columnPitch,
                       cellPitch: pitch, footAligned: true)
        }
        art.byline = s.byline

        // Body: columns right to left, each `pitch` per character, paragraphs indented two characters,
        // closing punctuation hung at a column's foot rather than starting the next column.
        var cells: [(cell: String, para: Int)] = []
        for (p, paragraph) in s.paragraphs.enumerated() {
            cells += [("　", p), ("　", p)] + Self.verticalCells(paragraph).map { ($0, p) }
        }
        art.paragraphs = s.paragraphs
        let captionFont = style.caption
        var photoSpan: ClosedRange<Double>?   // the x range whose columns start under the photo
        var photoBottom = top
        var bodyColumns = 0
        var k = 0
        while k < cells.count {
            if let photo = s.photo, bodyColumns == photo.afterColumns, photoSpan == nil {
                // The photo, then its caption columns on its left.
                x -= 0.3 * size
                let box = Rect(x0: x - photo.width, y0: top, x1: x, y1: top + photo.height)
                sketch.photo(box, seed: photo.seed)
                x = box.x0 - 0.3 * size
                let capPitch = captionFont.size * 1.05
                let perColumn = Int((photo.height / capPitch).rounded(.down))
                var captionCells = Self.verticalCells(photo.caption)
                while !captionCells.isEmpty {
                    let n = Self.breakColumn(captionCells, capacity: perColumn)
                    _ = column(captionCells.prefix(n).joined(), font: captionFont, role: .caption, columnTop: top,
                               advance: captionFont.size * 1.5, cellPitch: capPitch)
                    captionCells.removeFirst(n)
                }
                art.captions.append(photo.caption)
                // The columns under the photo and its caption start again at the photo's right edge.
                photoSpan = (x - 0.3 * size)...(box.x1 + 0.3 * size)
                photoBottom = box.y1 + 1.5 * size
                x = box.x1 + 0.3 * size
                continue
            }
            if x - columnPitch < limit - 0.01, let tier = next {
                (x, limit, top, bottom) = (tier.right, tier.limit, tier.top, tier.bottom)
                photoSpan = nil
                next = nil
            }
            let under = photoSpan.map { $0.contains(x - columnPitch / 2) } ?? false
            let columnTop = under ? photoBottom : top
            let capacity = Int(((bottom - columnTop) / pitch).rounded(.down))
            guard x - columnPitch >= limit - 0.01 else {
                throw SampleError.overflow(page: name, story: art.headline ?? art.id, lines: bodyColumns)
            }
            let rest = cells[k...].map(\.cell)
            var n = Self.breakColumn(Array(rest), capacity: capacity)
            // A column holds one paragraph's text at most: the next paragraph starts a new column only
            // where the paragraph ends exactly at the foot; otherwise it goes on in the same column.
            let para = cells[k].para
            var text = ""
            var lineCells: [String] = []
            for i in k..<(k + n) { lineCells.append(cells[i].cell) }
            // Where a new paragraph starts inside the column, the column ends at the paragraph's end.
            if let split = (k..<(k + n)).first(where: { $0 > k && cells[$0].para != para }) { n = split - k; lineCells = Array(lineCells.prefix(n)) }
            text = lineCells.joined()
            let box = verticalColumn(lineCells, centerX: x - columnPitch / 2, top: columnTop, font: style.body, pitch: pitch)
            let trimmed = String(text.drop(while: { $0 == "　" }))
            art.lines.append(Line(text: trimmed, role: .body, bbox: box, para: para, vertical: true))
            x -= columnPitch
            k += n
            bodyColumns += 1
        }
        if let byline = s.byline, s.bylinePlace == .end {
            guard x - columnPitch >= limit - 0.01 else {
                throw SampleError.overflow(page: name, story: art.headline ?? art.id, lines: bodyColumns)
            }
            _ = column(byline, font: style.byline, role: .byline, columnTop: top, advance: columnPitch,
                       cellPitch: pitch, footAligned: true)
        }
        truth.articles.append(art)
        return x
    }

    /// How many of `cells` the next column takes: `capacity`, or one more where the next one is closing
    /// punctuation (hung at the foot), never leaving it to start the column after.
    static func breakColumn(_ cells: [String], capacity: Int) -> Int {
        guard cells.count > capacity else { return cells.count }
        if let next = cells[capacity].first, LineBreaker.noLineStart.contains(next) { return capacity + 1 }
        return capacity
    }

    /// A vertical rule from `top` to `bottom` at `x`.
    func verticalRule(x: Double, top: Double, bottom: Double, width lineWidth: Double = 0.6) {
        sketch.line(x0: x, y0: top, x1: x, y1: bottom, width: lineWidth)
    }

    /// A horizontal rule across the text area at `y`.
    func tierRule(y: Double, width lineWidth: Double = 0.8) {
        sketch.line(x0: margin, y0: y, x1: width - margin, y1: y, width: lineWidth)
    }
}

extension PageStyle {
    /// Traditional characters set vertically: Noto CJK TC, body set solid, columns `leading` ems apart.
    /// The Chinese style otherwise, kicker and deck two points over the body. Headlines in the sans too:
    /// a subset of Noto Serif CJK TC Bold would take the page past 300 KB.
    static func traditionalVertical(size: Double = 10) -> PageStyle {
        var style = PageStyle.chinese(size: size, gutter: 10)
        for font in [\PageStyle.body, \.kicker, \.deck, \.byline, \.caption] { style[keyPath: font].family = "Noto Sans CJK TC" }
        style.headFamily = "Noto Sans CJK TC"
        style.kicker.size = size + 2
        style.deck.size = size + 2
        style.columnRules = false
        return style
    }
}
