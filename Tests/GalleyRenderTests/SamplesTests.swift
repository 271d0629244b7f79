import Foundation
import GalleyRender
import Testing

/// The sample pages: ground truth that agrees with itself, and committed files that match the generator.
@Suite("Samples")
struct SamplesTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func generate() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("galley-samples-\(UUID().uuidString)")
        try SampleBook.make(into: dir.path)
        return dir
    }

    /// Joins a paragraph's lines back into its text: Chinese lines are simply concatenated; English lines
    /// are joined with a space unless a line ends in a hyphen the breaker added.
    static func join(_ lines: [String], chinese: Bool, original: String) -> String {
        var out = ""
        for line in lines {
            if out.isEmpty || chinese { out += line; continue }
            if out.hasSuffix("-"), !original.contains(out.split(separator: " ").last.map(String.init)! + line.split(separator: " ")[0]) {
                out.removeLast()
                out += line
            } else {
                out += (out.hasSuffix("-") ? "" : " ") + line
            }
        }
        return out
    }

    @Test("every sample's ground truth is consistent with its lines")
    func groundTruthConsistent() throws {
        let dir = try Self.generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(SampleBook.names.count >= 2)
        for name in SampleBook.names {
            let data = try Data(contentsOf: dir.appendingPathComponent(name + ".json"))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let page = try #require(root["page"] as? [String: Any])
            let width = try #require(page["width"] as? Double), height = try #require(page["height"] as? Double)
            #expect((4...8).contains(page["columns"] as? Int ?? 0), "\(name): grid of 4 to 8 columns")
            let articles = try #require(root["articles"] as? [[String: Any]])
            #expect(articles.count >= 3, "\(name): several articles")
            let furniture = try #require(root["furniture"] as? [[String: Any]])
            #expect(furniture.contains { $0["role"] as? String == "folio" }, "\(name): folio")
            let chinese = name.hasPrefix("zh")
            for article in articles {
                let id = article["id"] as? String ?? "?"
                let lines = try #require(article["lines"] as? [[String: Any]])
                let paragraphs = try #require(article["paragraphs"] as? [String])
                #expect(!lines.isEmpty && !paragraphs.isEmpty, "\(name) \(id): has lines and paragraphs")
                #expect(article["headline"] as? String != nil, "\(name) \(id): has a headline")
                for line in lines {
                    let box = try #require(line["bbox"] as? [Double])
                    #expect(box.count == 4 && box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height && box[0] < box[2] && box[1] < box[3],
                            "\(name) \(id): box \(box) on the page")
                    #expect(!(line["text"] as? String ?? "").isEmpty)
                }
                let body = lines.filter { $0["role"] as? String == "body" }
                let paras = body.compactMap { $0["para"] as? Int }
                #expect(paras.count == body.count, "\(name) \(id): every body line has a paragraph index")
                #expect(paras == paras.sorted() && Set(paras) == Set(paragraphs.indices), "\(name) \(id): paragraph indexes in order and complete")
                for (p, text) in paragraphs.enumerated() {
                    let own = body.filter { $0["para"] as? Int == p }.compactMap { $0["text"] as? String }
                    #expect(Self.join(own, chinese: chinese, original: text) == text, "\(name) \(id): paragraph \(p) equals its lines")
                }
                if chinese {
                    for line in body {
                        let text = line["text"] as? String ?? ""
                        #expect(!"，。、；：？！”’）》".contains(text.first!), "\(name) \(id): no line starts with closing punctuation: \(text)")
                    }
                }
                let headlineLines = lines.filter { $0["role"] as? String == "headline" }.compactMap { $0["text"] as? String }
                let headline = article["headline"] as? String ?? ""
                #expect(headlineLines.joined(separator: chinese ? "" : " ") == headline || headlineLines == [headline],
                        "\(name) \(id): headline equals its lines")
            }
        }
    }

    @Test("the committed Samples/ folder is what make-samples writes today")
    func committedSamplesUpToDate() throws {
        let committed = Self.repo.appendingPathComponent("Samples")
        let dir = try Self.generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in SampleBook.names {
            for ext in ["json", "pdf"] {
                let fresh = try Data(contentsOf: dir.appendingPathComponent("\(name).\(ext)"))
                let old = try? Data(contentsOf: committed.appendingPathComponent("\(name).\(ext)"))
                #expect(old == fresh, "Samples/\(name).\(ext) is stale: run `galley make-samples` and commit")
                if ext == "pdf" { #expect(fresh.count < 300_000, "\(name).pdf stays under 300 KB") }
            }
        }
    }

    static func truth(_ dir: URL, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: dir.appendingPathComponent(name + ".json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a jump line is its article's last body paragraph, not furniture")
    func jumpLineIsBody() throws {
        let dir = try Self.generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = try Self.truth(dir, "en-metro")
        let jump = "Continued on A6"
        let furniture = try #require(root["furniture"] as? [[String: Any]])
        #expect(!furniture.contains { $0["text"] as? String == jump })
        let articles = try #require(root["articles"] as? [[String: Any]])
        let owner = try #require(articles.first { ($0["paragraphs"] as? [String])?.contains(jump) == true })
        let paragraphs = try #require(owner["paragraphs"] as? [String])
        #expect(paragraphs.last == jump)
        let body = try #require(owner["lines"] as? [[String: Any]]).filter { $0["role"] as? String == "body" }
        #expect(body.last?["text"] as? String == jump)
        #expect(body.last?["para"] as? Int == paragraphs.count - 1)
    }

    @Test("zh-vertical sets one vertical headline left of its text and one right of it")
    func verticalHeadlines() throws {
        let dir = try Self.generate()
        defer { try? FileManager.default.removeItem(at: dir) }
        let articles = try #require(try Self.truth(dir, "zh-vertical")["articles"] as? [[String: Any]])
        var sides: [String] = []
        for article in articles {
            let lines = try #require(article["lines"] as? [[String: Any]])
            guard let head = lines.first(where: { $0["vertical"] as? Bool == true }),
                  let hb = head["bbox"] as? [Double] else { continue }
            #expect(hb[3] - hb[1] > 3 * (hb[2] - hb[0]), "a vertical headline is a tall, narrow strip: \(hb)")
            #expect(head["text"] as? String == article["headline"] as? String)
            let body = lines.filter { $0["role"] as? String == "body" }.compactMap { $0["bbox"] as? [Double] }
            #expect(!body.isEmpty)
            if body.allSatisfy({ $0[0] >= hb[2] }) { sides.append("left") }
            else if body.allSatisfy({ $0[2] <= hb[0] }) { sides.append("right") }
            else { Issue.record("vertical headline \(hb) overlaps its body text") }
        }
        #expect(sides.sorted() == ["left", "right"])
    }

    @Test("an unknown sample name is refused with the list of samples")
    func unknownSample() throws {
        #expect(throws: SampleBookError.self) { try SampleBook.make(into: NSTemporaryDirectory(), only: ["no-such-page"]) }
    }
}
