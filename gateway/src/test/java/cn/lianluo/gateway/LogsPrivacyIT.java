package cn.lianluo.gateway;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No log line of the whole-suite run names a person: after the gateway's other tests (a plain JUnit class, it runs after
 * every {@code @QuarkusTest} of the module — Quarkus's class orderer puts those first), the logs of the five services
 * and the gateway ({@link ServicesUnderTest} writes them to target/) hold no whole mobile number and none of the names
 * of the citizens the tests submitted, though cases, appointments and comments carry both to every service.
 */
class LogsPrivacyIT {

    /** A whole mainland mobile number; a masked one (138****1234) is not one. */
    private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");
    /** Where the tests name a citizen: Map.of("name", "石秀兰", "phone", …), citizenCase("龙先生", …). */
    private static final Pattern CITIZEN = Pattern.compile(
            "Map\\.of\\(\"name\", \"([^\"]{2,})\"(?!\\s*\\+), \"phone\"|citizenCase\\(\"([^\"]{2,})\"");
    /** Words the tests use as a name that are also plain words of the platform's own messages. */
    private static final Set<String> WORDS = Set.of("群众");

    private static final Path LOGS = Path.of("target");

    static Set<String> citizenNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CITIZEN.matcher(Files.readString(source));
                while (m.find()) {
                    names.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        names.removeAll(WORDS);
        return names;
    }

    static List<Path> logs() throws IOException {
        try (Stream<Path> files = Files.list(LOGS)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".log") && (name.startsWith("gateway") || name.contains("-service"));
            }).sorted().toList();
        }
    }

    @Test
    void no_log_line_of_the_run_names_a_citizen_or_a_whole_phone_number() throws IOException {
        Set<String> names = citizenNames();
        assertThat(names).as("the citizens' names the tests submit").hasSizeGreaterThan(10).contains("石秀兰");
        List<Path> logs = logs();
        assertThat(logs).as("the logs of the run in " + LOGS.toAbsolutePath()).extracting(p -> p.getFileName().toString())
                .contains("gateway.log", "station-service.log", "deputy-service.log", "case-service.log",
                        "scoring-service.log", "notification-service.log");

        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            List<String> lines;
            try {
                lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher phone = PHONE.matcher(line);
                if (phone.find()) {
                    found.add(log.getFileName() + ":" + (i + 1) + " a phone number: " + line);
                }
                for (String name : names) {
                    if (line.contains(name)) {
                        found.add(log.getFileName() + ":" + (i + 1) + " the name " + name + ": " + line);
                    }
                }
            }
        }
        assertThat(found).as("log lines that name a citizen or carry a whole phone number").isEmpty();
    }

    @Test
    void the_scan_finds_a_phone_number_and_tells_a_masked_one_from_it() {
        assertThat(PHONE.matcher("submitted by 13812345678.").find()).isTrue();
        assertThat(PHONE.matcher("citizen 138****5678").find()).isFalse();
        assertThat(PHONE.matcher("topic gw1764730000123.case.events, event 3f2a13812345678b").find()).isFalse();
    }
}
