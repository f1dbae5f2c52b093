// libFuzzer target: templates through TemplateSet (syntax, references, cycles, depth) and, when
// they have no error, a render of a page with a small context. The input is a partial, then
// after a NUL byte the layout. Built and run by `make fuzz`; see Sources/Fuzz/README.md.
import DossierFuzzing
import FuzzSupport
import DossierModel

@_cdecl("LLVMFuzzerTestOneInput")
package func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntryPoints.templates(fuzzInput(data, size))
    return 0
}

runFuzzer(fuzz)
