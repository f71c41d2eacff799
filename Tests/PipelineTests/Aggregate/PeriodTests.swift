import Foundation
import Testing

@testable import Pipeline

/// Period labels: day, ISO week, month, quarter, undated.
@Suite("Period")
struct PeriodTests {
    func stamp(_ text: String) -> Timestamp? { Timestamp.parse(text) }

    @Test(
        "ISO weeks at year ends",
        arguments: [
            ("2024-12-30", "2025-W01"),  // Monday of the week holding 2 January 2025, a Thursday
            ("2021-01-03", "2020-W53"),  // Sunday closing 2020's 53rd week
            ("2026-01-01", "2026-W01"),  // a Thursday: week 1 of its own year
            ("2020-12-31", "2020-W53"),
            ("2021-01-04", "2021-W01"),
            ("2019-12-30", "2020-W01"),
            ("2027-01-01", "2026-W53"),  // a Friday: last week of 2026, which has 53
            ("2025-07-22", "2025-W30"),
            ("2025-12-28", "2025-W52"),
            ("2025-12-29", "2026-W01"),
        ])
    func isoWeek(date: String, label: String) {
        #expect(Period.week.label(stamp(date)) == label)
    }

    @Test("ISO weeks agree with Foundation's ISO 8601 calendar every day of 2015–2030")
    func isoWeekAgainstFoundation() throws {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 8 * 3600))
        var date = try #require(calendar.date(from: DateComponents(year: 2015, month: 1, day: 1, hour: 12)))
        let end = try #require(calendar.date(from: DateComponents(year: 2031, month: 1, day: 1)))
        var days = 0
        while date < end {
            days += 1
            let c = calendar.dateComponents([.year, .month, .day, .weekOfYear, .yearForWeekOfYear], from: date)
            let (year, week) = Period.isoWeek(year: c.year!, month: c.month!, day: c.day!)
            #expect(year == c.yearForWeekOfYear && week == c.weekOfYear, "\(c.year!)-\(c.month!)-\(c.day!)")
            date = try #require(calendar.date(byAdding: .day, value: 1, to: date))
        }
        #expect(days == 16 * 365 + 4)
    }

    @Test("the week is taken in China time: Sunday 20:00 UTC is Monday in Beijing")
    func weekInChinaTime() {
        #expect(Period.week.label(stamp("2025-07-20T20:00:00Z")) == "2025-W30")
        #expect(Period.week.label(stamp("2025-07-20T15:59:00Z")) == "2025-W29")
        #expect(Period.day.label(stamp("2025-07-20T20:00:00Z")) == "2025-07-21")
    }

    @Test(
        "day, month and quarter labels",
        arguments: [
            ("2025-07-22 06:20", "2025-07-22", "2025-07", "2025-Q3"),
            ("2025-01-01 00:00", "2025-01-01", "2025-01", "2025-Q1"),
            ("2025-03-31 23:59", "2025-03-31", "2025-03", "2025-Q1"),
            ("2025-04-01 00:00", "2025-04-01", "2025-04", "2025-Q2"),
            ("2025-06-30", "2025-06-30", "2025-06", "2025-Q2"),
            ("2025-09-30", "2025-09-30", "2025-09", "2025-Q3"),
            ("2025-10-01", "2025-10-01", "2025-10", "2025-Q4"),
            ("2025-12-31", "2025-12-31", "2025-12", "2025-Q4"),
        ])
    func calendarLabels(date: String, day: String, month: String, quarter: String) {
        #expect(Period.day.label(stamp(date)) == day)
        #expect(Period.month.label(stamp(date)) == month)
        #expect(Period.quarter.label(stamp(date)) == quarter)
    }

    @Test("an article with no date falls in `undated` whatever the unit", arguments: Period.allCases)
    func undated(period: Period) {
        #expect(period.label(nil) == "undated")
    }
}
