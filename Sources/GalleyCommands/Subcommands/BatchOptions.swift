import ArgumentParser

/// The options of `galley articles` that only a batch (several inputs, a folder, `-o OUTDIR`) takes.
package struct BatchOptions: ParsableArguments {
    package init() {}

    @Option(name: [.customShort("j"), .customLong("jobs")],
            help: ArgumentHelp("Documents read at once, each in its own process (default: the number of cores).", valueName: "n"))
    package var jobs: Int?

    @Flag(help: "Skip inputs whose output exists and is newer than the input, or whose hash the manifest records with status ok.")
    package var resume = false

    @Option(help: ArgumentHelp("Seconds a document may take before its worker is ended and the document recorded as timeout (0: no limit).", valueName: "seconds"))
    package var timeout: Double = 120

    @Option(help: ArgumentHelp("Megabytes of memory a worker may use before it is ended and its document recorded as failed (0: no limit).", valueName: "mb"))
    package var memoryLimit: Int = 4096

    @Flag(help: "No progress and no per-document lines; only the summary when something failed.")
    package var quiet = false

    package func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1 (got \(jobs))") }
        if jobs ?? 1 > ChildSignals.capacity { throw ValidationError("-j must be at most \(ChildSignals.capacity) (got \(jobs ?? 0))") }
        guard timeout >= 0, timeout.isFinite else { throw ValidationError("--timeout must be 0 or more seconds (got \(timeout))") }
        guard memoryLimit >= 0 else { throw ValidationError("--memory-limit must be 0 or more megabytes (got \(memoryLimit))") }
    }

    var settings: BatchSettings {
        BatchSettings(jobs: jobs, resume: resume, timeout: timeout, memoryLimit: memoryLimit, quiet: quiet)
    }
}

/// The values of `BatchOptions`, as a plain struct (see `PageInput`).
package struct BatchSettings: Sendable {
    var jobs: Int?
    var resume = false
    var timeout: Double = 120
    var memoryLimit = 4096
    var quiet = false

    /// True where any option differs from its default: the command is then a batch even for one PDF.
    var given: Bool { jobs != nil || resume || timeout != 120 || memoryLimit != 4096 || quiet }
}
