package dev.curtain.desktop.simulator;

import dev.curtain.desktop.client.ApiException;
import dev.curtain.desktop.client.CurtainClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./curtain simulate}: runs a simulation without the desktop app, prints the report, and exits 0 when the
 * server's integrity check is clean, 2 when it is not (or could not be made), 1 on a usage error and 3 when the
 * run could not be made at all (server unreachable, sign-in refused, unknown performance).
 */
public final class SimulateCommand {

    public static final int OK = 0;
    public static final int USAGE = 1;
    public static final int INTEGRITY_FAILED = 2;
    public static final int RUN_FAILED = 3;

    private static final String USAGE_TEXT = """
            Usage: ./curtain simulate --server URL [options]

              --server URL          the Curtain server to simulate against (required; nothing else is contacted)
              --users N             virtual users, 1 to 10000 (default 100)
              --seats M             seats on offer (contended), 1 to 20000 (default 20)
              --seats-per-user K    seats each user wants, 1 to 10 (default 2)
              --strategy S          rush | random | best | realistic (default rush)
              --mode M              closed (fixed concurrency) | open (arrival rate) (default closed)
              --concurrency N       closed: users at once; open: users in flight at most (default: users, up to 200)
              --rate R              open loop: users arriving per second (default 50)
              --duration D          time limit: 30s, 2m or seconds (default 30s)
              --event ID            aim at this performance; without it a throw-away performance is made
              --retries N           hold attempts after a conflict, per user (default 3)
              --think-ms MS         realistic: mean think time (default 800)
              --abandon P           realistic: share of users who abandon their hold, 0 to 1 (default 0.3)
              --grow P              realistic: share of users who add a seat to their hold (default 0.2)
              --user NAME           manager account the simulator signs in as (default manager)
              --password PW         its password (default: CURTAIN_DEMO_PASSWORD, else ~/.curtain/demo-password)
              --buyer-user NAME     account buyers hold and pay at (card terminal); repeat for more (default: --user)
              --buyer-password PW   the buyer accounts' password (default: --password)
              --holds-per-buyer N   live holds one buyer account may have (the server's limit, default 10)
              --undo-sales          refund the simulated sales after the check
              --seed N              random seed, to repeat a run's choices
              --json FILE           also write the report as JSON
              --csv FILE            also write the report as CSV
              --quiet               no progress lines

            Exit code: 0 integrity check clean, 2 integrity check failed or not made, 1 usage error,
            3 the run could not be made.
            """;

    private static final Set<String> FLAGS = Set.of("undo-sales", "quiet", "help");

