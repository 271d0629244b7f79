import ArgumentParser

struct MakeSamples: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "make-samples", abstract: "(not written yet)")
    func run() throws { throw ValidationError("galley: this command is not written yet") }
}
