package dev.curtain.server.ops.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The benchmark's load generator: many keep-alive connections driven by one thread on a selector,
 * like wrk and redis-benchmark, so that the client costs the shared cores as little as possible
 * (the JDK HTTP client with a thread per user took more CPU than the server it measured). Each
 * connection carries one {@link User}, one request at a time: a closed loop per user. Speaks
 * HTTP/1.1 to the server (Content-Length or chunked answers) or RESP to Redis for its ceiling.
 * Only ever talks to 127.0.0.1.
 */
final class LoadLoop implements AutoCloseable {

    /** One answer and how many bytes of the input it took. */
    record Parsed(BenchHttp.Response answer, int length) {
    }

    /** Where one answer ends in the bytes read so far. */
    interface Framing {
        /** The answer at the start of {@code data[0, length)}, or null while it is incomplete. */
        Parsed parse(byte[] data, int length) throws IOException;
    }

    static final Framing HTTP = (data, length) -> Answer.parse(data, length);

    /** A RESP reply; status 200 when it is an array whose first element is OK (a script's success), else 409. */
    static final Framing RESP = (data, length) -> {
        int end = Resp.end(data, length, 0);
        if (end < 0) {
            return null;
        }
        boolean ok = length > 8 && data[0] == '*' && new String(data, 0, Math.min(length, 32), StandardCharsets.ISO_8859_1)
                .contains("\r\n$2\r\nOK\r\n");
        return new Parsed(new BenchHttp.Response(ok ? 200 : 409, Arrays.copyOf(data, end)), end);
    };

    /**
     * The HTTP answer to a WebSocket upgrade (status 101), then the server's frames: each answer's
     * status is the frame's opcode (1 for text) and its body the payload. Server frames are not masked.
     */
    static final Framing WEBSOCKET = (data, length) -> {
        if (length > 0 && data[0] == 'H') {
            return Answer.parse(data, length);
        }
        if (length < 2) {
            return null;
        }
        int opcode = data[0] & 0x0f;
        int small = data[1] & 0x7f;
        int header = small == 126 ? 4 : small == 127 ? 10 : 2;
        if (length < header) {
            return null;
        }
        long size = small < 126 ? small : 0;
        for (int i = 2; i < header; i++) {
            size = (size << 8) | (data[i] & 0xff);
        }
        if (length < header + size) {
            return null;
        }
        int end = header + (int) size;
        return new Parsed(new BenchHttp.Response(opcode, Arrays.copyOfRange(data, header, end)), end);
    };

    /** What a user answers to keep its connection open and wait for more without sending (a subscriber). */
    static final byte[] KEEP_READING = new byte[0];

    /** One virtual user's conversation on its connection. */
    interface User {
        /**
         * The next request ({@link LoadLoop#post} and friends), or null when this user is done.
         * {@code previous} is the answer to the last request (null before the first) and
         * {@code nanos} the time from sending it to receiving the whole answer.
         */
        byte[] next(BenchHttp.Response previous, long nanos);
    }

    private static final byte[] EMPTY = new byte[0];

    private final String host;
    private final Framing framing;
    private final Selector selector;
    private final List<Connection> connections = new ArrayList<>();
    private final Map<String, Integer> failures = new TreeMap<>();

    /** Opens {@code count} HTTP connections one after another (a burst of connects would overflow the accept queue). */
    LoadLoop(int port, int count) throws IOException {
        this(port, count, HTTP);
    }

