package cn.lianluo.deputy.service;

import cn.lianluo.common.files.TableWriter;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.deputy.domain.DeputyLevel;
import cn.lianluo.deputy.domain.Ethnicities;
import cn.lianluo.deputy.domain.Gender;
import cn.lianluo.deputy.persistence.Repositories;
import cn.lianluo.deputy.persistence.StationCopyEntity;
import cn.lianluo.deputy.service.DeputyDtos.DeputyRequest;
import cn.lianluo.deputy.service.DeputyDtos.ImportResult;
import cn.lianluo.deputy.service.DeputyDtos.MandateInput;
import cn.lianluo.deputy.service.RollFiles.RollRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Bulk import and export of a region's roll (代表名册). An import is all rows or none: every row is checked
 * first, and a rejected file gets one report naming each bad row and column.
 */
@ApplicationScoped
public class RollImport {

    private static final Map<String, String> FIELD_TO_COLUMN = Map.ofEntries(
            Map.entry("name", RollColumn.NAME.header()), Map.entry("gender", RollColumn.GENDER.header()),
            Map.entry("ethnicity", RollColumn.ETHNICITY.header()), Map.entry("birthYear", RollColumn.BIRTH_YEAR.header()),
            Map.entry("party", RollColumn.PARTY.header()), Map.entry("occupationSector", RollColumn.OCCUPATION.header()),
            Map.entry("electoralUnit", RollColumn.ELECTORAL_UNIT.header()),
            Map.entry("regionCode", RollColumn.REGION_CODE.header()), Map.entry("phone", RollColumn.PHONE.header()),
            Map.entry("mandates[0].level", RollColumn.LEVEL.header()), Map.entry("mandates[0].term", RollColumn.TERM.header()),
            Map.entry("mandates[0].termStart", RollColumn.TERM_START.header()),
            Map.entry("mandates[0].termEnd", RollColumn.TERM_END.header()));

    private final DeputyService deputies;
    private final AssignmentService assignments;
    private final Repositories.Deputies deputyRows;
    private final Repositories.Mandates mandates;
    private final Repositories.Stations stations;
    private final Validator validator;
    private final int maxRows;

    public RollImport(DeputyService deputies, AssignmentService assignments, Repositories.Deputies deputyRows,
                      Repositories.Mandates mandates, Repositories.Stations stations, Validator validator,
                      @ConfigProperty(name = "lianluo.import.max-rows", defaultValue = "10000") int maxRows) {
        this.deputies = deputies;
        this.assignments = assignments;
        this.deputyRows = deputyRows;
        this.mandates = mandates;
        this.stations = stations;
        this.validator = validator;
        this.maxRows = maxRows;
    }

