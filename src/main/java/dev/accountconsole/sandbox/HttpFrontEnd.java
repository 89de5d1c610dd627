package dev.accountconsole.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server for the gateway: blocking sockets, one pooled thread per open connection
 * (the clients keep connections alive, so a request never waits for a thread), at most
 * {@code maxConnections} at once, beyond which a connection is answered 503 and closed.
 *
 * <p>Written for this project rather than using the JDK's {@code com.sun.net.httpserver} because that
 * server answers some malformed requests with its own page naming a Java exception
 * ({@code NumberFormatException thrown} for a bad Content-Length), which the protocol forbids. Here
 * every malformed request gets the gateway's own 400 {@code Request Format Error} (or a closed
 * connection when nothing can be answered), with a request id like every other answer.
 *
 * <p>Bounds: request line 8 KiB, header block 64 KiB and 100 headers, body 1 MiB (413 beyond), 30 s
 * to receive a whole request and 30 s of idle keep-alive.
 */
final class HttpFrontEnd {
    private static final System.Logger LOG = System.getLogger(HttpFrontEnd.class.getName());
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int MAX_REQUEST_LINE = 8 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int IDLE_TIMEOUT_MILLIS = 30_000;
    private static final long REQUEST_DEADLINE_MILLIS = 30_000;
    private static final int LINGER_MILLIS = 1_000;
    private static final int LINGER_BYTES = 4 * MAX_BODY_BYTES;

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

    private final ServerSocket listener;
    private final Handler handler;
    private final ThreadPoolExecutor connections;
    private final Semaphore slots;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean draining;

    HttpFrontEnd(InetSocketAddress address, int maxConnections, Handler handler) throws IOException {
        this.handler = handler;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(address, 1024);
        this.slots = new Semaphore(maxConnections);
        AtomicInteger n = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, maxConnections, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "sandbox-connection-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.acceptor = new Thread(this::acceptLoop, "sandbox-acceptor");
        acceptor.setDaemon(true);
    }

    void start() {
        acceptor.start();
    }

