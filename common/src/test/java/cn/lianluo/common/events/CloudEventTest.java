package cn.lianluo.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void the_envelope_serialises_as_structured_cloudevents_json() throws Exception {
        UUID id = UUID.randomUUID();
        CloudEvent event = CloudEvent.of(id, "/lianluo/station-service", "lianluo.station.registered.v1", "s-1",
                OffsetDateTime.parse("2026-11-26T10:15:30+08:00"), "433124108",
                mapper.readTree("{\"name\":\"边城镇人大代表联络站\"}"));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(event));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo(id.toString());
        assertThat(json.get("source").asText()).isEqualTo("/lianluo/station-service");
        assertThat(json.get("type").asText()).isEqualTo("lianluo.station.registered.v1");
        assertThat(json.get("subject").asText()).isEqualTo("s-1");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-26T10:15:30+08:00");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("regioncode").asText()).isEqualTo("433124108");
        assertThat(json.get("data").get("name").asText()).isEqualTo("边城镇人大代表联络站");
    }

    @Test
    void an_unversioned_type_is_refused() {
        assertThatThrownBy(() -> CloudEvent.of(UUID.randomUUID(), "/lianluo/x", "lianluo.station.registered", "s",
                OffsetDateTime.now(), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloudEvent.of(UUID.randomUUID(), "/lianluo/x", "station.registered.v1", "s",
                OffsetDateTime.now(), null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_region_free_event_has_no_regioncode_attribute() throws Exception {
        CloudEvent event = CloudEvent.of(UUID.randomUUID(), "/lianluo/x", "lianluo.x.y.v1", "s", OffsetDateTime.now(), null, null);
        assertThat(mapper.readTree(mapper.writeValueAsString(event)).has("regioncode")).isFalse();
    }

    @Test
    void a_traced_event_carries_the_distributed_tracing_extension() throws Exception {
        CloudEvent event = CloudEvent.of(UUID.randomUUID(), "/lianluo/x", "lianluo.x.y.v1", "s", OffsetDateTime.now(), null, null)
                .withTrace("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "lianluo=1");

        JsonNode json = mapper.readTree(mapper.writeValueAsString(event));
        assertThat(json.get("traceparent").asText()).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(json.get("tracestate").asText()).isEqualTo("lianluo=1");
        IncomingEvent read = IncomingEvent.parse(mapper, mapper.writeValueAsString(event));
        assertThat(read.traceparent()).isEqualTo(event.traceparent());
        assertThat(read.tracestate()).isEqualTo("lianluo=1");
    }
}
