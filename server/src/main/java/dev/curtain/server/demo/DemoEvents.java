package dev.curtain.server.demo;

import dev.curtain.model.event.Event;
import dev.curtain.model.venue.Venue;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Performances for the demo venues over the next two weeks, priced adult / child / concession. */
final class DemoEvents {

    static final int DAYS = 14;
    private static final String[] FILMS = {"The Last Projectionist", "Northern Lights", "Paper Moons"};
    private static final String[] PLAYS = {"Hamlet", "The Importance of Being Earnest"};

    private DemoEvents() {
    }

    static List<Event> forVenues(List<Venue> venues, LocalDate today) {
        List<Event> events = new ArrayList<>();
        for (Venue venue : venues) {
            for (int day = 0; day < DAYS; day++) {
                LocalDate date = today.plusDays(day);
                switch (venue.kind()) {
                    case CINEMA -> {
                        events.add(event(venue, FILMS[day % 3], date, LocalTime.of(14, 0), 900, 600));
                        events.add(event(venue, FILMS[(day + 1) % 3], date, LocalTime.of(17, 30), 1100, 700));
                        events.add(event(venue, FILMS[(day + 2) % 3], date, LocalTime.of(20, 30), 1200, 800));
                    }
                    case THEATRE -> {
                        if (date.getDayOfWeek() != DayOfWeek.MONDAY) {
                            events.add(event(venue, PLAYS[day % 2], date, LocalTime.of(19, 0), 4500, 2500));
                        }
                    }
                    case CABARET -> {
                        if (date.getDayOfWeek().getValue() >= DayOfWeek.THURSDAY.getValue()) {
                            events.add(event(venue, "Late Night Cabaret", date, LocalTime.of(21, 0), 3500, 2000));
                        }
                    }
                    case ARENA -> {
                        if (day % 5 == 2) {
                            events.add(event(venue, day % 2 == 0 ? "Stadium Rock Live" : "Winter Pop Festival",
                                    date, LocalTime.of(19, 30), 6500, 4000));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return events;
    }

    /**
     * Category prices step down from {@code top} by 20% per category; child and concession
     * tickets are cheaper than adult.
     */
    private static Event event(Venue venue, String title, LocalDate date, LocalTime time, long top, long minChild) {
        Map<String, Map<String, Long>> prices = new LinkedHashMap<>();
        long adult = top;
        for (var category : venue.categories()) {
            long child = Math.max(minChild / 2, adult * 6 / 10);
            long concession = adult * 8 / 10;
            Map<String, Long> types = new LinkedHashMap<>();
            types.put("adult", round(adult));
            types.put("child", round(child));
            types.put("concession", round(concession));
            prices.put(category.id(), types);
            adult = adult * 8 / 10;
        }
        Instant startsAt = date.atTime(time).toInstant(ZoneOffset.UTC);
        return new Event(null, venue.id(), title, startsAt, "EUR", prices, null, null, null, startsAt, false, null, null);
    }

    /** Whole 50-cent steps, as box offices price. */
    private static long round(long minor) {
        return Math.max(50, (minor + 25) / 50 * 50);
    }
}
