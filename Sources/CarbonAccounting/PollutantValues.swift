import Foundation

/// One number per pollutant, tonnes unless said otherwise; nil = not given / not estimated (never
/// zero by default). Nine doubles and a presence mask: a line and its result carry one each, and
/// the totals add them per line.
public struct PollutantValues: Sendable, Hashable {
    private var values: (Double, Double, Double, Double, Double, Double, Double, Double, Double) = (0, 0, 0, 0, 0, 0, 0, 0, 0)
    private var present: UInt16 = 0

    public init(
        nox: Double? = nil, sox: Double? = nil, co: Double? = nil, nmvoc: Double? = nil, nh3: Double? = nil, tsp: Double? = nil,
        pm10: Double? = nil, pm25: Double? = nil, bc: Double? = nil
    ) {
        self.nox = nox
        self.sox = sox
        self.co = co
        self.nmvoc = nmvoc
        self.nh3 = nh3
        self.tsp = tsp
        self.pm10 = pm10
        self.pm25 = pm25
        self.bc = bc
    }

    public var nox: Double? {
        get { self[.nox] }
        set { self[.nox] = newValue }
    }
    public var sox: Double? {
        get { self[.sox] }
        set { self[.sox] = newValue }
    }
    public var co: Double? {
        get { self[.co] }
        set { self[.co] = newValue }
    }
    public var nmvoc: Double? {
        get { self[.nmvoc] }
        set { self[.nmvoc] = newValue }
    }
    public var nh3: Double? {
        get { self[.nh3] }
        set { self[.nh3] = newValue }
    }
    public var tsp: Double? {
        get { self[.tsp] }
        set { self[.tsp] = newValue }
    }
    public var pm10: Double? {
        get { self[.pm10] }
        set { self[.pm10] = newValue }
    }
    public var pm25: Double? {
        get { self[.pm25] }
        set { self[.pm25] = newValue }
    }
    public var bc: Double? {
        get { self[.bc] }
        set { self[.bc] = newValue }
    }

    public subscript(_ pollutant: AirPollutant) -> Double? {
        @inline(__always) get { present & (1 << pollutant.index) == 0 ? nil : value(pollutant.index) }
        @inline(__always) set {
            // An absent value is stored as 0 so that equal values compare and hash equal.
            setValue(pollutant.index, newValue ?? 0)
            if newValue == nil { present &= ~(1 << pollutant.index) } else { present |= 1 << pollutant.index }
        }
    }

    @inline(__always) private func value(_ index: Int) -> Double {
        switch index {
        case 0: values.0
        case 1: values.1
        case 2: values.2
        case 3: values.3
        case 4: values.4
        case 5: values.5
        case 6: values.6
        case 7: values.7
        default: values.8
        }
    }

    @inline(__always) private mutating func setValue(_ index: Int, _ value: Double) {
        switch index {
        case 0: values.0 = value
        case 1: values.1 = value
        case 2: values.2 = value
        case 3: values.3 = value
        case 4: values.4 = value
        case 5: values.5 = value
        case 6: values.6 = value
        case 7: values.7 = value
        default: values.8 = value
        }
    }

    /// No pollutant given at all.
    public var isEmpty: Bool { present == 0 }

    /// Adds every value the other has; a pollutant neither has stays nil.
    public mutating func add(_ other: PollutantValues) {
        guard other.present != 0 else { return }
        for index in 0..<9 where other.present & (1 << index) != 0 {
            setValue(index, value(index) + other.value(index))
        }
        present |= other.present
    }

    public static func == (lhs: PollutantValues, rhs: PollutantValues) -> Bool {
        lhs.present == rhs.present && (0..<9).allSatisfy { lhs.value($0) == rhs.value($0) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(present)
        for index in 0..<9 { hasher.combine(value(index)) }
    }
}
