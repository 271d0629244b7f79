import Foundation

/// How a worker process ended.
struct WorkerOutcome: Sendable {
    enum End: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it that the pool did not send (a crash: SIGSEGV, SIGABRT, …, or a kill from outside).
        case signalled(Int32)
        /// The pool ended it: it ran longer than the time limit.
        case timedOut(seconds: Double)
        /// The pool ended it: its resident memory went past the limit.
        case outOfMemory(megabytes: Int)
        /// It could not be started.
        case notStarted(reason: String)
    }

    var end: End
    var seconds: Double
    /// What it wrote to standard output and standard error.
    var stdout: String
    var stderr: String
}

/// Runs commands in child processes, at most `jobs` at once, each watched for its time and memory:
/// one that runs too long or grows too large is ended (SIGTERM, then SIGKILL two seconds later), one
/// that crashes is reported, and the others go on. Children are started with `posix_spawn`. When the batch itself is interrupted
/// (SIGINT, SIGTERM, SIGHUP) the running children are sent SIGTERM first, so each removes its
/// temporary file and no partial output is left.
final class WorkerPool: @unchecked Sendable {
    struct Limits: Sendable {
        var jobs: Int
        /// Seconds per child; nil for none.
        var timeout: Double?
        /// Resident memory per child, in megabytes; nil for none.
        var memoryMegabytes: Int?
    }

    let executable: String
    let limits: Limits
    /// Added to the children's environment.
    let environment: [String: String]

    private let lock = NSLock()
    /// The children running, by pid: read by the watcher thread, under `lock`.
    private var running: [pid_t: Running] = [:]
    private var finished = false

    init(executable: String, limits: Limits, environment: [String: String] = [:]) {
        self.executable = executable
        self.limits = limits
        self.environment = environment
    }

    private struct Running {
        var index: Int
        var started: ContinuousClock.Instant
        var output: String
        var errors: String
        var endedBy: WorkerOutcome.End?
        var terminatedAt: ContinuousClock.Instant?
    }

    /// Runs `arguments(i)` for each index, in order, and tells `finished` (on the calling thread) of
    /// each end as it happens, with the child's pid. The calling thread waits for the children
    /// itself (so it hears of an end without a thread in between); a watcher thread ends those that
    /// run too long or grow too large. The pool's process must have no other children meanwhile.
    func run(_ indexes: [Int], arguments: (Int) -> [String], finished: (Int, pid_t, WorkerOutcome) -> Void) throws {
        let scratch = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        ChildSignals.install()
        let clock = ContinuousClock()
        var queue = indexes[...]
        let jobs = max(1, min(limits.jobs, ChildSignals.capacity))
        lock.withLock { self.finished = false }
        let watcher = Thread { [self] in watch(clock) }
        watcher.start()
        defer { lock.withLock { self.finished = true } }
        while true {
            while lock.withLock({ running.count }) < jobs, let i = queue.popFirst() {
                let output = scratch + "/\(i).out", errors = scratch + "/\(i).err"
                let start = clock.now
                switch spawn(arguments(i), stdout: output, stderr: errors) {
                case let .success(pid):
                    lock.withLock { running[pid] = Running(index: i, started: start, output: output, errors: errors) }
                    ChildSignals.add(pid)
                case let .failure(reason):
                    finished(i, 0, WorkerOutcome(end: .notStarted(reason: reason.description), seconds: 0, stdout: "", stderr: ""))
                }
            }
            guard lock.withLock({ !running.isEmpty }) else { break }
            var status: Int32 = 0
            let pid = wait4(-1, &status, 0, nil)
            if pid < 0 {
                if errno == EINTR { continue }
                break
            }
            guard let r = lock.withLock({ running.removeValue(forKey: pid) }) else { continue }
            ChildSignals.remove(pid)
            let elapsed = Self.seconds(r.started.duration(to: clock.now))
            let end = r.endedBy ?? Self.decode(status)
            let outcome = WorkerOutcome(end: end, seconds: elapsed, stdout: Self.read(r.output), stderr: Self.read(r.errors))
            unlink(r.output); unlink(r.errors)
            finished(r.index, pid, outcome)
        }
    }

    /// Every 50 ms until the run ends: a child past the time or memory limit is sent SIGTERM, and
    /// SIGKILL two seconds later if it is still there.
    private func watch(_ clock: ContinuousClock) {
        while true {
            usleep(50_000)
            lock.lock()
            defer { lock.unlock() }
            if finished { return }
            for (pid, r) in running {
                if let at = r.terminatedAt {
                    if at.duration(to: clock.now) > .seconds(2) { kill(pid, SIGKILL) }
                    continue
                }
                let elapsed = Self.seconds(r.started.duration(to: clock.now))
                var reason: WorkerOutcome.End?
                if let timeout = limits.timeout, elapsed > timeout { reason = .timedOut(seconds: timeout) }
                if let limit = limits.memoryMegabytes, Self.residentMegabytes(pid) > limit { reason = .outOfMemory(megabytes: limit) }
                guard let reason else { continue }
                running[pid]?.endedBy = reason
                running[pid]?.terminatedAt = clock.now
                kill(pid, SIGTERM)
            }
        }
    }

    struct SpawnFailure: Error, CustomStringConvertible {
        var description: String
    }

    private func spawn(_ arguments: [String], stdout: String, stderr: String) -> Result<pid_t, SpawnFailure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The children start with no signal blocked and the interrupt signals at their defaults, so
        // their own handlers (which remove temporary files) are installed.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in ChildSignals.signals { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { return .failure(SpawnFailure(description: "cannot start \(executable): \(String(cString: strerror(status)))")) }
        return .success(pid)
    }

    /// A wait status as an end: exited with a code, or ended by a signal.
    static func decode(_ status: Int32) -> WorkerOutcome.End {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// The resident memory of a process, from /proc (0 where it cannot be read).
    static func residentMegabytes(_ pid: pid_t) -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * sysconf(Int32(_SC_PAGESIZE)) / (1 << 20)
    }

    static func seconds(_ d: Duration) -> Double {
        let (s, attos) = d.components
        return Double(s) + Double(attos) * 1e-18
    }

    static func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func scratchFolder() throws -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/galley-batch-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CommandFailure("cannot make a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }
}
