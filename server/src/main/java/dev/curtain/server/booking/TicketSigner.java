package dev.curtain.server.booking;

import dev.curtain.server.db.Database;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs ticket QR payloads with Ed25519 so that a door scanner holding only the public key can
 * verify a ticket offline. The key pair is made once per installation and kept in PostgreSQL (as
 * PKCS#8 and X.509), so every server node signs with the same key. Signing uses BouncyCastle's
 * Ed25519: the JDK 17 provider needs about 0.9 ms a signature, one per seat on the sale path;
 * Ed25519 signatures are deterministic, so both give the same bytes.
 */
@Singleton
public class TicketSigner {

    static final String PREFIX = "CT1";
    private static final String ALGORITHM = "Ed25519";

    /** The stored pair, and the raw private key that BouncyCastle signs with. */
    private record Keys(KeyPair stored, Ed25519PrivateKeyParameters signing) {
    }

    private final Database db;
    private volatile Keys keys;

    public TicketSigner(Database db) {
        this.db = db;
    }

    /** {@code CT1.<ticketCode>.<eventId>.<seatId>.<signature>} */
    public String payload(String ticketCode, String eventId, String seatId) {
        String body = PREFIX + "." + ticketCode + "." + eventId + "." + seatId;
        byte[] message = body.getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        keys().signing().sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
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

    /** The 32-byte seed of the stored PKCS#8 key; the public key follows from it. */
    private static Keys raw(KeyPair pair) {
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalStateException("stored ticket key has no key bytes"));
        return new Keys(pair, new Ed25519PrivateKeyParameters(seed, 0));
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
