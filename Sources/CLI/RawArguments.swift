import Foundation

/// The command line's arguments as bytes: `CommandLine.arguments` repairs a file name that is not
/// valid UTF-8 (U+FFFD for each bad byte), and the repaired name opens nothing.
enum RawArguments {
    /// The raw bytes of each argument whose decoded `String` differs from them, by that `String`.
    nonisolated(unsafe) private static var lossy: [String: [UInt8]] = [:]

    static func record() {
        for k in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[k] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            if Array(text.utf8) != bytes { lossy[text] = bytes }
        }
    }

    /// The bytes the user typed for `argument`.
    static func bytes(_ argument: String) -> [UInt8] { lossy[argument] ?? Array(argument.utf8) }
}
