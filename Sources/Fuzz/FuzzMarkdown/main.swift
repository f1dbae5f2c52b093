// libFuzzer target: a page body through MarkdownRenderer (cmark, French typography, heading ids,
// link resolution, charts, tables and inline values against the fixed datasets of FuzzSupport).
// Built and run by `make fuzz`; see Sources/Fuzz/README.md.
import DossierFuzzing
import FuzzSupport
import DossierModel

@_cdecl("LLVMFuzzerTestOneInput")
package func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzFigures.markdown(fuzzInput(data, size))
    return 0
}

runFuzzer(fuzz)
