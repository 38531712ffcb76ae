package dev.curtain.server.hold.redis;

/**
 * Names of an event's Redis keys and its pub/sub channel. Every key shares the hash tag
 * {@code {ev:<eventId>}}, so multi-key scripts run on one Redis Cluster slot.
 */
public final class EventKeys {

    public static final String CHANNEL_PREFIX = "curtain:ev:";
    public static final String CHANNEL_PATTERN = CHANNEL_PREFIX + "*";
    /** Events that have (or had) live state; sweepers visit them. */
    public static final String LIVE_EVENTS = "curtain:live-events";

    private EventKeys() {
    }

    public static String prefix(String eventId) {
        return "{ev:" + eventId + "}:";
    }

    /** KEYS[1] of every script; the scripts derive all other keys from it. */
    public static String[] scriptKeys(String eventId) {
        return new String[]{prefix(eventId) + "init"};
    }

    public static String channel(String eventId) {
        return CHANNEL_PREFIX + eventId;
    }

    public static String eventIdOfChannel(String channel) {
        return channel.substring(CHANNEL_PREFIX.length());
    }
}
