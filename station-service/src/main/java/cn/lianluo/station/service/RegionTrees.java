package cn.lianluo.station.service;

import cn.lianluo.common.data.SeedRows;
import cn.lianluo.common.data.ShippedRegions;
import cn.lianluo.common.data.StartupLock;
import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.station.config.ReferenceConfig;
import cn.lianluo.station.domain.RegionFile;
import cn.lianluo.station.domain.RegionFile.Row;
import cn.lianluo.station.service.StationDtos.RegionImportResult;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The region tree (行政区划) as reference data: the provinces shipped in the jar load at every start, before any demo
 * data, and an ADMIN imports more (another province, villages, a renamed township). Loading adds only what is missing,
 * so a name an ADMIN changed stays; an import adds and renames, all of a file or nothing.
 */
@ApplicationScoped
public class RegionTrees {

    private static final Logger LOG = Logger.getLogger(RegionTrees.class);
    private static final String INSERT = "INSERT INTO region (code, name, level, parent_code) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO NOTHING";

    private final ReferenceConfig config;
    private final EntityManager em;
    private final Outbox outbox;
    private final StartupLock startupLock;

    public RegionTrees(ReferenceConfig config, EntityManager em, Outbox outbox, StartupLock startupLock) {
        this.config = config;
        this.em = em;
        this.outbox = outbox;
        this.startupLock = startupLock;
    }

    /** Before the demo data (SeedLoader's observer has the default priority): its stations sit in these regions. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        List<String> provinces = provinces();
        // replicas starting together load one after the other (the second finds everything there)
        startupLock.run("lianluo-reference", () -> {
            for (String province : provinces) {
                LOG.infof("reference regions of province %s: %d new", province, loadShipped(province));
            }
        });
    }

    /** The configured provinces; an unknown one stops the start, naming what ships. */
    List<String> provinces() {
        return ShippedRegions.provinces(config.provinces());
    }

    /** Adds the regions of a shipped province tree that are missing; returns how many were added. */
    @Transactional
    public int loadShipped(String province) {
        String resource = ShippedRegions.resource(province);
        RegionFile.Parsed parsed = RegionFile.parse(SeedRows.resourceText(resource));
        if (!parsed.problems().isEmpty()) {
            throw new IllegalStateException(resource + " does not read: " + parsed.problems());
        }
        return insertMissing(parsed.rows());
    }

    /**
     * An ADMIN's import: every line is checked first (a bad code, a level that does not match the code's length, a
     * parent that is neither in the file nor known), and a file with any problem changes nothing. Regions missing are
     * added, regions there under another name renamed; one event tells what changed.
     */
    @Transactional
    public RegionImportResult importTree(byte[] body, Caller caller) {
        RegionFile.Parsed parsed = RegionFile.parse(utf8(body));
        if (parsed.rows().size() + parsed.problems().size() > config.importMaxRows()) {
            throw new ProblemException(413, "too-many-rows", "Too many rows 行数过多",
                    "an import takes at most " + config.importMaxRows() + " regions; split the file by city");
        }
        List<RegionFile.Problem> problems = new ArrayList<>(parsed.problems());
        if (problems.isEmpty() && parsed.rows().isEmpty()) {
            throw ProblemException.unprocessable("import-empty", "file", "the file has a header but no regions");
        }
        RegionCode scope = caller.region();
        parsed.rows().stream().filter(r -> !scope.contains(r.code())).findFirst().ifPresent(r -> {
            throw ProblemException.forbidden("line " + r.line() + ": region " + r.code() + " lies outside your scope " + scope);
        });
        Map<String, String> known = names(Stream.concat(parsed.rows().stream().map(r -> r.code().value()),
                parsed.rows().stream().flatMap(r -> r.parent().stream()).map(RegionCode::value)).distinct().toList());
        Set<RegionCode> inFile = parsed.rows().stream().map(Row::code).collect(Collectors.toSet());
        for (Row r : parsed.rows()) {
            r.parent().filter(p -> !inFile.contains(p) && !known.containsKey(p.value())).ifPresent(p -> problems.add(
                    new RegionFile.Problem(r.line(), "parent_code", "the parent " + p + " is neither known nor in the file")));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(RegionFile.Problem::line));
            List<FieldError> shown = problems.stream().limit(200)
                    .map(p -> new FieldError("line " + p.line() + ": " + p.column(), p.message())).toList();
            throw new ProblemException(422, "import-rejected", "Import rejected 导入未通过", problems.size()
                    + " problem(s) in the file; nothing was imported"
                    + (problems.size() > shown.size() ? " (the first " + shown.size() + " are listed)" : ""), shown);
        }
        List<Row> added = parsed.rows().stream().filter(r -> !known.containsKey(r.code().value())).toList();
        List<Row> renamed = parsed.rows().stream()
                .filter(r -> known.containsKey(r.code().value()) && !known.get(r.code().value()).equals(r.name())).toList();
        int inserted = insertMissing(added);
        rename(renamed);
        RegionCode root = root(parsed.rows());
        if (inserted + renamed.size() > 0) {
            outbox.add(StationEvents.REGIONS_IMPORTED, root.value(), root, new StationEvents.RegionsImported(root.value(),
                    parsed.rows().size(), inserted, renamed.size(), renamed.stream().map(r -> r.code().value()).toList()));
        }
        List<String> addedCodes = added.stream().map(r -> r.code().value()).toList();
        for (int from = 0; from < addedCodes.size(); from += StationEvents.REGIONS_ADDED_PER_EVENT) {
            List<String> part = addedCodes.subList(from, Math.min(addedCodes.size(), from + StationEvents.REGIONS_ADDED_PER_EVENT));
            outbox.add(StationEvents.REGIONS_ADDED, root.value(), root, new StationEvents.RegionsAdded(root.value(), List.copyOf(part)));
        }
        return new RegionImportResult(root.value(), parsed.rows().size(), inserted, renamed.size(),
                parsed.rows().size() - inserted - renamed.size());
    }

    private int insertMissing(List<Row> rows) {
        return SeedRows.insertAll(em, INSERT, rows, (ps, r) -> {
            ps.setString(1, r.code().value());
            ps.setString(2, r.name());
            ps.setString(3, r.code().level().name());
            ps.setString(4, r.parent().map(RegionCode::value).orElse(null));
        });
    }

    private void rename(List<Row> rows) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE region SET name = ? WHERE code = ?")) {
                for (Row r : rows) {
                    update.setString(1, r.name());
                    update.setString(2, r.code().value());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /** The names of those of {@code codes} the tree holds. */
    private Map<String, String> names(List<String> codes) {
        Map<String, String> names = new HashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT code, name FROM region WHERE code = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("text", codes.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        names.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
        });
        return names;
    }

    /** The smallest region holding every row (the rows lie in one caller's scope, so there is one). */
    static RegionCode root(List<Row> rows) {
        RegionCode root = rows.get(0).code();
        for (Row r : rows) {
            while (!root.contains(r.code())) {
                Optional<RegionCode> up = root.parent();
                if (up.isEmpty()) {
                    throw new IllegalStateException("rows of two provinces: " + root + " and " + r.code());
                }
                root = up.get();
            }
        }
        return root;
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", "the file is not UTF-8 text");
        }
    }
}
