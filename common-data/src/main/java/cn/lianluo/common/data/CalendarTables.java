package cn.lianluo.common.data;

import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.calendar.ReferenceCalendars;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.time.Zones;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The working-day calendar as case-service and station-service both store it: {@code calendar_day} (the days that
 * differ from the weekday rule) and {@code calendar_year} (the years whose official arrangement is loaded; every
 * other year is computed, {@code provisional}). Every method runs in the caller's transaction, but
 * {@link #refreshArrangedYears}. {@code lianluo_calendar_next_year_loaded} is 1 while next year's arrangement (in China)
 * is loaded, 0 until it is: the years arranged are known from the start-up load and kept up by the service's
 * periodic {@link #refreshArrangedYears}.
 */
@ApplicationScoped
public class CalendarTables {

    /** Who loaded the arrangements shipped in the jar. */
    public static final String REFERENCE = "reference";
    private static final Logger LOG = Logger.getLogger(CalendarTables.class);

    private final EntityManager em;
    private final StartupLock startupLock;
    private final Set<Integer> arrangedYears = ConcurrentHashMap.newKeySet();

    public CalendarTables(EntityManager em, StartupLock startupLock, MeterRegistry registry) {
        this.em = em;
        this.startupLock = startupLock;
        Gauge.builder("lianluo.calendar.next.year.loaded", arrangedYears,
                        years -> years.contains(LocalDate.now(Zones.CHINA).getYear() + 1) ? 1 : 0)
                .description("1 while next year's official working-day arrangement is loaded, else 0").register(registry);
    }

    /** Reads the years arranged again (another replica, or an event, may have arranged one), in a transaction of its own. */
    public void refreshArrangedYears() {
        List<Integer> years = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT year FROM calendar_year").getResultList());
        arrangedYears.retainAll(years);
        arrangedYears.addAll(years);
    }

    /**
     * {@link #loadReference} at a service's start, with or without demo seeds, in a transaction of its own and under
     * the start-up lock (replicas starting together load one after the other; the second finds the years arranged).
     */
    public List<Integer> loadReferenceAtStart() {
        return loadReferenceAtStart(loaded -> { });
    }

    /**
     * {@link #loadReferenceAtStart()}, and {@code then} with the years it loaded (when any) in the same transaction:
     * what follows from the new days is written with them or not at all.
     */
    public List<Integer> loadReferenceAtStart(Consumer<List<Integer>> then) {
        List<Integer> years = new ArrayList<>();
        startupLock.run("lianluo-reference-calendar", () -> years.addAll(QuarkusTransaction.requiringNew().call(() -> {
            List<Integer> loaded = loadReference(Instant.now());
            if (!loaded.isEmpty()) {
                then.accept(loaded);
            }
            return loaded;
        })));
        if (!years.isEmpty()) {
            LOG.infof("official working-day calendars loaded for %s", years);
        }
        return years;
    }

    /** The stored days and, for every year with no arrangement, the computed ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public WorkingCalendar calendar() {
        List<CalendarDay> days = new ArrayList<>();
        Set<Integer> years = new HashSet<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT day, working, name FROM calendar_day");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    days.add(new CalendarDay(rows.getObject(1, LocalDate.class), rows.getBoolean(2), rows.getString(3)));
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT year FROM calendar_year");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    years.add(rows.getInt(1));
                }
            }
        });
        return WorkingCalendar.withComputedYears(days, years);
    }

    /**
     * Loads every arrangement shipped in the jar whose year has none yet: its days where none is stored (an ADMIN's
     * change of a day stays), and the year as arranged. A year already arranged is left alone, so loading twice
     * changes nothing and an arrangement loaded through the API is never overwritten. Returns the years loaded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Integer> loadReference(Instant now) {
        Set<Integer> arranged = new HashSet<>(em.createNativeQuery("SELECT year FROM calendar_year")
                .getResultList());
        List<Integer> loaded = new ArrayList<>();
        for (Map.Entry<Integer, List<CalendarDay>> year : ReferenceCalendars.all().entrySet()) {
            if (arranged.contains(year.getKey())) {
                continue;
            }
            insertDays(year.getValue(), "ON CONFLICT (day) DO NOTHING");
            markArranged(year.getKey(), REFERENCE, now);
            loaded.add(year.getKey());
        }
        arrangedYears.addAll(arranged);
        return loaded;
    }

    /** The official arrangement of {@code year} replaces whatever the year held (computed, or days set one by one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void arrange(int year, List<CalendarDay> days, String by, Instant at) {
        em.createNativeQuery("DELETE FROM calendar_day WHERE day BETWEEN ?1 AND ?2")
                .setParameter(1, LocalDate.of(year, 1, 1)).setParameter(2, LocalDate.of(year, 12, 31)).executeUpdate();
        insertDays(days, "");
        markArranged(year, by, at);
    }

    /** One day set (a day off or a make-up day), as case-service's calendar-day-set event says. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setDay(CalendarDay day) {
        insertDays(List.of(day), "ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name");
    }

    /** One day removed: the weekday rule again (or the computed day off, in a year with no arrangement). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeDay(LocalDate date) {
        em.createNativeQuery("DELETE FROM calendar_day WHERE day = ?1").setParameter(1, date).executeUpdate();
    }

    private void insertDays(List<CalendarDay> days, String onConflict) {
        SeedRows.insertAll(em, "INSERT INTO calendar_day (day, working, name) VALUES (?, ?, ?) " + onConflict, days,
                (statement, day) -> {
                    statement.setDate(1, Date.valueOf(day.date()));
                    statement.setBoolean(2, day.working());
                    statement.setString(3, day.name());
                });
    }

    private void markArranged(int year, String by, Instant at) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO calendar_year (year, arranged_at, arranged_by) "
                    + "VALUES (?, ?, ?) ON CONFLICT (year) DO UPDATE SET arranged_at = EXCLUDED.arranged_at, arranged_by = EXCLUDED.arranged_by")) {
                upsert.setInt(1, year);
                upsert.setTimestamp(2, Timestamp.from(at));
                upsert.setString(3, by);
                upsert.executeUpdate();
            }
        });
        arrangedYears.add(year);
    }
}
