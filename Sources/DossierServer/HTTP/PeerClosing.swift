import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore

/// Whether the client has closed its side of a connection, and what to do when it does.
///
/// An event stream only ever writes: it would notice a client gone only at its next write, the
/// next rebuild. Until then the connection stayed in CLOSE-WAIT, holding a descriptor, and a
/// thousand such streams left the server unable to accept anyone. The server lets clients
/// half-close (`allowRemoteHalfClosure`), so a client's `shutdown` or `close` reaches the
/// pipeline as `ChannelEvent.inputClosed`, which `PeerCloseHandler` turns into a call here.
final class PeerClosing: @unchecked Sendable {
    private let lock = NSLock()
    private var closed = false
    private var actions: [@Sendable () -> Void] = []

    /// Runs `action` once the client has closed (at once if it already has).
    func onClose(_ action: @escaping @Sendable () -> Void) {
        let now = lock.withLock {
            if !closed { actions.append(action) }
            return closed
        }
        if now { action() }
    }

    func close() {
        let pending = lock.withLock {
            closed = true
            defer { actions = [] }
            return actions
        }
        for action in pending { action() }
    }
}

/// In each connection's pipeline (after the HTTP decoding): reports the end of the client's
/// input, and of the connection, to the connection's `PeerClosing`.
final class PeerCloseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    let peer = PeerClosing()

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { peer.close() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        peer.close()
        context.fireChannelInactive()
    }

    /// The `PeerClosing` of `channel`'s connection; nil if its pipeline has no handler.
    static func peer(of channel: any Channel) async -> PeerClosing? {
        try? await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.handler(type: PeerCloseHandler.self).peer
        }.get()
    }
}

/// The request context of `dossier serve`: Hummingbird's basic one, plus the connection, so an
/// event stream can learn when its client goes (`PeerCloseHandler`).
struct PreviewContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }
}
