import Testing

@testable import Pipeline

/// When the progress line shows, and what it says (the decisions, not the timing).
@Suite("Progress line")
struct ProgressMeterTests {
    @Test("shown only on a terminal, never with --quiet, never on a dumb terminal")
    func decision() {
        #expect(ProgressMeter.shouldShow(standardErrorIsTerminal: true, quiet: false, environment: ["TERM": "xterm"]))
        #expect(!ProgressMeter.shouldShow(standardErrorIsTerminal: false, quiet: false, environment: [:]))
        #expect(!ProgressMeter.shouldShow(standardErrorIsTerminal: true, quiet: true, environment: [:]))
        #expect(!ProgressMeter.shouldShow(standardErrorIsTerminal: true, quiet: false, environment: ["TERM": "dumb"]))
    }

    final class Fake {
        var now = 0.0
        var written: [String] = []
    }

    @Test("silent during the first second, then at most one redraw per interval, erased at the end")
    func throttle() {
        let fake = Fake()
        let meter = ProgressMeter(totalBytes: 10_000_000, clock: { fake.now }, write: { fake.written.append($0) })
        meter.advance(bytes: 1_000_000)
        fake.now = 0.9
        meter.advance(bytes: 1_000_000)
        #expect(fake.written.isEmpty)
        fake.now = 1.0
        meter.advance(bytes: 1_000_000)
        fake.now = 1.1
        meter.advance(bytes: 1_000_000)
        #expect(fake.written.count == 1)
        fake.now = 1.3
        meter.advance(bytes: 1_000_000)
        #expect(fake.written.count == 2)
        #expect(fake.written[1].hasPrefix("\r") && fake.written[1].hasSuffix("\u{1B}[K"))
        meter.finish()
        #expect(fake.written.last == "\r\u{1B}[K")
        let quiet = ProgressMeter(totalBytes: nil, clock: { 0 }, write: { fake.written.append($0) })
        let before = fake.written.count
        quiet.advance(bytes: 5)
        quiet.finish()
        #expect(fake.written.count == before)
    }

    @Test("MB, articles, rate, share and time left when the total is known; no ETA without it")
    func line() {
        let known = ProgressMeter(totalBytes: 40_000_000, clock: { 0 }, write: { _ in })
        known.advance(articles: 5_000, bytes: 10_000_000)
        #expect(known.line(elapsed: 2) == "stance: 10.0 MB, 5000 articles, 5.0 MB/s, 25% — about 0:06 left")
        let unknown = ProgressMeter(totalBytes: nil, clock: { 0 }, write: { _ in })
        unknown.advance(bytes: 3_000_000)
        #expect(unknown.line(elapsed: 1) == "stance: 3.0 MB, 1 articles, 3.0 MB/s")
    }
}
