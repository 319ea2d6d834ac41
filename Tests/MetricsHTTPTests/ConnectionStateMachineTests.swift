import Testing

@testable import MetricsHTTP

/// A point on a mock clock: a duration since the test's zero.
struct MockInstant: InstantProtocol, Sendable {
    var offset: Duration

    static func seconds(_ value: Double) -> MockInstant {
        MockInstant(offset: .milliseconds(Int64(value * 1000)))
    }

    func advanced(by duration: Duration) -> MockInstant {
        MockInstant(offset: offset + duration)
    }

    func duration(to other: MockInstant) -> Duration {
        other.offset - offset
    }

    static func < (lhs: MockInstant, rhs: MockInstant) -> Bool {
        lhs.offset < rhs.offset
    }
}

@Suite struct ConnectionStateMachineTests {
    private let timeouts = ConnectionStateMachine<MockInstant>.Timeouts(
        headerRead: .seconds(10),
        idle: .seconds(60),
        write: .seconds(5),
        linger: .seconds(2)
    )

    @Test func headerTimeoutRunsFromTheAcceptAndTricklingBytesDoNotExtendIt() {
        var machine = ConnectionStateMachine(timeouts: timeouts, acceptedAt: .seconds(0))
        for second in stride(from: 1.0, through: 9.0, by: 2) {
            machine.requestBytesAvailable(at: .seconds(second))
            #expect(machine.checkDeadline(at: .seconds(second)) == nil)
        }
        #expect(machine.deadline == .seconds(10))
        #expect(machine.checkDeadline(at: .seconds(9.999)) == nil)
        #expect(machine.checkDeadline(at: .seconds(10)) == .headerReadTimeout)
        #expect(machine.state == .closed)
        #expect(machine.checkDeadline(at: .seconds(100)) == nil)
    }

    @Test func noDeadlineWhileTheHandlerRuns() {
        var machine = ConnectionStateMachine(timeouts: timeouts, acceptedAt: .seconds(0))
        machine.requestDispatched()
        #expect(machine.state == .processing)
        #expect(machine.deadline == nil)
        #expect(machine.checkDeadline(at: .seconds(1000)) == nil)
        #expect(!machine.isAwaitingRequest)
    }

    @Test func keptAliveConnectionIdlesThenStartsAFreshHeaderDeadlineOnItsNextByte() {
        var machine = ConnectionStateMachine(timeouts: timeouts, acceptedAt: .seconds(0))
        machine.requestDispatched()
        machine.responseReady(at: .seconds(1), thenClose: false)
        #expect(machine.state == .writing(deadline: .seconds(6), thenClose: false))
        #expect(machine.responseWritten(at: .seconds(2)) == .readNextRequest)
        #expect(machine.state == .idle(deadline: .seconds(62)))
        #expect(machine.isAwaitingRequest)
        machine.requestBytesAvailable(at: .seconds(30))
        #expect(machine.state == .readingHeader(deadline: .seconds(40)))
        #expect(machine.checkDeadline(at: .seconds(40)) == .headerReadTimeout)
    }

    @Test func idleConnectionIsClosedAtTheIdleDeadline() {
        var machine = ConnectionStateMachine(timeouts: timeouts, acceptedAt: .seconds(0))
        machine.requestDispatched()
        machine.responseReady(at: .seconds(1), thenClose: false)
        _ = machine.responseWritten(at: .seconds(1))
        #expect(machine.checkDeadline(at: .seconds(60.999)) == nil)
        #expect(machine.checkDeadline(at: .seconds(61)) == .idleTimeout)
    }

    @Test func clientThatDoesNotReadIsClosedAtTheWriteDeadline() {
        var machine = ConnectionStateMachine(timeouts: timeouts, acceptedAt: .seconds(0))
        machine.requestDispatched()
        machine.responseReady(at: .seconds(3), thenClose: false)
        #expect(machine.checkDeadline(at: .seconds(7.999)) == nil)
        #expect(machine.checkDeadline(at: .seconds(8)) == .writeTimeout)
    }

    @Test func finalResponseLingersThenCloses() {
        var machine = ConnectionStateMachine(timeouts: timeouts, acceptedAt: .seconds(0))
        machine.responseReady(at: .seconds(1), thenClose: true)
        #expect(machine.responseWritten(at: .seconds(1.5)) == .shutDownAndLinger)
        #expect(machine.state == .lingering(deadline: .seconds(3.5)))
        #expect(!machine.isAwaitingRequest)
        machine.requestBytesAvailable(at: .seconds(2))
        #expect(machine.state == .lingering(deadline: .seconds(3.5)))
        #expect(machine.checkDeadline(at: .seconds(3.5)) == .lingerEnded)
    }

    @Test func eventsAfterCloseChangeNothing() {
        var machine = ConnectionStateMachine(timeouts: timeouts, acceptedAt: .seconds(0))
        machine.closed()
        machine.requestBytesAvailable(at: .seconds(1))
        machine.requestDispatched()
        machine.responseReady(at: .seconds(1), thenClose: false)
        #expect(machine.responseWritten(at: .seconds(1)) == nil)
        #expect(machine.state == .closed)
        #expect(machine.deadline == nil)
    }
}