    @Transactional
    public ImportResult importRoll(byte[] body, String mediaType, String charset, Caller caller) {
        List<RollRow> rows = RollFiles.read(body, mediaType, charset, maxRows);
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("import-empty", "file", "the file has a header but no rows");
        }
        List<FieldError> errors = new ArrayList<>();
        List<DeputyRequest> requests = new ArrayList<>();
        Set<String> seats = new HashSet<>();
        for (RollRow row : rows) {
            int before = errors.size();
            DeputyRequest request = toRequest(row, errors);
            if (errors.size() > before) {
                continue;
            }
            String where = "row " + row.line() + ": ";
            for (ConstraintViolation<DeputyRequest> v : validator.validate(request)) {
                errors.add(new FieldError(where + FIELD_TO_COLUMN.getOrDefault(v.getPropertyPath().toString(),
                        v.getPropertyPath().toString()), v.getMessage()));
            }
            RegionCode region = RegionCode.of(request.regionCode());
            if (!caller.covers(region)) {
                errors.add(new FieldError(where + RollColumn.REGION_CODE.header(), region + " lies outside your scope"));
            }
            if (request.homeStationId() != null) {
                StationCopyEntity station = stations.findById(request.homeStationId());
                if (station == null) {
                    errors.add(new FieldError(where + RollColumn.HOME_STATION.header(), "station " + request.homeStationId() + " is not known"));
                } else if (!caller.covers(RegionCode.of(station.regionCode))) {
                    errors.add(new FieldError(where + RollColumn.HOME_STATION.header(), "the station lies outside your scope"));
                }
            }
            MandateInput m = request.mandates().get(0);
            String seat = region + "|" + request.name() + "|" + request.birthYear() + "|" + m.level() + "|" + m.term();
            if (!seats.add(seat)) {
                errors.add(new FieldError(where + RollColumn.NAME.header(), "the same person and term appear twice in the file"));
            } else if (alreadyHolds(region, request, m)) {
                errors.add(new FieldError(where + RollColumn.NAME.header(),
                        request.name() + " is already registered in " + region + " for this level and term"));
            }
            requests.add(request);
        }
        if (!errors.isEmpty()) {
            throw RollFiles.rejected(errors);
        }
        int created = 0;
        int added = 0;
        int assigned = 0;
        for (int i = 0; i < requests.size(); i++) {
            DeputyRequest request = requests.get(i);
            DeputyService.Registered registered = deputies.register(request, null, caller.subject(),
                    "row " + rows.get(i).line() + ": ", true);
            created += registered.created() ? 1 : 0;
            added += registered.created() ? 0 : registered.mandatesAdded();
            if (request.homeStationId() != null
                    && assignments.makeHomeTrusted(registered.deputy(), request.homeStationId(), caller.subject())) {
                assigned++;
            }
        }
        return new ImportResult(rows.size(), created, added, assigned);
    }

    /**
     * Writes the roll of a region to {@code table}, header first: one row per active mandate, so a person with two
     * mandates has two rows. The rows come from a database cursor and go out as they come, so the province's roll takes
     * the memory of a few hundred rows. Answers the rows written, the header not counted.
     */
    @Transactional
    public long export(RegionCode region, TableWriter table) {
        table.row(RollColumn.headers());
        try (Stream<Object[]> rows = deputyRows.roll(region)) {
            rows.forEach(r -> table.row(Arrays.asList(text(r[0]), Gender.valueOf(text(r[1])).label(), text(r[2]), text(r[3]),
                    text(r[4]), text(r[5]), text(r[6]), text(r[7]), text(r[8]), DeputyLevel.valueOf(text(r[9])).label(),
                    text(r[10]), text(r[11]), text(r[12]), text(r[13]))));
        }
        return table.rows() - 1;
    }

    /** A column of the roll's query as its cell reads: a date as ISO, a null as empty. */
    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private boolean alreadyHolds(RegionCode region, DeputyRequest request, MandateInput m) {
        return deputyRows.find("regionCode = ?1 and name = ?2 and birthYear = ?3", region.value(), request.name(),
                        request.birthYear()).firstResultOptional()
                .map(d -> mandates.count("deputyId = ?1 and level = ?2 and term = ?3", d.id, m.level().name(), m.term()) > 0)
                .orElse(false);
    }

    /** Reads a row's cells into a request; what cannot be read is added to {@code errors}. */
    private static DeputyRequest toRequest(RollRow row, List<FieldError> errors) {
        Map<RollColumn, String> c = row.cells();
        String where = "row " + row.line() + ": ";
        int before = errors.size();
        for (Map.Entry<RollColumn, String> cell : c.entrySet()) {
            if (RollFiles.looksLikeFormula(cell.getKey(), cell.getValue())) {
                errors.add(new FieldError(where + cell.getKey().header(), "a formula is not accepted: " + cell.getValue()));
            }
        }
        for (RollColumn column : RollColumn.values()) {
            if (column.required() && c.getOrDefault(column, "").isBlank()) {
                errors.add(new FieldError(where + column.header(), "required"));
            }
        }
        Gender gender = read(where, RollColumn.GENDER, c, errors, Gender::parse);
        String ethnicity = read(where, RollColumn.ETHNICITY, c, errors, Ethnicities::normalise);
        Integer birthYear = read(where, RollColumn.BIRTH_YEAR, c, errors, RollImport::integer);
        String region = read(where, RollColumn.REGION_CODE, c, errors, v -> RegionCode.of(v).value());
        DeputyLevel level = read(where, RollColumn.LEVEL, c, errors, RollImport::level);
        Integer term = read(where, RollColumn.TERM, c, errors, RollImport::integer);
        LocalDate start = read(where, RollColumn.TERM_START, c, errors, RollImport::date);
        LocalDate end = read(where, RollColumn.TERM_END, c, errors, RollImport::date);
        UUID station = read(where, RollColumn.HOME_STATION, c, errors, UUID::fromString);
        if (errors.size() > before || c.getOrDefault(RollColumn.NAME, "").isBlank()) {
            return null;
        }
        return new DeputyRequest(c.get(RollColumn.NAME), gender, ethnicity, birthYear, blank(c.get(RollColumn.PARTY)),
                blank(c.get(RollColumn.OCCUPATION)), blank(c.get(RollColumn.ELECTORAL_UNIT)), region,
                blank(c.get(RollColumn.PHONE)), List.of(new MandateInput(level, term, start, end)), station);
    }

    private interface Reader<T> {
        T read(String value);
    }

    private static <T> T read(String where, RollColumn column, Map<RollColumn, String> cells, List<FieldError> errors,
                              Reader<T> reader) {
        String value = cells.getOrDefault(column, "");
        if (value.isBlank()) {
            return null;
        }
        try {
            return reader.read(value.strip());
        } catch (RuntimeException e) {
            errors.add(new FieldError(where + column.header(), e.getMessage() == null ? "cannot be read: " + value : e.getMessage()));
            return null;
        }
    }

    private static Integer integer(String v) {
        String s = v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
    }

    private static LocalDate date(String v) {
        try {
            return LocalDate.parse(v.replace('/', '-').replace('.', '-').replaceAll("-(\\d)(?=-|$)", "-0$1"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + v + "' is not a date (2021-12-01)");
        }
    }

    /** 全国/省/市/县/乡 (or the full label, or the code). */
    private static DeputyLevel level(String v) {
        for (DeputyLevel level : DeputyLevel.values()) {
            if (level.name().equalsIgnoreCase(v) || level.label().equals(v)) {
                return level;
            }
        }
        if (v.startsWith("全国")) {
            return DeputyLevel.NATIONAL;
        }
        return switch (v.substring(0, 1)) {
            case "省" -> DeputyLevel.PROVINCIAL;
            case "市", "州" -> DeputyLevel.CITY;
            case "县", "区" -> DeputyLevel.COUNTY;
            case "乡", "镇" -> DeputyLevel.TOWNSHIP;
            default -> throw new IllegalArgumentException("'" + v + "' is not a level: 全国, 省, 市, 县 or 乡");
        };
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v;
    }

}
