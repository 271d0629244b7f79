import Foundation
import Testing

/// `galley print` from the outside, on the project's sample pages: with a saved layout (so the test does
/// not depend on how far the analysis has come) and with the analysis itself.
@Suite(.enabled(if: OverlayCLITests.samplesPresent, "skipped: Samples/ has not been generated"))
struct PrintCLITests {
    static let sample = OverlayCLITests.sample
    static let paragraphs = [
        "The City Council voted on Tuesday night to rebuild the three oldest piers on the south waterfront, ending nearly a decade of debate over what to do with timber docks that engineers have called unsafe.",
        "The plan replaces the wooden decks with concrete platforms on steel piles, and adds a covered walkway along the harbor for pedestrians and cyclists.",
        "Construction will begin in June and close parts of the harbor walk for two summers.",
    ]

    /// A saved galley.articles/1 document: one article whose photo block is the page's first image.
    static func savedLayout(in folder: URL) throws -> String {
        let inspect = try CLIRunner.runData(["inspect", sample, "--format", "json", "--no-rules"])
        let json = try JSONSerialization.jsonObject(with: inspect.stdout) as? [String: Any]
        let page = (json?["pages"] as? [[String: Any]])?.first
        let image = ((page?["images"] as? [[String: Any]])?.first?["bbox"] as? [Double]) ?? [36, 232.8, 390, 467.8]
        let doc: [String: Any] = [
            "schema": "galley.articles/1", "source": sample,
            "pages": [["number": 1, "width": 792, "height": 1224, "columns": [],
                       "furniture": [["role": "masthead", "text": "The Harbor City Tribune", "bbox": [121, 28, 670, 75]],
                                     ["role": "header", "text": "WEDNESDAY, MARCH 19, 2025", "bbox": [36, 84, 164, 94]]],
                       "warnings": []]],
            "articles": [
                ["id": "p1-a1", "kicker": NSNull(), "headline": "Council approves plan to rebuild the waterfront piers",
                 "subheadline": NSNull(), "byline": "By MARIA OKAFOR", "paragraphs": paragraphs,
                 "captions": ["The south waterfront piers at low tide."],
                 "blocks": [["page": 1, "role": "headline", "bbox": [36, 110, 500, 160]],
                            ["page": 1, "role": "image", "bbox": image],
                            ["page": 1, "role": "body", "bbox": [36, 480, 390, 700]]]],
                ["id": "p1-a2", "kicker": NSNull(), "headline": "Library adds Sunday hours", "subheadline": NSNull(),
                 "byline": NSNull(), "paragraphs": ["The library will open on Sundays."], "captions": [],
                 "blocks": [["page": 1, "role": "body", "bbox": [524, 380, 756, 500]]]],
            ]]
        let path = folder.appendingPathComponent("layout.json").path
        try JSONSerialization.data(withJSONObject: doc).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func printsTheArticleWithItsPhotoAndExtractableText() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = try Self.savedLayout(in: folder)
        let out = folder.appendingPathComponent("story.pdf").path
        let r = try CLIRunner.run(["print", Self.sample, "--layout", layout, "--article", "p1-a1", "-o", out, "--paper", "letter"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix(out) && r.stdout.contains("1 photo"))
        let info = try CLIRunner.run(["inspect", out, "--no-rules"])
        #expect(info.stdout.contains("page 1: 612 x 792 pt") && info.stdout.contains("1 images"), "\(info.stdout)")
        guard CLIRunner.available("pdftotext", probe: ["-v"]) else { return }
        let text = String(decoding: try CLIRunner.runProgram("pdftotext", ["-enc", "UTF-8", out, "-"]).stdout, as: UTF8.self)
        let squeeze = { (s: String) in String(s.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" && $0 != "\u{AD}" }.map(Character.init)) }
        var rest = squeeze(text)[...]
        for p in ["Council approves plan to rebuild the waterfront piers", "By MARIA OKAFOR"] + Self.paragraphs {
            guard let r = rest.range(of: squeeze(p)) else { Issue.record("not found in order: \(p)"); return }
            rest = rest[r.upperBound...]
        }
        #expect(text.contains("The Harbor City Tribune") && text.contains("WEDNESDAY, MARCH 19, 2025"), "source line from the furniture")
        #expect(text.contains("The south waterfront piers at low tide."))
    }

    @Test func listsArticlesAndRefusesUnknownIds() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = try Self.savedLayout(in: folder)
        let list = try CLIRunner.run(["print", Self.sample, "--layout", layout, "--list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("p1-a1  Council approves plan") && list.stdout.contains("p1-a2  Library adds Sunday hours"))
        let out = folder.appendingPathComponent("s.pdf").path
        let unknown = try CLIRunner.run(["print", Self.sample, "--layout", layout, "--article", "p1-a9", "-o", out])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("p1-a9") && unknown.stderr.contains("p1-a1, p1-a2"), "\(unknown.stderr)")
        let unwritable = try CLIRunner.run(["print", Self.sample, "--layout", layout, "--article", "p1-a1",
                                            "-o", folder.appendingPathComponent("no/such/s.pdf").path])
        #expect(unwritable.status == 2 && unwritable.stderr.contains("cannot write"))
        let range = try CLIRunner.run(["print", Self.sample, "--article", "p1-a1", "--pages", "4", "-o", out])
        #expect(range.status == 2 && range.stderr.contains("page 4 does not exist"))
        let noID = try CLIRunner.run(["print", Self.sample])
        #expect(noID.status != 0 && noID.stderr.contains("--article"))
        let columns = try CLIRunner.run(["print", Self.sample, "--article", "p1-a1", "--columns", "3"])
        #expect(columns.status != 0 && columns.stderr.contains("--columns"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["layout.json"], "nothing written")
    }

    /// With the real analysis: whatever it finds is listed, and its first article prints with its headline.
    @Test func printsWhatTheAnalysisFinds() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = try CLIRunner.run(["print", Self.sample, "--list"])
        #expect(list.status == 0, "\(list.stderr)")
        guard let first = list.stdout.split(separator: "\n").first else {
            #expect(list.stderr.contains("no articles found"))
            return
        }
        let id = String(first.split(separator: " ")[0])
        let r = try CLIRunner.run(["print", Self.sample, "--article", id], directory: folder)
        #expect(r.status == 0, "\(r.stderr)")
        let out = folder.appendingPathComponent("en-front-\(id).pdf").path
        #expect(FileManager.default.fileExists(atPath: out))
        let info = try CLIRunner.run(["inspect", out, "--no-rules"])
        #expect(info.stdout.contains("page 1: 595.28 x 841.89 pt"), "\(info.stdout)")
    }

    @Test("With SOURCE_DATE_EPOCH set, printing the same story twice gives the same bytes")
    func reproducibleWithSourceDateEpoch() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.pdf").path, b = folder.appendingPathComponent("b.pdf").path
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1735689600"
        for out in [a, b] {
            let r = try CLIRunner.run(["print", Self.sample, "--article", "p1-a1", "-o", out], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            // (a second apart at least, so that a clock stamp would differ)
            if out == a { Thread.sleep(forTimeInterval: 1.1) }
        }
        let da = try Data(contentsOf: URL(fileURLWithPath: a)), db = try Data(contentsOf: URL(fileURLWithPath: b))
        #expect(!da.isEmpty && da == db)
        #expect(String(decoding: da, as: UTF8.self).contains("20250101000000"))
    }
}
