/// A page as the library formats (ALTO, METS, PAGE XML) write it: every block Galley found with its
/// lines, the pictures and rules, and the articles as paths through those blocks.
///
/// Built from the analysis (`RegionPageBuilder`); the JSON output never reads it.
public struct RegionPage: Sendable {
    /// 1-based page number in the document.
    public var number: Int
    /// Page size in points.
    public var width: Double
    public var height: Double
    /// Text blocks and pictures in reading order: the articles' blocks in article order, each article's
    /// in its reading path, then the blocks of no article, then the furniture.
    public var blocks: [RegionBlock]
    /// Drawn rules: horizontal and vertical lines, frames.
    public var rules: [Rule]
    /// The page's articles, in the order of the JSON's.
    public var articles: [RegionArticle]

    public init(number: Int, width: Double, height: Double, blocks: [RegionBlock] = [], rules: [Rule] = [],
                articles: [RegionArticle] = []) {
        self.number = number; self.width = width; self.height = height
        self.blocks = blocks; self.rules = rules; self.articles = articles
    }

    /// The block with identifier `id`, if any.
    public func block(_ id: String) -> RegionBlock? { blocks.first { $0.id == id } }
}

/// What a block is: a part of an article (headline, body, caption…) or page furniture.
public enum BlockTag: Hashable, Sendable {
    case article(Role)
    case furniture(FurnitureRole)

    /// The name the outputs use: the role's JSON name (`headline`, `body`, `folio`, `advertisement`…).
    public var name: String {
        switch self {
        case let .article(role): return role.rawValue
        case let .furniture(role): return role.rawValue
        }
    }

    /// Every tag, articles' roles first.
    public static let all: [BlockTag] = Role.allCases.map(BlockTag.article) + FurnitureRole.allCases.map(BlockTag.furniture)
}

/// One text block or picture of a page.
public struct RegionBlock: Sendable {
    /// Unique within the page's output: `p<page>-b<k>`.
    public var id: String
    public var tag: BlockTag
    public var box: Rect
    /// The block's lines, top to bottom as Galley read them (none for a picture).
    public var lines: [TextLine]
    /// True for a picture.
    public var isImage: Bool
    /// Lines of a body block that are the article's byline (taken out of the body by the layout).
    public var bylineLines: Set<Int>

    public init(id: String, tag: BlockTag, box: Rect, lines: [TextLine] = [], isImage: Bool = false,
                bylineLines: Set<Int> = []) {
        self.id = id; self.tag = tag; self.box = box; self.lines = lines; self.isImage = isImage
        self.bylineLines = bylineLines
    }

    /// True where every line is vertical (stacked top to bottom).
    public var vertical: Bool { !lines.isEmpty && lines.allSatisfy(\.vertical) }

    /// The identifier of line `k`: `p<page>-b<k>-l<n>`.
    public func lineID(_ k: Int) -> String { id + "-l\(k + 1)" }
}
