import Foundation
import GalleyCore

/// Writes `galley eval` results: a table per page with means per language, or JSON.
enum EvalReport {
    /// The metrics, then the drawing-order baseline (`drawn`).
    static let metrics = PageScore.metricNames + PageScore.baselineNames

    static func text(_ summary: EvalSummary) -> String {
        let nameWidth = max(12, summary.pages.map(\.name.count).max() ?? 0, "mean latin (000)".count)
        let widths = metrics.map { max(6, $0.count) }
        func row(_ name: String, _ lang: String, _ arts: String, _ values: [String]) -> String {
            var s = pad(name, nameWidth) + "  " + pad(lang, 5) + "  " + pad(arts, 7, left: true)
            for (v, w) in zip(values, widths) { s += "  " + pad(v, w, left: true) }
            return s.trimmingCharacters(in: .whitespaces) + "\n"
        }
        var out = row("page", "lang", "arts", metrics)
        for p in summary.pages {
            let arts = p.score.predictedArticles.map { "\($0)/\(p.score.truthArticles)" } ?? "-"
            out += row(p.name + (p.error == nil ? "" : " (!)"), p.language.rawValue, arts,
                       metrics.map { p.score.value($0).map(format) ?? "-" })
        }
        out += "\n"
        for (lang, mean) in summary.byLanguage {
            out += row("mean \(lang.rawValue) (\(mean.pages))", lang.rawValue, "",
                       metrics.map { mean.metrics[$0].map(format) ?? "-" })
        }
        if summary.byLanguage.count > 1 {
            let all = summary.overall
            out += row("mean all (\(all.pages))", "", "", metrics.map { all.metrics[$0].map(format) ?? "-" })
        }
        return out
    }

    static func json(_ summary: EvalSummary, folder: String, cases: [GroundTruthSet.Case]) -> String {
        let byName = Dictionary(cases.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var pages: [[String: Any]] = []
        for p in summary.pages {
            var d: [String: Any] = ["name": p.name, "language": p.language.rawValue,
                                    "truth_articles": p.score.truthArticles,
                                    "predicted_articles": p.score.predictedArticles ?? NSNull(),
                                    "error": p.error ?? NSNull()]
            if let c = byName[p.name] { d["pdf"] = c.pdf; d["page"] = c.page; d["ground_truth"] = c.groundTruth }
            for m in metrics { d[m] = p.score.value(m).map(round4) ?? NSNull() }
            pages.append(d)
        }
        func meanObject(_ mean: EvalSummary.Mean) -> [String: Any] {
            var d: [String: Any] = ["pages": mean.pages]
            for m in metrics { d[m] = mean.metrics[m].map(round4) ?? NSNull() }
            return d
        }
        var means: [String: Any] = ["all": meanObject(summary.overall)]
        for (lang, mean) in summary.byLanguage { means[lang.rawValue] = meanObject(mean) }
        let object: [String: Any] = ["folder": folder, "pages": pages, "means": means]
        let data = (try? JSONSerialization.data(withJSONObject: object,
                                                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func round4(_ v: Double) -> Double { (v * 10000).rounded() / 10000 }
    static func format(_ v: Double) -> String { String(format: "%.3f", v) }

    static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
        let n = s.count
        guard n < width else { return s }
        let fill = String(repeating: " ", count: width - n)
        return left ? fill + s : s + fill
    }
}
