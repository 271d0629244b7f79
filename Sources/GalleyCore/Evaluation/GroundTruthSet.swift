import Foundation

/// The pages of a folder that have ground truth, and the PDF page each one describes.
///
/// Two namings are understood:
/// - `NAME.json` next to `NAME.pdf`: page 1 of that PDF (the devset);
/// - `X-pNN.json` next to `X_Npages.pdf` (or `X.pdf`): page NN of that PDF (the corpus), e.g.
///   `de_der-erzaehler_1840-02-21-p02.json` is page 2 of `de_der-erzaehler_1840-02-21_6pages.pdf`.
/// JSON files matching neither are ignored.
public struct GroundTruthSet: Sendable {
    public struct Case: Sendable, Equatable {
        /// The ground truth's file name without `.json`, e.g. `zh-101`.
        public var name: String
        public var groundTruth: String
        public var pdf: String
        public var page: Int
    }

    public var cases: [Case]

    /// Finds the cases in `folder`, sorted by PDF then page.
    public init(folder: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw EvaluationError.notADirectory(path: folder)
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw EvaluationError.unreadable(path: folder, reason: error.localizedDescription)
        }
        cases = Self.match(names).map { c in
            var c = c
            c.groundTruth = (folder as NSString).appendingPathComponent(c.groundTruth)
            c.pdf = (folder as NSString).appendingPathComponent(c.pdf)
            return c
        }
    }

    public init(cases: [Case]) { self.cases = cases }

    /// Pairs ground-truth file names with PDF file names (no paths): the naming rules above.
    public static func match(_ names: [String]) -> [Case] {
        let pdfs = Set(names.filter { $0.lowercased().hasSuffix(".pdf") })
        var out: [Case] = []
        for json in names where json.hasSuffix(".json") {
            let stem = String(json.dropLast(5))
            if pdfs.contains(stem + ".pdf") {
                out.append(Case(name: stem, groundTruth: json, pdf: stem + ".pdf", page: 1))
            } else if let (base, page) = splitPageSuffix(stem),
                      let pdf = pdfs.filter({ isPagesFile($0, base: base) || $0 == base + ".pdf" }).sorted().first {
                out.append(Case(name: stem, groundTruth: json, pdf: pdf, page: page))
            }
        }
        return out.sorted { ($0.pdf, $0.page, $0.name) < ($1.pdf, $1.page, $1.name) }
    }

    /// `X-p02` → (`X`, 2).
    static func splitPageSuffix(_ stem: String) -> (String, Int)? {
        guard let r = stem.range(of: "-p", options: .backwards) else { return nil }
        let digits = stem[r.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n >= 1 else {
            return nil
        }
        return (String(stem[..<r.lowerBound]), n)
    }

    /// True for `BASE_<digits>pages.pdf`.
    static func isPagesFile(_ name: String, base: String) -> Bool {
        let prefix = base + "_", suffix = "pages.pdf"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count > prefix.count + suffix.count else {
            return false
        }
        let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
        return middle.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
