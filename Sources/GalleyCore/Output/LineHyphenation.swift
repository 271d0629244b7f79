/// The words split at line ends on a page: where a line of a flow (a paragraph, an article's
/// headline, kicker or deck, a caption) ends with a hyphen after a letter and a next line follows in
/// that flow, the two halves and the whole word as the JSON joins it (`ParagraphJoiner.join`: the
/// hyphen dropped before a lower-case letter, kept in a compound).
public struct LineHyphenation: Sendable {
    /// Line `line` of block `block` (indices into `RegionPage.blocks` and the block's lines).
    public struct LineRef: Hashable, Sendable {
        public var block: Int
        public var line: Int
        public init(block: Int, line: Int) { self.block = block; self.line = line }
    }

    /// Lines that end with the first half of a word: the whole word.
    public private(set) var ends: [LineRef: String] = [:]
    /// Lines that begin with the second half of a word: the whole word.
    public private(set) var starts: [LineRef: String] = [:]

    /// `words[b][l]`: the words of line `l` of block `b` (`LineWords.words`).
    public init(_ page: RegionPage, words: [[[LineWords.Word]]], joiner: ParagraphJoiner = ParagraphJoiner()) {
        for flow in Self.flows(page) {
            for (a, b) in zip(flow, flow.dropFirst()) {
                guard let last = words[a.block][a.line].last?.text, let first = words[b.block][b.line].first?.text,
                      Self.endsWithHyphen(last) else { continue }
                let whole = joiner.join(last, first)
                ends[a] = whole
                starts[b] = whole
            }
        }
    }

    /// True where `word` ends with a hyphen (or a soft hyphen) after a letter.
    public static func endsWithHyphen(_ word: String) -> Bool {
        guard let h = word.last, h == "-" || h == "\u{AD}", let c = word.dropLast().last else { return false }
        return c.isLetter
    }

    /// The lines joined one after another in the JSON's texts, one list a text.
    static func flows(_ page: RegionPage) -> [[LineRef]] {
        var flows: [[LineRef]] = []
        func lines(_ block: Int) -> [LineRef] { page.blocks[block].lines.indices.map { LineRef(block: block, line: $0) } }
        for a in page.articles {
            for p in a.paragraphs {
                flows.append(p.flatMap { s in s.lines.map { LineRef(block: s.block, line: $0) } })
            }
            for role in [Role.kicker, .headline, .subheadline] { flows.append(a.blocks(role).flatMap(lines)) }
            for c in a.blocks(.caption) { flows.append(lines(c)) }
        }
        return flows
    }
}
