package dev.curtain.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The signing engines agree byte for byte, and the JDK's own verifier accepts what they sign. */
class TicketSignerTest {

    /** Where the library is built for (glibc Linux on x86-64), the server must not fall back silently. */
    @Test
    void theNativeEngineLoadsOnGlibcLinuxX86() throws Exception {
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        assumeThat(System.getProperty("os.arch")).isIn("amd64", "x86_64");
        assumeThat(java.nio.file.Path.of("/lib64/ld-linux-x86-64.so.2")).exists();
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(TicketSigner.awsLc(pair.getPrivate())).get().extracting(TicketSigner.Engine::name).isEqualTo("AWS-LC");
    }

    @Test
    void everyEngineMakesTheSameSignatureAndTheJdkVerifiesIt() throws Exception {
        for (int k = 0; k < 5; k++) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            TicketSigner.Engine bouncyCastle = TicketSigner.bouncyCastle(pair.getPrivate());
            Optional<TicketSigner.Engine> loaded = TicketSigner.awsLc(pair.getPrivate());
            assumeThat(loaded).as("the native engine loads here").isPresent();
            TicketSigner.Engine awsLc = loaded.get();
            for (int m = 0; m < 20; m++) {
                byte[] message = ("CT1.T" + k + "X" + m + ".ev" + m + ".A-" + m).repeat(m + 1).getBytes(StandardCharsets.UTF_8);
                byte[] signature = awsLc.sign(message);
                assertThat(signature).hasSize(64).isEqualTo(bouncyCastle.sign(message));
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(pair.getPublic());
                verifier.update(message);
                assertThat(verifier.verify(signature)).isTrue();
            }
        }
    }

    /** Threads signing at once borrow Signatures from one pool; they must not mix their messages. */
    @Test
    void threadsSigningAtOnceEachGetTheirOwnMessagesSignature() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TicketSigner.Engine bouncyCastle = TicketSigner.bouncyCastle(pair.getPrivate());
        Optional<TicketSigner.Engine> loaded = TicketSigner.awsLc(pair.getPrivate());
        assumeThat(loaded).as("the native engine loads here").isPresent();
        TicketSigner.Engine engine = loaded.get();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> agreed = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                agreed.add(threads.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        byte[] message = ("CT1." + thread + "." + i).getBytes(StandardCharsets.UTF_8);
                        if (!java.util.Arrays.equals(engine.sign(message), bouncyCastle.sign(message))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : agreed) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
