import Foundation

/// One page of ground truth in the devset format (`../shared/devset/README.md`): articles with their
/// lines in reading order, and the furniture that belongs to no article.
///
/// Decoding is tolerant: only the fields the scorer reads are required, every other field is optional,
/// so the corpus files (derived from METS/ALTO, with fewer fields) load too.
public struct GroundTruthPage: Sendable, Decodable {
    public struct Line: Sendable, Decodable {
        public var text: String
        public var role: String
        public var bbox: [Double]
        /// Index of the paragraph a body line belongs to, where the ground truth gives it.
        public var para: Int?
        public var vertical: Bool?

        public init(text: String, role: String, bbox: [Double], para: Int? = nil, vertical: Bool? = nil) {
            self.text = text; self.role = role; self.bbox = bbox; self.para = para; self.vertical = vertical
        }

        private enum CodingKeys: String, CodingKey { case text, role, bbox, para, vertical }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
            role = try c.decode(String.self, forKey: .role)
            bbox = try c.decodeIfPresent([Double].self, forKey: .bbox) ?? [0, 0, 0, 0]
            para = try c.decodeIfPresent(Int.self, forKey: .para)
            vertical = try c.decodeIfPresent(Bool.self, forKey: .vertical)
        }

        /// Lines that carry the article's running text for the scorer: body lines and the byline.
        public var isBodyStream: Bool { role == "body" || role == "byline" }
    }

    public struct Article: Sendable, Decodable {
        public var id: String?
        public var headline: String?
        public var kicker: String?
        public var subheadline: String?
        public var byline: String?
        public var lines: [Line]

        public init(id: String? = nil, headline: String? = nil, kicker: String? = nil,
                    subheadline: String? = nil, byline: String? = nil, lines: [Line]) {
            self.id = id; self.headline = headline; self.kicker = kicker
            self.subheadline = subheadline; self.byline = byline; self.lines = lines
        }

        private enum CodingKeys: String, CodingKey { case id, headline, kicker, subheadline, byline, lines }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decodeIfPresent(String.self, forKey: .id)
            headline = try c.decodeIfPresent(String.self, forKey: .headline)
            kicker = try c.decodeIfPresent(String.self, forKey: .kicker)
            subheadline = try c.decodeIfPresent(String.self, forKey: .subheadline)
            byline = try c.decodeIfPresent(String.self, forKey: .byline)
            lines = try c.decodeIfPresent([Line].self, forKey: .lines) ?? []
        }

        /// Body and byline lines in reading order: what junctions and completeness are measured on.
        public var bodyStream: [Line] { lines.filter(\.isBodyStream) }
    }

    public struct FurnitureItem: Sendable, Decodable {
        public var role: String?
        public var text: String
        public init(role: String? = nil, text: String) { self.role = role; self.text = text }
    }

    public var articles: [Article]
    public var furniture: [FurnitureItem]

    public init(articles: [Article], furniture: [FurnitureItem] = []) {
        self.articles = articles; self.furniture = furniture
    }

    private enum CodingKeys: String, CodingKey { case articles, furniture }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        articles = try c.decode([Article].self, forKey: .articles)
        furniture = try c.decodeIfPresent([FurnitureItem].self, forKey: .furniture) ?? []
    }

    /// Reads a ground-truth file; the error names the file and what is wrong with it.
    public static func load(path: String) throws -> GroundTruthPage {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw EvaluationError.unreadable(path: path, reason: error.localizedDescription)
        }
        do { return try JSONDecoder().decode(GroundTruthPage.self, from: data) } catch {
            throw EvaluationError.badGroundTruth(path: path, reason: EvaluationError.describe(error))
        }
    }

    /// True where any headline holds a CJK ideograph (U+4E00…U+9FFF): the page is scored as Chinese.
    public var isChinese: Bool {
        articles.contains { a in
            (a.headline ?? "").unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
        }
    }
}

/// What went wrong while evaluating.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case badGroundTruth(path: String, reason: String)
    case notADirectory(path: String)
    case noGroundTruth(path: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        case let .badGroundTruth(path, reason): return "\(path) is not a ground-truth page: \(reason)"
        case let .notADirectory(path): return "\(path) is not a folder"
        case let .noGroundTruth(path):
            return "\(path) holds no PDF with a ground truth (NAME.pdf + NAME.json, or X_Npages.pdf + X-pNN.json)"
        }
    }

    /// A one-line description of a decoding error: which key, at which path.
    static func describe(_ error: Error) -> String {
        func path(_ ctx: DecodingError.Context) -> String {
            let p = ctx.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "" : " at \(p)"
        }
        switch error {
        case let DecodingError.keyNotFound(key, ctx): return "missing key \"\(key.stringValue)\"\(path(ctx))"
        case let DecodingError.typeMismatch(_, ctx): return "wrong type\(path(ctx)): \(ctx.debugDescription)"
        case let DecodingError.valueNotFound(_, ctx): return "missing value\(path(ctx))"
        case let DecodingError.dataCorrupted(ctx): return "invalid JSON\(path(ctx)): \(ctx.debugDescription)"
        default: return "\(error)"
        }
    }
}
