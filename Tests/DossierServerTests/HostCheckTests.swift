import Foundation
import Testing
@testable import DossierServer

/// DNS rebinding: the preview answers only to the names of this machine.
@Suite struct HostCheckTests {
    @Test func localNamesWithAnyPortAreAllowed() {
        let hosts = AllowedHosts(listeningOn: "127.0.0.1")
        for authority in ["localhost", "localhost:8000", "LOCALHOST:1", "127.0.0.1", "127.0.0.1:8000", "[::1]", "[::1]:8000"] {
            #expect(hosts.allows(authority), "\(authority)")
        }
    }

    @Test func otherNamesAreRefused() {
        let hosts = AllowedHosts(listeningOn: "127.0.0.1")
        for authority in [nil, "", "evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io", "localhost.",
                          "192.168.1.5:8000", "localhost:80:80", "localhost:", "localhost:x", "[::1", "[::1]x", "::1"] {
            #expect(!hosts.allows(authority), "\(authority ?? "nil")")
        }
    }

    @Test func theHostListenedOnIsAllowed() {
        #expect(AllowedHosts(listeningOn: "preview.lan").allows("preview.lan:8000"))
        #expect(AllowedHosts(listeningOn: "::1").allows("[::1]:8000"))
        #expect(AllowedHosts(listeningOn: "fe80::1").allows("[FE80::1]:8000"))
        #expect(!AllowedHosts(listeningOn: "preview.lan").allows("evil.example"))
    }

    /// On every interface, any address reaches the server: an address cannot be rebound.
    @Test func everyInterfaceAllowsAddressesButNotNames() {
        let hosts = AllowedHosts(listeningOn: "0.0.0.0")
        #expect(hosts.allows("192.168.1.5:8000"))
        #expect(hosts.allows("[fe80::1]:8000"))
        #expect(!hosts.allows("evil.example:8000"))
        #expect(!hosts.allows("999.1.1.1"))
    }

    @Test func theServerAnswersMisdirectedRequest() async throws {
        let site = try PreviewSite()
        defer { site.cleanUp() }
        let server = try await RunningServer.start(site)
        do {
            for host in ["evil.example", "evil.example:\(server.port)", ""] {
                for target in ["/", "/__dossier/events", "/briefs/accord/"] {
                    let response = try await RawHTTP.get(server.port, target, host: host)
                    #expect(response.status == 421, "\(host) \(target)")
                    #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
                    #expect(!response.body.contains("Accueil") && !response.body.contains("Première"))
                }
            }
            #expect(try await RawHTTP.get(server.port, "/", host: "localhost:\(server.port)").status == 200)
            #expect(try await RawHTTP.get(server.port, "/", host: "127.0.0.1").status == 200)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }
}
