/// The role a block of text plays in an article, or on the page.
public enum Role: String, Sendable, Codable, CaseIterable {
    case kicker, headline, subheadline, byline, body, caption, image
}

/// What kind of page furniture a piece of text is.
public enum FurnitureRole: String, Sendable, Codable, CaseIterable {
    case header, footer, folio, masthead, advertisement, other
}

/// One block of an article, in reading order.
public struct ArticleBlock: Hashable, Sendable, Codable {
    public var page: Int
    public var role: Role
    public var bbox: Rect
    public init(page: Int, role: Role, bbox: Rect) { self.page = page; self.role = role; self.bbox = bbox }
}

/// How a story's text is set: in lines left to right (horizontal), or in columns top to bottom that
/// follow one another right to left (vertical, 竖排).
public enum WritingDirection: String, Sendable, Codable, CaseIterable {
    case horizontal, vertical
}

/// A story as a reader sees it: its display lines, its body and its pictures.
public struct Article: Hashable, Sendable, Codable {
    /// Stable within one output, e.g. `p1-a3`.
    public var id: String
    public var kicker: String?
    public var headline: String?
    public var subheadline: String?
    public var byline: String?
    /// Body paragraphs with lines joined.
    public var paragraphs: [String]
    public var captions: [String]
    public var blocks: [ArticleBlock]
    /// How the story is set on the page. Written to JSON as `writing` for vertical stories only (a story
    /// without the key is horizontal), so that the output of horizontal pages keeps its bytes.
    public var writing: WritingDirection = .horizontal

    public init(id: String, kicker: String? = nil, headline: String? = nil, subheadline: String? = nil,
                byline: String? = nil, paragraphs: [String] = [], captions: [String] = [],
                blocks: [ArticleBlock] = [], writing: WritingDirection = .horizontal) {
        self.id = id; self.kicker = kicker; self.headline = headline; self.subheadline = subheadline
        self.byline = byline; self.paragraphs = paragraphs; self.captions = captions; self.blocks = blocks
        self.writing = writing
    }

    private enum CodingKeys: String, CodingKey {
        case id, kicker, headline, subheadline, byline, paragraphs, captions, blocks, writing
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kicker = try c.decodeIfPresent(String.self, forKey: .kicker)
        headline = try c.decodeIfPresent(String.self, forKey: .headline)
        subheadline = try c.decodeIfPresent(String.self, forKey: .subheadline)
        byline = try c.decodeIfPresent(String.self, forKey: .byline)
        paragraphs = try c.decode([String].self, forKey: .paragraphs)
        captions = try c.decode([String].self, forKey: .captions)
        blocks = try c.decode([ArticleBlock].self, forKey: .blocks)
        writing = try c.decodeIfPresent(WritingDirection.self, forKey: .writing) ?? .horizontal
    }

    // Optional fields are written as explicit nulls: the schema requires every key.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kicker, forKey: .kicker)
        try c.encode(headline, forKey: .headline)
        try c.encode(subheadline, forKey: .subheadline)
        try c.encode(byline, forKey: .byline)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(captions, forKey: .captions)
        try c.encode(blocks, forKey: .blocks)
        if writing != .horizontal { try c.encode(writing, forKey: .writing) }
    }
}

/// Text that belongs to no article.
public struct Furniture: Hashable, Sendable, Codable {
    public var role: FurnitureRole
    public var text: String
    public var bbox: Rect
    public init(role: FurnitureRole, text: String, bbox: Rect) { self.role = role; self.text = text; self.bbox = bbox }
}

/// What the layout found on one page besides its articles.
public struct PageSummary: Hashable, Sendable, Codable {
    public var number: Int
    public var width: Double
    public var height: Double
    /// Text column boxes in reading order.
    public var columns: [Rect]
    public var furniture: [Furniture]
    public var warnings: [String]
    public init(number: Int, width: Double, height: Double, columns: [Rect] = [],
                furniture: [Furniture] = [], warnings: [String] = []) {
        self.number = number; self.width = width; self.height = height
        self.columns = columns; self.furniture = furniture; self.warnings = warnings
    }
}

/// The whole output of `galley articles` for one PDF: schema `galley.articles/1`.
public struct ArticleDocument: Hashable, Sendable, Codable {
    public var schema: String = "galley.articles/1"
    public var source: String
    public var pages: [PageSummary]
    public var articles: [Article]
    public init(source: String, pages: [PageSummary] = [], articles: [Article] = []) {
        self.source = source; self.pages = pages; self.articles = articles
    }
}
