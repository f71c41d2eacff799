import Foundation
import Pipeline

OutputSink.openStandardDescriptors()
signal(SIGPIPE, SIG_IGN)
for sig in OutputSink.terminatingSignals {
    signal(sig) { code in
        OutputSink.removePending()
        _exit(128 + code)
    }
}
RawArguments.record()
exit(Stance.main(Array(CommandLine.arguments.dropFirst())).rawValue)