    private SimulateCommand() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            // Before any logger exists: warnings only, on stderr, so that stdout is the report alone.
            System.setProperty("logback.configurationFile", "dev/curtain/desktop/simulator/simulate-logback.xml");
        }
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Options o;
        SimulationConfig config;
        String password;
        try {
            o = Options.parse(args);
            if (o.flag("help")) {
                out.print(USAGE_TEXT);
                return OK;
            }
            o.config(null); // the settings first: their mistakes are the likelier ones
            password = o.password(env);
            config = o.config(password);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            CurtainClient control = new CurtainClient(config.serverUrl());
            control.login(o.get("user", "manager"), password);
            err.println("simulate: " + config.summary() + " against " + config.serverUrl());
            Simulation simulation = new Simulation(config, control, o.flag("quiet") ? null : new Progress(err),
                    Clock.systemUTC());
            Thread stopOnCtrlC = new Thread(simulation::stop, "curtain-sim-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            SimulationReport report;
            try {
                report = simulation.start().await();
            } finally {
                removeHook(stopOnCtrlC);
            }
            out.print(ReportFormats.text(report));
            if (o.has("json")) {
                ReportFormats.writeJson(report, Path.of(o.get("json", null)));
            }
            if (o.has("csv")) {
                ReportFormats.writeCsv(report, Path.of(o.get("csv", null)));
            }
            return report.passed() ? OK : INTEGRITY_FAILED;
        } catch (ApiException e) {
            err.println("simulate: the server refused: " + e.problem().code() + " — " + e.problem().detail());
            return RUN_FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("simulate: " + e.getMessage());
            return RUN_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RUN_FAILED;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already on its way out
        }
    }

    /** One line every two seconds on stderr. */
    private static final class Progress implements SimulationListener {
        private final PrintStream err;
        private long lastSecond = -1;

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void progress(SimulationSnapshot s) {
            long second = s.elapsedMillis() / 2000;
            if (second != lastSecond && s.phase() == SimulationSnapshot.Phase.RUNNING) {
                lastSecond = second;
                err.printf(Locale.ROOT, "  %5.1f s  users %d/%d  attempts %d  holds %d  conflicts %d  sales %d  errors %d%n",
                        s.elapsedMillis() / 1000.0, s.usersFinished(), s.users(), s.attempts(), s.holds(), s.conflicts(),
                        s.sales(), s.errors());
            }
        }
    }

    /** --name value, --name=value, and flags. */
    static final class Options {
        private final Map<String, List<String>> values = new HashMap<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--") || a.length() < 3) {
                    throw new IllegalArgumentException("unexpected argument '" + a + "'");
                }
                String name = a.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (FLAGS.contains(name)) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
            Set<String> known = Set.of("server", "users", "seats", "seats-per-user", "strategy", "mode", "concurrency",
                    "rate", "duration", "event", "retries", "think-ms", "abandon", "grow", "user", "password",
                    "buyer-user", "buyer-password", "holds-per-buyer", "undo-sales", "seed", "json", "csv", "quiet", "help");
            o.values.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
                throw new IllegalArgumentException("unknown option --" + k);
            });
            return o;
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        boolean flag(String name) {
            return has(name) && !"false".equals(get(name, "true"));
        }

        String get(String name, String fallback) {
            List<String> v = values.get(name);
            return v == null ? fallback : v.get(v.size() - 1);
        }

        int integer(String name, int fallback) {
            return parsed(name, fallback, Integer::parseInt, "a whole number");
        }

        double decimal(String name, double fallback) {
            return parsed(name, fallback, Double::parseDouble, "a number");
        }

        private <T> T parsed(String name, T fallback, java.util.function.Function<String, T> parse, String what) {
            String v = get(name, null);
            try {
                return v == null ? fallback : parse.apply(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be " + what + "; got '" + v + "'");
            }
        }

        static Duration duration(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            try {
                if (t.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
                }
                if (t.endsWith("m")) {
                    return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
                }
                if (t.endsWith("s")) {
                    t = t.substring(0, t.length() - 1);
                }
                return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--duration must look like 30s, 2m or 45; got '" + text + "'");
            }
        }

        /** --password, else CURTAIN_DEMO_PASSWORD, else the demo password file of CURTAIN_HOME (~/.curtain). */
        String password(Map<String, String> env) {
            String p = get("password", env.get("CURTAIN_DEMO_PASSWORD"));
            if (p != null) {
                return p;
            }
            Path home = Path.of(env.getOrDefault("CURTAIN_HOME", System.getProperty("user.home") + "/.curtain"));
            Path file = home.resolve("demo-password");
            try {
                if (Files.isReadable(file)) {
                    return Files.readString(file, StandardCharsets.UTF_8).strip();
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
            }
            throw new IllegalArgumentException("no password: give --password, or set CURTAIN_DEMO_PASSWORD");
        }

        SimulationConfig config(String password) {
            if (!has("server")) {
                throw new IllegalArgumentException("--server URL is required");
            }
            Realism realism = Realism.DEFAULT.withThink(Duration.ofMillis(integer("think-ms", (int) Realism.DEFAULT.think().toMillis())))
                    .withAbandonRate(decimal("abandon", Realism.DEFAULT.abandonRate()))
                    .withGrowRate(decimal("grow", Realism.DEFAULT.growRate()));
            List<Credentials> buyers = new ArrayList<>();
            for (String name : values.getOrDefault("buyer-user", List.of())) {
                buyers.add(new Credentials(name, get("buyer-password", password)));
            }
            SimulationConfig.Builder b = SimulationConfig.builder(get("server", null))
                    .users(integer("users", 100))
                    .seats(integer("seats", 20))
                    .seatsPerUser(integer("seats-per-user", 2))
                    .strategy(Strategy.parse(get("strategy", "rush")))
                    .mode(LoadMode.parse(get("mode", "closed")))
                    .arrivalsPerSecond(decimal("rate", 50))
                    .duration(duration(get("duration", "30s")))
                    .eventId(get("event", null))
                    .maxRetries(integer("retries", 3))
                    .realism(realism)
                    .buyers(buyers)
                    .holdsPerBuyer(integer("holds-per-buyer", 10))
                    .undoSales(flag("undo-sales"));
            if (has("concurrency")) {
                b.concurrency(integer("concurrency", 1));
            }
            if (has("seed")) {
                b.seed(parsed("seed", 0L, Long::parseLong, "a whole number"));
            }
            return b.build();
        }
    }
}
