import Foundation
import Testing
@testable import DossierServer
import DossierModel

@Suite struct LiveReloadTests {
    @Test func scriptGoesJustBeforeTheLastBodyEnd() {
        let html = "<html><body><pre>&lt;/body&gt;</pre><p>x</p></BODY>\n</html>"
        let served = LiveReloadScript.inject(into: html, generation: 3)
        #expect(served.hasPrefix("<html><body><pre>&lt;/body&gt;</pre><p>x</p><script id=\"dossier-live-reload\">"))
        #expect(served.hasSuffix("</script></BODY>\n</html>"))
        #expect(served.contains("new EventSource(\"/__dossier/events?since=3\")"))
    }

    @Test func withoutBodyTheScriptGoesBeforeHTMLEndOrAtTheEnd() {
        #expect(LiveReloadScript.inject(into: "<html><p>x</p></html>", generation: 1).hasSuffix("</script></html>"))
        #expect(LiveReloadScript.inject(into: "<p>x</p>", generation: 1).hasSuffix("</script>"))
    }

    @Test func overlayIsBuiltWithTextOnly() {
        let script = LiveReloadScript.tag(generation: 1)
        #expect(script.contains("overlay.id = overlayID"))
        #expect(script.contains("const overlayID = \"dossier-error-overlay\""))
        #expect(script.contains(".textContent = String(line)"))
        #expect(!script.contains("innerHTML"))
        #expect(!script.contains("insertAdjacentHTML"))
        #expect(!script.contains("document.write"))
    }

    @Test func eventsOnTheWire() throws {
        #expect(ServerEvent.reload(generation: 4).wireFormat == "event: reload\ndata: 4\n\n")
        let errors = ServerEvent.errors(["content/a.md:5:1: error: link to \"b.md\"\nsecond line </script>"]).wireFormat
        #expect(errors.hasPrefix("event: errors\ndata: [\""))
        #expect(errors.hasSuffix("\"]\n\n"))
        #expect(errors.components(separatedBy: "\n").count == 4, "the data must stay on one line")
        let json = try #require(errors.components(separatedBy: "\n")[1].dropFirst("data: ".count).data(using: .utf8))
        let lines = try JSONSerialization.jsonObject(with: json) as? [String]
        #expect(lines == ["content/a.md:5:1: error: link to \"b.md\"\nsecond line </script>"])
    }

    @Test func lateListenersCatchUp() async {
        let state = PreviewState()
        state.publish(RenderedSite(files: ["index.html": .text("<body></body>")]))
        state.publish(RenderedSite(files: ["index.html": .text("<body>2</body>")]))
        state.fail(["content/a.md:1:1: error: x"])

        let (id, events) = state.listen(since: 1)
        state.stopListening(id)
        var received: [ServerEvent] = []
        for await event in events { received.append(event) }
        #expect(received == [.hello(generation: 2), .reload(generation: 2), .errors(["content/a.md:1:1: error: x"])])

        let (current, upToDate) = state.listen(since: 2)
        state.close()
        var second: [ServerEvent] = []
        for await event in upToDate { second.append(event) }
        #expect(second == [.hello(generation: 2), .errors(["content/a.md:1:1: error: x"])])
        state.stopListening(current)
    }

    @Test func siteDifferenceCountsPagesAndFiles() {
        let old = RenderedSite(files: ["index.html": .text("a"), "b/index.html": .text("b"), "assets/s.css": .copy(from: "/p/templates/assets/s.css"), "gone.html": .text("")])
        let new = RenderedSite(files: ["index.html": .text("a"), "b/index.html": .text("B"), "assets/s.css": .copy(from: "/p/templates/assets/s.css"), "c/index.html": .text("c")])
        #expect(SiteDifference(old: old, new: new, changedSources: []) == SiteDifference(pages: 3, files: 0))
        #expect(SiteDifference(old: old, new: new, changedSources: ["/p/templates/assets/s.css"]) == SiteDifference(pages: 3, files: 1))
        #expect(SiteDifference(old: new, new: new, changedSources: []).isEmpty)
        #expect(SiteDifference(old: new, new: new, changedSources: nil) == SiteDifference(pages: 0, files: 1))
        #expect(SiteDifference.sameBytes("été", "été"))
        #expect(!SiteDifference.sameBytes("\u{E9}", "e\u{301}"), "bytes differ even where the strings are canonically equal")
    }
}
