// libFuzzer target: a page body through MarkdownRenderer (cmark, French typography, heading ids,
// link resolution, charts, tables and inline values against the fixed datasets of FuzzSupport).
// Built and run by `make fuzz`; see Sources/Fuzz/README.md.
import DossierCore
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzFigures.markdown(fuzzInput(data, size))
    return 0
}

runFuzzer(fuzz)
