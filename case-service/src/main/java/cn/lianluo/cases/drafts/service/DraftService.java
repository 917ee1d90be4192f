package cn.lianluo.cases.drafts.service;

import cn.lianluo.cases.cases.service.CitizenCipher;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.drafts.domain.Assessment;
import cn.lianluo.cases.drafts.domain.CommentWindow;
import cn.lianluo.cases.drafts.service.DraftDtos.Article;
import cn.lianluo.cases.drafts.service.DraftDtos.ArticleSummary;
import cn.lianluo.cases.drafts.service.DraftDtos.AssessmentRequest;
import cn.lianluo.cases.drafts.service.DraftDtos.CommentRequest;
import cn.lianluo.cases.drafts.service.DraftDtos.CommentView;
import cn.lianluo.cases.drafts.service.DraftDtos.DraftRequest;
import cn.lianluo.cases.drafts.service.DraftDtos.DraftView;
import cn.lianluo.cases.drafts.service.DraftDtos.RegionCount;
import cn.lianluo.cases.drafts.service.DraftDtos.Summary;
import cn.lianluo.cases.moderation.domain.ModerationState;
import cn.lianluo.cases.moderation.service.ModerationService;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.privacy.Masking;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * 立法意见征集 (基层立法联系点): a SUPERVISOR publishes a legislature's draft law for a region; while it is open citizens
 * (with a phone, no sign-in) and deputies comment on an article or on the whole draft, screened like all public text;
 * staff in scope merge duplicates and assess each comment with a reason, and compile the 汇总 the station forwards.
 */
@ApplicationScoped
public class DraftService {

