import Foundation

/// The script `dossier serve` adds to every HTML page it serves (never to built sites).
///
/// It listens on `/__dossier/events`: `reload` reloads the page; `errors` shows an overlay
/// (`#dossier-error-overlay`) listing the diagnostics, built with `textContent` only, so a
/// message can never inject markup; the next `reload` (a good build) takes it away.
enum LiveReloadScript {
    static let eventsPath = "/__dossier/events"
    static let overlayID = "dossier-error-overlay"
    static let scriptID = "dossier-live-reload"

    /// `generation` is the build the page comes from: the server sends `reload` at once to a
    /// page that connects after a newer build.
    static func tag(generation: Int) -> String {
        """
        <script id="\(scriptID)">
        (() => {
          const overlayID = "\(overlayID)";
          const source = new EventSource("\(eventsPath)?since=\(generation)");
          const removeOverlay = () => document.getElementById(overlayID)?.remove();
          source.addEventListener("reload", () => { removeOverlay(); location.reload(); });
          source.addEventListener("errors", (event) => {
            let lines;
            try { lines = JSON.parse(event.data); } catch { lines = [String(event.data)]; }
            removeOverlay();
            const overlay = document.createElement("div");
            overlay.id = overlayID;
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
              "background:rgba(24,24,24,.94);color:#f5f5f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;";
            const title = document.createElement("p");
            title.style.cssText = "margin:0 0 1rem;font-weight:bold;color:#ff8a80;";
            title.textContent = "dossier: the build failed; showing the last good build. Fix the file and save.";
            overlay.appendChild(title);
            const list = document.createElement("ul");
            list.style.cssText = "margin:0;padding:0;list-style:none;white-space:pre-wrap;";
            for (const line of lines) {
              const item = document.createElement("li");
              item.style.cssText = "margin:0 0 .5rem;";
              item.textContent = String(line);
              list.appendChild(item);
            }
            overlay.appendChild(list);
            document.body.appendChild(overlay);
          });
        })();
        </script>
        """
    }

    /// `html` with the script just before its last `</body>` (or `</html>`, or at the end).
    static func inject(into html: String, generation: Int) -> String {
        let tag = tag(generation: generation)
        for closing in ["</body>", "</html>"] {
            if let range = html.range(of: closing, options: [.caseInsensitive, .backwards]) {
                var result = html
                result.insert(contentsOf: tag, at: range.lowerBound)
                return result
            }
        }
        return html + tag
    }
}
