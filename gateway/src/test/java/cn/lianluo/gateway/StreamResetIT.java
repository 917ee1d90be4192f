package cn.lianluo.gateway;

import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An HTTP/2 client that gives up on a request (resets its stream) while the gateway is passing it on: the gateway
 * lets the request go without an error or a warning in its log, and goes on serving.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class StreamResetIT {

    /** The loggers of what serves a request in the gateway: its own code, Quarkus's HTTP layer, Vert.x and Netty. */
    static final List<String> SERVING = List.of("cn.lianluo.gateway", "io.quarkus", "io.vertx", "io.netty");

    /** The serving loggers' records at WARNING and above (the JBoss log manager is java.util.logging's). */
    static final class Warnings extends Handler implements AutoCloseable {
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        static Warnings capture() {
            Warnings w = new Warnings();
            w.setLevel(Level.WARNING);
            Logger.getLogger("").addHandler(w);
            return w;
        }

        @Override
        public void publish(LogRecord record) {
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && SERVING.stream().anyMatch(logger::startsWith)) {
                records.add(record);
            }
        }

        List<String> messages() {
            return records.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()
                    + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")")).toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }

    @Test
    void an_upload_whose_stream_the_client_resets_halfway_leaves_no_error_and_the_gateway_serves_on() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (Warnings warnings = Warnings.capture()) {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            HttpClientRequest upload = client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                            .setPort(RestAssured.port).setURI("/api/v1/files")
                            .putHeader("Authorization", TestTokens.bearer("STATION_STAFF", "433124108"))
                            .putHeader("Content-Type", "image/jpeg").putHeader("Content-Length", "200000"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            upload.exceptionHandler(e -> { }); // this client's own side of the reset is no news
            // a tenth of the photo goes out, so the gateway has the request on its way to case-service; then the phone
            // loses interest (or its signal) and resets the stream
            upload.write(Buffer.buffer(new byte[20000])).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            TimeUnit.MILLISECONDS.sleep(500);
            upload.reset();

            // the gateway still answers, and by then has dealt with the reset: nothing it logged is a warning or worse
            await().atMost(Duration.ofSeconds(10)).until(() -> given().when().get("/api/v1/regions/433124").statusCode() == 200);
            // and the upload's connection to case-service did not go back to the pool short of its body: the next
            // requests to case-service are answered, not read by it as the rest of the photo (a 504 after 15 s)
            for (int i = 0; i < 3; i++) {
                given().when().get("/api/v1/cases/categories").then().statusCode(200);
            }
            TimeUnit.SECONDS.sleep(2);
            assertThat(warnings.messages()).as("warnings and errors logged after the reset").isEmpty();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_client_that_resets_its_stream_while_the_answer_streams_leaves_no_error_and_the_gateway_serves_on()
            throws Exception {
        Vertx vertx = Vertx.vertx();
        try (Warnings warnings = Warnings.capture()) {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            for (int i = 0; i < 5; i++) {
                // the province's roll of deputies, a long answer: the client resets as soon as its head arrives
                HttpClientRequest tree = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                                .setPort(RestAssured.port).setURI("/api/v1/deputies?region=43&size=200")
                                .putHeader("Authorization", TestTokens.bearer("SUPERVISOR", "43")))
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                tree.exceptionHandler(e -> { });
                int status = tree.send().map(response -> {
                    response.exceptionHandler(e -> { }); // this client's own side of the reset is no news
                    tree.reset();
                    return response.statusCode();
                }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(status).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> given().when().get("/api/v1/regions/433124").statusCode() == 200);
            TimeUnit.SECONDS.sleep(2);
            assertThat(warnings.messages()).as("warnings and errors logged after the resets").isEmpty();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
