/// Puts one page's analysis (the layout and the stages' trace) into the form the library formats
/// write: every block Galley found, with its lines, tagged with its role, and the articles as paths
/// through them.
///
/// The article blocks are the analysis's content blocks at the boxes the JSON's `blocks` list (the
/// drafts' reading paths); an article's body lines are its drafts' body lines, and a line of a body
/// block that is in none of them is one the layout took out as the byline. Drafts that became no
/// article (display type without running text) are advertisements, as in the JSON's furniture; pull
/// quotes are furniture `other`; content blocks in no draft are `other` too.
public struct RegionPageBuilder: Sendable {
    public init() {}

    public func page(_ layout: PageLayout, trace: PageAnalyzer.Trace, rules: [Rule]) -> RegionPage {
        let number = layout.summary.number
        var page = RegionPage(number: number, width: layout.summary.width, height: layout.summary.height,
                              rules: rules)
        var unused: [Rect: [Int]] = [:]
        for (i, b) in trace.content.enumerated() { unused[b.box, default: []].append(i) }
        var taken = Set<Int>()
        // Blocks the grouper joined (a headline with its connecting words) are in the drafts only: such a
        // block stands for the content blocks inside it.
        var joined: [Rect: TextBlock] = [:]
        for d in trace.drafts {
            for b in d.kicker + d.headline + d.deck + d.body + d.captions where unused[b.box] == nil { joined[b.box] = b }
        }
        func take(_ box: Rect) -> TextBlock? {
            if let i = unused[box]?.first {
                unused[box]?.removeFirst()
                taken.insert(i)
                return trace.content[i]
            }
            guard let b = joined.removeValue(forKey: box) else { return nil }
            for (i, c) in trace.content.enumerated() where !taken.contains(i) && box.contains(c.box)
                && c.lines.allSatisfy({ l in b.lines.contains(l) }) {
                taken.insert(i)
                unused[c.box]?.removeAll { $0 == i }
            }
            return b
        }
        func add(_ b: TextBlock, _ tag: BlockTag) -> Int {
            page.blocks.append(RegionBlock(id: "p\(number)-b\(page.blocks.count + 1)", tag: tag, box: b.box,
                                           lines: b.lines, isImage: b.kind == .image))
            return page.blocks.count - 1
        }
        var articles = layout.articles[...]
        for d in trace.drafts {
            if let a = articles.first, a.blocks.count == d.sequence.count,
               zip(a.blocks, d.sequence).allSatisfy({ $0.bbox == $1.1 && $0.role == $1.0 }) {
                articles.removeFirst()
                var path: [(role: Role, block: Int)] = []
                for (role, box) in d.sequence {
                    if let b = take(box) { path.append((role, add(b, .article(role)))) }
                }
                page.articles.append(article(a, draft: d, path: path, blocks: &page.blocks))
            } else {
                for (_, box) in d.sequence {
                    if let b = take(box) { _ = add(b, .furniture(.advertisement)) }
                }
            }
            for q in d.pullQuotes {
                if let b = take(q.box) { _ = add(b, .furniture(.other)) }
            }
        }
        for (i, b) in trace.content.enumerated() where !taken.contains(i) { _ = add(b, .furniture(.other)) }
        for f in trace.furniture { _ = add(f.block, .furniture(f.role)) }
        return page
    }

    /// The article's paragraphs and byline located in its blocks' lines (and the byline lines marked).
    func article(_ a: Article, draft d: ArticleGrouper.Draft, path: [(role: Role, block: Int)],
                 blocks: inout [RegionBlock]) -> RegionArticle {
        struct Key: Hashable { var box: Rect; var text: String }
        var place: [Key: (block: Int, line: Int)] = [:]
        for (role, k) in path where role == .body {
            for (n, line) in blocks[k].lines.enumerated() { place[Key(box: line.box, text: line.text)] = (k, n) }
        }
        var body: [ParagraphLines.Line] = []
        var inBody = Set<LineSpan>()
        for line in d.body.flatMap(\.lines) {
            guard let p = place[Key(box: line.box, text: line.text)] else { continue }
            body.append(ParagraphLines.Line(block: p.block, line: p.line, text: line.text))
            inBody.insert(LineSpan(block: p.block, lines: p.line..<(p.line + 1)))
        }
        // Byline candidates in reading order: byline blocks' first lines, body lines left out of the body.
        var candidates: [LineSpan] = []
        for (role, k) in path {
            if role == .byline, !blocks[k].lines.isEmpty { candidates.append(LineSpan(block: k, lines: 0..<1)) }
            guard role == .body else { continue }
            for n in blocks[k].lines.indices where !inBody.contains(LineSpan(block: k, lines: n..<(n + 1))) {
                candidates.append(LineSpan(block: k, lines: n..<(n + 1)))
            }
        }
        var bylines: [LineSpan] = []
        for text in d.bylines {
            guard let c = candidates.firstIndex(where: { blocks[$0.block].lines[$0.lines.lowerBound].text == text }) else { continue }
            let span = candidates.remove(at: c)
            bylines.append(span)
            if blocks[span.block].tag == .article(.body) { blocks[span.block].bylineLines.insert(span.lines.lowerBound) }
        }
        return RegionArticle(id: a.id, headline: a.headline, path: path,
                             paragraphs: ParagraphLines().spans(a.paragraphs, lines: body), bylines: bylines)
    }
}
