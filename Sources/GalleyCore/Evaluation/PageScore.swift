/// The scores of one page, as the reference scorer `score.py` computes them. Shares from 0 to 1.
public struct PageScore: Sendable, Equatable, Codable {
    /// Share of consecutive body-line pairs of an article found joined in the output.
    public var junction: Double
    /// The same, for pairs that cross a column break.
    public var colbreak: Double
    /// Share of articles whose headline is directly followed by their first body line.
    public var headfirst: Double
    /// The article metrics: nil for a plain-text prediction.
    public var complete: Double?
    public var pure: Double?
    public var artF1: Double?
    public var headline: Double?
    public var leak: Double?
    /// The baseline: the junction the page's text reaches in the order the PDF draws it (every glyph in
    /// content-stream order, as `pdftotext -raw` prints it); nil where it was not measured.
    public var drawn: Double?
    /// Predicted articles with body text (nil for plain text), and ground-truth articles.
    public var predictedArticles: Int?
    public var truthArticles: Int

    public init(junction: Double, colbreak: Double, headfirst: Double, complete: Double? = nil,
                pure: Double? = nil, artF1: Double? = nil, headline: Double? = nil, leak: Double? = nil,
                predictedArticles: Int? = nil, truthArticles: Int) {
        self.junction = junction; self.colbreak = colbreak; self.headfirst = headfirst
        self.complete = complete; self.pure = pure; self.artF1 = artF1; self.headline = headline
        self.leak = leak; self.predictedArticles = predictedArticles; self.truthArticles = truthArticles
    }

    /// The metric names in the order `score.py` prints them.
    public static let metricNames = ["junction", "colbreak", "headfirst", "complete", "pure", "artF1",
                                     "headline", "leak"]

    /// The baselines `galley eval` prints after the metrics.
    public static let baselineNames = ["drawn"]

    /// A metric by its `score.py` name (or a baseline by its name); nil for an unknown name or an article metric of plain text.
    public func value(_ name: String) -> Double? {
        switch name {
        case "junction": return junction
        case "colbreak": return colbreak
        case "headfirst": return headfirst
        case "complete": return complete
        case "pure": return pure
        case "artF1": return artF1
        case "headline": return headline
        case "leak": return leak
        case "drawn": return drawn
        default: return nil
        }
    }
}
