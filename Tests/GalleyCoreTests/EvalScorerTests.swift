import Foundation
import Testing
@testable import GalleyCore

/// Hand-made pages whose scores are worked out by hand in the comments.
@Suite struct EvalScorerTests {
    typealias Line = GroundTruthPage.Line

    static func body(_ text: String, x: Double, y: Double) -> Line {
        Line(text: text, role: "body", bbox: [x, y, x + 100, y + 10])
    }

    // Article A: three body lines; the third starts a new column (x moves by 150 > 30, y rises).
    static let lineA1 = body("alpha bravo charlie", x: 10, y: 100)
    static let lineA2 = body("delta echo foxtrot", x: 10, y: 112)
    static let lineA3 = body("golf hotel india", x: 160, y: 100)
    // Article B: two body lines.
    static let lineB1 = body("juliet kilo lima", x: 10, y: 300)
    static let lineB2 = body("mike november oscar", x: 10, y: 312)

    static let page = GroundTruthPage(
        articles: [
            .init(headline: "Headline A", lines: [Line(text: "Headline A", role: "headline", bbox: [10, 80, 200, 95]),
                                                  lineA1, lineA2, lineA3]),
            .init(headline: "Headline B", lines: [lineB1, lineB2]),
        ],
        furniture: [.init(role: "header", text: "THE DAILY PAGE"), .init(role: "folio", text: "13")])

    static let articleA = Prediction.Article(headline: "Headline A",
                                             paragraphs: ["alpha bravo charlie delta echo foxtrot golf hotel india"])
    static let articleB = Prediction.Article(headline: "Headline B", paragraphs: ["juliet kilo lima mike november oscar"])

    @Test func perfectArticlesScoreOne() {
        let s = Scorer().score(Self.page, Prediction(articles: [Self.articleA, Self.articleB]))
        #expect(s.junction == 1 && s.colbreak == 1 && s.headfirst == 1)
        #expect(s.complete == 1 && s.pure == 1 && s.artF1 == 1 && s.headline == 1)
        #expect(s.leak == 0)
        #expect(s.predictedArticles == 2 && s.truthArticles == 2)
    }

    @Test func plainTextInWrongColumnOrder() {
        // Stream: headline A, then line A3 before A1 A2, then B. Junctions: A1|A2 found, A2|A3 (the column
        // break) not, B1|B2 found → junction 2/3, colbreak 0/1. Headline A is followed by A3, not A1;
        // headline B is followed by B1 → headfirst 1/2.
        let text = "Headline A\ngolf hotel india\nalpha bravo charlie\ndelta echo foxtrot\nHeadline B\njuliet kilo lima\nmike november oscar"
        let s = Scorer().score(Self.page, Prediction(text: text))
        #expect(abs(s.junction - 2.0 / 3.0) < 1e-12)
        #expect(s.colbreak == 0)
        #expect(s.headfirst == 0.5)
        #expect(s.complete == nil && s.pure == nil && s.artF1 == nil && s.headline == nil && s.leak == nil)
        #expect(s.predictedArticles == nil)
    }

    @Test func mergedArticlesAreCompleteButImpure() {
        // One predicted article holds A and B: every line lands in it → complete 1. Without spaces A's
        // lines have 17 + 16 + 14 = 47 characters, B's 14 + 17 = 31; the body also holds the header's
        // 12 → 90 characters, 47 of them from A → pure 47/90.
        // Its headline is A's: A right, B wrong → headline 1/2. The folio "13" is too short to count;
        // the header is in a paragraph → leak 1/1.
        let merged = Prediction.Article(headline: "Headline A",
                                        paragraphs: Self.articleA.paragraphs + Self.articleB.paragraphs + ["THE DAILY PAGE"])
        let s = Scorer().score(Self.page, Prediction(articles: [merged]))
        #expect(s.complete == 1)
        #expect(abs((s.pure ?? 0) - 47.0 / 90.0) < 1e-12)
        #expect(abs((s.artF1 ?? 0) - 2 * (47.0 / 90.0) / (1 + 47.0 / 90.0)) < 1e-12)
        #expect(s.headline == 0.5)
        #expect(s.leak == 1)
        #expect(s.predictedArticles == 1)
    }

