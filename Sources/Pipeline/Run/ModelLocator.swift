import Foundation
import Scoring

/// Finds the model directory: `--model DIR`, then `$STANCE_MODEL`, then the `Models/` folder of the
/// checkout the binary was built from.
public enum ModelLocator {
    public static func locate(explicit: String?, environment: [String: String], checkout: String?) throws(ModelError)
        -> String
    {
        var tried: [String] = []
        if let explicit {
            if isModel(explicit) { return explicit }
            throw .notFound(tried: ["--model \(explicit) (no manifest.tsv there)"])
        }
        if let fromEnvironment = environment["STANCE_MODEL"], !fromEnvironment.isEmpty {
            if isModel(fromEnvironment) { return fromEnvironment }
            // A set but wrong variable is an error, not a reason to fall back to another model.
            throw .notFound(tried: ["$STANCE_MODEL=\(fromEnvironment) (no manifest.tsv there)"])
        } else {
            tried.append("$STANCE_MODEL (not set)")
        }
        if let checkout {
            let models = (checkout as NSString).appendingPathComponent("Models")
            if isModel(models) { return models }
            tried.append("\(models) (the checkout this binary was built from)")
        }
        tried.insert("--model DIR (not given)", at: 0)
        throw .notFound(tried: tried)
    }

    static func isModel(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("manifest.tsv"))
    }

    /// The package root above a source file path (`#filePath` of a file under `Sources/`).
    public static func checkoutRoot(fromSourceFile path: String) -> String? {
        var url = URL(fileURLWithPath: path)
        for _ in 0..<6 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        return nil
    }
}
