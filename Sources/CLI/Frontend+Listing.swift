import Dispatch
import Pipeline

extension Frontend {
    /// The inputs of a run, listed on another thread while the model loads.
    ///
    /// Both come before the first article is read: the model takes tens of milliseconds, a folder
    /// of thousands of files about as long (`FileManager` enumeration and a `stat` per file), and
    /// neither needs the other. `inputs()` waits for the listing; it prints nothing, so messages
    /// come in the same order as when the two ran one after the other.
    final class Listing: @unchecked Sendable {
        private let group = DispatchGroup()
        /// Written once on the listing thread, read after `group.wait()`.
        private var listed: InputSource?
        private var span = (started: DispatchTime.now(), finished: DispatchTime.now())

        /// How long the listing took (it ran meanwhile; read after `inputs()`).
        var milliseconds: String {
            group.wait()
            return Frontend.milliseconds(span.started, span.finished)
        }

        init(_ paths: [String]) {
            guard !paths.isEmpty else { return }
            DispatchQueue.global().async(group: group) {
                let started = DispatchTime.now()
                self.listed = InputSource(pathBytes: paths.map(RawArguments.bytes))
                self.span = (started, DispatchTime.now())
            }
        }

        func inputs() -> InputSource {
            group.wait()
            return listed ?? InputSource(paths: [])
        }
    }
}
