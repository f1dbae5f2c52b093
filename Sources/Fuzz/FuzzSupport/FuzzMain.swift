import Foundation
import FuzzDriver

/// The body of every fuzz target's main.swift.
///
/// Built with `-sanitize=fuzzer` (`make fuzz`), this hands over to libFuzzer, which takes the
/// usual libFuzzer arguments and never returns. Built normally (`swift build`), there is no
/// libFuzzer: the arguments are files or folders of inputs, each run once through `testOneInput`
/// (`swift run FuzzCSV Tests/Fuzz/Corpus/FuzzCSV` replays a corpus or a crash file).
package func runFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    let status = dossier_fuzz_driver_run(CommandLine.argc, CommandLine.unsafeArgv, testOneInput)
    if status != -1 { exit(status) }
    let arguments = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("-") }
    guard !arguments.isEmpty else {
        FileHandle.standardError.write(Data("""
            usage: \(CommandLine.arguments.first ?? "fuzz-target") FILE_OR_FOLDER...
            This build has no libFuzzer: it runs each input once. Build it with `make fuzz` to fuzz.

            """.utf8))
        exit(2)
    }
    var count = 0
    for path in arguments.sorted() {
        for file in inputFiles(path) {
            guard let data = FileManager().contents(atPath: file) else {
                FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                exit(1)
            }
            let bytes = [UInt8](data)
            _ = bytes.withUnsafeBufferPointer { testOneInput($0.baseAddress, $0.count) }
            count += 1
        }
    }
    print("ran \(count) input\(count == 1 ? "" : "s")")
    exit(0)
}

/// A file, or the files in a folder (not recursive, sorted).
private func inputFiles(_ path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager().fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
    let names = (try? FileManager().contentsOfDirectory(atPath: path)) ?? []
    return names.sorted().map { path + "/" + $0 }.filter { file in
        var isFolder: ObjCBool = false
        return FileManager().fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
    }
}
