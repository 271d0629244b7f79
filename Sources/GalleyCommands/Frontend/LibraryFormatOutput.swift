import ArgumentParser
import Foundation
import GalleyCore

/// Where and how `galley articles` writes the library formats: ALTO (one file), METS (a folder of the
/// METS file and one ALTO file a page), PAGE XML (one file a page: a file for one page, a folder for
/// several).
struct LibraryFormatOutput {
    var format: Articles.Format
    /// The input PDF, as given.
    var input: String
    var output: String?

    /// True for the formats written here.
    static func handles(_ format: Articles.Format) -> Bool { [.alto, .mets, .page].contains(format) }

    /// True where the output is a folder: METS always, PAGE XML for several pages.
    func writesFolder(pageCount: Int) -> Bool { format == .mets || (format == .page && pageCount > 1) }

    /// Refuses, before the analysis, an output that cannot be written (or is missing where a folder
    /// is needed).
    func check(pageCount: Int) throws {
        guard writesFolder(pageCount: pageCount) else {
            if let output { try AtomicFile.checkWritable(output, input: input) }
            return
        }
        guard let output else {
            let what = format == .mets ? "--format mets writes a folder (NAME-METS.xml and ALTO/NAME-0001.xml…)"
                : "--format page writes one file a page; for \(pageCount) pages"
            throw ValidationError("\(what): name the folder with -o FOLDER")
        }
        try OutputFolder.check(output)
    }

    /// The file name the outputs are named after: the PDF's, without its folder and `.pdf`.
    var name: String {
        let base = input.split(separator: "/").last.map(String.init) ?? input
        return base.lowercased().hasSuffix(".pdf") ? String(base.dropLast(4)) : base
    }

    /// `NAME-000N.xml`.
    func pageFile(_ number: Int) -> String {
        let digits = String(number)
        return name + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ".xml"
    }

    /// The input's modification time as an `xsd:dateTime`: the outputs' creation date, the same on
    /// every run over one file.
    var created: String {
        let date = (try? FileManager.default.attributesOfItem(atPath: input)[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        return ISO8601DateFormatter().string(from: date)
    }

    func write(_ pages: [RegionPage]) throws {
        switch format {
        case .alto:
            try emit(ALTOWriter().data(for: pages, source: input))
        case .page where !writesFolder(pageCount: pages.count):
            try emit(PAGEWriter().data(for: pages[0], source: input, created: created))
        case .page:
            let created = self.created
            let files = pages.map { (pageFile($0.number), PAGEWriter().data(for: $0, source: input, created: created)) }
            try OutputFolder.write(files, to: output!, input: input)
        default:
            var files = pages.map { ("ALTO/" + pageFile($0.number), ALTOWriter().data(for: [$0], source: input)) }
            let alto = pages.map { METSWriter.ALTOFile(page: $0, href: "ALTO/" + pageFile($0.number)) }
            files.append((name + "-METS.xml", METSWriter().data(for: alto, source: input, created: created)))
            try OutputFolder.write(files, to: output!, input: input)
        }
    }

    private func emit(_ data: Data) throws {
        if let output {
            try AtomicFile.write(data, to: output, input: input)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
