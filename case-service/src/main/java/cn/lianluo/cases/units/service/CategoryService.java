package cn.lianluo.cases.units.service;

import cn.lianluo.cases.units.persistence.CategoryEntity;
import cn.lianluo.cases.units.persistence.UnitRepositories;
import cn.lianluo.common.data.SeedRows;
import cn.lianluo.common.data.StartupLock;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;
import cn.lianluo.common.security.Caller;
import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The case categories (分级分类) as reference data: the shipped list loads at every start, whatever demo data there is,
 * adding only what is missing; an ADMIN of a province adds a category or changes one's name or level, with an event.
 */
@ApplicationScoped
public class CategoryService {

    private static final Logger LOG = Logger.getLogger(CategoryService.class);
    static final String SHIPPED = "reference/categories.csv";
    /** Upper-case letters, digits and underscores, as the shipped codes (MEDICAL_INSURANCE). */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    @Schema(name = "CaseCategoryRequest", description = "A category's name and the level of government responsible for it.")
    public record CategoryRequest(@NotBlank @Size(max = 60) @Schema(examples = "农村人居环境") String name,
                                  @NotNull @Schema(description = "PROVINCE, CITY, COUNTY or TOWNSHIP") RegionLevel level) {
    }

    /** What a change did. */
    public record Changed(UnitService.Category category, boolean created) {
    }

    private final UnitRepositories.Categories categories;
    private final EntityManager em;
    private final Outbox outbox;
    private final StartupLock startupLock;

    public CategoryService(UnitRepositories.Categories categories, EntityManager em, Outbox outbox, StartupLock startupLock) {
        this.categories = categories;
        this.em = em;
        this.outbox = outbox;
        this.startupLock = startupLock;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        // replicas starting together load one after the other (the second finds everything there)
        startupLock.run("lianluo-reference", () -> LOG.infof("reference categories: %d new", loadShipped()));
    }

    /** Adds the shipped categories that are missing; one an ADMIN changed stays as it is. */
    @Transactional
    @CacheInvalidateAll(cacheName = "categories")
    public int loadShipped() {
        return SeedRows.insertAll(em, "INSERT INTO category (code, name, level) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                SeedRows.csvResource(SHIPPED), (statement, row) -> {
                    statement.setString(1, row[0].strip());
                    statement.setString(2, row[1].strip());
                    statement.setString(3, RegionLevel.valueOf(row[2].strip()).name());
                });
    }

    /** Creates the category or changes its name and level; only an ADMIN of a whole province (the list serves all its regions). */
    @Transactional
    @CacheInvalidateAll(cacheName = "categories")
    public Changed put(String rawCode, CategoryRequest request, Caller caller) {
        String code = rawCode == null ? "" : rawCode.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "2 to 40 upper-case letters, digits or underscores, starting with a letter");
        }
        if (request.level() == RegionLevel.VILLAGE) {
            throw ProblemException.unprocessable("category-level", "level",
                    "a village is no level of government; PROVINCE, CITY, COUNTY or TOWNSHIP");
        }
        RegionCode scope = caller.region();
        if (scope.level() != RegionLevel.PROVINCE) {
            throw ProblemException.forbidden("the categories serve every region of the province: only an ADMIN of a "
                    + "province changes them, not one of " + scope);
        }
        CategoryEntity category = categories.findById(code);
        boolean created = category == null;
        String previousName = created ? null : category.name;
        String previousLevel = created ? null : category.level;
        if (created) {
            category = new CategoryEntity();
            category.code = code;
        }
        category.name = request.name().strip();
        category.level = request.level().name();
        categories.persist(category);
        if (created || !category.name.equals(previousName) || !category.level.equals(previousLevel)) {
            // the category as it is now, and as it was (null for a new one)
            outbox.add(CaseEvents.CATEGORY_CHANGED, code, scope,
                    new CaseEvents.CategoryChanged(code, category.name, category.level, previousName, previousLevel));
        }
        return new Changed(new UnitService.Category(category.code, category.name, category.level), created);
    }
}
