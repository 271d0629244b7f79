/// Lines `lines` of block `block` (an index into `RegionPage.blocks`).
public struct LineSpan: Hashable, Sendable {
    public var block: Int
    public var lines: Range<Int>
    public init(block: Int, lines: Range<Int>) { self.block = block; self.lines = lines }
}

/// An article as a path through its page's blocks, with its paragraphs located in their lines.
public struct RegionArticle: Sendable {
    /// The JSON article's id, e.g. `p1-a3`.
    public var id: String
    public var headline: String?
    /// The reading path: each block (an index into `RegionPage.blocks`) with its role, as the JSON's
    /// `blocks` list them.
    public var path: [(role: Role, block: Int)]
    /// Each body paragraph as the lines it spans, in order (one span a block it crosses).
    public var paragraphs: [[LineSpan]]
    /// The byline pieces in the order the JSON's byline joins them: a byline block's first line, or a
    /// line taken out of a body block.
    public var bylines: [LineSpan]

    public init(id: String, headline: String? = nil, path: [(role: Role, block: Int)] = [],
                paragraphs: [[LineSpan]] = [], bylines: [LineSpan] = []) {
        self.id = id; self.headline = headline; self.path = path; self.paragraphs = paragraphs
        self.bylines = bylines
    }

    /// The blocks of the path with role `role`, in order.
    public func blocks(_ role: Role) -> [Int] { path.filter { $0.role == role }.map(\.block) }
}
