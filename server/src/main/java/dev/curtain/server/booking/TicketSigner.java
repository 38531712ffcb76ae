package dev.curtain.server.booking;

import dev.curtain.server.db.Database;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs ticket QR payloads with Ed25519 so that a door scanner holding only the public key can
 * verify a ticket offline. The key pair is made once per installation and kept in PostgreSQL (as
 * PKCS#8 and X.509), so every server node signs with the same key. A sale signs once per seat,
 * so the engine matters: the JDK 17 provider takes about 0.9 ms a signature, BouncyCastle 55 µs,
 * AWS-LC (through Amazon Corretto Crypto Provider's native library, Linux x86-64) 11-16 µs. The
 * server signs with AWS-LC where its library loads, else with BouncyCastle. Ed25519 signatures
 * are deterministic, so every engine gives the same bytes for the same key and message.
 */
@Singleton
public class TicketSigner {

    static final String PREFIX = "CT1";
    private static final String ALGORITHM = "Ed25519";
    private static final Logger LOG = LoggerFactory.getLogger(TicketSigner.class);

    /** Makes the 64-byte Ed25519 signature of a message with one private key. */
    interface Engine {
        byte[] sign(byte[] message);

        String name();
    }

    /** The stored pair, and the engine that signs with its private key. */
    private record Keys(KeyPair stored, Engine engine) {
    }

    private final Database db;
    private volatile Keys keys;

    public TicketSigner(Database db) {
        this.db = db;
    }

    /** {@code CT1.<ticketCode>.<eventId>.<seatId>.<signature>} */
    public String payload(String ticketCode, String eventId, String seatId) {
        String body = PREFIX + "." + ticketCode + "." + eventId + "." + seatId;
        byte[] signature = keys().engine().sign(body.getBytes(StandardCharsets.UTF_8));
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** The public key (X.509, Base64) that door scanners verify with. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys().stored().getPublic().getEncoded());
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = raw(loadOrCreate());
                }
                k = keys;
            }
        }
        return k;
    }

    private KeyPair loadOrCreate() {
        return db.write(c -> {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(4711)")) {
                lock.execute();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select key, value from installation where key in ('ticket_private_key', 'ticket_public_key')");
                 ResultSet rs = ps.executeQuery()) {
                String priv = null;
                String pub = null;
                while (rs.next()) {
                    if (rs.getString(1).equals("ticket_private_key")) {
                        priv = rs.getString(2);
                    } else {
                        pub = rs.getString(2);
                    }
                }
                if (priv != null && pub != null) {
                    return decode(priv, pub);
                }
            }
            KeyPair pair = generate();
            try (PreparedStatement ps = c.prepareStatement("insert into installation (key, value) values (?, ?), (?, ?)")) {
                ps.setString(1, "ticket_private_key");
                ps.setString(2, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                ps.setString(3, "ticket_public_key");
                ps.setString(4, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                ps.executeUpdate();
            }
            return pair;
        });
    }

    private static Keys raw(KeyPair pair) {
        Engine engine = awsLc(pair.getPrivate()).orElseGet(() -> bouncyCastle(pair.getPrivate()));
        LOG.info("event=ticket_signer engine={}", engine.name());
        return new Keys(pair, engine);
    }

    /** BouncyCastle's Ed25519, from the 32-byte seed of the key (the public key follows from it). */
    static Engine bouncyCastle(PrivateKey key) {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalStateException("stored ticket key has no key bytes"));
        Ed25519PrivateKeyParameters signing = new Ed25519PrivateKeyParameters(seed, 0);
        return new Engine() {
            @Override
            public byte[] sign(byte[] message) {
                byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
                signing.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
                return signature;
            }

            @Override
            public String name() {
                return "BouncyCastle";
            }
        };
    }

    /**
     * AWS-LC's Ed25519 through Amazon Corretto Crypto Provider, when its native library loads here
     * (it is not installed as a JCA provider, only used for this). A {@link Signature} is not
     * thread-safe and setting one up parses the key, so initialised ones are lent out from a pool
     * (a thread-local would not do: on Java 21+ blocking work runs on a new virtual thread each time).
     */
    static Optional<Engine> awsLc(PrivateKey key) {
        Provider provider;
        Queue<Signature> idle = new ConcurrentLinkedQueue<>();
        try {
            provider = AwsLc.provider();
            Signature first = Signature.getInstance(ALGORITHM, provider);
            first.initSign(key); // proves the key is usable here, then serves the first sale
            idle.offer(first);
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            LOG.info("event=ticket_signer_native_unavailable error=\"{}\"", e.toString());
            return Optional.empty();
        }
        return Optional.of(new Engine() {
            @Override
            public byte[] sign(byte[] message) {
                try {
                    Signature signature = idle.poll();
                    if (signature == null) {
                        signature = Signature.getInstance(ALGORITHM, provider);
                        signature.initSign(key);
                    }
                    signature.update(message);
                    byte[] signed = signature.sign(); // sign() resets it for the next message
                    idle.offer(signature);
                    return signed;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public String name() {
                return "AWS-LC";
            }
        });
    }

    /** Touches the provider's classes only when called, so a server without them still loads this class. */
    private static final class AwsLc {
        static Provider provider() {
            com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider accp =
                    com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                throw new IllegalStateException("native library not loaded: " + accp.getLoadingError());
            }
            return accp;
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair decode(String priv, String pub) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pub)));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored ticket keys are unreadable", e);
        }
    }
}
