package cn.lianluo.cases.units.service;

import cn.lianluo.cases.units.persistence.UnitEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;
import cn.lianluo.common.security.Caller;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 承办单位 and the categories (分级分类). */
@ApplicationScoped
public class UnitService {

    /** What a unit is. */
    public enum UnitKind { DEPARTMENT, TOWNSHIP_GOVERNMENT, ENTERPRISE, OTHER }

    @Schema(name = "UnitView", description = "A handling unit 承办单位.")
    public record UnitView(UUID id, String name, String regionCode,
                           @Schema(implementation = RegionLevel.class, type = SchemaType.STRING, description = "the level of its region") String level,
                           @Schema(ref = "UnitKind") String kind) {
    }

    public record UnitRequest(String name, String regionCode, UnitKind kind) {
    }

    @Schema(name = "CaseCategory", description = "A case category 分级分类 and the level responsible for it.")
    public record Category(String code, String name, @Schema(implementation = RegionLevel.class, type = SchemaType.STRING) String level) {
    }

    private final UnitRepositories.Units units;
    private final UnitRepositories.Categories categories;

    public UnitService(UnitRepositories.Units units, UnitRepositories.Categories categories) {
        this.units = units;
        this.categories = categories;
    }

    /** Units of a region and above it: the township's government and the county, city and province departments. */
    @Transactional
    public Page<UnitView> list(RegionCode region, int page, int size) {
        List<String> chain = new java.util.ArrayList<>();
        for (var r = java.util.Optional.of(region); r.isPresent(); r = r.get().parent()) {
            chain.add(r.get().value());
        }
        var query = units.find("regionCode in ?1 or regionCode like ?2 order by length(regionCode), name", chain,
                region.likePattern()).page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(query.list().stream().map(UnitService::view).toList(), query.count(), page, size);
    }

    @Transactional
    public UnitView create(UnitRequest request, Caller caller, String seedKey) {
        RegionCode region = cn.lianluo.common.region.RegionCodes.field("regionCode", request.regionCode());
        if (caller != null) {
            caller.requireWithin(region);
        }
        if (region.level() == RegionLevel.VILLAGE) {
            throw ProblemException.unprocessable("unit-level", "regionCode", "a handling unit sits at township level or above");
        }
        UnitEntity unit = new UnitEntity();
        unit.id = seedKey == null ? UUID.randomUUID() : cn.lianluo.common.events.SeedIds.of("unit", seedKey);
        unit.seedKey = seedKey;
        unit.name = request.name().strip();
        unit.regionCode = region.value();
        unit.level = region.level().name();
        unit.kind = (request.kind() == null ? UnitKind.DEPARTMENT : request.kind()).name();
        units.persist(unit);
        return view(unit);
    }

    public UnitEntity require(UUID id, String field) {
        UnitEntity unit = units.findById(id);
        if (unit == null) {
            throw ProblemException.unprocessable("unknown-unit", field, "unit " + id + " does not exist");
        }
        return unit;
    }

    /** The categories, read once per replica and kept a short while (they change only with the seeds). */
    @CacheResult(cacheName = "categories")
    @Transactional
    public List<Category> categories() {
        return categories.listAll(io.quarkus.panache.common.Sort.by("code")).stream()
                .map(c -> new Category(c.code, c.name, c.level)).toList();
    }

    /** The category a submission names; an unknown one is a 422 (the body is well-formed, the code names nothing). */
    public Category category(String code) {
        return findCategory(code).orElseThrow(() -> ProblemException.unprocessable("unknown-category", "category",
                "'" + code + "' is not a category; see GET /api/v1/cases/categories"));
    }

    /** The category of a code in any case and with spaces around it, if there is one. */
    public Optional<Category> findCategory(String code) {
        String wanted = code == null ? null : code.strip().toUpperCase();
        return categories().stream().filter(c -> c.code().equals(wanted)).findFirst();
    }

    static UnitView view(UnitEntity u) {
        return new UnitView(u.id, u.name, u.regionCode, u.level, u.kind);
    }

    public static UnitView viewOf(UnitEntity u) {
        return view(u);
    }
}
