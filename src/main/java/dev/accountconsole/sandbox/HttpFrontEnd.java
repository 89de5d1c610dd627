package dev.accountconsole.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The gateway's HTTP/1.1 server: Eclipse Jetty (core, no servlets) adapted to the {@link Handler}
 * contract, so that the gateway sees a plain {@link Request} and answers a plain {@link Response}.
 *
 * <p>The protocol forbids any answer naming a Java exception (the JDK's {@code com.sun.net.httpserver}
 * answers a bad Content-Length with {@code NumberFormatException thrown}), so Jetty's own error paths
 * (bad request line or headers, oversized headers, a lying Content-Length, a request during shutdown)
 * go through {@link #errorAnswer} to the gateway's own refusal, with a request id like every other
 * answer; hopeless input may also just see its connection closed, which the protocol allows.
 *
 * <p>Bounds: header block 64 KiB, body 1 MiB (413 beyond, declared or counted), 30 s idle, at most
 * {@code maxConnections} connections (beyond which a connection is answered 503 and closed) served
 * by at most {@value #MAX_THREADS} threads.
 */
final class HttpFrontEnd {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final long IDLE_TIMEOUT_MILLIS = 30_000;
    // Handlers block on the database (at most 16 connections) or on injected latency; idle keep-alive
    // connections hold no thread, so a few dozen threads serve hundreds of clients on two cores.
    private static final int MAX_THREADS = 32;
    private static final int MIN_THREADS = 4;
    private static final System.Logger LOG = System.getLogger(HttpFrontEnd.class.getName());
    // Jetty logs through SLF4J to java.util.logging; its INFO start-up lines would clutter the
    // sandbox command's output. Held here because JUL keeps only weak references to its loggers.
    private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

    static {
        if (JETTY_LOG.getLevel() == null) {
            JETTY_LOG.setLevel(Level.WARNING);
        }
    }

    /** One parsed request; header names are case-insensitive, the first value of a repeated header wins. */
    record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** An answer; {@link #DROP} closes the connection without one. */
    record Response(int status, Map<String, String> headers, byte[] body, boolean close) {
        static final Response DROP = new Response(0, Map.of(), new byte[0], true);
    }

    interface Handler {
        Response handle(Request request);

        /** The answer to a request refused before it could be parsed. */
        Response reject(GatewayError error);
    }

    private final InetSocketAddress requested;
    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler inFlight;

    HttpFrontEnd(InetSocketAddress address, int maxConnections, Handler handler) {
        this.requested = address;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("sandbox-http");
        threads.setDaemon(true);
        this.server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        config.setRequestHeaderSize(MAX_HEADER_BYTES);
        CappedHttpConnectionFactory http = new CappedHttpConnectionFactory(config, maxConnections, handler);
        this.connector = new ServerConnector(server, 1, 1, http);
        connector.getSelectorManager().addEventListener(http);
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        this.inFlight = new GracefulHandler(new Adapter(handler));
        server.setHandler(inFlight);
        server.setErrorHandler((request, response, callback) -> {
            write(response, errorAnswer(handler, request.getAttribute(ErrorHandler.ERROR_STATUS)), callback);
            return true;
        });
    }

    /** Binds and starts serving. */
    void start() throws IOException {
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot serve on " + requested + ": " + e.getMessage(), e);
        }
    }

    /** Requests read and not yet answered. */
    int requestsInProgress() {
        return (int) inFlight.getCurrentRequestCount();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(requested.getAddress(), connector.getLocalPort());
    }

    /**
     * Stops accepting, lets requests in progress finish (at most {@code drainMillis}; requests that
     * arrive meanwhile on open connections are answered 503), then closes everything.
     */
    void drainAndClose(long drainMillis) {
        server.setStopTimeout(drainMillis);
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "stopping the HTTP server: {0}", e.toString());
        }
    }

    /** Jetty's refusals (its status in {@code ERROR_STATUS}) as the gateway's own. */
    private static Response errorAnswer(Handler handler, Object status) {
        int code = status instanceof Integer i ? i : 400;
        return handler.reject(switch (code) {
            case 404 -> GatewayError.API_NOT_FOUND;
            case 413 -> GatewayError.BODY_TOO_LARGE;
            case 500 -> GatewayError.INTERNAL_ERROR;
            case 503 -> GatewayError.SERVICE_UNAVAILABLE;
            default -> GatewayError.REQUEST_FORMAT_ERROR;
        });
    }

    private static void write(org.eclipse.jetty.server.Response response, Response answer, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        if (answer.close()) {
            headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
        }
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /** Reads the whole body (blocking: the gateway behind it blocks on the database anyway), then answers. */
    private static final class Adapter extends org.eclipse.jetty.server.Handler.Abstract {
        private final Handler handler;

        Adapter(Handler handler) {
            this.handler = handler;
        }

        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              Callback callback) throws InterruptedException {
            Response answer = answer(request);
            if (answer == Response.DROP) {
                // Closed before anything is committed, the client sees a lost connection; failing the
                // callback then only ends Jetty's bookkeeping for the request, and an EofException
                // (a QuietException to Jetty) keeps that out of the warnings.
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new EofException("connection dropped by fault injection"));
            } else {
                write(response, answer, callback);
            }
            return true;
        }

        private Response answer(org.eclipse.jetty.server.Request request) throws InterruptedException {
            if (request.getLength() > MAX_BODY_BYTES) {
                return handler.reject(GatewayError.BODY_TOO_LARGE);
            }
            CompletableFuture<byte[]> read = new CompletableFuture<>();
            Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES, Promise.Invocable.toPromise(read));
            byte[] body;
            try {
                body = read.get();
            } catch (ExecutionException e) {
                // Over the bound while counting a chunked body, or the body was malformed or cut short.
                return handler.reject(org.eclipse.jetty.server.Request.getContentBytesRead(request) > MAX_BODY_BYTES
                        ? GatewayError.BODY_TOO_LARGE : GatewayError.REQUEST_FORMAT_ERROR);
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (HttpField field : request.getHeaders()) {
                headers.putIfAbsent(field.getName(), field.getValue());
            }
            return handler.handle(new Request(request.getMethod(), request.getHttpURI().getPath(),
                    request.getHttpURI().getQuery(), Collections.unmodifiableMap(headers), body));
        }
    }

    /**
     * Counts open connections and gives those beyond the limit a connection that answers 503 at once
     * and closes, rather than leaving them unserved in the accept queue. Counted as accepted, in
     * order (Jetty creates the connections themselves on pool threads, in any order), so that it is
     * the connections after the first {@code max} that are refused.
     */
    private static final class CappedHttpConnectionFactory extends HttpConnectionFactory
            implements SelectorManager.AcceptListener {
        private final int max;
        private final Handler handler;
        private final AtomicInteger open = new AtomicInteger();
        private final Set<Object> refused = ConcurrentHashMap.newKeySet();

        CappedHttpConnectionFactory(HttpConfiguration config, int max, Handler handler) {
            super(config);
            this.max = max;
            this.handler = handler;
        }

        @Override
        public void onAccepting(SelectableChannel channel) {
            if (open.incrementAndGet() > max) {
                refused.add(channel);
            }
        }

        @Override
        public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
            refused.remove(channel);
            open.decrementAndGet();
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            Connection connection = refused.remove(endPoint.getTransport())
                    ? new Refusal(endPoint, connector.getExecutor(), busy())
                    : super.newConnection(connector, endPoint);
            connection.addEventListener(new Connection.Listener() {
                @Override
                public void onClosed(Connection closed) {
                    open.decrementAndGet();
                }
            });
            return connection;
        }

        /** The 503 refusal as bytes on the wire, serialized by Jetty's own generator. */
        private ByteBuffer[] busy() {
            Response busy = handler.reject(GatewayError.SERVICE_UNAVAILABLE);
            HttpFields.Mutable fields = HttpFields.build();
            busy.headers().forEach(fields::put);
            fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
            MetaData.Response info = new MetaData.Response(busy.status(), null, HttpVersion.HTTP_1_1, fields,
                    busy.body().length);
            ByteBuffer head = BufferUtil.allocate(getHttpConfiguration().getResponseHeaderSize());
            ByteBuffer body = ByteBuffer.wrap(busy.body());
            try {
                HttpGenerator.Result result = new HttpGenerator().generateResponse(info, false, head, null, body, true);
                if (result != HttpGenerator.Result.FLUSH) {
                    throw new IOException("unexpected generator state " + result);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "refusing a connection: {0}", e.getMessage());
                return new ByteBuffer[0];
            }
            return new ByteBuffer[] {head, body};
        }
    }

    /** A connection over the limit: it writes its refusal, never reads, and closes. */
    private static final class Refusal extends AbstractConnection {
        private final ByteBuffer[] answer;

        Refusal(EndPoint endPoint, Executor executor, ByteBuffer[] answer) {
            super(endPoint, executor);
            this.answer = answer;
        }

        @Override
        public void onOpen() {
            super.onOpen();
            getEndPoint().write(Callback.from(this::close, failure -> close()), answer);
        }

        @Override
        public void onFillable() {
            // Never called: a refused connection asks for nothing to read.
        }
    }
}
