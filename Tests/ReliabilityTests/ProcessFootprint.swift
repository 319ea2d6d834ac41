import Foundation

/// What a running process holds, read from `/proc/PID`: descriptors, memory and CPU time.
struct ProcessFootprint: CustomStringConvertible {
    /// `/proc/PID` could not be read: the process is gone.
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// Entries of `/proc/PID/fd`.
    var descriptors: Int
    /// `VmRSS`: resident memory now, in KiB.
    var residentKiB: Int
    /// `VmHWM`: the most resident memory the process has had, in KiB.
    var peakResidentKiB: Int
    /// User and system CPU time so far, in clock ticks (`utime + stime` of `/proc/PID/stat`).
    var cpuTicks: Int

    /// Reads the footprint of process `pid`.
    ///
    /// - Throws: `Unreadable` when `/proc/PID` is gone or not in the expected format.
    init(of pid: Int32) throws {
        let proc = "/proc/\(pid)"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "\(proc)/fd"),
            let status = try? String(contentsOfFile: "\(proc)/status", encoding: .utf8),
            let stat = try? String(contentsOfFile: "\(proc)/stat", encoding: .utf8)
        else { throw Unreadable(description: "\(proc) cannot be read: the process has exited") }
        func kibibytes(_ field: String) throws -> Int {
            let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
            guard let value = line?.split(whereSeparator: \.isWhitespace).dropFirst().first, let kib = Int(value)
            else { throw Unreadable(description: "\(proc)/status has no \(field)") }
            return kib
        }
        // The command name in parentheses may hold spaces; the fields after it are fixed:
        // utime and stime are the 12th and 13th after the closing parenthesis.
        guard let close = stat.lastIndex(of: ")") else { throw Unreadable(description: "\(proc)/stat: \(stat)") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else {
            throw Unreadable(description: "\(proc)/stat: \(stat)")
        }
        descriptors = entries.count
        residentKiB = try kibibytes("VmRSS")
        peakResidentKiB = try kibibytes("VmHWM")
        cpuTicks = user + system
    }

    /// The footprint with the fewest descriptors of five readings 50 ms apart: a baseline
    /// without the connection of the request that has just been answered, which the server
    /// keeps for a moment while the client reads.
    static func baseline(of pid: Int32) async throws -> ProcessFootprint {
        var fewest = try ProcessFootprint(of: pid)
        for _ in 1..<5 {
            try await Task.sleep(for: .milliseconds(50))
            let reading = try ProcessFootprint(of: pid)
            if reading.descriptors < fewest.descriptors { fewest = reading }
        }
        return fewest
    }

    /// What each of process `pid`'s descriptors refers to (`/proc/PID/fd/N`'s link: a path,
    /// `socket:[…]`, a path ending in ` (deleted)`); empty once the process is gone.
    static func descriptorTargets(of pid: Int32) -> [String] {
        let folder = "/proc/\(pid)/fd"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)") }
    }

    var description: String {
        "\(descriptors) descriptors, RSS \(residentKiB) KiB (peak \(peakResidentKiB) KiB), CPU \(cpuTicks) ticks"
    }
}