    /** A WebSocket upgrade request (the key is fixed: the benchmark does not check the server's accept). */
    byte[] upgrade(String pathAndQuery) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    LoadLoop(int port, int count, Framing framing) throws IOException {
        this.host = "127.0.0.1:" + port;
        this.framing = framing;
        this.selector = Selector.open();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Connection c = new Connection(channel, framing);
            c.key = channel.register(selector, 0, c);
            connections.add(c);
        }
    }

    /** Failures that ended a user early (connection closed, unreadable answer), by kind. */
    Map<String, Integer> failures() {
        return failures;
    }

    byte[] get(String path, String token) {
        return request("GET", path, token, null, null);
    }

    /** A POST whose body is already JSON text. */
    byte[] postJson(String path, String json, String token) {
        return request("POST", path, token, json.getBytes(StandardCharsets.UTF_8), null);
    }

    byte[] post(String path, Object body, String token, String idempotencyKey) {
        return request("POST", path, token, body == null ? EMPTY : BenchHttp.write(body), idempotencyKey);
    }

    private byte[] request(String method, String path, String token, byte[] body, String idempotencyKey) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\nAccept: application/json\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (idempotencyKey != null) {
            head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null || body.length == 0) {
            return h;
        }
        byte[] out = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    /**
     * Gives connection {@code i} the user {@code users.apply(i)} and runs them all until every user
     * is done; after {@code deadlineNanos} no user is asked for another request, and answers still
     * missing ten seconds later are abandoned (counted as failures).
     */
    void run(IntFunction<User> users, long deadlineNanos) throws IOException {
        int active = 0;
        for (int i = 0; i < connections.size(); i++) {
            Connection c = connections.get(i);
            c.user = users.apply(i);
            if (c.user != null && c.start(c.user.next(null, 0))) {
                active++;
            }
        }
        long abandonAt = deadlineNanos + TimeUnit.SECONDS.toNanos(10);
        while (active > 0) {
            if (System.nanoTime() > abandonAt) {
                failures.merge("no answer before the time cap", active, Integer::sum);
                break;
            }
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                Connection c = (Connection) key.attachment();
                try {
                    if (key.isValid() && key.isWritable()) {
                        c.flush();
                    }
                    if (key.isValid() && key.isReadable() && c.fill()) {
                        BenchHttp.Response answer;
                        while (!c.done && (answer = c.next()) != null) {
                            long nanos = System.nanoTime() - c.sentAt;
                            byte[] next = c.user.next(answer, nanos);
                            if (next != KEEP_READING && !c.start(System.nanoTime() < deadlineNanos ? next : null)) {
                                active--;
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                    c.fail();
                    active--;
                }
            }
            selector.selectedKeys().clear();
        }
    }

    @Override
    public void close() throws IOException {
        for (Connection c : connections) {
            c.channel.close();
        }
        selector.close();
    }

    /** One keep-alive connection with at most one request in flight. */
    private static final class Connection {
        final SocketChannel channel;
        final Framing framing;
        SelectionKey key;
        User user;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(8 * 1024);
        long sentAt;
        boolean broken;
        boolean done;

        Connection(SocketChannel channel, Framing framing) {
            this.channel = channel;
            this.framing = framing;
        }

        /** Sends the request; false when there is none (the user is done) or the connection is gone. */
        boolean start(byte[] request) throws IOException {
            if (request == null || broken) {
                done = true;
                key.interestOps(0);
                return false;
            }
            done = false;
            out = ByteBuffer.wrap(request);
            sentAt = System.nanoTime();
            flush();
            return true;
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void fail() {
            broken = true;
            done = true;
            key.interestOps(0);
        }

        /** Reads what arrived; true when anything did. */
        boolean fill() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            int n = channel.read(in);
            if (n < 0) {
                throw new IOException("connection closed by the server");
            }
            return n > 0;
        }

        /** The next whole answer in what was read (taken out of the buffer), else null. */
        BenchHttp.Response next() throws IOException {
            Parsed parsed = framing.parse(in.array(), in.position());
            if (parsed == null) {
                return null;
            }
            int rest = in.position() - parsed.length();
            System.arraycopy(in.array(), parsed.length(), in.array(), 0, rest);
            in.position(rest);
            return parsed.answer();
        }
    }

    /** A command as a RESP array of bulk strings. */
    static byte[] resp(String... parts) {
        StringBuilder b = new StringBuilder(64 + parts.length * 24).append('*').append(parts.length).append("\r\n");
        for (String p : parts) {
            byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
            b.append('$').append(bytes.length).append("\r\n").append(new String(bytes, StandardCharsets.ISO_8859_1))
                    .append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Finds where one RESP value ends. */
    static final class Resp {

        private Resp() {
        }

        /** The index just past the value starting at {@code at}, or -1 while it is incomplete. */
        static int end(byte[] data, int length, int at) {
            int lineEnd = Answer.lineEnd(data, length, at);
            if (lineEnd < 0) {
                return -1;
            }
            int next = lineEnd + 2;
            switch (data[at]) {
                case '$' -> {
                    int n = Integer.parseInt(new String(data, at + 1, lineEnd - at - 1, StandardCharsets.ISO_8859_1));
                    return n < 0 ? next : (length < next + n + 2 ? -1 : next + n + 2);
                }
                case '*' -> {
                    int n = Integer.parseInt(new String(data, at + 1, lineEnd - at - 1, StandardCharsets.ISO_8859_1));
                    for (int i = 0; i < n && next >= 0; i++) {
                        next = end(data, length, next);
                    }
                    return next;
                }
                default -> {
                    return next; // +simple, -error, :integer
                }
            }
        }
    }

    /** Parses one HTTP/1.1 answer from the start of a buffer. */
    static final class Answer {

        private Answer() {
        }

        /** The answer in {@code data[0, length)}, or null while it is incomplete. */
        static Parsed parse(byte[] data, int length) throws IOException {
            int headEnd = indexOf(data, length, 0);
            if (headEnd < 0) {
                return null;
            }
            String head = new String(data, 0, headEnd, StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.1 ") || head.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + head.lines().findFirst().orElse(""));
            }
            int status = Integer.parseInt(head.substring(9, 12));
            String lower = head.toLowerCase(Locale.ROOT);
            int bodyStart = headEnd + 4;
            String contentLength = header(lower, "content-length");
            if (contentLength != null) {
                int n = Integer.parseInt(contentLength);
                return length < bodyStart + n ? null
                        : new Parsed(new BenchHttp.Response(status, Arrays.copyOfRange(data, bodyStart, bodyStart + n)),
                        bodyStart + n);
            }
            if ("chunked".equals(header(lower, "transfer-encoding"))) {
                return chunked(status, data, length, bodyStart);
            }
            return new Parsed(new BenchHttp.Response(status, EMPTY), bodyStart);
        }

        private static Parsed chunked(int status, byte[] data, int length, int at) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            while (true) {
                int lineEnd = lineEnd(data, length, at);
                if (lineEnd < 0) {
                    return null;
                }
                String sizeText = new String(data, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int semicolon = sizeText.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
                int chunkStart = lineEnd + 2;
                if (size == 0) {
                    return length < chunkStart + 2 ? null
                            : new Parsed(new BenchHttp.Response(status, body.toByteArray()), chunkStart + 2);
                }
                if (length < chunkStart + size + 2) {
                    return null;
                }
                body.write(data, chunkStart, size);
                at = chunkStart + size + 2;
            }
        }

        private static String header(String lowerHead, String name) {
            int at = lowerHead.indexOf("\r\n" + name + ":");
            if (at < 0) {
                return null;
            }
            int start = at + name.length() + 3;
            int end = lowerHead.indexOf("\r\n", start);
            return lowerHead.substring(start, end < 0 ? lowerHead.length() : end).trim();
        }

        private static int indexOf(byte[] data, int length, int from) {
            for (int i = from; i + 3 < length; i++) {
                if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        static int lineEnd(byte[] data, int length, int from) {
            for (int i = from; i + 1 < length; i++) {
                if (data[i] == '\r' && data[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
