import Foundation
import GalleyCore

/// The project's own sample newspaper pages: each one typeset from text the team wrote, written as
/// `NAME.pdf` with its ground truth `NAME.json` in the development set's format.
public enum SampleBook {
    struct Sample {
        var name: String
        var width: Double, height: Double
        var columns: Int
        var style: PageStyle
        var compose: (PageComposer) throws -> Void
    }

    static let a3 = (width: 842.0, height: 1191.0)
    static let broadsheet = (width: 792.0, height: 1224.0)
    static let a4 = (width: 595.0, height: 842.0)

    static var all: [Sample] { [
        Sample(name: "zh-front", width: a3.width, height: a3.height, columns: 8,
               style: .chinese(size: 10.5, gutter: 10), compose: ZhFront.compose),
        Sample(name: "en-front", width: broadsheet.width, height: broadsheet.height, columns: 6,
               style: .english(size: 8.5, gutter: 12), compose: EnFront.compose),
        Sample(name: "zh-local", width: a3.width, height: a3.height, columns: 6,
               style: .chinese(size: 10.5, gutter: 10), compose: ZhLocal.compose),
        Sample(name: "en-metro", width: broadsheet.width, height: broadsheet.height, columns: 5,
               style: .english(size: 9, gutter: 12), compose: EnMetro.compose),
        Sample(name: "zh-vertical", width: a3.width, height: a3.height, columns: 5,
               style: .chinese(size: 10.5, gutter: 10), compose: ZhVertical.compose),
        Sample(name: "en-brief", width: broadsheet.width, height: broadsheet.height, columns: 4,
               style: .english(size: 9, gutter: 12), compose: EnBrief.compose),
        Sample(name: "zh-tw-vertical", width: a4.width, height: a4.height, columns: 5,
               style: .traditionalVertical(size: 10), compose: ZhTwVertical.compose),
        Sample(name: "zh-hk-vertical", width: a4.width, height: a4.height, columns: 5,
               style: .traditionalVertical(size: 10), compose: ZhHkVertical.compose),
    ] }

    /// Names of all samples, in the order they are made.
    public static var names: [String] { all.map(\.name) }

    /// Writes every sample (or those named in `only`) into `directory`, creating it if needed, and
    /// returns the files written. Output is deterministic: the same program writes the same bytes.
    @discardableResult
    public static func make(into directory: String, only: [String]? = nil) throws -> [String] {
        if let unknown = only?.first(where: { !names.contains($0) }) {
            throw SampleBookError.unknownSample(unknown, known: names)
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        for sample in all where only?.contains(sample.name) ?? true {
            let base = (directory as NSString).appendingPathComponent(sample.name)
            let page = try PageComposer(name: sample.name, path: base + ".pdf", width: sample.width,
                                        height: sample.height, columns: sample.columns, style: sample.style)
            try sample.compose(page)
            let truth = try page.finish()
            do {
                try truth.json().write(toFile: base + ".json", atomically: true, encoding: .utf8)
            } catch {
                throw RenderError.cannotWrite(path: base + ".json", reason: error.localizedDescription)
            }
            written += [base + ".pdf", base + ".json"]
        }
        return written
    }
}

/// A request for a sample the book does not have.
public enum SampleBookError: Error, CustomStringConvertible {
    case unknownSample(String, known: [String])
    public var description: String {
        switch self {
        case .unknownSample(let name, let known):
            return "no sample named “\(name)”; the samples are: \(known.joined(separator: ", "))"
        }
    }
}
