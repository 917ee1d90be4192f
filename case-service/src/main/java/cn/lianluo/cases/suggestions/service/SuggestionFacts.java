package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.suggestions.domain.SuggestionContext;
import cn.lianluo.cases.suggestions.domain.SuggestionInput;
import cn.lianluo.cases.suggestions.persistence.SuggestionEntity;
import cn.lianluo.cases.units.persistence.UnitEntity;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.region.RegionCode;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored suggestion as the loop's rules read it: units are looked up only when a rule asks (an unknown one is 422
 * {@code unknown-unit} on {@code leadUnitId} or {@code coUnitIds}).
 */
record SuggestionFacts(SuggestionEntity s, SuggestionInput input, LocalDate today, Optional<String> callerUnit,
                       UnitService units) implements SuggestionContext {

    @Override
    public RegionCode region() {
        return RegionCode.of(s.regionCode);
    }

    @Override
    public LocalDate replyDue() {
        return s.replyDue;
    }

    @Override
    public int extensionMonths() {
        return s.extensionMonths;
    }

    /** Read only by a co-handling unit's answer, whose caller {@link SuggestionPermissions} has found to be one. */
    @Override
    public UUID actingUnitId() {
        return callerUnit.map(UUID::fromString).orElseThrow();
    }

    @Override
    public AnsweringUnit unit(UUID id) {
        UnitEntity u = units.require(id, id.equals(input.leadUnitId()) ? "leadUnitId" : "coUnitIds");
        return new AnsweringUnit(u.id, u.name, RegionCode.of(u.regionCode));
    }
}
