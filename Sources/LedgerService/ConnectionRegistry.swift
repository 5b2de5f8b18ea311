import Dispatch
import NIOCore
import Synchronization

/// Every open connection of the service, with what it is doing, so that a flood of sockets
/// cannot starve real clients.
///
/// Past `limit` open connections, each new one makes the registry close the connection that
/// has been idle or unfinished (a request begun but not fully received) the longest: a held
/// socket or a trickled request goes first, a request being answered never. A fresh client
/// sends its request at once, so it is the newest and survives the shedding.
public final class ConnectionRegistry: Sendable {
    /// What a connection is doing.
    enum Phase: Sendable, Equatable {
        /// Waiting for a request (or between requests).
        case idle
        /// A request has begun arriving but is not complete.
        case reading
        /// A complete request is being answered.
        case busy
    }

    private struct Slot {
        let channel: any Channel
        var phase: Phase
        /// When the phase began (monotonic nanoseconds).
        var since: UInt64
    }

    private struct State {
        var slots: [Int: Slot] = [:]
        var nextID = 0
        var shed: Int64 = 0
    }

    public let limit: Int
    private let state = Mutex(State())

    public init(limit: Int) {
        precondition(limit >= 1, "a connection limit below 1 would refuse every client")
        self.limit = limit
    }

    /// Connections open now.
    public var count: Int { state.withLock { $0.slots.count } }
    /// Connections closed so far to make room.
    public var shedCount: Int64 { state.withLock { $0.shed } }

    /// Registers a new connection; closes the oldest idle or unfinished ones while more than
    /// `limit` are open. Returns the new connection's id.
    func opened(_ channel: any Channel) -> Int {
        let now = DispatchTime.now().uptimeNanoseconds
        var victims: [any Channel] = []
        let id = state.withLock { s in
            let id = s.nextID
            s.nextID += 1
            s.slots[id] = Slot(channel: channel, phase: .idle, since: now)
            while s.slots.count - victims.count > limit {
                let taken = Set(victims.map { ObjectIdentifier($0) })
                // The oldest connection not being answered, other than this one.
                guard let victim = s.slots.filter({ $0.key != id && $0.value.phase != .busy && !taken.contains(ObjectIdentifier($0.value.channel)) })
                    .min(by: { $0.value.since < $1.value.since }) else { break }
                victims.append(victim.value.channel)
                s.shed += 1
            }
            return id
        }
        for v in victims { v.close(promise: nil) }
        return id
    }

    /// Records that connection `id` entered `phase`.
    func update(_ id: Int, _ phase: Phase) {
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { s in
            guard s.slots[id] != nil, s.slots[id]!.phase != phase else { return }
            s.slots[id]!.phase = phase
            s.slots[id]!.since = now
        }
    }

    func closed(_ id: Int) {
        _ = state.withLock { $0.slots.removeValue(forKey: id) }
    }
}
