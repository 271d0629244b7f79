import GalleyCore

extension PageComposer {
    private typealias Line = SampleTruth.Line

    /// Sets `story` across grid columns `span` from `top`, its body in balanced columns, and records its
    /// ground truth as the next article. The text ends as high as it can; with `bottom` the story owns
    /// the space down to there (a boxed story's frame reaches it). Returns the bottom of the story.
    @discardableResult
    func story(_ s: Story, span: Range<Int>, top: Double, bottom: Double? = nil) throws -> Double {
        var art = SampleTruth.Article(id: "a\(truth.articles.count + 1)")
        let pad = s.boxed ? 8.0 : 0
        var (x0, x1) = spanX(span)
        x0 += pad; x1 -= pad
        var y = top + pad
        let size = style.body.size
        let breaker = { (font: PDFSketch.Font) in LineBreaker(script: s.script) { self.measure($0, font) } }
        let joiner = s.script == .chinese ? "" : " "

        // Sets display lines (unjustified) and records them; returns their box.
        func display(_ text: String, font: PDFSketch.Font, role: Role, align: Story.Align, gap: Double) {
            for line in breaker(font).lines(text, width: x1 - x0, indent: 0, hyphenate: false) {
                let w = measure(line.text, font)
                let x = align == .center ? (x0 + x1 - w) / 2 : x0
                let box = Rect.union(sketch.text(line.text, x: x, y: y, font: font))!
                art.lines.append(Line(text: line.text, role: role, bbox: box))
                y = box.y1 + gap
            }
        }

        let headFont = PDFSketch.Font(family: style.headFamily, size: s.headSize, bold: true)
        var minBottom = y + size
        if let side = s.vertical {
            let text = s.headline.joined()
            let strip = s.headSize * 1.5
            let cx = side == .left ? x0 + strip / 2 : x1 - strip / 2
            let box = Rect.union(sketch.verticalText(text, centerX: cx, y: y, font: headFont, pitch: s.headSize * 1.12))!
            art.lines.append(Line(text: text, role: .headline, bbox: box, vertical: true))
            art.headline = text
            minBottom = box.y1
            if side == .left { x0 += strip + style.gutter } else { x1 -= strip + style.gutter }
        } else {
            if let kicker = s.kicker {
                display(kicker, font: style.kicker, role: .kicker, align: s.headAlign, gap: 5)
                art.kicker = kicker
            }
            for part in s.headline { display(part, font: headFont, role: .headline, align: s.headAlign, gap: 3) }
            art.headline = s.headline.joined(separator: joiner)
            y += 4
            if let deck = s.deck {
                display(deck, font: style.deck, role: .subheadline, align: s.headAlign, gap: 2)
                art.subheadline = deck
                y += 4
            }
        }
        if let byline = s.byline, s.bylinePlace == .top {
            display(byline, font: style.byline, role: .byline, align: s.vertical == nil ? s.headAlign : .left, gap: 6)
        }
        art.byline = s.byline
        y += 4

        // Body columns, photo and caption, pulled quote.
        let n = s.bodyColumns ?? span.count
        let colW = (x1 - x0 - Double(n - 1) * style.gutter) / Double(n)
        let lineW = s.script == .chinese ? (colW / size).rounded(.down) * size : colW
        let colX = { (c: Int) in x0 + Double(c) * (colW + self.style.gutter) }
        let lineH = sketch.lineHeight(style.body), leading = size * style.leading
        var flow = ColumnFlow(columns: (0..<n).map { .init(x: colX($0), top: y) }, lineHeight: lineH, leading: leading)
        if let photo = s.photo {
            let px0 = colX(photo.columns.lowerBound), px1 = colX(photo.columns.upperBound - 1) + lineW
            let box = Rect(x0: px0, y0: y, x1: px1, y1: y + photo.height)
            sketch.photo(box, seed: photo.seed)
            var cy = box.y1 + 3
            for line in breaker(style.caption).lines(photo.caption, width: px1 - px0, indent: 0) {
                let b = Rect.union(sketch.text(line.text, x: px0, y: cy, font: style.caption))!
                art.lines.append(Line(text: line.text, role: .caption, bbox: b))
                cy = b.y1
            }
            art.captions.append(photo.caption)
            minBottom = max(minBottom, cy)
            for c in photo.columns { flow.columns[c].blocked.append(y...(cy + size)) }
        }
        var quoteLines: [(BrokenLine, Double)] = []
        let quoteFont = PDFSketch.Font(family: style.deck.family, size: size * 1.6, bold: true, italic: s.script == .english)
        if let q = s.pullQuote {
            let qTop = y + Double(q.afterLines) * leading
            var qy = qTop + 8
            for line in breaker(quoteFont).lines(q.text, width: lineW, indent: 0) {
                quoteLines.append((line, qy)); qy += quoteFont.size * 1.3
            }
            flow.columns[q.column].blocked.append(qTop...(qy + 10))
        }

        var body: [(text: String, indent: Double, justified: Bool, para: Int?)] = []
        for (p, paragraph) in s.paragraphs.enumerated() {
            for line in breaker(style.body).lines(paragraph, width: lineW, indent: style.indentEms * size) {
                body.append((line.text, line.indent, line.justified, p))
            }
        }
        art.paragraphs = s.paragraphs
        if let byline = s.byline, s.bylinePlace == .end { body.append((byline, 0, false, nil)) }
        // A jump line ("Continued on A6") is the article's last body paragraph, set on a line of its own.
        let jumpPara = s.paragraphs.count
        if let jump = s.jump {
            body.append((jump, 0, false, jumpPara))
            art.paragraphs.append(jump)
        }
        let limit = bottom.map { $0 - pad } ?? contentBottom
        guard let (end, spots) = flow.place(count: body.count, minBottom: minBottom, maxBottom: limit) else {
            throw SampleError.overflow(page: name, story: art.headline ?? art.id, lines: body.count)
        }
        for (line, (c, ly)) in zip(body, spots) {
            let x = colX(c)
            switch line.para {
            case .some(jumpPara) where s.jump != nil:
                let font = PDFSketch.Font(family: style.byline.family, size: size - 0.5, italic: true)
                let box = Rect.union(sketch.text(line.text, x: x + lineW - measure(line.text, font), y: ly, font: font))!
                art.lines.append(Line(text: line.text, role: .body, bbox: box, para: jumpPara))
            case nil:
                let w = measure(line.text, style.byline)
                guard w <= lineW else { throw SampleError.tooWide(page: name, text: line.text, width: w, room: lineW) }
                let box = Rect.union(sketch.text(line.text, x: x + lineW - w, y: ly, font: style.byline))!
                art.lines.append(Line(text: line.text, role: .byline, bbox: box))
            case .some(let p):
                let boxes = line.justified
                    ? sketch.justifiedText(line.text, x: x + line.indent, y: ly, width: lineW - line.indent, font: style.body)
                    : sketch.text(line.text, x: x + line.indent, y: ly, font: style.body)
                art.lines.append(Line(text: line.text, role: .body, bbox: Rect.union(boxes)!, para: p))
            }
        }
        if let q = s.pullQuote, let first = quoteLines.first, let last = quoteLines.last {
            let qx = colX(q.column)
            sketch.line(x0: qx, y0: first.1 - 6, x1: qx + lineW, y1: first.1 - 6, width: 1.5)
            // A pull quote repeats words of the story: it is neither body text nor furniture, so the
            // ground truth leaves it out (listing it as furniture would count the story's own words as a leak).
            for (line, qy) in quoteLines {
                sketch.text(line.text, x: qx, y: qy, font: quoteFont)
            }
            sketch.line(x0: qx, y0: last.1 + quoteFont.size * 1.3 + 4, x1: qx + lineW, y1: last.1 + quoteFont.size * 1.3 + 4, width: 1.5)
        }
        if style.columnRules {
            let bodyTop = flow.columns.map(\.top).min() ?? y
            for c in 1..<max(1, n) {
                // No rule through a photo or quote that spans the gutter.
                let gx = colX(c) - style.gutter / 2
                var from = bodyTop
                let shared = flow.columns[c - 1].blocked.filter { flow.columns[c].blocked.contains($0) }
                for block in shared.sorted(by: { $0.lowerBound < $1.lowerBound }) where block.lowerBound < end {
                    if block.lowerBound > from { sketch.line(x0: gx, y0: from, x1: gx, y1: block.lowerBound, width: 0.4) }
                    from = max(from, block.upperBound)
                }
                if end > from { sketch.line(x0: gx, y0: from, x1: gx, y1: end, width: 0.4) }
            }
        }
        let storyBottom = (bottom.map { max($0 - pad, end) } ?? end) + pad
        if s.boxed {
            let (bx0, bx1) = spanX(span)
            sketch.frame(Rect(x0: bx0, y0: top, x1: bx1, y1: storyBottom), width: 1.2)
        }
        truth.articles.append(art)
        return storyBottom
    }
}
