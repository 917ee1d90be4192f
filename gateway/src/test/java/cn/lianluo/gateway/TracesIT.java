package cn.lianluo.gateway;

import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.gateway.OtlpReceiver.ReceivedSpan;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the gateway to the last consumer: a case taken in through the gateway is one trace of the gateway's
 * request, case-service's, the outbox relay's publishing of case.received and scoring-service's taking it in, all
 * exported to the tests' collector ({@link ServicesUnderTest} names it to every service and the gateway).
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class TracesIT {

    private static String hex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zeros, which W3C calls invalid
        return HexFormat.of().formatHex(id);
    }

    private static Optional<ReceivedSpan> span(List<ReceivedSpan> trace, String service, int kind, Predicate<String> name) {
        return trace.stream().filter(s -> s.service().equals(service) && s.kind() == kind && name.test(s.name())).findFirst();
    }

    @Test
    void a_case_taken_in_through_the_gateway_is_one_trace_from_the_request_to_scoring_services_consumer() {
        // the caller's own trace context, so that the test knows the trace id before the spans come in
        String traceId = hex(16);
        String callerSpan = hex(8);
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", CitizensDataIT.TOWNSHIP))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(ContentType.JSON).body(CitizensDataIT.citizenCase("田秀英", "13855550099"))
                .when().post("/api/v1/cases").then().statusCode(201);

        await().alias("the trace's spans from the gateway, case-service, its relay and scoring-service's consumer")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    List<ReceivedSpan> trace = ServicesUnderTest.traces().trace(traceId);
                    return span(trace, "gateway", ReceivedSpan.CLIENT, n -> true).isPresent()
                            && span(trace, "case-service", ReceivedSpan.SERVER, n -> true).isPresent()
                            && span(trace, "case-service", ReceivedSpan.PRODUCER, n -> n.endsWith("case.events publish")).isPresent()
                            && span(trace, "scoring-service", ReceivedSpan.CONSUMER, n -> n.equals("scoring-service/case process"))
                                    .isPresent();
                });

        List<ReceivedSpan> trace = ServicesUnderTest.traces().trace(traceId);
        ReceivedSpan gatewayServer = span(trace, "gateway", ReceivedSpan.SERVER, n -> true).orElseThrow();
        ReceivedSpan caseServer = span(trace, "case-service", ReceivedSpan.SERVER, n -> true).orElseThrow();
        ReceivedSpan publish = span(trace, "case-service", ReceivedSpan.PRODUCER, n -> n.endsWith("case.events publish"))
                .orElseThrow();
        ReceivedSpan consume = span(trace, "scoring-service", ReceivedSpan.CONSUMER,
                n -> n.equals("scoring-service/case process")).orElseThrow();
        // the gateway continued the caller's trace and passed its own client span on: case-service's request is that
        // span's child, not the caller's (the gateway forwards the caller's headers, so only this tells them apart)
        assertThat(gatewayServer.parentSpanId()).as("the gateway's request in %s", trace).isEqualTo(callerSpan);
        assertThat(trace).as("case-service's request's parent in %s", trace)
                .filteredOn(s -> s.service().equals("gateway") && s.kind() == ReceivedSpan.CLIENT)
                .extracting(ReceivedSpan::spanId).contains(caseServer.parentSpanId());
        // the relay published the row later, on its own thread, as a child of the span the event was written in;
        // scoring-service took it in as that span's child too (the trace its envelope carries)
        assertThat(trace).as("the publish span's parent in %s", trace).filteredOn(s -> s.service().equals("case-service"))
                .extracting(ReceivedSpan::spanId).contains(publish.parentSpanId());
        assertThat(consume.parentSpanId()).as("the consumer's parent in %s", trace).isEqualTo(publish.parentSpanId());
        // and the record's own traceparent header is the publish span's: the messaging layer's receive span is its child
        assertThat(trace).as("scoring-service's receive span in %s", trace)
                .filteredOn(s -> s.service().equals("scoring-service") && s.kind() == ReceivedSpan.CONSUMER
                        && s.name().endsWith("case.events receive"))
                .extracting(ReceivedSpan::parentSpanId).contains(publish.spanId());
    }
}
