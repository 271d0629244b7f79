import ArgumentParser
import Foundation

package struct MakeSamples: ParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "make-samples",
        abstract: "Typeset the project's sample newspaper pages, each with its ground truth.",
        discussion: """
            Writes NAME.pdf and NAME.json for every sample page (Chinese and English, 4 to 8 columns, \
            vertical headlines, photos, boxed stories, advertisements) into DIR. The JSON is ground truth \
            in the development set's format: every line as placed, with its role and box, grouped into \
            articles, and the page furniture. Output is deterministic, so the committed Samples/ can be \
            checked against the generator.
            """)

    @Argument(help: ArgumentHelp("Folder to write into (created if missing).", valueName: "dir"))
    package var directory: String = "Samples"

    @Option(name: .customLong("only"), parsing: .upToNextOption,
            help: ArgumentHelp("Make only these samples.", valueName: "name"))
    package var only: [String] = []

    package func run() throws {
        try CommandErrors.reporting { try Drawing.performer.makeSamples(self) }
    }
}
