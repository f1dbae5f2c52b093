// libFuzzer target: a CSV dataset. The bytes up to the first NUL are content/data/fuzz.csv;
// the bytes after it, when there is one, are its metadata (fuzz.yaml). A valid dataset is then
// formatted, drawn as a table and charted. Built and run by `make fuzz`; see Sources/Fuzz/README.md.
import DossierFuzzing
import FuzzSupport
import DossierModel

@_cdecl("LLVMFuzzerTestOneInput")
package func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    if let nul = bytes.firstIndex(of: 0) {
        FuzzEntryPoints.dataset(Array(bytes[..<nul]), metadata: Array(bytes[(nul + 1)...]), json: false, chartSelector: size)
    } else {
        FuzzEntryPoints.dataset(bytes, metadata: nil, json: false, chartSelector: size)
    }
    return 0
}

runFuzzer(fuzz)
