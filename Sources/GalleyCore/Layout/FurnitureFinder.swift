/// Stage 4: page furniture, text that belongs to no article.
///
/// Contract: splits blocks into furniture (with a role) and the rest, keeping the rest's order.
/// - header: text above a wide horizontal rule in the top band of the page (or, without such a rule,
///   a single line in the top band that is the topmost text and far from the rest);
/// - footer: text below a wide rule in the bottom band;
/// - folio: a short line with a digit alone in the top or bottom band;
/// - header also: a running head set vertically in the margin, left or right of all horizontal text;
/// - header also: without a rule, the topmost row of text in the top half of the header band, one line
///   a piece and at most one in headline type, when a piece in smaller type holds a digit (the running
///   head: paper, date, page);
/// - other: a section banner, one line of display type alone on a tinted band;
/// - masthead: a picture across most of the page's width at its top, above all text (the nameplate
///   of a scanned front page, a banner engraving): not a story's photo;
/// - masthead also: the nameplate set in type (a line across much of the page at its top, far larger
///   than any text below it) with the ears beside it and the small lines right under it;
/// - advertisement: the text inside a frame or tinted box that holds no body text of three lines or
///   more in all and no picture with its caption (a boxed article or a caption panel is not an
///   advertisement; a picture with only display type beside it, a slogan, is);
public struct FurnitureFinder: Sendable {
    public var parameters: LayoutParameters
    public init(parameters: LayoutParameters = .standard) { self.parameters = parameters }

    public struct Result: Sendable {
        public var furniture: [(block: TextBlock, role: FurnitureRole)]
        public var content: [TextBlock]
    }

    public func split(_ blocks: [TextBlock], page: PageContent, bodySize: Double) -> Result {
        var role = [FurnitureRole?](repeating: nil, count: blocks.count)
        let wide = page.rules.filter { $0.kind == .horizontal && $0.box.width >= parameters.furnitureRuleWidth * page.width }
        let headerRule = wide.filter { $0.box.midY <= parameters.headerBand * page.height }.map(\.box.midY).max()
        let footerRule = wide.filter { $0.box.midY >= (1 - parameters.footerBand) * page.height }.map(\.box.midY).min()
        for (i, b) in blocks.enumerated() where b.kind != .image {
            if let y = headerRule, b.box.y1 <= y + 1 { role[i] = .header; continue }
            if let y = footerRule, b.box.y0 >= y - 1 { role[i] = .footer; continue }
            let inBand = b.box.y1 <= parameters.headerBand * 0.5 * page.height
                || b.box.y0 >= (1 - parameters.footerBand * 0.6) * page.height
            // (The text is looked at only for one-line blocks in the bands: it is built and filtered anew.)
            guard inBand && b.lines.count == 1 else { continue }
            let t = b.text.filter { !$0.isWhitespace }
            if t.count <= parameters.folioMaxChars && t.contains(where: \.isNumber) {
                role[i] = .folio
            }
        }
        // Advertisements: boxes without running text.
        let boxes = page.rules.filter { ($0.kind == .frame || $0.kind == .fill) && $0.box.width > 3 * bodySize && $0.box.height > 2 * bodySize }
        for box in boxes {
            let inside = blocks.indices.filter { i in
                guard let o = blocks[i].box.intersection(box.box.insetBy(dx: -1, dy: -1)) else { return false }
                return o.area >= 0.8 * blocks[i].box.area
            }
            guard !inside.isEmpty else { continue }
            let running = inside.filter { blocks[$0].kind == .body }.reduce(0) { $0 + blocks[$1].lines.count } >= 3
            let textBlocks = inside.filter { blocks[$0].kind != .image }
            // A picture makes the box a photo with its caption, unless all its text is display type:
            // a caption is set at body size or smaller, an advertisement's slogan larger.
            let displayOnly = textBlocks.allSatisfy { blocks[$0].kind == .headline || blocks[$0].kind == .display }
            let picture = !displayOnly && (inside.contains { blocks[$0].kind == .image }
                || page.images.contains { img in
                    img.box.horizontalOverlap(box.box) > 0.5 * box.box.width
                        && abs(img.box.y1 - box.box.y0) < 2 * bodySize
                })
            let lines = textBlocks.reduce(0) { $0 + blocks[$1].lines.count }
            if !running && !picture && lines >= 2 {
                for i in textBlocks where role[i] == nil { role[i] = .advertisement }
            }
        }
        // Section banners: one line of display type reversed out of (or set on) a tinted band of its own,
        // over a column of stories ("AROUND TOWN"). Not a story's text.
        for band in page.rules where band.kind == .fill {
            let inside = blocks.indices.filter { i in
                guard let o = blocks[i].box.intersection(band.box.insetBy(dx: -1, dy: -1)) else { return false }
                return o.area >= 0.5 * blocks[i].box.area
            }
            guard inside.count == 1, let i = inside.first, role[i] == nil else { continue }
            let b = blocks[i]
            if b.kind != .image, b.lines.count == 1, b.kind != .body,
               band.box.height <= parameters.bannerMaxHeight * b.box.height {
                role[i] = .other
            }
        }
        // The nameplate drawn as a picture: the topmost thing on a page with text below it, nearly as
        // wide as the page and ending in its upper part (a page-sized scan is not a nameplate).
        if let textTop = blocks.filter({ $0.kind != .image }).map(\.box.y0).min() {
            for (i, b) in blocks.enumerated() where b.kind == .image && role[i] == nil {
                if b.box.width >= parameters.mastheadWidth * page.width && b.box.y0 <= parameters.headerBand * page.height
                    && b.box.y1 <= parameters.mastheadDepth * page.height && b.box.y0 <= textTop {
                    role[i] = .masthead
                }
            }
        }
        for i in runningHead(blocks, role: role, page: page) { role[i] = .header }
        for i in nameplateBand(blocks, role: role, page: page, bodySize: bodySize) { role[i] = .masthead }
        for i in marginHeads(blocks, role: role, page: page, bodySize: bodySize) { role[i] = .header }
        var result = Result(furniture: [], content: [])
        for (i, b) in blocks.enumerated() {
            if let r = role[i] { result.furniture.append((b, r)) } else { result.content.append(b) }
        }
        return result
    }

