/// The one reading loop of a run (`score`, `summary`, `convert` …), so every command counts the same way.
extension InputSource {
    /// Reads every record of every input in order, counting in `account` each record read, each
    /// rejection (handed to `rejected` as it is found) and each input that could not be read (handed
    /// to `skipped`). Articles go to `article`; an error it throws ends the reading and is rethrown,
    /// with `account` counting what was read until then.
    public func readRecords(
        into account: inout RunAccount, article: (Article) throws -> Void, rejected: (Rejection) -> Void,
        skipped: (LoadError) -> Void
    ) throws {
        for error in errors {
            account.skippedFiles.append(error)
            skipped(error)
        }
        for file in files {
            do {
                try InputSource.read(file) { event in
                    account.read += 1
                    switch event {
                    case .article(let found):
                        try article(found)
                    case .rejected(let rejection):
                        account.rejected += 1
                        rejected(rejection)
                    }
                }
            } catch let error as LoadError {
                account.skippedFiles.append(error)
                skipped(error)
            }
        }
    }
}
