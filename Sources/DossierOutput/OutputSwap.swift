import Foundation
import DossierModel

/// Puts a staged site in the output's place, in one `renameat2(RENAME_EXCHANGE)` where the system
/// has it: the output path always holds a whole site, the old one or the new one.
struct OutputSwap {
    let output: String

    struct Failure: Error {
        let message: String
    }

    /// After the swap, `staging` holds the previous output (or nothing, if there was none).
    func swap(_ staging: String) throws(Failure) {
        do {
            try move(staging)
        } catch let error where error.code == EXDEV && PathText.parent(staging) != PathText.parent(output) {
            // The scratch folder is on the output's device but not its mount (a bind mount): the
            // site is copied beside the output, swapped in from there, and the copy removed.
            let beside = StagingPlace.beside(output)
            do {
                try TreeRemoval.remove(beside)
                try FileManager().copyItem(atPath: staging, toPath: beside)
                try move(beside)
            } catch {
                try? TreeRemoval.remove(beside)
                throw Failure(message: "cannot move the new site into \(output): \(error)")
            }
            try? TreeRemoval.remove(beside)
        } catch {
            throw Failure(message: error.message)
        }
    }

    private struct MoveError: Error, CustomStringConvertible {
        let code: Int32
        let message: String
        var description: String { message }
    }

    /// Exchanges `staging` and the output, or renames `staging` into place when there is no
    /// output yet. Where `renameat2` is missing or refused, the old output is moved aside first:
    /// for an instant the output path is empty.
    private func move(_ staging: String) throws(MoveError) {
        func failure(_ what: String) -> MoveError {
            let code = errno
            return MoveError(code: code, message: "cannot \(what): \(String(cString: strerror(code)))")
        }
        guard FileKind.of(output) != .missing else {
            guard rename(staging, output) == 0 else { throw failure("move the new site into \(output)") }
            return
        }
        if AtomicExchange.exchange(staging, output) { return }
        if errno == EXDEV { throw failure("move the new site into \(output)") }
        let retired = staging + ".retired"
        try? TreeRemoval.remove(retired)
        guard rename(output, retired) == 0 else { throw failure("move the previous \(output) aside") }
        guard rename(staging, output) == 0 else {
            let error = failure("move the new site into \(output)")
            _ = rename(retired, output)
            throw error
        }
        _ = rename(retired, staging)
    }
}