    /** Requests read and not yet answered. */
    int requestsInProgress() {
        int n = 0;
        for (Connection c : open) {
            n += c.isBusy() ? 1 : 0;
        }
        return n;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed: {0}", e.getMessage());
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                refuseBusy(socket);
                continue;
            }
            Connection c = new Connection(socket);
            open.add(c);
            try {
                connections.execute(c);
            } catch (RuntimeException e) {
                open.remove(c);
                slots.release();
                refuseBusy(socket);
            }
        }
    }

    private void refuseBusy(Socket socket) {
        try (socket) {
            socket.setSoTimeout(LINGER_MILLIS);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            write(out, handler.reject(GatewayError.SERVICE_UNAVAILABLE), true);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "refusing a connection failed: {0}", e.getMessage());
        }
    }

    /**
     * Stops accepting, closes idle connections, lets requests in progress finish (at most
     * {@code drainMillis}), then closes everything.
     */
    void drainAndClose(long drainMillis) {
        draining = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the listener: {0}", e.getMessage());
        }
        for (Connection c : open) {
            c.closeIfIdle();
        }
        connections.shutdown();
        try {
            if (!connections.awaitTermination(drainMillis, TimeUnit.MILLISECONDS)) {
                for (Connection c : open) {
                    c.forceClose();
                }
                connections.awaitTermination(drainMillis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            acceptor.join(drainMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown while reading a request that cannot be answered other than by this refusal. */
    private static final class Malformed extends Exception {
        final GatewayError error;

        Malformed(GatewayError error) {
            super(error.message, null, false, false);
            this.error = error;
        }
    }

    private final class Connection implements Runnable {
        private final Socket socket;
        private boolean busy;
        private boolean closing;

        Connection(Socket socket) {
            this.socket = socket;
        }

        synchronized void closeIfIdle() {
            if (!busy) {
                closing = true;
                closeQuietly();
            }
        }

        synchronized boolean isBusy() {
            return busy;
        }

        void forceClose() {
            closeQuietly();
        }

        private synchronized boolean markBusy() {
            if (closing) {
                return false;
            }
            busy = true;
            return true;
        }

        private synchronized boolean markIdle() {
            busy = false;
            return !draining;
        }

        @Override
        public void run() {
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
                boolean keepAlive = true;
                while (keepAlive) {
                    int first = in.read();
                    if (first < 0) {
                        return;
                    }
                    if (!markBusy()) {
                        write(out, handler.reject(GatewayError.SERVICE_UNAVAILABLE), true);
                        return;
                    }
                    keepAlive = serveOne(first, in, out);
                    if (!markIdle()) {
                        return;
                    }
                }
            } catch (SocketTimeoutException | SocketException | EOFException e) {
                LOG.log(System.Logger.Level.DEBUG, "connection ended: {0}", e.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "connection failed: {0}", e.toString());
            } finally {
                closeQuietly();
                open.remove(this);
                slots.release();
            }
        }

        /** Reads one request and answers it; false when the connection is to close afterwards. */
        private boolean serveOne(int first, InputStream in, OutputStream out) throws IOException {
            long deadline = System.currentTimeMillis() + REQUEST_DEADLINE_MILLIS;
            Request request;
            boolean clientKeepAlive;
            try {
                String requestLine = readLine(first, in, MAX_REQUEST_LINE, deadline);
                String[] parts = requestLine.split(" ", -1);
                if (parts.length != 3 || parts[0].isEmpty() || !parts[1].startsWith("/")
                        || !(parts[2].equals("HTTP/1.1") || parts[2].equals("HTTP/1.0"))) {
                    throw new Malformed(GatewayError.REQUEST_FORMAT_ERROR);
                }
                Map<String, String> headers = readHeaders(in, deadline);
                boolean http11 = parts[2].equals("HTTP/1.1");
                String connection = headers.getOrDefault("Connection", "").toLowerCase(Locale.ROOT);
                clientKeepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
                if ("100-continue".equalsIgnoreCase(headers.get("Expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                byte[] body = readBody(headers, in, deadline);
                String target = parts[1];
                int q = target.indexOf('?');
                request = new Request(parts[0], q < 0 ? target : target.substring(0, q),
                        q < 0 ? null : target.substring(q + 1), headers, body);
            } catch (Malformed m) {
                write(out, handler.reject(m.error), true);
                lingeringClose(in);
                return false;
            }
            Response response = handler.handle(request);
            if (response == Response.DROP) {
                return false;
            }
            boolean keepAlive = clientKeepAlive && !response.close() && !draining;
            write(out, response, !keepAlive);
            if (response.close()) {
                lingeringClose(in);
            }
            return keepAlive;
        }

        /**
         * Half-closes and reads what the client is still sending, so that the answer is not lost to a
         * reset when the client has not finished writing a refused body.
         */
        private void lingeringClose(InputStream in) {
            try {
                socket.shutdownOutput();
                socket.setSoTimeout(LINGER_MILLIS);
                long skipped = 0;
                byte[] sink = new byte[8192];
                int n;
                while (skipped < LINGER_BYTES && (n = in.read(sink)) > 0) {
                    skipped += n;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.TRACE, "lingering close: {0}", e.getMessage());
            }
        }

        private void closeQuietly() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.TRACE, "close: {0}", e.getMessage());
            }
        }
    }

    private static Map<String, String> readHeaders(InputStream in, long deadline) throws IOException, Malformed {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int total = 0;
        int count = 0;
        while (true) {
            int first = in.read();
            if (first < 0) {
                throw new EOFException("closed inside the header block");
            }
            String line = readLine(first, in, MAX_HEADER_BYTES - total, deadline);
            total += line.length() + 2;
            if (line.isEmpty()) {
                return Collections.unmodifiableMap(headers);
            }
            int colon = line.indexOf(':');
            if (++count > MAX_HEADERS || colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t'
                    || line.substring(0, colon).strip().length() != colon) {
                throw new Malformed(GatewayError.REQUEST_FORMAT_ERROR);
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length") && headers.containsKey(name)
                    && !headers.get(name).equals(value)) {
                throw new Malformed(GatewayError.REQUEST_FORMAT_ERROR);
            }
            headers.putIfAbsent(name, value);
        }
    }

    private static byte[] readBody(Map<String, String> headers, InputStream in, long deadline)
            throws IOException, Malformed {
        String transferEncoding = headers.get("Transfer-Encoding");
        if (transferEncoding != null) {
            if (!transferEncoding.equalsIgnoreCase("chunked") || headers.containsKey("Content-Length")) {
                throw new Malformed(GatewayError.REQUEST_FORMAT_ERROR);
            }
            return readChunked(in, deadline);
        }
        String declared = headers.get("Content-Length");
        if (declared == null) {
            return new byte[0];
        }
        if (declared.isEmpty() || declared.length() > 18 || !declared.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new Malformed(GatewayError.REQUEST_FORMAT_ERROR);
        }
        long length = Long.parseLong(declared);
        if (length > MAX_BODY_BYTES) {
            throw new Malformed(GatewayError.BODY_TOO_LARGE);
        }
        return readExactly(in, (int) length, deadline);
    }

    private static byte[] readChunked(InputStream in, long deadline) throws IOException, Malformed {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int first = in.read();
            if (first < 0) {
                throw new EOFException("closed inside a chunked body");
            }
            String sizeLine = readLine(first, in, 1024, deadline);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                throw new Malformed(GatewayError.REQUEST_FORMAT_ERROR);
            }
            long size = Long.parseLong(hex, 16);
            if (body.size() + size > MAX_BODY_BYTES) {
                throw new Malformed(GatewayError.BODY_TOO_LARGE);
            }
            if (size == 0) {
                readHeaders(in, deadline);
                return body.toByteArray();
            }
            body.write(readExactly(in, (int) size, deadline));
            int cr = in.read();
            int lf = cr == '\r' ? in.read() : cr;
            if (lf != '\n') {
                throw new Malformed(GatewayError.REQUEST_FORMAT_ERROR);
            }
        }
    }

    private static byte[] readExactly(InputStream in, int length, long deadline) throws IOException {
        byte[] body = new byte[length];
        int read = 0;
        while (read < length) {
            checkDeadline(deadline);
            int n = in.read(body, read, length - read);
            if (n < 0) {
                throw new EOFException("closed after " + read + " of " + length + " body bytes");
            }
            read += n;
        }
        return body;
    }

    /** A line of at most {@code max} bytes, without its CRLF (or bare LF), decoded as ISO-8859-1. */
    private static String readLine(int first, InputStream in, int max, long deadline) throws IOException, Malformed {
        StringBuilder sb = new StringBuilder(64);
        int b = first;
        while (b != '\n') {
            if (b < 0) {
                throw new EOFException("closed inside a line");
            }
            if (sb.length() >= max) {
                throw new Malformed(GatewayError.REQUEST_FORMAT_ERROR);
            }
            sb.append((char) b);
            if ((sb.length() & 0x3FF) == 0) {
                checkDeadline(deadline);
            }
            b = in.read();
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r') {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }

    private static void checkDeadline(long deadline) throws SocketTimeoutException {
        if (System.currentTimeMillis() > deadline) {
            throw new SocketTimeoutException("request not received within " + REQUEST_DEADLINE_MILLIS + " ms");
        }
    }

    private static void write(OutputStream out, Response r, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(r.body().length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(r.body());
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
