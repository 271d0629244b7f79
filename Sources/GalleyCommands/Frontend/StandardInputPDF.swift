import Foundation
import GalleyCore
import GalleyPoppler

/// Opens the PDF a reading command names; `-` is standard input, read whole into a temporary file
/// that is removed as soon as Poppler has opened it (and on an interrupt before).
enum StandardInputPDF {
    static let name = "-"

    static func open(_ input: PageInput) throws -> PDFDocument {
        guard input.file == name else { return try PDFDocument(path: input.file, password: input.password) }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard !data.isEmpty else { throw CommandFailure("standard input is empty: pipe a PDF in, e.g. `galley articles - < page.pdf`") }
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = AtomicFile.temporaryPath(for: base + "/galley-stdin.pdf")
        TemporaryFiles.register(path)
        defer {
            unlink(path)
            TemporaryFiles.forget(path)
        }
        do {
            try data.write(to: URL(fileURLWithPath: path))
            return try PDFDocument(path: path, password: input.password)
        } catch {
            // Errors name the file they read: here, standard input.
            throw CommandFailure(String(describing: error).replacingOccurrences(of: path, with: "standard input"))
        }
    }
}
