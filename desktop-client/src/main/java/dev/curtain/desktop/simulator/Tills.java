package dev.curtain.desktop.simulator;

import dev.curtain.desktop.client.CurtainClient;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Where buyers hold and pay. A sale needs a counter payment (card terminal) taken by a staff or kiosk account
 * for its own hold, and the server lets one account have only so many live holds on a performance: each
 * account offers that many slots, and a buyer waits for a free slot (first come, first served) before it
 * holds, as a customer waits for a free kiosk.
 */
final class Tills {

    record Till(String account, CurtainClient client) {
    }

    private final ArrayBlockingQueue<Till> free;

    Tills(List<Till> tills, int slotsPerTill) {
        free = new ArrayBlockingQueue<>(tills.size() * slotsPerTill, true);
        for (int slot = 0; slot < slotsPerTill; slot++) {
            free.addAll(tills);
        }
    }

    /** A free slot, or null once the run is stopping. */
    Till take(RunContext run) throws InterruptedException {
        while (!run.stopping()) {
            Till till = free.poll(50, TimeUnit.MILLISECONDS);
            if (till != null) {
                return till;
            }
        }
        return null;
    }

    void give(Till till) {
        free.add(till);
    }
}
