// libFuzzer target: the YAML of a ```chart block (then of a ```table block) against the fixed
// datasets of FuzzSupport: spec, data selection, SVG at 640 and 360 units, description, table.
// Built and run by `make fuzz`; see Sources/Fuzz/README.md.
import DossierFuzzing
import FuzzSupport
import DossierModel

@_cdecl("LLVMFuzzerTestOneInput")
package func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzFigures.chart(fuzzInput(data, size))
    return 0
}

runFuzzer(fuzz)
