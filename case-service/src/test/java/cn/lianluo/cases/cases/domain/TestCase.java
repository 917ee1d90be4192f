package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseContext.OtherCase;
import cn.lianluo.common.calendar.CalendarDay;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A case of 芙蓉区 (430102) as {@link CaseLoop#decide} reads it, with the units it may name; counts unit lookups. */
final class TestCase implements CaseContext {

    static final RegionCode REGION = RegionCode.of("430102");
    static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    static final HandlingUnit COUNTY_UNIT = new HandlingUnit(UUID.randomUUID(), "芙蓉区住建局", REGION, RegionLevel.COUNTY);
    static final HandlingUnit CITY_UNIT = new HandlingUnit(UUID.randomUUID(), "长沙市住建局", RegionCode.of("4301"),
            RegionLevel.CITY);
    static final HandlingUnit TOWNSHIP_UNIT = new HandlingUnit(UUID.randomUUID(), "定王台街道", RegionCode.of("430102001"),
            RegionLevel.TOWNSHIP);
    static final HandlingUnit OTHER_COUNTY_UNIT = new HandlingUnit(UUID.randomUUID(), "天心区住建局", RegionCode.of("430103"),
            RegionLevel.COUNTY);
    static final HandlingUnit COUNTY_TRANSPORT_UNIT = new HandlingUnit(UUID.randomUUID(), "芙蓉区交通运输局", REGION,
            RegionLevel.COUNTY);
    /** The case the command is given to, and other cases a merge may name. */
    static final UUID SELF = UUID.randomUUID();
    static final OtherCase OPEN_CASE = new OtherCase(UUID.randomUUID(), CaseStatus.IN_PROGRESS, RegionCode.of("430102001"));
    static final OtherCase CLOSED_CASE = new OtherCase(UUID.randomUUID(), CaseStatus.CLOSED, REGION);
    static final OtherCase MERGED_CASE = new OtherCase(UUID.randomUUID(), CaseStatus.MERGED, REGION);
    static final OtherCase OTHER_COUNTY_CASE = new OtherCase(UUID.randomUUID(), CaseStatus.RECEIVED, RegionCode.of("430103"));
    /** Weekends, and 清明 2026 (4–6 April) off. */
    static final WorkingCalendar CALENDAR = new WorkingCalendar(List.of(
            new CalendarDay(LocalDate.of(2026, 4, 4), false, "清明节"),
            new CalendarDay(LocalDate.of(2026, 4, 5), false, "清明节"),
            new CalendarDay(LocalDate.of(2026, 4, 6), false, "清明节")));

    private final CommandInput input;
    private final UUID currentUnit;
    private final Optional<OpenDeadline> open;
    private final int originalSpan;
    private Instant now = NOW;
    private Instant assignedAt = NOW;
    private RegionLevel categoryLevel = RegionLevel.TOWNSHIP;
    private final Map<UUID, HandlingUnit> units = new HashMap<>();
    private final Map<UUID, OtherCase> cases = new HashMap<>();
    final List<UUID> lookedUp = new ArrayList<>();

    TestCase(CommandInput input, UUID currentUnit, Optional<OpenDeadline> open, int originalSpan) {
        this.input = input;
        this.currentUnit = currentUnit;
        this.open = open;
        this.originalSpan = originalSpan;
        for (HandlingUnit u : List.of(COUNTY_UNIT, CITY_UNIT, TOWNSHIP_UNIT, OTHER_COUNTY_UNIT, COUNTY_TRANSPORT_UNIT)) {
            units.put(u.id(), u);
        }
        for (OtherCase c : List.of(OPEN_CASE, CLOSED_CASE, MERGED_CASE, OTHER_COUNTY_CASE,
                new OtherCase(SELF, CaseStatus.RECEIVED, REGION))) {
            cases.put(c.id(), c);
        }
    }

    /** Handled by the county unit, its handling deadline due in five days, a handling limit of 15 working days. */
    static TestCase handled(CommandInput input) {
        return new TestCase(input, COUNTY_UNIT.id(), Optional.of(handlingDueIn(5)), 15);
    }

    /** The case came to its unit at {@code assignedAt}; the command is given at {@code now}. */
    TestCase assignedAt(Instant assignedAt, Instant now) {
        this.assignedAt = assignedAt;
        this.now = now;
        return this;
    }

    /** The case's category is a matter of this level (分级分类); by default a township's. */
    TestCase categoryLevel(RegionLevel level) {
        this.categoryLevel = level;
        return this;
    }

    static OpenDeadline handlingDueIn(int days) {
        Instant due = NOW.plusSeconds(days * 86_400L);
        return new OpenDeadline(Stage.HANDLE, LocalDate.of(2026, 3, 10).plusDays(days), due);
    }

    static CommandInput nothing() {
        return CommandInput.empty();
    }

    static CommandInput content(String content) {
        return new CommandInput(content, null, null, null, null, null, null);
    }

    static CommandInput unit(UUID unitId, String note) {
        return new CommandInput(null, unitId, note, null, null, null, null);
    }

    static CommandInput satisfaction(Satisfaction satisfaction) {
        return new CommandInput(null, null, null, null, satisfaction, null, null);
    }

    static CommandInput reason(String reason) {
        return new CommandInput(null, null, null, null, null, reason, null);
    }

    static CommandInput mergeInto(UUID caseId) {
        return new CommandInput(null, null, null, null, null, null, null, false, caseId);
    }

    static CommandInput extension(int days) {
        return new CommandInput(null, null, null, null, null, "材料待补", days);
    }

    @Override
    public CommandInput input() {
        return input;
    }

    @Override
    public RegionCode region() {
        return REGION;
    }

    @Override
    public HandlingUnit currentUnit() {
        return unit(currentUnit);
    }

    @Override
    public HandlingUnit unit(UUID id) {
        lookedUp.add(id);
        HandlingUnit u = units.get(id);
        if (u == null) {
            throw ProblemException.unprocessable("unknown-unit", "unitId", "unit " + id + " does not exist");
        }
        return u;
    }

    @Override
    public Optional<OpenDeadline> openDeadline() {
        return open;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Optional<RegionLevel> categoryLevel() {
        return Optional.ofNullable(categoryLevel);
    }

    @Override
    public Instant assignedAt() {
        return assignedAt;
    }

    @Override
    public WorkingCalendar calendar() {
        return CALENDAR;
    }

    @Override
    public UUID caseId() {
        return SELF;
    }

    @Override
    public OtherCase otherCase(UUID id) {
        OtherCase c = cases.get(id);
        if (c == null) {
            throw ProblemException.unprocessable("unknown-case", "intoCaseId", "case " + id + " does not exist");
        }
        return c;
    }

    @Override
    public int originalHandlingSpan() {
        return originalSpan;
    }
}
