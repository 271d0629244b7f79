/// Scores of many pages, averaged per scoring language: Chinese pages (a CJK ideograph in any
/// headline, 6-character windows) apart from all others (10-character windows), as `score.py` decides.
public struct EvalSummary: Sendable, Equatable {
    public enum Language: String, Sendable, CaseIterable, Codable {
        /// Pages with a CJK ideograph in a headline.
        case zh
        /// All other pages (English, German, …).
        case latin
    }

    public struct PageResult: Sendable, Equatable {
        public var name: String
        public var language: Language
        public var score: PageScore
        /// Why the page could not be analysed (then it is scored as an empty prediction).
        public var error: String?
        public init(name: String, language: Language, score: PageScore, error: String? = nil) {
            self.name = name; self.language = language; self.score = score; self.error = error
        }
    }

    /// Mean of each metric over a group of pages (article metrics over the pages that have them).
    public struct Mean: Sendable, Equatable {
        public var pages: Int
        public var metrics: [String: Double]
    }

    public var pages: [PageResult]

    public init(pages: [PageResult]) { self.pages = pages }

    /// Per language present (in the order zh, latin), the mean of every metric.
    public var byLanguage: [(Language, Mean)] {
        Language.allCases.compactMap { lang in
            let group = pages.filter { $0.language == lang }
            return group.isEmpty ? nil : (lang, Self.mean(group.map(\.score)))
        }
    }

    /// The mean over all pages.
    public var overall: Mean { Self.mean(pages.map(\.score)) }

    public static func mean(_ scores: [PageScore]) -> Mean {
        var metrics: [String: Double] = [:]
        for name in PageScore.metricNames + PageScore.baselineNames {
            let values = scores.compactMap { $0.value(name) }
            if !values.isEmpty { metrics[name] = values.reduce(0, +) / Double(values.count) }
        }
        return Mean(pages: scores.count, metrics: metrics)
    }
}
