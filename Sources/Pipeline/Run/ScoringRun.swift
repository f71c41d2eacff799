import Dispatch
import Foundation
import Scoring

/// Streams articles from the inputs through segment → score, in batches scored on every core, and
/// hands results on in input order, so output is the same whatever the number of threads.
///
/// The calling thread reads and parses; `threads` worker threads take small chunks of articles from
/// the batches in flight, in order, so no worker waits for another and none waits for the reader
/// while there is work. Results come back on the calling thread, batch by batch, in input order.
/// Memory holds at most `maxInFlight` batches (plus the one being read).
public final class ScoringRun: @unchecked Sendable {
    public let lexicon: Lexicon
    public let explain: Bool
    public let threads: Int
    public let batchSize: Int
    /// Batches read but not yet handed on; the reader waits for the oldest one beyond this.
    public let maxInFlight: Int
    /// One scorer per worker; worker `w` only ever touches slot `w`.
    private let scorers: UnsafeMutableBufferPointer<ArticleScorer>

    public init(
        lexicon: Lexicon, explain: Bool = false, sentences: Bool = false, threads: Int = 0, batchSize: Int = 256,
        maxInFlight: Int = 4
    ) {
        self.lexicon = lexicon
        self.explain = explain
        let cores = threads > 0 ? threads : max(1, ProcessInfo_activeProcessorCount())
        self.threads = cores
        self.batchSize = max(1, batchSize)
        self.maxInFlight = max(1, maxInFlight)
        scorers = .allocate(capacity: cores)
        _ = scorers.initialize(
            from: (0..<cores).map { _ in ArticleScorer(lexicon: lexicon, explain: explain, sentences: sentences) })
    }

    deinit {
        scorers.deinitialize()
        scorers.deallocate()
    }

    /// Runs over `inputs`; `result` gets each scored article in input order, `rejected` each rejection
    /// as soon as it is found. File-level problems are counted in the account, not thrown.
    public func run(
        _ inputs: InputSource, result: (ScoredArticle) throws -> Void,
        rejected: (Rejection) -> Void, skipped: (LoadError) -> Void = { _ in }
    ) throws -> RunAccount {
        try run(inputs, render: { $0 }, result: result, rejected: rejected, skipped: skipped)
    }

    /// Like `run(_:result:rejected:skipped:)`, with `render` applied to each scored article on the
    /// worker threads (formatting output rows there rather than on the calling thread); `result`
    /// gets what `render` made, in input order.
    public func run<Row>(
        _ inputs: InputSource, render: @escaping @Sendable (ScoredArticle) -> Row,
        result: (Row) throws -> Void, rejected: (Rejection) -> Void,
        skipped: (LoadError) -> Void = { _ in }
    ) throws -> RunAccount {
        var account = RunAccount()
        for error in inputs.errors {
            account.skippedFiles.append(error)
            skipped(error)
        }
        let pool = WorkerPool<Row>(run: self, render: render)
        pool.start()
        defer { pool.stop() }

        var batch: [Article] = []
        batch.reserveCapacity(batchSize)
        // A queue: entries before `head` were handed on and are cleared, so their memory is freed.
        var inFlight: [Batch<Row>?] = []
        var head = 0

        /// Hands on the oldest batch, waiting for it when `wait`; false when it is not done yet.
        func deliverOldest(wait: Bool) throws -> Bool {
            guard head < inFlight.count, let oldest = inFlight[head] else { return false }
            guard pool.finished(oldest, wait: wait) else { return false }
            inFlight[head] = nil
            head += 1
            if head >= 64 { inFlight.removeFirst(head); head = 0 }
            for i in 0..<oldest.count {
                if let row = oldest.take(i) { try result(row) }
            }
            account.scored += oldest.count
            return true
        }

        func submit() throws {
            let full = Batch<Row>(articles: batch)
            batch = []
            batch.reserveCapacity(batchSize)
            inFlight.append(full)
            pool.submit(full)
            // Hand on whatever is done; wait only when too much is in flight.
            while try deliverOldest(wait: false) {}
            while inFlight.count - head > maxInFlight { _ = try deliverOldest(wait: true) }
        }

        for file in inputs.files {
            do {
                try InputSource.read(file) { event in
                    switch event {
                    case .article(let article):
                        account.read += 1
                        batch.append(article)
                        if batch.count >= batchSize { try submit() }
                    case .rejected(let rejection):
                        account.read += 1
                        account.rejected += 1
                        rejected(rejection)
                    }
                }
            } catch let error as LoadError {
                account.skippedFiles.append(error)
                skipped(error)
            }
        }
        if !batch.isEmpty { try submit() }
        while try deliverOldest(wait: true) {}
        return account
    }

