package dev.curtain.server.payment;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on every node: settles card payments past their deadline and retries card refunds. Rows are
 * taken with FOR UPDATE SKIP LOCKED, so nodes share the work and never settle one booking twice.
 */
@Singleton
public class PaymentRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentRecovery.class);

    private final CardPayments cards;
    private final PaymentsConfiguration config;
    private final boolean scheduled;
    private volatile boolean failing;

    /** @param scheduled false leaves recovery to explicit {@link #run()} calls (tests) */
    public PaymentRecovery(CardPayments cards, PaymentsConfiguration config,
                           @Value("${curtain.payments.recovery.enabled:true}") boolean scheduled) {
        this.cards = cards;
        this.config = config;
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelay = "${curtain.payments.recovery.interval:30s}", initialDelay = "10s")
    void scheduledRun() {
        if (!scheduled) {
            return;
        }
        try {
            run();
            if (failing) {
                failing = false;
                LOG.info("event=payment_recovery_recovered");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("event=payment_recovery_failed error={}", e.toString());
            }
        }
    }

    /** One pass; answers how many payments and refunds it settled or tried. */
    public int run() {
        int n = cards.recover(config.recoveryBatch());
        if (n > 0) {
            LOG.info("event=payment_recovery settled={}", n);
        }
        return n;
    }
}
