import Foundation
import Testing

@testable import LogTailing

@Suite struct FileTailerPositionsTests {
    @Test func restart_resumes_at_the_start_of_an_unfinished_line() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "1\n2\n3-unfin")
        #expect(scenario.poll() == ["app.jsonl: 1", "app.jsonl: 2"])
        let identity = try scenario.directory.identity("app.jsonl")
        #expect(
            scenario.tailer.positions() == [
                TailPosition(
                    path: scenario.directory.url("app.jsonl"),
                    identity: identity,
                    fingerprint: Fingerprint(of: Array("1\n2\n3-unfin".utf8)),
                    offset: 4
                )
            ]
        )
        scenario.restart()
        _ = scenario.events()
        try scenario.directory.append("app.jsonl", "ished\n4\n")
        #expect(scenario.poll() == ["app.jsonl: 3-unfinished", "app.jsonl: 4"])
        #expect(scenario.events() == ["opened(offset: 4) app.jsonl"])
    }

    @Test func restart_with_nothing_new_delivers_nothing() throws {
        let scenario = try Scenario()
        try scenario.directory.write("a.jsonl", "1\n2\n")
        try scenario.directory.write("b.jsonl", "3\n")
        #expect(scenario.poll().count == 3)
        scenario.restart()
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.stats.filesWatched == 2)
    }

    @Test func rotated_while_down_is_drained_from_its_saved_offset() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "1\n")
        #expect(scenario.poll() == ["app.jsonl: 1"])
        let positions = scenario.tailer.positions()
        try scenario.directory.append("app.jsonl", "2\n")
        try scenario.directory.rename("app.jsonl", to: "app.jsonl.1")
        try scenario.directory.write("app.jsonl", "3\n")
        scenario.restart()
        _ = scenario.events()
        #expect(scenario.poll() == ["app.jsonl.1: 2", "app.jsonl: 3"])
        #expect(
            scenario.events() == [
                "opened(offset: 2) app.jsonl.1", "rotated app.jsonl.1", "released app.jsonl.1",
                "opened(offset: 0) app.jsonl",
            ]
        )
        #expect(positions.map(\.offset) == [2])
    }

    @Test func deleted_while_down_is_reported_lost() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "1\n")
        _ = scenario.poll()
        try scenario.directory.remove("app.jsonl")
        scenario.restart()
        _ = scenario.events()
        #expect(scenario.poll() == [])
        #expect(scenario.events() == ["lost app.jsonl"])
        #expect(scenario.tailer.stats.filesWatched == 0)
    }

    @Test func truncated_while_down_is_read_again_from_zero() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "11\n22\n")
        _ = scenario.poll()
        try scenario.directory.truncate("app.jsonl", to: 0)
        try scenario.directory.append("app.jsonl", "1\n")
        scenario.restart()
        _ = scenario.events()
        // Shorter than its fingerprint: not the saved file any more, so a new one.
        #expect(scenario.poll() == ["app.jsonl: 1"])
        #expect(scenario.events() == ["lost app.jsonl", "opened(offset: 0) app.jsonl"])
    }

    @Test func truncated_while_down_below_the_offset_but_not_the_fingerprint() throws {
        let scenario = try Scenario()
        let first = String(repeating: "f", count: 300)
        try scenario.directory.write("app.jsonl", first + "\n22\n")
        _ = scenario.poll()
        try scenario.directory.truncate("app.jsonl", to: 301)
        scenario.restart()
        _ = scenario.events()
        try scenario.directory.append("app.jsonl", "3\n")
        // Size below the offset means truncation: read again from byte 0, as for copytruncate.
        #expect(scenario.poll() == ["app.jsonl: " + first, "app.jsonl: 3"])
        #expect(scenario.events() == ["opened(offset: 304) app.jsonl", "truncated app.jsonl"])
        #expect(scenario.tailer.stats.truncations == 1)
    }

    @Test func refilled_while_down_is_read_from_zero() throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "{\"cost\":1}\n")
        _ = scenario.poll()
        try scenario.directory.write("app.jsonl", "{\"cost\":4072}\n")
        scenario.restart()
        _ = scenario.events()
        #expect(scenario.poll() == ["app.jsonl: {\"cost\":4072}"])
        #expect(scenario.events() == ["lost app.jsonl", "opened(offset: 0) app.jsonl"])
    }

    @Test func saved_offset_inside_an_overlong_line_skips_its_rest() throws {
        let scenario = try Scenario(options: scenarioOptions(startAt: .end, maxLineLength: 8))
        try scenario.directory.write("app.jsonl", "0123456789abcdef")
        #expect(scenario.poll() == [])
        #expect(scenario.tailer.positions().map(\.offset) == [16])
        scenario.restart()
        try scenario.directory.append("app.jsonl", "xyz\n6\n")
        #expect(scenario.poll() == ["app.jsonl: <too long>", "app.jsonl: 6"])
    }

    @Test func files_new_since_the_restart_are_read_from_zero_even_with_start_at_end() throws {
        let scenario = try Scenario(options: scenarioOptions(startAt: .end))
        try scenario.directory.write("a.jsonl", "old\n")
        #expect(scenario.poll() == [])
        try scenario.directory.write("b.jsonl", "b1\n")
        scenario.restart()
        #expect(scenario.poll() == ["b.jsonl: b1"])
    }

    @Test(arguments: [-5, 1_000_000])
    func corrupt_offset_is_not_a_crash(offset: Int) throws {
        let scenario = try Scenario()
        try scenario.directory.write("app.jsonl", "1\n2\n")
        let identity = try scenario.directory.identity("app.jsonl")
        let position = TailPosition(
            path: scenario.directory.url("app.jsonl"),
            identity: identity,
            fingerprint: .empty,
            offset: offset
        )
        let tailer = FileTailer(
            patterns: [scenario.directory.url("*.jsonl")],
            options: scenarioOptions(),
            clock: scenario.clock,
            restoring: [position],
            fileSystem: scenario.fileSystem
        )
        var sink = RecordingSink()
        tailer.poll(into: &sink)
        #expect(sink.takeLines() == ["app.jsonl: 1", "app.jsonl: 2"])
        #expect(tailer.stats.truncations == (offset > 0 ? 1 : 0))
    }

    @Test func positions_round_trip_through_json() throws {
        let position = TailPosition(
            path: "/var/log/app.jsonl",
            identity: FileIdentity(device: 2049, inode: 1_234_567),
            fingerprint: Fingerprint(byteCount: 256, hash: 0xdead_beef_cafe_f00d),
            offset: 4072
        )
        let data = try JSONEncoder().encode([position])
        #expect(try JSONDecoder().decode([TailPosition].self, from: data) == [position])
    }
}