    @Test func droppedArticleLosesCompleteness() {
        // Only B predicted: A's 47 characters are found nowhere → complete 31/78, pure 1; headline 1/2.
        let s = Scorer().score(Self.page, Prediction(articles: [Self.articleB]))
        #expect(abs((s.complete ?? 0) - 31.0 / 78.0) < 1e-12)
        #expect(s.pure == 1)
        #expect(s.headline == 0.5)
        #expect(s.leak == 0)
    }

    @Test func tiesGoToTheFirstPredictedArticleHit() {
        // Article T has two lines of equal length, "abcdefgh" and "ijklmnop" (8 characters each).
        // P0 (headline T) holds the second line, P1 (headline X) the first. The first line is assigned
        // first, so P1 enters the tally first; on a tie the first entry wins → T matches P1 → wrong
        // headline (0), complete 8/16.
        let t = GroundTruthPage(articles: [.init(headline: "T", lines: [Self.body("abcdefgh", x: 0, y: 0),
                                                                        Self.body("ijklmnop", x: 0, y: 12)])])
        let p0 = Prediction.Article(headline: "T", paragraphs: ["ijklmnop"])
        let p1 = Prediction.Article(headline: "X", paragraphs: ["abcdefgh"])
        let s = Scorer().score(t, Prediction(articles: [p0, p1]))
        #expect(s.headline == 0)
        #expect(s.complete == 0.5)
        // Swap the lines' lengths so P0 has more: then P0 wins and the headline is right.
        let u = GroundTruthPage(articles: [.init(headline: "T", lines: [Self.body("abcdefgh", x: 0, y: 0),
                                                                        Self.body("ijklmnopq", x: 0, y: 12)])])
        let p0b = Prediction.Article(headline: "T", paragraphs: ["ijklmnopq"])
        #expect(Scorer().score(u, Prediction(articles: [p0b, p1])).headline == 1)
    }

    @Test func aLineCountsOnlyForTheFirstArticleHoldingIt() {
        // The line is in both predicted articles; only the first gets it, so the second has no owner
        // characters: pure = 8 / (8 + 8) = 0.5.
        let t = GroundTruthPage(articles: [.init(headline: nil, lines: [Self.body("abcdefgh", x: 0, y: 0)])])
        let twice = Prediction.Article(paragraphs: ["abcdefgh"])
        let s = Scorer().score(t, Prediction(articles: [twice, twice]))
        #expect(s.complete == 1)
        #expect(s.pure == 0.5)
        #expect(s.headline == 0)  // no headlined article: 0 of max(1, 0)
    }

    @Test func chinesePagesUseSixCharacterWindows() {
        // Headline with CJK → k = 6. Lines "一二三四五六七八" + "九十百千万亿兆京": the junction is
        // "三四五六七八九十百千万亿". A stream holding only that window passes.
        let t = GroundTruthPage(articles: [.init(headline: "标题", lines: [
            Self.body("一二三四五六七八", x: 0, y: 0), Self.body("九十百千万亿兆京", x: 0, y: 12)])])
        #expect(t.isChinese)
        #expect(Scorer().score(t, Prediction(text: "三四五六七八 九十百千万亿")).junction == 1)
        #expect(Scorer().score(t, Prediction(text: "四五六七八九十百千万亿")).junction == 0)
        let latin = GroundTruthPage(articles: [.init(headline: "Title", lines: [])])
        #expect(!latin.isChinese)
    }

