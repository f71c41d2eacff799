import Foundation

/// One updating line on standard error while a long run works: MB and articles done, the rate, and
/// the time left when the total size is known.
///
/// Shown only when standard error is a terminal and `--quiet` was not given (`shouldShow`), so it
/// never reaches a pipe, a log file or the output. It waits `delay` seconds before the first line
/// (short runs stay silent), redraws at most every `interval` seconds, and erases itself at the end.
public final class ProgressMeter {
    public let totalBytes: Int?
    public let delay: Double
    public let interval: Double
    private let clock: () -> Double
    private let write: (String) -> Void
    private let started: Double
    private var lastDrawn: Double?
    public private(set) var bytes = 0
    public private(set) var articles = 0

    /// Whether a run shows progress: only on a terminal, never with `--quiet`.
    public static func shouldShow(standardErrorIsTerminal: Bool, quiet: Bool, environment: [String: String]) -> Bool {
        standardErrorIsTerminal && !quiet && environment["TERM"] != "dumb"
    }

    /// Whether file descriptor 2 is a terminal.
    public static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// The total size of the input files, `nil` when one is standard input (no ETA then).
    public static func totalBytes(of inputs: InputSource) -> Int? {
        var total = 0
        for file in inputs.files {
            guard file.path != "-",
                let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int
            else { return nil }
            total += size
        }
        return total
    }

    public init(
        totalBytes: Int?, delay: Double = 1, interval: Double = 0.25,
        clock: @escaping () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
        write: @escaping (String) -> Void = { try? FileHandle.standardError.write(contentsOf: Data($0.utf8)) }
    ) {
        self.totalBytes = totalBytes
        self.delay = delay
        self.interval = interval
        self.clock = clock
        self.write = write
        started = clock()
    }

    /// Counts one article of `bytes` input bytes; redraws when it is time.
    public func advance(articles more: Int = 1, bytes size: Int) {
        articles += more
        bytes += size
        let now = clock()
        guard now - started >= delay else { return }
        if let last = lastDrawn, now - last < interval { return }
        lastDrawn = now
        write("\r" + line(elapsed: now - started) + "\u{1B}[K")
    }

    /// Erases the line, if one was drawn.
    public func finish() {
        if lastDrawn != nil { write("\r\u{1B}[K") }
    }

    /// `12.4 MB, 6,100 articles, 8.3 MB/s, 37% — about 0:21 left`.
    public func line(elapsed: Double) -> String {
        let mb = Double(bytes) / 1_000_000
        let rate = elapsed > 0 ? mb / elapsed : 0
        var text =
            "stance: \(String(format: "%.1f", mb)) MB, \(articles) articles, \(String(format: "%.1f", rate)) MB/s"
        if let total = totalBytes, total > 0 {
            // Article text is a little smaller than the files holding it: never claim 100% early.
            let share = min(0.99, Double(bytes) / Double(total))
            text += ", \(Int(share * 100))%"
            if rate > 0 {
                let left = max(0, (Double(total) - Double(bytes)) / 1_000_000 / rate)
                let seconds = Int(left.rounded())
                text += " — about \(seconds / 60):\(String(format: "%02d", seconds % 60)) left"
            }
        }
        return text
    }

    /// The input bytes an article stands for (its text fields).
    public static func size(of article: Article) -> Int {
        article.title.utf8.count + article.body.utf8.count + (article.outlet?.utf8.count ?? 0) + 40
    }
}