    private static final List<String> STAFF = List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF);
    private static final String COMMENT_COLUMNS = "id, draft_id, article, text, region_code, by_deputy, phone_sealed, moderation, "
            + "merged_into, assessment, assessment_reason, at";

    private final EntityManager em;
    private final Outbox outbox;
    private final CaseClock clock;
    private final CitizenCipher cipher;
    private final ModerationService moderation;

    public DraftService(EntityManager em, Outbox outbox, CaseClock clock, CitizenCipher cipher, ModerationService moderation) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.cipher = cipher;
        this.moderation = moderation;
    }

    /** A draft as stored: the rows of {@code draft_law} and its articles. */
    private record Draft(UUID id, String title, String legislature, RegionCode region, CommentWindow window, List<Article> articles,
                         Instant publishedAt) {
    }

    /** Publishes a draft for the caller's region or one inside it. */
    @Transactional
    public DraftView publish(DraftRequest request, Caller caller) {
        RegionCode region = RegionCode.of(request.regionCode());
        caller.requireWithin(region);
        CommentWindow window = new CommentWindow(request.opensOn(), request.closesOn());
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        em.createNativeQuery("INSERT INTO draft_law (id, title, legislature, region_code, opens_on, closes_on, published_by, published_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, request.title().strip()).setParameter(3, request.legislature().strip())
                .setParameter(4, region.value()).setParameter(5, window.opensOn()).setParameter(6, window.closesOn())
                .setParameter(7, caller.subject()).setParameter(8, now).executeUpdate();
        List<Article> articles = new ArrayList<>();
        for (String text : request.articles()) {
            Article article = new Article(articles.size() + 1, text.strip());
            em.createNativeQuery("INSERT INTO draft_article (draft_id, number, text) VALUES (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, article.number()).setParameter(3, article.text()).executeUpdate();
            articles.add(article);
        }
        Draft draft = new Draft(id, request.title().strip(), request.legislature().strip(), region, window, articles, now);
        publishEvent(draft, "published", caller.primaryRole(), null, null, null, null, null, null);
        return view(draft);
    }

    /**
     * Drafts that concern {@code region}: those collected in it or in a region around it, and those inside it. The public
     * sees the open ones only; staff those of every date ({@code openOnly} false).
     */
    @Transactional
    public List<DraftView> list(RegionCode region, boolean openOnly) {
        var query = em.createNativeQuery("SELECT id FROM draft_law WHERE (region_code LIKE :inside OR :region LIKE region_code || '%') "
                        + (openOnly ? "AND opens_on <= :today AND closes_on >= :today " : "") + "ORDER BY closes_on DESC, id")
                .setParameter("inside", region.likePattern()).setParameter("region", region.value());
        if (openOnly) {
            query.setParameter("today", clock.today());
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        List<DraftView> views = new ArrayList<>();
        ids.forEach(id -> views.add(view(load(id))));
        return views;
    }

    /**
     * A draft: anyone may read an open one; a closed or future one is for staff whose region meets it. Staff of another
     * region read it as the public does (a token never shows less than none).
     */
    @Transactional
    public DraftView get(UUID id, Caller caller) {
        Draft draft = load(id);
        if (!draft.window().isOpen(clock.today()) && !meets(draft, caller)) {
            throw ProblemException.notFound("draft law", id);
        }
        return view(draft);
    }

    /** A comment while the draft is open: as the deputy of a DEPUTY token, else as a citizen who gives a phone. */
    @Transactional
    public CommentView comment(UUID draftId, CommentRequest request, Caller caller) {
        Draft draft = load(draftId);
        draft.window().requireOpen(clock.today());
        Integer article = request.article();
        if (article != null && (article < 1 || article > draft.articles().size())) {
            throw ProblemException.unprocessable("unknown-article", "article", "this draft has articles 1 to " + draft.articles().size());
        }
        boolean deputy = caller != null && caller.hasRole(Roles.DEPUTY);
        UUID deputyId = null;
        RegionCode region;
        String phoneSealed = null;
        String phoneHash = null;
        String nameSealed = null;
        String consented = null;
        if (deputy) {
            deputyId = caller.deputyId().map(UUID::fromString)
                    .orElseThrow(() -> ProblemException.forbidden("a deputy's token names its deputy (deputyId)"));
            region = caller.region();
            if (!draft.region().contains(region) && !region.contains(draft.region())) {
                throw ProblemException.forbidden("this draft is collected in " + draft.region() + ", outside your region " + region);
            }
        } else {
            if (request.phone() == null || request.phone().isBlank()) {
                throw ProblemException.invalid("phone", "a citizen's comment gives their phone (it is never shown)");
            }
            if (request.consentedNotice() == null || request.consentedNotice().isBlank()) {
                throw ProblemException.unprocessable("consent-required", "consentedNotice",
                        "agree to the notice on personal data (个人信息处理告知) before giving a phone: name the version agreed to");
            }
            consented = request.consentedNotice().strip();
            region = request.regionCode() == null || request.regionCode().isBlank() ? draft.region() : RegionCodes.field("regionCode", request.regionCode());
            if (!draft.region().contains(region)) {
                throw ProblemException.unprocessable("region-outside-draft", "regionCode", "this draft is collected in " + draft.region());
            }
            String phone = request.phone().strip();
            phoneSealed = cipher.seal(phone, "citizen_phone");
            phoneHash = cipher.phoneHash(phone);
            nameSealed = request.name() == null || request.name().isBlank() ? null : cipher.seal(request.name().strip(), "citizen_name");
        }
        String text = request.text().strip();
        ModerationService.Screening screening = moderation.screen(deputy ? Roles.DEPUTY : null, text);
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        em.createNativeQuery("INSERT INTO draft_comment (id, draft_id, article, text, region_code, by_deputy, name_sealed, phone_sealed, "
                        + "phone_hash, moderation, at, consented_notice, consented_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")
                .setParameter(1, id).setParameter(2, draftId).setParameter(3, article).setParameter(4, text)
                .setParameter(5, region.value()).setParameter(6, deputyId).setParameter(7, nameSealed).setParameter(8, phoneSealed)
                .setParameter(9, phoneHash).setParameter(10, screening.state().name()).setParameter(11, now)
                .setParameter(12, consented).setParameter(13, consented == null ? null : now).executeUpdate();
        publishEvent(draft, "commented", deputy ? Roles.DEPUTY : "CITIZEN", id, article, region, deputyId, null, null);
        moderation.arrivedOnDraft(id, draftId, region, screening);
        return comment(id, caller, draft);
    }

    /**
     * The comments of a draft, oldest first: the public sees the approved ones of an open draft; staff see those of
     * their part of the draft (all, when their region holds the draft's) in every state; staff of another region see
     * what the public sees.
     */
    @Transactional
    public List<CommentView> comments(UUID draftId, Caller caller) {
        Draft draft = load(draftId);
        if (meets(draft, caller)) {
            return rows("WHERE draft_id = ?1 AND region_code LIKE ?2 ORDER BY at, id", draftId, scope(draft, caller).likePattern())
                    .stream().map(r -> view(r, true)).toList();
        }
        if (!draft.window().isOpen(clock.today())) {
            throw ProblemException.notFound("draft law", draftId);
        }
        return rows("WHERE draft_id = ?1 AND moderation = ?2 ORDER BY at, id", draftId, ModerationState.APPROVED.name())
                .stream().map(r -> view(r, false)).toList();
    }

    /**
     * Merges a duplicate into the comment that survives: the duplicate (and what was merged into it) points to it, and
     * only the survivor is assessed and counted in the 汇总.
     */
    @Transactional
    public CommentView merge(UUID draftId, UUID commentId, UUID into, Caller caller) {
        Draft draft = load(draftId);
        RegionCode scope = scope(draft, caller);
        Object[] duplicate = requireComment(draftId, commentId, scope);
        Object[] survivor = requireComment(draftId, into, scope);
        if (commentId.equals(into)) {
            throw ProblemException.unprocessable("merge-into-itself", "into", "a comment is not merged into itself");
        }
        if (duplicate[8] != null) {
            throw ProblemException.conflict("already-merged", "this comment is merged into " + duplicate[8] + " already");
        }
        if (survivor[8] != null) {
            throw ProblemException.conflict("merged-target", "the comment " + into + " is merged into " + survivor[8] + "; merge into that one");
        }
        em.createNativeQuery("UPDATE draft_comment SET merged_into = ?1 WHERE id = ?2 OR merged_into = ?2")
                .setParameter(1, into).setParameter(2, commentId).executeUpdate();
        return comment(commentId, caller, draft);
    }

    /** 采纳 / 部分采纳 / 未采纳 with the reason; a merged comment is assessed through its survivor (409). */
    @Transactional
    public CommentView assess(UUID draftId, UUID commentId, AssessmentRequest request, Caller caller) {
        if (request == null || request.assessment() == null) {
            throw ProblemException.invalid("assessment", "ADOPTED, PARTLY_ADOPTED or NOT_ADOPTED");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.invalid("reason", "an assessment gives its reason");
        }
        Draft draft = load(draftId);
        Object[] row = requireComment(draftId, commentId, scope(draft, caller));
        if (row[8] != null) {
            throw ProblemException.conflict("already-merged", "this comment is merged into " + row[8] + "; assess that one");
        }
        String reason = request.reason().strip();
        em.createNativeQuery("UPDATE draft_comment SET assessment = ?1, assessment_reason = ?2, assessed_by = ?3, assessed_at = ?4 "
                        + "WHERE id = ?5").setParameter(1, request.assessment().name()).setParameter(2, reason)
                .setParameter(3, caller.subject()).setParameter(4, clock.now()).setParameter(5, commentId).executeUpdate();
        publishEvent(draft, "assessed", caller.primaryRole(), commentId, (Integer) row[2], RegionCode.of((String) row[4]),
                (UUID) row[5], request.assessment(), reason);
        return comment(commentId, caller, draft);
    }

    /** Comments per region of the commenters (hidden ones and merged duplicates not counted), in the caller's part of the draft. */
    @Transactional
    public List<RegionCount> regionCounts(UUID draftId, Caller caller) {
        RegionCode scope = scope(load(draftId), caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT region_code, count(*) FROM draft_comment WHERE draft_id = ?1 "
                        + "AND region_code LIKE ?2 AND moderation <> 'HIDDEN' AND merged_into IS NULL GROUP BY region_code ORDER BY region_code")
                .setParameter(1, draftId).setParameter(2, scope.likePattern()).getResultList();
        return rows.stream().map(r -> new RegionCount((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /**
     * The 汇总: per article (0 = the whole draft) the surviving comments not hidden, with how many duplicates were merged
     * into them and how they were assessed.
     */
    @Transactional
    public Summary summary(UUID draftId, Caller caller) {
        Draft draft = load(draftId);
        RegionCode scope = scope(draft, caller);
        List<Object[]> rows = rows("WHERE draft_id = ?1 AND region_code LIKE ?2 AND moderation <> 'HIDDEN' ORDER BY article NULLS FIRST, at, id",
                draftId, scope.likePattern());
        List<ArticleSummary> articles = new ArrayList<>();
        List<Article> parts = new ArrayList<>();
        parts.add(new Article(0, "对草案的整体意见"));
        parts.addAll(draft.articles());
        for (Article part : parts) {
            Integer number = part.number() == 0 ? null : part.number();
            List<Object[]> mine = rows.stream().filter(r -> Objects.equals(r[2], number)).toList();
            List<CommentView> surviving = mine.stream().filter(r -> r[8] == null).map(r -> view(r, true)).toList();
            articles.add(new ArticleSummary(part.number(), part.text(), surviving.size(), mine.size() - surviving.size(),
                    count(surviving, Assessment.ADOPTED), count(surviving, Assessment.PARTLY_ADOPTED),
                    count(surviving, Assessment.NOT_ADOPTED), surviving));
        }
        return new Summary(view(draft), scope.value(), articles);
    }

    private static long count(List<CommentView> comments, Assessment assessment) {
        return comments.stream().filter(c -> c.assessment() == assessment).count();
    }

    /**
     * The part of a draft staff act on: all of it when their region holds the draft's, the comments of their region when
     * the draft's holds theirs; 403 for staff elsewhere and anyone else.
     */
    private static RegionCode scope(Draft draft, Caller caller) {
        if (!isStaff(caller)) {
            throw ProblemException.forbidden("compiling a draft's comments is for staff (ADMIN, SUPERVISOR, STATION_STAFF)");
        }
        RegionCode mine = caller.region();
        if (!meets(draft, caller)) {
            throw ProblemException.forbidden("draft region " + draft.region() + " lies outside your scope " + mine);
        }
        return mine.contains(draft.region()) ? draft.region() : mine;
    }

    /** Whether the caller is staff whose region holds the draft's or lies inside it. */
    private static boolean meets(Draft draft, Caller caller) {
        if (!isStaff(caller)) {
            return false;
        }
        RegionCode mine = caller.region();
        return mine.contains(draft.region()) || draft.region().contains(mine);
    }

    private static boolean isStaff(Caller caller) {
        return caller != null && caller.isAuthenticated() && STAFF.stream().anyMatch(caller::hasRole);
    }

    private Draft load(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, title, legislature, region_code, opens_on, closes_on, published_at "
                + "FROM draft_law WHERE id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("draft law", id);
        }
        Object[] r = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> articles = em.createNativeQuery("SELECT number, text FROM draft_article WHERE draft_id = ?1 ORDER BY number")
                .setParameter(1, id).getResultList();
        return new Draft((UUID) r[0], (String) r[1], (String) r[2], RegionCode.of((String) r[3]),
                new CommentWindow(date(r[4]), date(r[5])), articles.stream()
                .map(a -> new Article(((Number) a[0]).intValue(), (String) a[1])).toList(), instant(r[6]));
    }

    private Object[] requireComment(UUID draftId, UUID id, RegionCode scope) {
        List<Object[]> rows = rows("WHERE id = ?1 AND draft_id = ?2 FOR UPDATE", id, draftId);
        if (rows.isEmpty()) {
            throw ProblemException.notFound("comment", id);
        }
        Object[] row = rows.get(0);
        if (!scope.contains(RegionCode.of((String) row[4]))) {
            throw ProblemException.forbidden("the comment's region " + row[4] + " lies outside your scope " + scope);
        }
        return row;
    }

    private CommentView comment(UUID id, Caller caller, Draft draft) {
        Object[] row = rows("WHERE id = ?1", id).get(0);
        return view(row, isStaff(caller) && caller.covers(RegionCode.of((String) row[4])));
    }

    private List<Object[]> rows(String where, Object... parameters) {
        var query = em.createNativeQuery("SELECT " + COMMENT_COLUMNS + " FROM draft_comment " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    /** A comment for its reader: staff see the masked phone, the state, the merge and the assessment; the public the text. */
    private CommentView view(Object[] r, boolean staff) {
        Assessment assessment = staff && r[9] != null ? Assessment.valueOf((String) r[9]) : null;
        String phone = staff && r[6] != null ? Masking.phone(cipher.open((String) r[6], "citizen_phone")) : null;
        return new CommentView((UUID) r[0], (UUID) r[1], (Integer) r[2], (String) r[3], (String) r[4], r[5] == null ? "CITIZEN" : "DEPUTY",
                (UUID) r[5], phone, staff ? ModerationState.valueOf((String) r[7]) : null, staff ? (UUID) r[8] : null, assessment,
                assessment == null ? null : assessment.label(), staff ? (String) r[10] : null, instant(r[11]));
    }

    private DraftView view(Draft d) {
        return new DraftView(d.id(), d.title(), d.legislature(), d.region().value(), d.window().opensOn(), d.window().closesOn(),
                d.window().isOpen(clock.today()), d.articles(), d.publishedAt());
    }

    private void publishEvent(Draft d, String action, String role, UUID commentId, Integer article, RegionCode commenterRegion,
                              UUID deputyId, Assessment assessment, String reason) {
        outbox.add(CaseEvents.type("draft-" + action), d.id().toString(), d.region(),
                new CaseEvents.DraftData(d.id(), action, role, clock.now(), d.region().value(), d.title(), d.legislature(),
                        d.window().opensOn(), d.window().closesOn(), d.articles().size(), commentId, article,
                        commenterRegion == null ? null : commenterRegion.value(), deputyId,
                        assessment == null ? null : assessment.name(), reason));
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
