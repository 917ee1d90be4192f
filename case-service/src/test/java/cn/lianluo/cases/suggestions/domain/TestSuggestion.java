package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A suggestion of 芙蓉区 (430102) as {@link SuggestionLoop#decide} reads it, with the units it may name; counts unit lookups. */
record TestSuggestion(SuggestionInput input, LocalDate today, LocalDate replyDue, int extensionMonths,
                      List<UUID> lookedUp) implements SuggestionContext {

    static final RegionCode REGION = RegionCode.of("430102");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 31);
    static final UUID HANDLER_UNIT = UUID.randomUUID();

    static final AnsweringUnit COUNTY_UNIT = new AnsweringUnit(UUID.randomUUID(), "芙蓉区住建局", REGION);
    static final AnsweringUnit CITY_UNIT = new AnsweringUnit(UUID.randomUUID(), "长沙市住建局", RegionCode.of("4301"));
    static final AnsweringUnit TOWNSHIP_UNIT = new AnsweringUnit(UUID.randomUUID(), "定王台街道", RegionCode.of("430102001"));
    static final AnsweringUnit OTHER_COUNTY_UNIT = new AnsweringUnit(UUID.randomUUID(), "天心区住建局", RegionCode.of("430103"));
    private static final Map<UUID, AnsweringUnit> UNITS = Map.of(COUNTY_UNIT.id(), COUNTY_UNIT, CITY_UNIT.id(), CITY_UNIT,
            TOWNSHIP_UNIT.id(), TOWNSHIP_UNIT, OTHER_COUNTY_UNIT.id(), OTHER_COUNTY_UNIT);

    /** Today, the reply due in a month, 2 months of extension asked. */
    static TestSuggestion with(SuggestionInput input) {
        return new TestSuggestion(input, TODAY, TODAY.plusMonths(1), 2, new ArrayList<>());
    }

    static SuggestionInput nothing() {
        return SuggestionInput.empty();
    }

    static SuggestionInput assign(UUID lead, UUID... co) {
        return new SuggestionInput(lead, List.of(co), null, null, null, null, null);
    }

    static SuggestionInput answer(String content, Grade grade) {
        return new SuggestionInput(null, null, content, grade, null, null, null);
    }

    static SuggestionInput rating(Satisfaction satisfaction) {
        return new SuggestionInput(null, null, null, null, satisfaction, null, null);
    }

    static SuggestionInput months(Integer months) {
        return new SuggestionInput(null, null, null, null, null, months, null);
    }

    static SuggestionInput note(String note) {
        return new SuggestionInput(null, null, null, null, null, null, note);
    }

    /** Every field given: a command the state allows never lacks one. */
    static SuggestionInput everything() {
        return new SuggestionInput(COUNTY_UNIT.id(), List.of(CITY_UNIT.id()), "答复", Grade.A, Satisfaction.SATISFIED, 1, "备注");
    }

    TestSuggestion replyDueOn(LocalDate due) {
        return new TestSuggestion(input, today, due, extensionMonths, lookedUp);
    }

    @Override
    public RegionCode region() {
        return REGION;
    }

    @Override
    public UUID actingUnitId() {
        return HANDLER_UNIT;
    }

    @Override
    public AnsweringUnit unit(UUID id) {
        lookedUp.add(id);
        AnsweringUnit u = UNITS.get(id);
        if (u == null) {
            throw ProblemException.unprocessable("unknown-unit", "leadUnitId", "unit " + id + " does not exist");
        }
        return u;
    }
}