    @Test func normalisationMatchesTheReference() {
        // NFKC folds the ligature and full-width letters; whitespace (incl. U+3000, NBSP), hyphens and
        // the soft hyphen go; a decomposed é becomes one scalar.
        #expect(ScoreText("ﬁne ＡＢ\u{3000}c\u{00A0}d-e\u{00AD}f\u{2010}g\u{2011}h\u{1C}i").description == "fineABcdefghi")
        #expect(ScoreText("e\u{301}").count == 1)
        #expect(ScoreText(nil).isEmpty)
        // The en dash and the minus sign stay.
        #expect(ScoreText("a\u{2013}b\u{2212}c").count == 5)
        // Lengths count scalars, not grapheme clusters: a flag is two scalars.
        #expect(ScoreText("🇩🇪").count == 2)
        #expect(ScoreText("abcdef").suffix(3).description == "def")
        #expect(ScoreText("ab").prefix(10).description == "ab")
    }

    @Test func substringSearchWorksOnScalars() {
        let hay = ScoreText("aaab")
        #expect(hay.contains(ScoreText("aab")))
        #expect(!hay.contains(ScoreText("aba")))
        #expect(hay.contains(ScoreText("")))
        #expect(!ScoreText("ab").contains(ScoreText("abc")))
    }

    @Test func predictionFileIsArticlesJSONOrText() {
        let json = Prediction(contents: Data(#"{"articles":[{"headline":"H","paragraphs":["p1","p2"],"byline":"B","kicker":null}]}"#.utf8))
        #expect(json.articles?.count == 1)
        #expect(json.stream == "Hp1p2B")
        let text = Prediction(contents: Data("just text\nmore".utf8))
        #expect(text.articles == nil)
        #expect(text.stream == "just text\nmore")
        let array = Prediction(contents: Data("[1, 2]".utf8))
        #expect(array.articles == nil)
    }

    @Test func groundTruthFilesPairWithTheirPDFs() {
        let names = ["zh-101.json", "zh-101.pdf", "README.md", "orphan.json",
                     "de_x_1840-02-21-p02.json", "de_x_1840-02-21-p01.json", "de_x_1840-02-21_6pages.pdf",
                     "en_y-p3.json", "en_y.pdf", "score.py"]
        let cases = GroundTruthSet.match(names)
        #expect(cases.map(\.name) == ["de_x_1840-02-21-p01", "de_x_1840-02-21-p02", "en_y-p3", "zh-101"])
        #expect(cases.map(\.page) == [1, 2, 3, 1])
        #expect(cases.map(\.pdf) == ["de_x_1840-02-21_6pages.pdf", "de_x_1840-02-21_6pages.pdf", "en_y.pdf", "zh-101.pdf"])
    }

    @Test func summaryAveragesPerLanguage() {
        func page(_ name: String, _ lang: EvalSummary.Language, _ j: Double) -> EvalSummary.PageResult {
            .init(name: name, language: lang, score: PageScore(junction: j, colbreak: 0, headfirst: 1, truthArticles: 1))
        }
        let s = EvalSummary(pages: [page("a", .zh, 0.2), page("b", .zh, 0.4), page("c", .latin, 1)])
        #expect(s.byLanguage.map(\.0) == [.zh, .latin])
        #expect(abs((s.byLanguage[0].1.metrics["junction"] ?? 0) - 0.3) < 1e-12)
        #expect(s.byLanguage[1].1.metrics["junction"] == 1)
        #expect(s.byLanguage[0].1.metrics["complete"] == nil)
        #expect(abs((s.overall.metrics["junction"] ?? 0) - 1.6 / 3) < 1e-12)
        #expect(s.overall.pages == 3)
    }

    @Test func groundTruthDecodesWithMissingOptionalFields() throws {
        let json = #"{"articles":[{"headline":null,"lines":[{"text":"x","role":"body","bbox":[1,2,3,4]},{"role":"body","bbox":[1,2,3,4]}]}]}"#
        let page = try JSONDecoder().decode(GroundTruthPage.self, from: Data(json.utf8))
        #expect(page.articles[0].lines.count == 2)
        #expect(page.articles[0].lines[1].text == "")
        #expect(page.furniture.isEmpty)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(GroundTruthPage.self, from: Data("{}".utf8)) }
    }
}
