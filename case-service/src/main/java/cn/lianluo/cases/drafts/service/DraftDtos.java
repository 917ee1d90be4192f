package cn.lianluo.cases.drafts.service;

import cn.lianluo.cases.cases.service.CaseDtos;
import cn.lianluo.cases.drafts.domain.Assessment;
import cn.lianluo.cases.moderation.domain.ModerationState;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The API's shapes for 立法意见征集: a draft law, its comments, their assessment and the compiled report. */
public final class DraftDtos {

    private DraftDtos() {
    }

    public record DraftRequest(@NotBlank @Size(max = 200) String title,
                               @NotBlank @Size(max = 100) @Schema(description = "the body that asks, e.g. 湖南省人大常委会") String legislature,
                               @NotBlank @Schema(description = "行政区划代码: where comments are collected") String regionCode,
                               @NotNull LocalDate opensOn,
                               @NotNull @Schema(description = "the last day comments are taken") LocalDate closesOn,
                               @NotEmpty @Size(max = 500) @Schema(description = "the articles (条), in order") List<@NotBlank @Size(max = 5000) String> articles) {
    }

    @Schema(name = "DraftArticle", description = "An article (条) of a draft law")
    public record Article(int number, String text) {
    }

    public record DraftView(UUID id, String title, String legislature, String regionCode, LocalDate opensOn, LocalDate closesOn,
                            @Schema(description = "whether comments are taken today") boolean open, List<Article> articles,
                            Instant publishedAt) {
    }

    /** A comment: a DEPUTY's token comments as the deputy; without a token a citizen gives a phone (and a name if they like). */
    public record CommentRequest(@Schema(description = "the article (条) commented on; absent: the whole draft") Integer article,
                                 @NotBlank @Size(max = 5000) String text,
                                 @Size(max = 50) @Schema(description = "a citizen's name, optional") String name,
                                 @Pattern(regexp = CaseDtos.PHONE, message = CaseDtos.PHONE_MESSAGE)
                                 @Schema(description = "a citizen's phone, required without a token; never shown") String phone,
                                 @Schema(description = "a citizen's region (default: the draft's), inside the draft's") String regionCode,
                                 @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z.\\-]+", message = "letters, digits, dots and dashes")
                                 @Schema(description = "a citizen's comment: the version of the notice on personal data "
                                         + "(个人信息处理告知) they agreed to before giving a phone, recorded with the time (PIPL "
                                         + "art. 14, 17) as a case's; required without a token (422 consent-required), ignored "
                                         + "for a deputy", examples = "2026-12-01") String consentedNotice) {

        public CommentRequest(Integer article, String text, String name, String phone, String regionCode) {
            this(article, text, name, phone, regionCode, null);
        }
    }

    /**
     * A comment as its reader may see it: the public sees approved text and whether a deputy or a citizen wrote it; staff
     * in scope see the moderation state, the masked phone, the merge and the assessment.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DraftCommentView", requiredProperties = {"id", "draftId", "text", "regionCode", "by", "at"},
            extensions = @Extension(name = "x-absent-when-null", value = "true", parseValue = true),
            description = "A comment on a draft law; a field its reader may not see, or that has no value, is left out")
    public record CommentView(UUID id, UUID draftId, Integer article, String text, String regionCode,
                              @Schema(description = "DEPUTY or CITIZEN") String by, UUID deputyId, String phoneMasked,
                              ModerationState moderation, UUID mergedInto, Assessment assessment, String assessmentLabel,
                              String assessmentReason, Instant at) {
    }

    @Schema(name = "DraftCommentMerge")
    public record Merge(@NotNull @Schema(description = "the comment that survives") UUID into) {
    }

    @Schema(name = "DraftCommentAssessment")
    public record AssessmentRequest(@Schema(description = "ADOPTED 采纳, PARTLY_ADOPTED 部分采纳 or NOT_ADOPTED 未采纳") Assessment assessment,
                                    @Schema(description = "why; required") String reason) {
    }

    @Schema(name = "DraftRegionCount")
    public record RegionCount(String regionCode, long comments) {
    }

    /** One article's part of the 汇总 (article 0 = the whole draft): its surviving comments and how they were assessed. */
    @Schema(name = "DraftArticleSummary")
    public record ArticleSummary(int article, String text, long comments, long merged, long adopted, long partlyAdopted,
                                 long notAdopted, List<CommentView> items) {
    }

    @Schema(name = "DraftSummary", description = "意见汇总: the draft and its comments per article, in the caller's scope")
    public record Summary(DraftView draft, String scope, List<ArticleSummary> articles) {
    }
}
