package cn.lianluo.cases.rest;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.files.persistence.FakeS3;
import cn.lianluo.cases.files.service.FileSweep;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static cn.lianluo.cases.rest.CaseFilesIT.PNG;
import static cn.lianluo.cases.rest.CaseFilesIT.command;
import static cn.lianluo.cases.rest.CaseFilesIT.download;
import static cn.lianluo.cases.rest.CaseFilesIT.submit;
import static cn.lianluo.cases.rest.CaseFilesIT.upload;
import static cn.lianluo.cases.rest.CaseFilesIT.uploadPng;
import static cn.lianluo.cases.rest.CaseFilesIT.withFiles;
import static cn.lianluo.cases.rest.CaseLoopApiIT.STAFF;
import static cn.lianluo.cases.rest.CaseLoopApiIT.TOWNSHIP_GOV;
import static cn.lianluo.cases.rest.CaseLoopApiIT.TOWNSHIP_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Files in an S3-compatible object store (lianluo.files.s3.*): the bytes go to a local S3 endpoint that checks every
 * request's Signature Version 4 ({@link FakeS3}), the description stays in PostgreSQL, and a store out of reach is a 503
 * problem that leaves nothing behind.
 */
@QuarkusTest
@TestProfile(CaseFilesInObjectStoreIT.ObjectStore.class)
class CaseFilesInObjectStoreIT {

    static final String BUCKET = "lianluo-files";
    static final String PORT = "lianluo.test.fake-s3-port";

    /** The object store configured, at a port chosen once per JVM and opened by the test before its first request. */
    public static class ObjectStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String port = (String) System.getProperties().computeIfAbsent(PORT, k -> String.valueOf(freePort()));
            return Map.of(
                    "lianluo.files.s3.bucket", BUCKET,
                    "lianluo.files.s3.endpoint", "http://127.0.0.1:" + port,
                    "lianluo.files.s3.region", FakeS3.REGION,
                    "lianluo.files.s3.access-key", FakeS3.ACCESS_KEY,
                    "lianluo.files.s3.secret-key", FakeS3.SECRET_KEY,
                    "lianluo.files.s3.path-style", "true",
                    "lianluo.files.s3.connect-timeout", "1s",
                    "lianluo.files.s3.call-timeout", "10s");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static FakeS3 store;

    @Inject
    EntityManager em;
    @Inject
    CaseClock clock;
    @Inject
    FileSweep sweep;

    @BeforeAll
    static void open() throws IOException {
        store = new FakeS3(BUCKET).start(Integer.parseInt(System.getProperty(PORT)));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Whether the file's row has no bytes of its own (they are in the store); null when there is no row. */
    Boolean bytesElsewhere(String fileId) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "SELECT content IS NULL FROM case_file WHERE id = ?1")
                .setParameter(1, UUID.fromString(fileId)).getResultStream().findFirst().orElse(null));
    }

    long files() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM case_file").getSingleResult()).longValue());
    }

    @Test
    void a_photo_goes_to_the_object_store_and_the_handler_reads_it_from_there() {
        String fileId = uploadPng(null);
        // the description in PostgreSQL, the bytes only in the store, under the file's id
        assertThat(bytesElsewhere(fileId)).isTrue();
        assertThat(store.objects()).containsKey(fileId);
        assertThat(store.objects().get(fileId).content()).isEqualTo(PNG);
        assertThat(store.objects().get(fileId).contentType()).isEqualTo("image/png");

        String caseId = submit(withFiles("路面塌陷有照片", fileId), null).statusCode(201).extract().path("id");
        command(caseId, "assign", Map.of("unitId", TOWNSHIP_GOV, "reason", "属地先行核实"), STAFF).statusCode(200);
        byte[] got = download(fileId, TOWNSHIP_HANDLER).statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(got).isEqualTo(PNG);
        // every request the service sent was signed right: none was refused
        assertThat(store.exchanges()).extracting(FakeS3.Exchange::error).containsOnlyNulls();
        assertThat(store.exchanges()).anySatisfy(e -> {
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.path()).isEqualTo("/" + BUCKET + "/" + fileId);
            assertThat(e.status()).isEqualTo(200);
        });
    }

    @Test
    void the_sweep_deletes_the_object_of_a_file_no_case_took() {
        String kept = uploadPng(null);
        submit(withFiles("留下的文件", kept), null).statusCode(201);
        String dropped = uploadPng(STAFF);
        assertThat(store.objects()).containsKeys(kept, dropped);

        clock.advance(Duration.ofHours(25));
        sweep.tick();
        assertThat(store.objects()).containsKey(kept).doesNotContainKey(dropped);
        assertThat(bytesElsewhere(dropped)).isNull();
        download(dropped, STAFF).statusCode(404);
    }

    @Test
    void the_store_out_of_reach_is_a_503_problem_and_no_row_is_left_without_its_object() {
        String stored = uploadPng(STAFF);
        long before = files();
        int objects = store.objects().size();
        store.stop();
        try {
            upload("路面塌陷.png", PNG, "image/png", null).statusCode(503).contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("type", equalTo("https://lianluo.cn/problems/file-store-unavailable"));
            download(stored, STAFF).statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("https://lianluo.cn/problems/file-store-unavailable"));
        } finally {
            restart();
        }
        assertThat(files()).isEqualTo(before);
        assertThat(store.objects()).hasSize(objects);
        // back in reach, the same file is read again
        assertThat(download(stored, STAFF).statusCode(200).extract().asByteArray()).isEqualTo(PNG);
    }

    private static void restart() {
        try {
            store.start(store.port());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
