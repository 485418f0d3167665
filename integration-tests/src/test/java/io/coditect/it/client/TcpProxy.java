package io.coditect.it.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A byte-for-byte TCP forwarder on a free loopback port, standing for the network between the
 * client and Keycloak. {@link #cut()} breaks every open connection and drops each new one as soon
 * as it is accepted (the client sees its connection closed before any answer, as when a link
 * goes down); {@link #restore()} forwards again. The listening port stays the same throughout, so
 * nothing else can take it while the "network" is down.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean cut;
    private volatile boolean closed;

    public TcpProxy(String upstreamHost, int upstreamPort) {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Breaks all current connections; new ones are dropped until {@link #restore()}. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            abort(socket);
        }
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    /** Connections accepted so far (forwarded or dropped). */
    public int accepted() {
        return accepted.get();
    }

    /** Connections dropped because the proxy was cut. */
    public int dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            accepted.incrementAndGet();
            if (cut) {
                dropped.incrementAndGet();
                abort(client);
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(upstream, 5_000);
                open.add(client);
                open.add(server);
                pump(client, server, "up");
                pump(server, client, "down");
            } catch (IOException e) {
                // Keycloak itself is unreachable: the client sees a dropped connection, as it would.
                abort(client);
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed or the proxy was cut: end both sides below
            } finally {
                // A normal end closes gently, so an answer already forwarded is not thrown away
                // by a reset; a cut has already reset both sides.
                quietClose(from);
                quietClose(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-" + direction + "-" + port());
        t.setDaemon(true);
        t.start();
    }

    private static void quietClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Closes with a reset rather than a FIN, so the peer learns at once that the link is gone. */
    private static void abort(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
