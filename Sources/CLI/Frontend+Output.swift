import Pipeline

extension Frontend {
    /// Writes `text` to `path` atomically (or to standard output); prints the error and returns false.
    static func write(_ text: String, to path: String?) -> Bool {
        do {
            let sink = try path.map { try OutputSink(path: $0) } ?? OutputSink()
            sink.write(text)
            try sink.commit()
            return true
        } catch {
            Frontend.error("\(error)")
            return false
        }
    }
}
