import Foundation
import Testing
@testable import GalleyCore

@Suite struct OutputWriterTests {
    static let box = Rect(x0: 10.123, y0: 20, x1: 300.456, y1: 40.005)

    static let full = Article(
        id: "p1-a1", kicker: "Kicker line", headline: "The Headline", subheadline: "A deck below",
        byline: "By JANE DOE", paragraphs: ["First paragraph.", "Second\nparagraph."],
        captions: ["A photo."], blocks: [ArticleBlock(page: 1, role: .headline, bbox: box)])
    static let bare = Article(id: "p1-a2", paragraphs: ["Only body."])

    @Test func textPutsDisplayLinesFirstAndSeparatesParagraphs() {
        let text = ArticleTextWriter().text(for: [Self.full, Self.bare])
        #expect(text == """
            [p1-a1 · page 1]
            Kicker line
            The Headline
            A deck below
            By JANE DOE

            First paragraph.

            Second paragraph.

            [Caption] A photo.

            * * *

            [p1-a2 · page 1]

            Only body.

            """)
    }

    @Test func textOfNoArticlesIsEmptyAndSkipsEmptyArticles() {
        #expect(ArticleTextWriter().text(for: []) == "")
        let empty = Article(id: "p1-a9", headline: "  ", paragraphs: ["", " "])
        #expect(ArticleTextWriter().text(for: [empty, Self.bare]) == "[p1-a2 · page 1]\n\nOnly body.\n")
    }

    @Test func textLeavesFurnitureOut() {
        var doc = ArticleDocument(source: "x.pdf", articles: [Self.bare])
        doc.pages = [PageSummary(number: 1, width: 100, height: 100,
                                 furniture: [Furniture(role: .folio, text: "FOLIO 13", bbox: .zero)])]
        #expect(!ArticleTextWriter().text(for: doc).contains("FOLIO"))
        #expect(!ArticleMarkdownWriter().markdown(for: doc).contains("FOLIO"))
    }

    @Test func markdownMarksRolesAndSeparatesArticles() {
        let md = ArticleMarkdownWriter().markdown(for: [Self.full, Self.bare])
        #expect(md == """
            *Kicker line*

            ## The Headline

            `p1-a1` · page 1

            **A deck below**

            *By JANE DOE*

            First paragraph.

            Second paragraph.

            > *Caption:* A photo.

            ---

            ## p1-a2

            `p1-a2` · page 1

            Only body.

            """)
    }

    @Test func markdownEscapesSyntaxInText() {
        let a = Article(id: "a", headline: "5 * 3 = 15", paragraphs: ["# not a heading", "1. not a list",
                                                                     "- not an item", "a_b [c] `d`"])
        let md = ArticleMarkdownWriter().markdown(for: [a])
        #expect(md == """
            ## 5 \\* 3 = 15

            `a`

            \\# not a heading

            1\\. not a list

            \\- not an item

            a\\_b \\[c\\] \\`d\\`

            """)
    }

    @Test func chineseTextIsKeptAsIs() {
        let a = Article(id: "p1-a1", kicker: "引题", headline: "以精准施策推动招商", byline: "记者 谢鹏飞",
                        paragraphs: ["本报讯　近日，经开区召开会议。"])
        #expect(ArticleTextWriter().text(for: [a]) == "[p1-a1 · page 1]\n引题\n以精准施策推动招商\n记者 谢鹏飞\n\n本报讯　近日，经开区召开会议。\n")
    }

    @Test func articlesSayWhereTheyCameFrom() {
        let spread = Article(id: "p2-a1", headline: "Over two pages", paragraphs: ["Text."],
                             blocks: [ArticleBlock(page: 2, role: .headline, bbox: Self.box),
                                      ArticleBlock(page: 3, role: .body, bbox: Self.box)])
        #expect(ArticleTextWriter().text(for: [spread]).hasPrefix("[p2-a1 · pages 2-3]\nOver two pages\n"))
        #expect(ArticleMarkdownWriter().markdown(for: [spread]).hasPrefix("## Over two pages\n\n`p2-a1` · pages 2-3\n"))
        // Without blocks, the page comes from the id.
        #expect(ArticleTextWriter().text(for: [Article(id: "p7-a3", paragraphs: ["x"])]) == "[p7-a3 · page 7]\n\nx\n")
    }

    @Test func jsonHasEveryKeyInSchemaOrderWithNulls() throws {
        let doc = ArticleDocument(
            source: "dir/page.pdf",
            pages: [PageSummary(number: 1, width: 842, height: 1191.5, columns: [Self.box])],
            articles: [Self.bare, Self.full])
        let text = ArticleJSONWriter().string(for: doc)
        #expect(text.hasSuffix("}\n"))
        let order = ["\"schema\"", "\"source\"", "\"pages\"", "\"articles\""].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(text.contains("\"source\": \"dir/page.pdf\""))
        #expect(text.contains("[10.12, 20, 300.46, 40.01]") || text.contains("[10.12, 20, 300.46, 40]"))

        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "galley.articles/1")
        let articles = try #require(object["articles"] as? [[String: Any]])
        #expect(articles.count == 2)
        for key in ["id", "kicker", "headline", "subheadline", "byline", "paragraphs", "captions", "blocks"] {
            #expect(articles[0].keys.contains(key), "missing \(key)")
        }
        #expect(articles[0]["kicker"] is NSNull)
        #expect(articles[1]["kicker"] as? String == "Kicker line")
        #expect(articles[1]["paragraphs"] as? [String] == ["First paragraph.", "Second\nparagraph."])

        // The document reads back with the model's own decoder.
        let back = try JSONDecoder().decode(ArticleDocument.self, from: Data(text.utf8))
        #expect(back.articles.map(\.id) == ["p1-a2", "p1-a1"])
        #expect(back.articles[1].blocks.first?.role == .headline)
        #expect(back.pages.first?.height == 1191.5)
    }

    @Test func jsonEscapesControlCharactersAndQuotes() throws {
        let a = Article(id: "q", headline: "He said \"no\"\t\\ \u{1}", paragraphs: [])
        let text = ArticleJSONWriter(pretty: false).string(for: ArticleDocument(source: "s", articles: [a]))
        #expect(!text.dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let articles = try #require(object["articles"] as? [[String: Any]])
        #expect(articles[0]["headline"] as? String == "He said \"no\"\t\\ \u{1}")
    }

    @Test("JSON numbers are valid whatever the value: huge ones in exponent form, infinity and NaN as 0")
    func jsonNumbersAreAlwaysValid() throws {
        #expect(JSONLiteral.number(1e307) == "1e+307")
        #expect(JSONLiteral.number(-1e307) == "-1e+307")
        #expect(JSONLiteral.number(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(JSONLiteral.number(.infinity) == "0" && JSONLiteral.number(-.infinity) == "0" && JSONLiteral.number(.nan) == "0")
        #expect(JSONLiteral.number(12.345) == "12.35" && JSONLiteral.number(400) == "400")
        let huge = Rect(x0: -1e307, y0: 0, x1: 1e307, y1: .greatestFiniteMagnitude)
        let doc = ArticleDocument(source: "x.pdf",
                                  pages: [PageSummary(number: 1, width: 1e307, height: .infinity, columns: [huge])],
                                  articles: [Article(id: "p1-a1", blocks: [ArticleBlock(page: 1, role: .body, bbox: huge)])])
        let data = ArticleJSONWriter().data(for: doc)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("inf") && !text.contains("nan"), "\(text)")
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    }

    @Test func atomicWriteReplacesFileAndLeavesNoTemporary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("galley-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.json").path
        try AtomicFile.write(Data("first".utf8), to: path)
        try AtomicFile.write(Data("second".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
    }

    @Test func atomicWriteRejectsMissingFolderAndFolderPath() throws {
        let missing = "/nonexistent-galley-\(UUID().uuidString)/out.json"
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write(Data(), to: missing) }
        do { try AtomicFile.write(Data(), to: missing) } catch {
            #expect("\(error)".contains("does not exist"))
        }
        let tmp = FileManager.default.temporaryDirectory.path
        #expect(throws: AtomicFile.Failure.isDirectory(path: tmp)) { try AtomicFile.write(Data(), to: tmp) }
    }
}
