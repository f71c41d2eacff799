import Testing

@testable import Pipeline

/// Publication times: parsing, validation, zones, calendar arithmetic.
@Suite("Timestamp")
struct TimestampTests {
    @Test("export time `YYYY-MM-DD HH:MM` is China time as written")
    func exportTime() throws {
        let t = try #require(Timestamp.parse("2025-07-22 06:20"))
        #expect((t.year, t.month, t.day, t.hour, t.minute) == (2025, 7, 22, 6, 20))
        #expect(t.hasTime)
        #expect(t.text == "2025-07-22 06:20")
        #expect(Timestamp.parse("  2025-01-05 09:03 ")?.text == "2025-01-05 09:03")
    }

    @Test("a date alone has no time")
    func dateOnly() throws {
        let t = try #require(Timestamp.parse("2025-07-13"))
        #expect(!t.hasTime)
        #expect(t.text == "2025-07-13")
    }

    @Test(
        "zones are converted to UTC+8, carrying across days, months and years",
        arguments: [
            ("2025-07-22T06:20:00+08:00", "2025-07-22 06:20"),
            ("2025-07-22T06:20+08:00", "2025-07-22 06:20"),
            ("2025-07-21T22:20:00Z", "2025-07-22 06:20"),
            ("2025-07-22T00:00:00+05:30", "2025-07-22 02:30"),
            ("2025-03-01T02:00:00+14:00", "2025-02-28 20:00"),
            ("2024-03-01T02:00:00+14:00", "2024-02-29 20:00"),
            ("2025-12-31T16:00:00Z", "2026-01-01 00:00"),
            ("2026-01-01T00:59:00+09:00", "2025-12-31 23:59"),
            ("2025-07-31T23:00:00-03:00", "2025-08-01 10:00"),
        ])
    func zones(text: String, china: String) {
        #expect(Timestamp.parse(text)?.text == china)
    }

    @Test(
        "impossible or malformed dates are refused",
        arguments: [
            "2025-02-29 10:00", "2025-13-01 10:00", "2025-00-10 10:00", "2025-04-31 10:00", "2025-07-22 24:00",
            "2025-07-22 06:60", "2025/07/22 06:20", "2025-7-22 06:20", "22-07-2025", "2025-07-22 06", "",
            "2025-07-22T06:20:00+8", "2025-07-22T06:20:00Q", "2025-07-22T06:20:00+08:00junk",
        ])
    func refused(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("leap days: 2024 and 2000 have a 29 February, 2100 has not")
    func leapDays() {
        #expect(Timestamp.parse("2024-02-29 10:00") != nil)
        #expect(Timestamp.parse("2000-02-29") != nil)
        #expect(Timestamp.parse("2100-02-29") == nil)
    }

    @Test("ordering follows time")
    func ordering() throws {
        let a = try #require(Timestamp.parse("2025-07-21 23:59"))
        let b = try #require(Timestamp.parse("2025-07-22 00:00"))
        let c = try #require(Timestamp.parse("2025-07-21T16:00:00Z"))
        #expect(a < b)
        #expect(b == c)
        #expect(!(b < c))
    }

    @Test("day numbers: known epochs, and a round trip over 1990–2040")
    func dayNumbers() {
        #expect(Timestamp.daysFromCivil(1970, 1, 1) == 0)
        #expect(Timestamp.daysFromCivil(2000, 3, 1) == 11_017)
        #expect(Timestamp.daysFromCivil(1969, 12, 31) == -1)
        var day = Timestamp.daysFromCivil(1990, 1, 1)
        var (y, m, d) = (1990, 1, 1)
        while y < 2040 {
            #expect(Timestamp.daysFromCivil(y, m, d) == day)
            #expect(Timestamp.civilFromDays(day) == (y, m, d))
            day += 1
            d += 1
            if d > Timestamp.daysIn(year: y, month: m) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
        }
    }
}