    /// The running head without a rule under it: the topmost row of text, in the top half of the header
    /// band, that holds the page number (a folio found already) or a piece not in headline type with a
    /// digit (the date), with at most one piece in headline type (the paper's name or the dateline set
    /// large); each piece one line. The indexes of its blocks not yet furniture (none where the page has
    /// no such row).
    func runningHead(_ blocks: [TextBlock], role: [FurnitureRole?], page: PageContent) -> [Int] {
        let text = blocks.indices.filter { blocks[$0].kind != .image && (role[$0] == nil || role[$0] == .folio) }
        guard let top = text.min(by: { blocks[$0].box.y0 < blocks[$1].box.y0 }) else { return [] }
        let first = blocks[top].box
        let row = text.filter { i in
            let b = blocks[i].box
            return b.midY >= first.y0 && b.midY <= first.y1 || first.midY >= b.y0 && first.midY <= b.y1
        }
        guard row.allSatisfy({ blocks[$0].box.y1 <= parameters.headerBand * 0.5 * page.height
                  && blocks[$0].lines.count == 1 }),
              row.contains(where: { role[$0] == .folio
                  || blocks[$0].kind != .headline && blocks[$0].text.contains(where: \.isNumber) }),
              row.filter({ blocks[$0].kind == .headline }).count <= 1 else { return [] }
        return row.filter { role[$0] == nil }
    }

    /// The nameplate set in type and the masthead around it: a one-line block starting in the header
    /// band (not the running head), at least `nameplateWidth` of the page wide and `nameplateRatio` times
    /// the size of every text block starting more than `nameplateSkirt` em (body size) below it, among
    /// them a heading (in headline type, or a line of capitals: a story's headline over a page of its own
    /// text is no nameplate). With it: the blocks that start above its foot and end within the skirt (the
    /// ears, the date line); a line within half the skirt under it and within its width (an em either
    /// side: its subtitle); then, row after row, blocks not in headline type of at most three lines (the
    /// motto, prices, address) each starting within the skirt of the masthead so far, up to the first
    /// other block. The indexes not yet furniture (none without a nameplate).
    func nameplateBand(_ blocks: [TextBlock], role: [FurnitureRole?], page: PageContent, bodySize: Double) -> [Int] {
        let text = blocks.indices.filter { blocks[$0].kind != .image && !blocks[$0].vertical && role[$0] == nil }
        guard let n = text.max(by: { blocks[$0].size < blocks[$1].size }) else { return [] }
        let plate = blocks[n].box
        let skirt = parameters.nameplateSkirt * bodySize
        let content = text.filter { blocks[$0].box.y0 > plate.y1 + skirt }
        guard blocks[n].lines.count == 1, plate.y0 <= parameters.headerBand * page.height,
              plate.width >= parameters.nameplateWidth * page.width,
              content.contains(where: { blocks[$0].kind == .headline || blocks[$0].isCapitalsLine(
                  minLetters: parameters.capitalsMinLetters, capitalShare: parameters.capitalsShare) }),
              blocks[n].size >= parameters.nameplateRatio * (content.map { blocks[$0].size }.max() ?? 0)
        else { return [] }
        var band = [n]
        var foot = plate.y1
        for i in text where i != n && blocks[i].box.y0 < plate.y1 && blocks[i].box.y1 <= plate.y1 + skirt {
            band.append(i)
            foot = max(foot, blocks[i].box.y1)
        }
        let under = text.filter { !band.contains($0) && blocks[$0].box.y0 >= plate.y1 - 1 }
            .sorted { blocks[$0].box.y0 < blocks[$1].box.y0 }
        for i in under {
            let b = blocks[i]
            let subtitle = b.lines.count == 1 && b.box.y0 - plate.y1 <= skirt / 2
                && b.box.x0 >= plate.x0 - bodySize && b.box.x1 <= plate.x1 + bodySize
            let small = b.lines.count <= 3 && b.kind != .headline
            guard b.box.y0 <= foot + skirt, subtitle || small else { break }
            band.append(i)
            foot = max(foot, b.box.y1)
        }
        return band
    }

    /// Running heads set up or down the margin (gazettes, books): vertical text no larger than display
    /// type, at least `marginHeadHeight` of the page tall, wholly left or wholly right of all horizontal
    /// text. (A vertical headline stands beside its story and is set large.)
    func marginHeads(_ blocks: [TextBlock], role: [FurnitureRole?], page: PageContent, bodySize: Double) -> [Int] {
        let horizontal = blocks.filter { $0.kind != .image && !$0.vertical && !$0.lines.isEmpty }
        guard let left = horizontal.map(\.box.x0).min(), let right = horizontal.map(\.box.x1).max() else { return [] }
        return blocks.indices.filter { i in
            let b = blocks[i]
            return role[i] == nil && b.vertical && b.size <= parameters.displayRatio * bodySize
                && b.box.height >= parameters.marginHeadHeight * page.height
                && (b.box.x1 <= left || b.box.x0 >= right)
        }
    }
}
