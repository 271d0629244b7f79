/// Scores one page's prediction against its ground truth, metric for metric as the reference scorer
/// `../shared/devset/score.py` does (see its README): same normalisation, same window lengths, same
/// substring tests, same tie-breaking.
public struct Scorer: Sendable {
    /// Characters taken from each side of a junction on Chinese pages.
    public static let windowChinese = 6
    /// Characters taken from each side of a junction on all other pages.
    public static let windowLatin = 10
    /// Lines shorter than this (after normalisation) are not assigned to articles: too ambiguous.
    public static let minAssignedLine = 4
    /// Furniture strings shorter than this are not looked for.
    public static let minFurniture = 4
    /// A junction crosses a column break where the next line starts higher than this many points above…
    public static let columnRise = 1.0
    /// …or starts further than this many points to the left or right.
    public static let columnShift = 30.0

    public init() {}

    /// One within-article body-line junction.
    struct Junction { var text: ScoreText; var crossesColumn: Bool }

    func junctions(_ gt: GroundTruthPage, window k: Int) -> [Junction] {
        var out: [Junction] = []
        for article in gt.articles {
            let body = article.bodyStream
            for (x, y) in zip(body, body.dropFirst()) {
                let nx = ScoreText(x.text), ny = ScoreText(y.text)
                if nx.count < 2 || ny.count < 2 { continue }
                let crosses = Self.coord(y.bbox, 1) < Self.coord(x.bbox, 1) - Self.columnRise
                    || abs(Self.coord(y.bbox, 0) - Self.coord(x.bbox, 0)) > Self.columnShift
                out.append(Junction(text: nx.suffix(k) + ny.prefix(k), crossesColumn: crosses))
            }
        }
        return out
    }

    static func coord(_ box: [Double], _ i: Int) -> Double { i < box.count ? box[i] : 0 }

    static func share(_ hits: Int, of total: Int) -> Double { Double(hits) / Double(max(1, total)) }

    public func score(_ gt: GroundTruthPage, _ prediction: Prediction) -> PageScore {
        let k = gt.isChinese ? Self.windowChinese : Self.windowLatin
        let stream = ScoreText(prediction.stream)
        let js = junctions(gt, window: k)
        let crossing = js.filter(\.crossesColumn)
        var headfirst: [Bool] = []
        for article in gt.articles {
            let body = article.bodyStream
            guard let head = article.headline, !head.isEmpty, let first = body.first else { continue }
            headfirst.append(stream.contains(ScoreText(head).suffix(k) + ScoreText(first.text).prefix(k)))
        }
        var result = PageScore(
            junction: Self.share(js.filter { stream.contains($0.text) }.count, of: js.count),
            colbreak: Self.share(crossing.filter { stream.contains($0.text) }.count, of: crossing.count),
            headfirst: Self.share(headfirst.filter { $0 }.count, of: headfirst.count),
            truthArticles: gt.articles.count)
        if let articles = prediction.articles { ArticleGrouping(gt: gt, articles: articles).apply(to: &result) }
        return result
    }
}

/// The article metrics: how body lines of the ground truth spread over predicted articles.
struct ArticleGrouping {
    struct Part { var headline: ScoreText; var text: ScoreText; var body: ScoreText }
    let gt: GroundTruthPage
    let parts: [Part]

    init(gt: GroundTruthPage, articles: [Prediction.Article]) {
        self.gt = gt
        parts = articles.map { a in
            Part(headline: ScoreText(a.headline),
                 text: .joined(a.allParts.compactMap { $0 }.map(ScoreText.init)),
                 body: .joined(a.bodyParts.compactMap { $0 }.map(ScoreText.init)))
        }
    }

    func apply(to result: inout PageScore) {
        var completeHits = 0, completeTotal = 0
        // owners[p][g]: characters of ground-truth article g found in predicted article p.
        var owners = [[Int: Int]](repeating: [:], count: parts.count)
        var headlineHits: [Bool] = []
        for (gi, article) in gt.articles.enumerated() {
            // Per predicted article, characters of this article it holds, in order of first hit: the
            // first of equal maxima wins, as Python's max over an insertion-ordered dict.
            var per: [(part: Int, chars: Int)] = []
            var total = 0
            for line in article.bodyStream {
                let t = ScoreText(line.text)
                if t.count < Scorer.minAssignedLine { continue }
                total += t.count
                // A line goes to the first predicted article whose body holds it.
                guard let pi = parts.firstIndex(where: { $0.body.contains(t) }) else { continue }
                if let i = per.firstIndex(where: { $0.part == pi }) { per[i].chars += t.count } else {
                    per.append((pi, t.count))
                }
                owners[pi][gi, default: 0] += t.count
            }
            var best: (part: Int, chars: Int)?
            for entry in per where entry.chars > (best?.chars ?? Int.min) { best = entry }
            completeHits += best?.chars ?? 0
            completeTotal += total
            if let head = article.headline, !head.isEmpty {
                headlineHits.append(best.map { parts[$0.part].headline == ScoreText(head) } ?? false)
            }
        }
        var pureHits = 0, pureTotal = 0
        for (pi, part) in parts.enumerated() where !part.body.isEmpty {
            pureTotal += part.body.count
            pureHits += owners[pi].values.max() ?? 0
        }
        let c = Scorer.share(completeHits, of: completeTotal), p = Scorer.share(pureHits, of: pureTotal)
        result.complete = c
        result.pure = p
        result.artF1 = 2 * c * p / max(1e-9, c + p)
        result.headline = Scorer.share(headlineHits.filter { $0 }.count, of: headlineHits.count)
        let all = ScoreText.joined(parts.map(\.text))
        let furniture = gt.furniture.map { ScoreText($0.text) }.filter { $0.count >= Scorer.minFurniture }
        result.leak = Scorer.share(furniture.filter { all.contains($0) }.count, of: furniture.count)
        result.predictedArticles = parts.filter { !$0.body.isEmpty }.count
    }
}
