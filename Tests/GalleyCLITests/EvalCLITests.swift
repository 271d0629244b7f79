import Foundation
import Testing

/// `galley eval` from the outside, on small folders linked from ../shared.
@Suite(.enabled(if: CLIRunner.hasShared("devset/zh-101.json"), "skipped: ../shared/devset is absent"))
struct EvalCLITests {
    /// A temporary folder with symbolic links to the named files of ../shared/<sub>.
    static func folder(linking names: [String], from sub: String) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        for name in names {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path,
                                                       withDestinationPath: CLIRunner.shared("\(sub)/\(name)"))
        }
        return folder
    }

    @Test func tableListsPagesAndMeansPerLanguage() throws {
        let folder = try Self.folder(linking: ["zh-101.pdf", "zh-101.json", "en-101.pdf", "en-101.json"], from: "devset")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.run(["eval", folder.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("page") == true)
        for metric in ["junction", "colbreak", "headfirst", "complete", "pure", "artF1", "headline", "leak"] {
            #expect(lines.first?.contains(metric) == true, "missing column \(metric)")
        }
        #expect(lines.contains { $0.hasPrefix("zh-101 ") && $0.contains(" zh ") })
        #expect(lines.contains { $0.hasPrefix("en-101 ") && $0.contains(" latin ") })
        #expect(lines.contains { $0.hasPrefix("mean zh (1)") })
        #expect(lines.contains { $0.hasPrefix("mean latin (1)") })
        #expect(lines.contains { $0.hasPrefix("mean all (2)") })
    }

    @Test func jsonReportCarriesEveryMetric() throws {
        let folder = try Self.folder(linking: ["zh-102.pdf", "zh-102.json"], from: "devset")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.runData(["eval", folder.path, "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let pages = try #require(object["pages"] as? [[String: Any]])
        #expect(pages.count == 1)
        #expect(pages[0]["name"] as? String == "zh-102")
        #expect(pages[0]["language"] as? String == "zh")
        #expect(pages[0]["page"] as? Int == 1)
        for metric in ["junction", "colbreak", "headfirst", "complete", "pure", "artF1", "headline", "leak"] {
            #expect(pages[0][metric] is Double || pages[0][metric] is Int, "missing \(metric)")
        }
        let means = try #require(object["means"] as? [String: Any])
        #expect(means["zh"] != nil && means["all"] != nil && means["latin"] == nil)
    }

    @Test(.enabled(if: CLIRunner.hasShared("corpus/de_der-erzaehler_1840-02-21-p02.json"), "skipped: ../shared/corpus is absent"))
    func corpusNamingFindsThePage() throws {
        let folder = try Self.folder(linking: ["de_der-erzaehler_1840-02-21_6pages.pdf",
                                               "de_der-erzaehler_1840-02-21-p02.json"], from: "corpus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try CLIRunner.runData(["eval", folder.path, "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let pages = try #require(object["pages"] as? [[String: Any]])
        #expect(pages.count == 1)
        #expect(pages.first?["page"] as? Int == 2)
        #expect((pages.first?["pdf"] as? String)?.hasSuffix("_6pages.pdf") == true)
    }

    @Test func folderWithoutGroundTruthIsAnError() throws {
        let empty = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        let r = try CLIRunner.run(["eval", empty.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("holds no PDF with a ground truth"))
        let missing = try CLIRunner.run(["eval", "/nonexistent-galley-dir"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("is not a folder"))
    }

    @Test func unreadablePageIsReportedAndFailsTheRun() throws {
        let folder = try Self.folder(linking: ["zh-101.json"], from: "devset")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a pdf".utf8).write(to: folder.appendingPathComponent("zh-101.pdf"))
        let r = try CLIRunner.run(["eval", folder.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("zh-101 (!)"))
        #expect(r.stderr.contains("zh-101"))
    }
}
