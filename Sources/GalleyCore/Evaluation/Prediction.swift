import Foundation

/// What a tool produced for one page, in the form the scorer reads: either articles (Galley's JSON,
/// schema `galley.articles/1`) or one plain text stream (any other extractor's output).
public struct Prediction: Sendable, Equatable {
    /// The fields of a predicted article the scorer looks at.
    public struct Article: Sendable, Equatable {
        public var kicker: String?
        public var headline: String?
        public var subheadline: String?
        public var byline: String?
        public var paragraphs: [String]

        public init(kicker: String? = nil, headline: String? = nil, subheadline: String? = nil,
                    byline: String? = nil, paragraphs: [String] = []) {
            self.kicker = kicker; self.headline = headline; self.subheadline = subheadline
            self.byline = byline; self.paragraphs = paragraphs
        }

        /// Display lines, paragraphs and byline, in the order the scorer concatenates them.
        var allParts: [String?] { [kicker, headline, subheadline] + paragraphs.map { $0 } + [byline] }
        /// Paragraphs and byline: the text body lines are looked up in.
        var bodyParts: [String?] { paragraphs.map { $0 } + [byline] }
    }

    /// The articles, or nil for a plain-text prediction (then only the reading-order metrics apply).
    public var articles: [Article]?
    /// The text the reading-order metrics (junction, colbreak, headfirst) search.
    public var stream: String

    /// A plain-text prediction.
    public init(text: String) { articles = nil; stream = text }

    /// An articles prediction. Its stream is one line per article: kicker, headline, deck, paragraphs,
    /// byline run together (captions are not part of it).
    public init(articles: [Article]) {
        self.articles = articles
        stream = articles.map { a in
            (a.kicker ?? "") + (a.headline ?? "") + (a.subheadline ?? "") + a.paragraphs.joined() + (a.byline ?? "")
        }.joined(separator: "\n")
    }

    /// The prediction for Galley's own output.
    public init(document: ArticleDocument) {
        self.init(articles: document.articles.map {
            Article(kicker: $0.kicker, headline: $0.headline, subheadline: $0.subheadline,
                    byline: $0.byline, paragraphs: $0.paragraphs)
        })
    }

    /// Reads a prediction file's bytes: a JSON object is read as articles JSON (missing fields count as
    /// empty, as in the reference scorer); anything else is plain text (invalid UTF-8 replaced).
    public init(contents data: Data) {
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
           let dict = object as? [String: Any] {
            let list = dict["articles"] as? [Any] ?? []
            self.init(articles: list.compactMap { item in
                guard let a = item as? [String: Any] else { return nil }
                func string(_ key: String) -> String? { a[key] as? String }
                let paragraphs = (a["paragraphs"] as? [Any] ?? []).compactMap { $0 as? String }
                return Article(kicker: string("kicker"), headline: string("headline"),
                               subheadline: string("subheadline"), byline: string("byline"),
                               paragraphs: paragraphs)
            })
        } else {
            self.init(text: String(decoding: data, as: UTF8.self))
        }
    }
}
