// libFuzzer target: a page file (front-matter split, YAML decoding, typography), the same bytes
// also as site.yaml. Built and run by `make fuzz`; see Sources/Fuzz/README.md.
import DossierFuzzing
import FuzzSupport
import DossierModel

@_cdecl("LLVMFuzzerTestOneInput")
package func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntryPoints.page(fuzzInput(data, size))
    return 0
}

runFuzzer(fuzz)
