import Dispatch
import Scoring

/// Streams articles from the inputs through segment → score, in batches scored on every core, and
/// hands results on in input order, so output is the same whatever the number of threads.
///
/// Reading the next batch overlaps with scoring the current one; memory holds at most two batches.
public final class ScoringRun: @unchecked Sendable {
    public let lexicon: Lexicon
    public let explain: Bool
    public let threads: Int
    public let batchSize: Int
    /// One scorer per worker; worker `w` only ever touches slot `w`.
    private let scorers: UnsafeMutableBufferPointer<ArticleScorer>

    public init(lexicon: Lexicon, explain: Bool = false, threads: Int = 0, batchSize: Int = 256) {
        self.lexicon = lexicon
        self.explain = explain
        let cores = threads > 0 ? threads : max(1, ProcessInfo_activeProcessorCount())
        self.threads = cores
        self.batchSize = batchSize
        scorers = .allocate(capacity: cores)
        _ = scorers.initialize(from: (0..<cores).map { _ in ArticleScorer(lexicon: lexicon, explain: explain) })
    }

    deinit {
        scorers.deinitialize()
        scorers.deallocate()
    }

    /// Runs over `inputs`; `result` gets each scored article in input order, `rejected` each rejection
    /// as soon as it is found. File-level problems are counted in the account, not thrown.
    public func run(_ inputs: InputSource, result: (ScoredArticle) throws -> Void,
                    rejected: (Rejection) -> Void, skipped: (LoadError) -> Void = { _ in }) throws -> RunAccount {
        var account = RunAccount()
        for error in inputs.errors {
            account.skippedFiles.append(error)
            skipped(error)
        }
        var batch: [Article] = []
        batch.reserveCapacity(batchSize)
        var inFlight: PendingBatch?

        func drain() throws {
            guard let pending = inFlight else { return }
            inFlight = nil
            pending.group.wait()
            for item in pending.results.storage {
                if let item { try result(item) }
            }
            account.scored += pending.articles.count
        }

        func launch() throws {
            try drain()
            let pending = PendingBatch(articles: batch)
            batch = []
            batch.reserveCapacity(batchSize)
            inFlight = pending
            let workers = threads
            let scorers = ScorerBox(self)
            DispatchQueue.global().async(group: pending.group) {
                let count = pending.articles.count
                let chunk = (count + workers - 1) / max(workers, 1)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let lo = w * chunk, hi = min(count, lo + chunk)
                    guard lo < hi else { return }
                    for i in lo..<hi { pending.results.storage[i] = scorers.score(pending.articles[i], worker: w) }
                }
            }
        }

        for file in inputs.files {
            do {
                try InputSource.read(file) { event in
                    switch event {
                    case .article(let article):
                        account.read += 1
                        batch.append(article)
                        if batch.count >= batchSize { try launch() }
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
        if !batch.isEmpty { try launch() }
        try drain()
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

/// Results of one batch, written by the workers at distinct indices.
private final class PendingBatch: @unchecked Sendable {
    let articles: [Article]
    let results: ResultSlots
    let group = DispatchGroup()

    init(articles: [Article]) {
        self.articles = articles
        results = ResultSlots(count: articles.count)
    }
}

private final class ResultSlots: @unchecked Sendable {
    let storage: UnsafeMutableBufferPointer<ScoredArticle?>
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
}

/// Gives each worker its own scorer; worker `w` only ever touches `scorers[w]`.
private struct ScorerBox: @unchecked Sendable {
    let run: ScoringRun
    init(_ run: ScoringRun) { self.run = run }
    func score(_ article: Article, worker: Int) -> ScoredArticle { run.score(article, worker: worker) }
}

import Foundation

func ProcessInfo_activeProcessorCount() -> Int { ProcessInfo.processInfo.activeProcessorCount }
