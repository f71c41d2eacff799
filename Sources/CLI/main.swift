import Foundation
import Pipeline

signal(SIGPIPE, SIG_IGN)
for sig in [SIGINT, SIGTERM] {
    signal(sig) { code in
        OutputSink.removePending()
        _exit(128 + code)
    }
}
exit(Stance.main(Array(CommandLine.arguments.dropFirst())).rawValue)
