package io.amiboot.test.asterisk;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The scripted peer's listening socket on loopback and its accept thread; it binds the same port again after a
 * {@link #stop()}.
 */
final class LoopbackListener {

    private final Consumer<Socket> onAccepted;

    private ServerSocket server;

    private Thread acceptor;

    private volatile int port;

    /** A listener, not yet listening, that hands every accepted connection to {@code onAccepted}. */
    LoopbackListener(Consumer<Socket> onAccepted) {
        this.onAccepted = onAccepted;
    }

    /** {@return the port}: a free one chosen at the first {@link #start()}, 0 before. */
    int port() {
        return port;
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    /** Listens, unless it does already. */
    synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = bind();
        port = listening.getLocalPort();
        server = listening;
        acceptor = new Thread(() -> accept(listening), "scripted-ami-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@return whether it listened}: stops listening, leaving the accepted connections open. */
    synchronized boolean stop() throws IOException {
        if (server == null) {
            return false;
        }
        server.close();
        server = null;
        try {
            // The JDK releases a port blocked in accept() only once that thread wakes up: wait for it.
            acceptor.join(5_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Binds {@link #port} (a free one the first time); a port just released may take a moment to bind again. */
    private ServerSocket bind() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                return socket;
            }
            catch (BindException ex) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw ex;
                }
                AmiProbe.sleep(20);
            }
        }
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket socket = listening.accept();
                socket.setTcpNoDelay(true);
                onAccepted.accept(socket);
            }
            catch (IOException closed) {
                return;
            }
        }
    }
}
