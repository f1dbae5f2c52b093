import CCmark
import Foundation
import Testing
@testable import DossierCore

/// cmark's trees in a per-thread arena (`CmarkArena`) render exactly what cmark renders with
/// its own allocator, whatever the size of the document, nested or in parallel.
@Suite struct CmarkArenaTests {
    /// What cmark renders with `malloc`: `cmark_markdown_to_html` does not take an allocator.
    private func reference(_ markdown: String) -> String {
        var text = markdown
        return text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars -> String in
                guard let html = cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_SMART) else { return "" }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    private func rendered(_ markdown: String) -> String? {
        Cmark.withDocument(markdown, options: [.smart]) { Cmark.renderHTML($0, options: [.smart]) }
    }

    /// Blocks of every kind, so that cmark allocates nodes, lines, links, buffers of all sizes.
    private func document(paragraphs: Int, seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        let words = ["brevet", "Xiaomi", "Nokia", "**accord**", "_marché_", "`code`", "[lien](https://example.org/a)", "[réf][r]", "l’été", "« cité »", "<b>brut</b>", "&amp;"]
        var text = "[r]: https://example.org/ref \"Titre\"\n\n"
        for index in 0..<paragraphs {
            let sentence = (0..<Int.random(in: 3...40, using: &rng)).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
            switch index % 6 {
            case 0: text += "## Partie \(index)\n\n\(sentence)\n\n"
            case 1: text += "- \(sentence)\n- second\n  - nested \(index)\n\n"
            case 2: text += "```swift\nlet x = \(index)\n\(String(repeating: "// \(sentence)\n", count: index % 5))```\n\n"
            case 3: text += "> \(sentence)\n> suite\n\n"
            case 4: text += "| a | b |\n|---|---|\n| \(sentence) | 2 |\n\n"
            default: text += "\(sentence)\nsoft break  \nhard break\n\n"
            }
        }
        return text
    }

    @Test func rendersWhatCmarkRendersWithItsOwnAllocator() {
        for (paragraphs, seed) in [(0, 1), (1, 2), (12, 3), (300, 4)] as [(Int, UInt64)] {
            let markdown = document(paragraphs: paragraphs, seed: seed)
            #expect(rendered(markdown) == reference(markdown), "\(paragraphs) paragraphs")
        }
    }

    /// A document whose tree needs many of the arena's chunks, then small ones again: the arena
    /// grows to one larger chunk, and what it renders stays right.
    @Test func aDocumentLargerThanAChunkAndTheOnesAfterIt() {
        let large = document(paragraphs: 6_000, seed: 5)
        #expect(large.utf8.count > 4 * CmarkArena.chunkCapacity)
        #expect(rendered(large) == reference(large))
        let small = document(paragraphs: 8, seed: 6)
        #expect(rendered(small) == reference(small))
        #expect(rendered(large) == reference(large))
    }

    /// A document parsed and rendered while another is open on the same thread does not release
    /// the outer tree: that happens when the outermost scope ends.
    @Test func aNestedDocumentLeavesTheOuterTreeIntact() {
        let outer = document(paragraphs: 40, seed: 7)
        let inner = document(paragraphs: 400, seed: 8)
        let result = Cmark.withDocument(outer, options: [.smart]) { document -> (String?, String) in
            let nested = rendered(inner)
            // Nodes allocated after the inner document returned, in the outer tree.
            document.firstChild?.replace(withHTMLBlock: Array("<p>remplacé</p>\n".utf8))
            return (nested, Cmark.renderHTML(document, options: [.smart]))
        }
        #expect(result?.0 == reference(inner))
        let expected = reference(outer)
        #expect(result?.1.hasSuffix(String(expected.drop { $0 != "\n" }.dropFirst())) == true)
        #expect(result?.1.hasPrefix("<p>remplacé</p>\n") == true)
    }

    /// Each thread has its own arena: documents rendered at once on several threads render as
    /// they do alone.
    @Test func threadsRenderTheirOwnDocuments() {
        let documents = (0..<64).map { document(paragraphs: 20 + $0 * 7, seed: 100 + UInt64($0)) }
        let expected = documents.map(reference)
        let results = documents.parallelMap { markdown in
            Cmark.withDocument(markdown, options: [.smart]) { Cmark.renderHTML($0, options: [.smart]) } ?? ""
        }
        #expect(results == expected)
    }

    /// cmark's tree lives in the thread's arena, nested documents included, until the outermost
    /// document is done with; then the arena is empty again, its chunk kept for the next.
    @Test func theTreeLivesInTheArenaUntilTheOutermostScopeEnds() throws {
        /// Bytes handed out since the arena was emptied (a chunk left behind counts whole).
        func handedOut() -> Int {
            guard let state = ArenaState.open()?.pointee else { return 0 }
            return state.total - state.capacity + state.used
        }
        let outer = document(paragraphs: 30, seed: 9)
        var usedInside = 0, usedAfterInner = 0
        _ = Cmark.withDocument(outer, options: [.smart]) { _ in
            usedInside = handedOut()
            _ = rendered(document(paragraphs: 30, seed: 10))
            usedAfterInner = handedOut()
        }
        #expect(usedInside > 10_000, "the outer tree is in the arena")
        #expect(usedAfterInner > usedInside, "the inner document's memory stays until the outer one is done")
        let state = ArenaState.current().pointee
        #expect(state.depth == 0 && ArenaState.open() == nil)
        #expect(state.used == 16 && state.capacity >= CmarkArena.chunkCapacity, "emptied, its chunk kept")
    }

    /// Outside any document the allocator hands out `malloc`'s memory, which it gives back one
    /// block at a time; a block keeps its bytes when it grows, inside or outside the arena.
    @Test func theAllocatorOutsideAndInsideAScope() throws {
        let allocator = CmarkArena.allocator.pointee
        let outside = try #require(allocator.calloc(4, 8))
        #expect(UnsafeRawBufferPointer(start: outside, count: 32).allSatisfy { $0 == 0 })
        outside.storeBytes(of: 0x1234_5678, as: Int.self)
        let grown = try #require(allocator.realloc(outside, 1 << 20))
        #expect(grown.load(as: Int.self) == 0x1234_5678)
        allocator.free(grown)

        CmarkArena.withScope {
            guard let first = allocator.calloc(1, 24), let second = allocator.calloc(3, 8) else {
                Issue.record("no memory from the arena")
                return
            }
            #expect(UnsafeRawBufferPointer(start: second, count: 24).allSatisfy { $0 == 0 })
            first.storeBytes(of: 42, as: Int.self)
            second.storeBytes(of: 43, as: Int.self)
            // The last block grows in place, and is taken back when freed; another one moves
            // with its bytes.
            #expect(allocator.realloc(second, 4_000) == second)
            let used = ArenaState.open()?.pointee.used
            if let scratch = allocator.calloc(1, 999) {
                allocator.free(scratch)
                #expect(ArenaState.open()?.pointee.used == used, "a temporary freed at once is taken back")
            }
            let moved = allocator.realloc(first, 2 * CmarkArena.chunkCapacity)
            #expect(moved != first)
            #expect(moved?.load(as: Int.self) == 42)
            #expect(second.load(as: Int.self) == 43)
            allocator.free(moved)
        }
    }
}
