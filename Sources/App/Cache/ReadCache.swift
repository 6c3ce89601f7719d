import NIOConcurrencyHelpers

/// The one cache of the app: pages, JSON documents and computed results, each kept under the
/// versions of the tables its `CachedRead` declares.
///
/// - Freshness: every lookup first reads the declared tables' versions (one indexed query); a
///   value is served only for the exact versions it was loaded at. The versions are read before
///   the load, so a write that lands during a load leaves the value under the older stamp, where
///   no later request looks: stale in the safe direction only.
/// - Single flight: requests that miss together wait for one load.
/// - Bounded: at most `maxEntries` values and about `maxBytes` (by each read's cost); the least
///   recently used go first. One slot per read and key: a newer stamp replaces the older value.
public final class ReadCache: Sendable {
    private enum Lookup {
        case hit(any Sendable)
        case wait(Task<any Sendable, any Error>)
    }

    private struct Slot {
        var stamp: [Int64]
        var value: any Sendable
        var cost: Int
        var lastUse: UInt64
    }

    private struct State {
        var slots: [String: Slot] = [:]
        var totalCost = 0
        var tick: UInt64 = 0
        var inFlight: [String: (stamp: [Int64], task: Task<any Sendable, any Error>)] = [:]
        var loads: [String: Int] = [:]
    }

    let maxEntries: Int
    let maxBytes: Int
    private let state = NIOLockedValueBox(State())

    public init(maxEntries: Int = 4096, maxBytes: Int = 256 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    /// The value of `read` for `key`, loaded at most once per state of its tables.
    func value<Key, Value>(_ read: CachedRead<Key, Value>, _ key: Key, in context: QueryContext) async throws -> Value {
        let stamp = try await TableVersioning.versions(of: read.tables, on: context.db)
        return try await value(read, key, stamp: stamp, in: context)
    }

    /// Something made from the value of `read` (a rendered page, a feed, a JSON document), kept
    /// under the same stamp as the value. `variant` names what else it depends on (language, URL,
    /// day, what the reader may do), and may look at the value to say it.
    func derived<Key, Value, Output: Sendable>(
        _ read: CachedRead<Key, Value>, _ key: Key, variant: (Value) -> String, in context: QueryContext,
        make: (Value) throws -> Output
    ) async throws -> Output {
        let stamp = try await TableVersioning.versions(of: read.tables, on: context.db)
        let value = try await value(read, key, stamp: stamp, in: context)
        let slotKey = Self.slotKey(read.name, key) + "#" + variant(value)
        let cached: Output? = state.withLockedValue { state in
            guard var slot = state.slots[slotKey], slot.stamp == stamp, let output = slot.value as? Output else { return nil }
            state.tick += 1
            slot.lastUse = state.tick
            state.slots[slotKey] = slot
            return output
        }
        if let cached { return cached }
        let output = try make(value)
        store(slotKey, stamp: stamp, value: output, cost: CacheCost.of(output))
        return output
    }

    func text<Key, Value>(
        _ read: CachedRead<Key, Value>, _ key: Key, variant: @escaping (Value) -> String, in context: QueryContext,
        make: (Value) throws -> String
    ) async throws -> String {
        try await derived(read, key, variant: variant, in: context, make: make)
    }

    func text<Key, Value>(
        _ read: CachedRead<Key, Value>, _ key: Key, variant: String, in context: QueryContext,
        make: (Value) throws -> String
    ) async throws -> String {
        try await text(read, key, variant: { _ in variant }, in: context, make: make)
    }

    private func value<Key, Value>(
        _ read: CachedRead<Key, Value>, _ key: Key, stamp: [Int64], in context: QueryContext
    ) async throws -> Value {
        let slotKey = Self.slotKey(read.name, key)
        let lookup: Lookup = state.withLockedValue { state in
            if var slot = state.slots[slotKey], slot.stamp == stamp {
                state.tick += 1
                slot.lastUse = state.tick
                state.slots[slotKey] = slot
                return .hit(slot.value)
            }
            if let running = state.inFlight[slotKey], running.stamp == stamp { return .wait(running.task) }
            state.loads[read.name, default: 0] += 1
            let task = Task<any Sendable, any Error> { try await read.load(key, context) }
            state.inFlight[slotKey] = (stamp, task)
            return .wait(task)
        }
        let task: Task<any Sendable, any Error>
        switch lookup {
        case .hit(let cached):
            guard let value = cached as? Value else { throw AppError.internal("cache slot \(slotKey) holds another type") }
            return value
        case .wait(let running): task = running
        }
        let loaded: any Sendable
        do {
            loaded = try await task.value
        } catch {
            // A failed load is not kept: the next request tries again.
            state.withLockedValue { state in if state.inFlight[slotKey]?.stamp == stamp { state.inFlight[slotKey] = nil } }
            throw error
        }
        guard let value = loaded as? Value else { throw AppError.internal("cache slot \(slotKey) holds another type") }
        store(slotKey, stamp: stamp, value: value, cost: CacheCost.of(value))
        return value
    }

    /// Keeps a value a write has just computed, so the next read finds it (a line edit computes the
    /// report once). Only for reads whose value is a function of the key alone — e.g. keyed by a
    /// record's own version — so that storing it under any later stamp is still right.
    func prime<Key, Value>(_ read: CachedRead<Key, Value>, _ key: Key, value: Value, in context: QueryContext) async throws {
        let stamp = try await TableVersioning.versions(of: read.tables, on: context.db)
        store(Self.slotKey(read.name, key), stamp: stamp, value: value, cost: CacheCost.of(value))
    }

    /// How many times a read has been loaded from the database (tests and metrics).
    func loads(of name: String) -> Int { state.withLockedValue { $0.loads[name] ?? 0 } }

    var count: Int { state.withLockedValue { $0.slots.count } }

    /// Forgets every value (tests start a case from an empty cache).
    func removeAll() {
        state.withLockedValue { state in
            state.slots.removeAll()
            state.totalCost = 0
        }
    }

    private func store(_ slotKey: String, stamp: [Int64], value: any Sendable, cost: Int) {
        state.withLockedValue { state in
            if state.inFlight[slotKey]?.stamp == stamp { state.inFlight[slotKey] = nil }
            if let existing = state.slots[slotKey] {
                // A slower load of an older stamp never replaces a newer value.
                guard !Self.isOlder(stamp, than: existing.stamp) else { return }
                state.totalCost -= existing.cost
            }
            state.tick += 1
            state.slots[slotKey] = Slot(stamp: stamp, value: value, cost: cost, lastUse: state.tick)
            state.totalCost += cost
            evict(&state)
        }
    }

    /// Drops the least recently used slots until both bounds hold (a quarter at a time, so the
    /// sort is paid rarely).
    private func evict(_ state: inout State) {
        guard state.slots.count > maxEntries || state.totalCost > maxBytes else { return }
        let byAge = state.slots.sorted { $0.value.lastUse < $1.value.lastUse }
        var index = 0
        let keep = maxEntries * 3 / 4
        while index < byAge.count && (state.slots.count > keep || state.totalCost > maxBytes * 3 / 4) {
            let (key, slot) = byAge[index]
            state.slots[key] = nil
            state.totalCost -= slot.cost
            index += 1
        }
    }

    private static func isOlder(_ stamp: [Int64], than other: [Int64]) -> Bool {
        stamp.count == other.count && zip(stamp, other).allSatisfy { $0 <= $1 } && stamp != other
    }

    private static func slotKey<Key>(_ name: String, _ key: Key) -> String { "\(name)|\(String(describing: key))" }
}