    /// Scores a single article on the calling thread (tests, `--explain` of one text).
    public func score(_ article: Article) -> ScoredArticle {
        scorers[0].score(article)
    }

    fileprivate func score(_ article: Article, worker: Int) -> ScoredArticle {
        scorers[worker].score(article)
    }
}

/// One batch of articles and its results, written by the workers at distinct indices.
private final class Batch<Row>: @unchecked Sendable {
    let articles: [Article]
    let results: UnsafeMutableBufferPointer<Row?>
    var count: Int { articles.count }
    /// Guarded by the pool's condition: the next article to hand out and how many are scored.
    var next = 0
    var done = 0

    init(articles: [Article]) {
        self.articles = articles
        results = .allocate(capacity: articles.count)
        results.initialize(repeating: nil)
    }

    /// Moves result `i` out, so the memory of a delivered row is freed at once.
    func take(_ i: Int) -> Row? {
        let row = results[i]
        results[i] = nil
        return row
    }

    deinit {
        results.deinitialize()
        results.deallocate()
    }
}

/// `threads` worker threads that score chunks of the queued batches, oldest batch first.
private final class WorkerPool<Row>: @unchecked Sendable {
    /// Articles a worker takes at a time: small enough to balance the load, large enough that the
    /// lock is taken rarely.
    static var chunk: Int { 8 }

    let run: ScoringRun
    let render: @Sendable (ScoredArticle) -> Row
    let condition = NSCondition()
    /// Batches with articles not yet handed out, oldest first (guarded by `condition`); entries
    /// before `queueHead` are cleared.
    var queue: [Batch<Row>?] = []
    var queueHead = 0
    var stopping = false
    let exited = DispatchGroup()

    init(run: ScoringRun, render: @escaping @Sendable (ScoredArticle) -> Row) {
        self.run = run
        self.render = render
    }

    func start() {
        for worker in 0..<run.threads {
            exited.enter()
            let thread = Thread { [self] in
                work(worker)
                exited.leave()
            }
            thread.start()
        }
    }

    /// Lets the workers finish what is queued... or drop it when the run is ending early (an error),
    /// then waits until every worker has returned.
    func stop() {
        condition.lock()
        stopping = true
        queue.removeAll()
        queueHead = 0
        condition.broadcast()
        condition.unlock()
        exited.wait()
    }

    func submit(_ batch: Batch<Row>) {
        condition.lock()
        if queueHead >= 64 { queue.removeFirst(queueHead); queueHead = 0 }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Whether every article of `batch` is scored; with `wait`, blocks until it is.
    func finished(_ batch: Batch<Row>, wait: Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batch.done < batch.count {
            guard wait else { return false }
            condition.wait()
        }
        return true
    }

    private func work(_ worker: Int) {
        condition.lock()
        while true {
            guard queueHead < queue.count, let batch = queue[queueHead] else {
                if stopping { break }
                condition.wait()
                continue
            }
            let lo = batch.next, hi = min(batch.count, lo + WorkerPool.chunk)
            batch.next = hi
            if hi == batch.count {
                // Every article is handed out: the batch leaves the queue.
                queue[queueHead] = nil
                queueHead += 1
            }
            condition.unlock()
            for i in lo..<hi { batch.results[i] = render(run.score(batch.articles[i], worker: worker)) }
            condition.lock()
            batch.done += hi - lo
            if batch.done == batch.count { condition.broadcast() }
        }
        condition.unlock()
    }
}

func ProcessInfo_activeProcessorCount() -> Int { ProcessInfo.processInfo.activeProcessorCount }
