package io.github.dxfailover.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** The JDK's HTTP server on a free loopback port, as every local endpoint of the tests uses it. */
public final class LoopbackHttpServer {
    static {
        // The server writes an answer in pieces; with Nagle's algorithm on, the last piece waits for the
        // peer's delayed ACK (about 40 ms on Linux) and every local call would look 40 ms slower.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackHttpServer() {
    }

    /** Starts a server with one handler for every path and a thread per exchange (so slow answers never queue). */
    public static HttpServer start(String threadName, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }
}
