/// A publication time in China Standard Time (UTC+8), the zone every export writes.
public struct Timestamp: Sendable, Equatable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    /// False when only the date was given (a date in a title).
    public var hasTime: Bool

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, hasTime: Bool = true) {
        guard (1900...2200).contains(year), (1...12).contains(month),
            (1...Timestamp.daysIn(year: year, month: month)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.hasTime = hasTime
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute) < (b.year, b.month, b.day, b.hour, b.minute)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2025-07-22 06:20` (local time) or ISO 8601 (`2025-07-22T06:20:00+08:00`, `...Z`, `2025-07-22`).
    public static func parse(_ text: String) -> Timestamp? {
        let s = Array(text.trimmingCharactersInSpaces().utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var v = 0
            for k in from..<(from + count) {
                let b = s[k]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            return v
        }
        guard s.count >= 10, let y = number(0, 4), s[4] == 0x2D, let mo = number(5, 2), s[7] == 0x2D,
            let d = number(8, 2)
        else { return nil }
        if s.count == 10 { return Timestamp(year: y, month: mo, day: d, hasTime: false) }
        guard s.count >= 16, s[10] == 0x20 || s[10] == 0x54, let h = number(11, 2), s[13] == 0x3A,
            let mi = number(14, 2)
        else { return nil }
        var rest = 16
        if rest < s.count && s[rest] == 0x3A {
            guard number(rest + 1, 2) != nil else { return nil }
            rest += 3
            if rest < s.count && s[rest] == 0x2E {
                rest += 1
                while rest < s.count && s[rest] >= 0x30 && s[rest] <= 0x39 { rest += 1 }
            }
        }
        guard var stamp = Timestamp(year: y, month: mo, day: d, hour: h, minute: mi) else { return nil }
        if rest == s.count { return stamp }
        // A zone: convert to UTC+8.
        var offsetMinutes: Int
        if s[rest] == 0x5A && rest + 1 == s.count {
            offsetMinutes = 0
        } else if (s[rest] == 0x2B || s[rest] == 0x2D), let oh = number(rest + 1, 2) {
            var om = 0
            if rest + 3 < s.count {
                let colon = s[rest + 3] == 0x3A ? 1 : 0
                guard let m = number(rest + 3 + colon, 2), rest + 5 + colon == s.count else { return nil }
                om = m
            } else if rest + 3 != s.count {
                return nil
            }
            // Real zones run from -12:00 to +14:00 (+99:99 is no offset).
            guard oh <= 14, om <= 59 else { return nil }
            offsetMinutes = (oh * 60 + om) * (s[rest] == 0x2D ? -1 : 1)
        } else {
            return nil
        }
        stamp.shift(minutes: 8 * 60 - offsetMinutes)
        return stamp
    }

    /// Moves the time by `minutes`, carrying across days, months and years.
    mutating func shift(minutes: Int) {
        var total = hour * 60 + minute + minutes
        var dayShift = 0
        while total < 0 { total += 1440; dayShift -= 1 }
        while total >= 1440 { total -= 1440; dayShift += 1 }
        hour = total / 60
        minute = total % 60
        let ordinal = Timestamp.daysFromCivil(year, month, day) + dayShift
        (year, month, day) = Timestamp.civilFromDays(ordinal)
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm), for weekday and ISO week arithmetic.
    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil (proleptic Gregorian) date of a count of days since 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`).
    public static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// `2025-07-22 06:20`, or `2025-07-13` when only the date is known.
    public var text: String {
        // Written byte by byte when every field has its usual number of digits (every timestamp `init`
        // accepts): `summary` asks once per article, and interpolation built five strings each time.
        if (1000...9999).contains(year), (0...99).contains(month), (0...99).contains(day), (0...99).contains(hour),
            (0...99).contains(minute)
        {
            return String(unsafeUninitializedCapacity: 16) { out in
                func put(_ v: Int, _ digits: Int, at i: Int) {
                    var v = v
                    for k in stride(from: i + digits - 1, through: i, by: -1) {
                        out[k] = UInt8(0x30 + v % 10)
                        v /= 10
                    }
                }
                put(year, 4, at: 0)
                out[4] = 0x2D
                put(month, 2, at: 5)
                out[7] = 0x2D
                put(day, 2, at: 8)
                guard hasTime else { return 10 }
                out[10] = 0x20
                put(hour, 2, at: 11)
                out[13] = 0x3A
                put(minute, 2, at: 14)
                return 16
            }
        }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let date = "\(year)-\(two(month))-\(two(day))"
        return hasTime ? "\(date) \(two(hour)):\(two(minute))" : date
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, carriage returns and ideographic spaces.
    func trimmingCharactersInSpaces() -> String {
        // Most lines need no trimming: when the first byte starts none of the four characters and the
        // last byte ends none of them, no `Character` comparison below could succeed.
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first != 0x20 && first != 0x09 && first != 0x0D && first != 0xE3 && last != 0x20 && last != 0x09
            && last != 0x0D && last != 0x80
        {
            return self
        }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\u{3000}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\u{3000}" { s.removeLast() }
        return String(s)
    }
}
