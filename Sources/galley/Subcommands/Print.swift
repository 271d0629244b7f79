import ArgumentParser

struct Print: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(not written yet)")
    func run() throws { throw ValidationError("galley: this command is not written yet") }
}
