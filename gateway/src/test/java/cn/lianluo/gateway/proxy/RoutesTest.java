package cn.lianluo.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RoutesTest {

    @Test
    void every_first_segment_has_its_owner() {
        assertThat(Routes.owner("/api/v1/regions/43")).contains(Routes.Service.STATION);
        assertThat(Routes.owner("/api/v1/activities")).contains(Routes.Service.STATION);
        assertThat(Routes.owner("/api/v1/groups/x/members")).contains(Routes.Service.DEPUTY);
        assertThat(Routes.owner("/api/v1/livelihood-projects/x/votes")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/deadline-policies/43")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/points/ranking")).contains(Routes.Service.SCORING);
        assertThat(Routes.owner("/api/v1/moderation")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/draft-laws/x/summary.xlsx")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/moderation/PROJECT/x/hide")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/files")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/files/abc")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/inbox/unread-count")).contains(Routes.Service.NOTIFICATION);
        assertThat(Routes.owner("/api/v1/webhooks/x/dead-letters")).contains(Routes.Service.NOTIFICATION);
        assertThat(Routes.owner("/api/v1/notifications/contacts/UNIT/x")).contains(Routes.Service.NOTIFICATION);
        assertThat(Routes.owner("/api/v1/unknown")).isEmpty();
        assertThat(Routes.owner("/q/health")).isEmpty();
    }

    @Test
    void dead_letters_go_to_the_service_their_second_segment_names() {
        assertThat(Routes.owner("/api/v1/dead-letters/station")).contains(Routes.Service.STATION);
        assertThat(Routes.owner("/api/v1/dead-letters/deputy/replays")).contains(Routes.Service.DEPUTY);
        assertThat(Routes.owner("/api/v1/dead-letters/case/case-service.deputy-events.dlq/0/7")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/dead-letters/scoring/replay")).contains(Routes.Service.SCORING);
        assertThat(Routes.owner("/api/v1/dead-letters/notification")).contains(Routes.Service.NOTIFICATION);
        assertThat(Routes.owner("/api/v1/dead-letters/gateway")).isEmpty();
        assertThat(Routes.owner("/api/v1/dead-letters")).isEmpty();
        assertThat(Routes.isPublic("GET", "/api/v1/dead-letters/deputy")).isFalse();
        assertThat(Routes.isDeadLetters("/api/v1/dead-letters/gateway/replays")).isTrue();
        assertThat(Routes.isDeadLetters("/api/v1/webhooks/x/dead-letters")).isFalse();
    }

    @Test
    void export_jobs_go_to_the_service_their_kind_or_their_id_names() {
        assertThat(Routes.isExportStart("POST", "/api/v1/exports")).isTrue();
        assertThat(Routes.isExportStart("GET", "/api/v1/exports")).isFalse();
        assertThat(Routes.owner("/api/v1/exports")).isEmpty();
        assertThat(Routes.exportOwner("deputy-roll")).contains(Routes.Service.DEPUTY);
        assertThat(Routes.exportOwner("points")).contains(Routes.Service.SCORING);
        assertThat(Routes.exportOwner("cases")).isEmpty();
        assertThat(Routes.exportOwner(null)).isEmpty();
        assertThat(Routes.owner("/api/v1/exports/deputy-roll-1f0e")).contains(Routes.Service.DEPUTY);
        assertThat(Routes.owner("/api/v1/exports/points-1f0e/file")).contains(Routes.Service.SCORING);
        assertThat(Routes.owner("/api/v1/exports/other-1f0e")).isEmpty();
        assertThat(Routes.isPublic("GET", "/api/v1/exports/points-1f0e")).isFalse();
        assertThat(Routes.serviceUri(Routes.Service.DEPUTY, "/api/v1/exports")).isEqualTo("/api/v1/deputies/exports");
        assertThat(Routes.serviceUri(Routes.Service.SCORING, "/api/v1/exports/points-1f0e/file?x=1"))
                .isEqualTo("/api/v1/points/exports/points-1f0e/file?x=1");
        assertThat(Routes.serviceUri(Routes.Service.DEPUTY, "/api/v1/exportsx")).isEqualTo("/api/v1/exportsx");
        assertThat(Routes.serviceUri(Routes.Service.DEPUTY, "/api/v1/deputies/export")).isEqualTo("/api/v1/deputies/export");
    }

    @Test
    void public_paths_are_the_citizens_and_the_finders_reads_only() {
        assertThat(Routes.isPublic("GET", "/api/v1/stations")).isTrue();
        assertThat(Routes.isPublic("GET", "/api/v1/stations/abc/reception-days")).isTrue();
        assertThat(Routes.isPublic("GET", "/api/v1/stations/abc/receptions")).isFalse();
        // 代表有约: slots, a booking and its cancel are the citizen's, without an account, and limited like other public writes
        assertThat(Routes.isPublic("GET", "/api/v1/stations/abc/slots")).isTrue();
        assertThat(Routes.isPublic("POST", "/api/v1/stations/abc/slots")).isFalse();
        assertThat(Routes.isPublic("POST", "/api/v1/stations/abc/slots/reception-day")).isFalse();
        assertThat(Routes.isPublic("POST", "/api/v1/stations/abc/slots/def/appointments")).isTrue();
        assertThat(Routes.isRateLimited("POST", "/api/v1/stations/abc/slots/def/appointments")).isTrue();
        assertThat(Routes.isPublic("POST", "/api/v1/appointments/cancel")).isTrue();
        assertThat(Routes.isRateLimited("POST", "/api/v1/appointments/cancel")).isTrue();
        assertThat(Routes.isPublic("GET", "/api/v1/appointments")).isFalse();
        assertThat(Routes.isPublic("POST", "/api/v1/appointments/abc/meeting")).isFalse();
        assertThat(Routes.owner("/api/v1/appointments/cancel")).contains(Routes.Service.STATION);
        assertThat(Routes.isPublic("POST", "/api/v1/stations")).isFalse();
        assertThat(Routes.isPublic("POST", "/api/v1/notifications/opt-out")).isTrue();
        assertThat(Routes.isRateLimited("POST", "/api/v1/notifications/opt-out")).isTrue();
        assertThat(Routes.isPublic("GET", "/api/v1/notifications/messages")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/inbox")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/deputies/roster")).isTrue();
        assertThat(Routes.owner("/api/v1/deputies/roster")).contains(Routes.Service.DEPUTY);
        assertThat(Routes.isPublic("GET", "/api/v1/deputies")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/deputies/d")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/deputies/roster/x")).isFalse();
        assertThat(Routes.isPublic("POST", "/api/v1/cases")).isTrue();
        assertThat(Routes.isPublic("GET", "/api/v1/cases")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/cases/track/LL1")).isTrue();
        assertThat(Routes.isPublic("POST", "/api/v1/cases/track/LL1/rating")).isTrue();
        assertThat(Routes.isPublic("GET", "/api/v1/livelihood-projects/statistics")).isFalse();
        // a citizen uploads a photo before submitting; reading a file is for those who read its case
        assertThat(Routes.isPublic("POST", "/api/v1/files")).isTrue();
        assertThat(Routes.isRateLimited("POST", "/api/v1/files")).isTrue();
        assertThat(Routes.isUpload("POST", "/api/v1/files")).isTrue();
        assertThat(Routes.isPublic("GET", "/api/v1/files/abc")).isFalse();
        assertThat(Routes.isPublic("HEAD", "/api/v1/files/abc")).isFalse();
        assertThat(Routes.isUpload("POST", "/api/v1/files/abc")).isFalse();
        assertThat(Routes.isUpload("POST", "/api/v1/stations/s/standard/SITE/evidence")).isTrue();
        assertThat(Routes.isUpload("POST", "/api/v1/stations/s/standard")).isFalse();
        assertThat(Routes.isUpload("DELETE", "/api/v1/stations/s/standard/SITE/evidence/f")).isFalse();
        assertThat(Routes.isPublic("POST", "/api/v1/stations/s/standard/SITE/evidence")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/stations/s/standard/SITE/evidence/f")).isFalse();
        assertThat(Routes.isRateLimited("POST", "/api/v1/stations/s/standard/SITE/evidence")).isFalse();
        assertThat(Routes.owner("/api/v1/stations/s/standard/SITE/evidence/f")).contains(Routes.Service.STATION);
        assertThat(Routes.isPublic("POST", "/api/v1/livelihood-projects/p/votes")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/livelihood-projects/p/evaluations")).isTrue();
        assertThat(Routes.isPublic("GET", "/api/v1/moderation")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/moderation/PROJECT/p")).isFalse();
        assertThat(Routes.isPublic("POST", "/api/v1/moderation/PROJECT/p/approve")).isFalse();
        assertThat(Routes.isOwn("GET", "/api/v1/overview/43")).isTrue();
        assertThat(Routes.isOwn("GET", "/api/v1/deputies/d/dossier")).isTrue();
        assertThat(Routes.isOwn("GET", "/api/v1/deputies/d")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/events/asyncapi.yaml")).isTrue();
        assertThat(Routes.isOwn("GET", "/api/v1/events/asyncapi.yaml")).isTrue();
        assertThat(Routes.owner("/api/v1/events/asyncapi.yaml")).isEmpty();
        // 述职评议: a voter opens and assesses a report with its code; staff's paths of the same report stay closed
        assertThat(Routes.isPublic("GET", "/api/v1/activities/by-code/K7M2QX9PZA")).isTrue();
        assertThat(Routes.isPublic("POST", "/api/v1/activities/by-code/K7M2QX9PZA/assessments")).isTrue();
        assertThat(Routes.isRateLimited("POST", "/api/v1/activities/by-code/K7M2QX9PZA/assessments")).isTrue();
        assertThat(Routes.isPublic("POST", "/api/v1/activities/a/assessments")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/activities/a/assessments")).isFalse();
        assertThat(Routes.isPublic("GET", "/api/v1/activities/reports")).isFalse();
        assertThat(Routes.owner("/api/v1/activities/by-code/K7M2QX9PZA/assessments")).contains(Routes.Service.STATION);
    }

    @Test
    void the_open_data_catalogue_is_the_gateways_and_each_file_its_owners_all_public_to_read() {
        assertThat(Routes.isOwn("GET", "/api/v1/open-data")).isTrue();
        assertThat(Routes.owner("/api/v1/open-data")).isEmpty();
        assertThat(Routes.owner("/api/v1/open-data/cases.csv")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/open-data/projects/dictionary")).contains(Routes.Service.CASE);
        assertThat(Routes.owner("/api/v1/open-data/stations.json")).contains(Routes.Service.STATION);
        assertThat(Routes.owner("/api/v1/open-data/unknown.csv")).isEmpty();
        for (String path : java.util.List.of("/api/v1/open-data", "/api/v1/open-data/cases.csv", "/api/v1/open-data/cases.json",
                "/api/v1/open-data/cases/dictionary", "/api/v1/open-data/stations.csv", "/api/v1/open-data/projects.json",
                "/api/v1/cases/public-statistics")) {
            assertThat(Routes.isPublic("GET", path)).as(path).isTrue();
            assertThat(Routes.isPublic("POST", path)).as(path).isFalse();
            assertThat(Routes.isRateLimited("GET", path)).as(path).isFalse();
        }
        assertThat(Routes.isPublic("GET", "/api/v1/cases/statistics")).isFalse();
    }

    @Test
    void head_is_public_and_limited_wherever_get_is() {
        assertThat(Routes.isPublic("HEAD", "/api/v1/regions/43")).isTrue();
        assertThat(Routes.isPublic("HEAD", "/api/v1/cases")).isFalse();
        assertThat(Routes.isRateLimited("HEAD", "/api/v1/cases/track/LL1")).isTrue();
    }

    @Test
    void a_limited_request_is_counted_by_its_route_not_by_its_path() {
        assertThat(Routes.limitedRoute("GET", "/api/v1/cases/track/LL1")).contains("GET /api/v1/cases/track/{code}");
        assertThat(Routes.limitedRoute("HEAD", "/api/v1/cases/track/LL2")).contains("GET /api/v1/cases/track/{code}");
        assertThat(Routes.limitedRoute("POST", "/api/v1/stations/s1/slots/t9/appointments"))
                .contains("POST /api/v1/stations/{id}/slots/{slot}/appointments");
        assertThat(Routes.limitedRoute("POST", "/api/v1/cases")).contains("POST /api/v1/cases");
        assertThat(Routes.limitedRoute("GET", "/api/v1/cases")).isEmpty();
    }

    @Test
    void the_limiter_allows_the_minutes_share_and_then_names_the_wait() {
        AtomicLong now = new AtomicLong(120_000 + 15_000);
        RateLimiter limiter = new RateLimiter(2, now::get);
        assertThat(limiter.acquire("ip:a")).isZero();
        assertThat(limiter.acquire("ip:a")).isZero();
        assertThat(limiter.acquire("ip:a")).isEqualTo(45);
        assertThat(limiter.acquire("ip:b")).isZero();
        now.addAndGet(45_000);
        assertThat(limiter.acquire("ip:a")).isZero();
    }
}
