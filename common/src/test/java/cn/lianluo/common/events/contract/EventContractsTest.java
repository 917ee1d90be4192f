package cn.lianluo.common.events.contract;

import cn.lianluo.common.testing.EventSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event contracts the services publish and read are the AsyncAPI document's: every type of a contract is a
 * message of its topic and every message of the document a type of a contract, and the fields of each type's record
 * (and of the records inside it) are the properties its schemas give its data, both ways. A field, a type or a topic
 * added on one side only fails here.
 */
class EventContractsTest {

    static final List<EventContract> CONTRACTS = List.of(StationEvents.CONTRACT, DeputyEvents.CONTRACT,
            CaseEvents.CONTRACT, ScoringEvents.CONTRACT);

    @Test
    void every_type_of_a_contract_is_a_message_of_its_topic_and_every_message_a_type_of_a_contract() {
        Set<String> documented = new TreeSet<>(EventSchemas.messages().keySet());
        Set<String> contracted = new TreeSet<>();
        for (EventContract contract : CONTRACTS) {
            assertThat(contract.types()).as(contract.topic()).isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(EventSchemas.typesOf(contract.topic()));
            contracted.addAll(contract.types());
        }
        assertThat(contracted).isEqualTo(documented);
    }

    @Test
    void the_fields_of_each_type_s_record_are_the_properties_of_its_data_both_ways() {
        List<String> problems = new ArrayList<>();
        for (EventContract contract : CONTRACTS) {
            for (String type : contract.types()) {
                List<JsonNode> data = EventSchemas.schemaFiles(type).stream()
                        .map(file -> schemaFile(file).path("properties").path("data")).toList();
                compare(contract.dataOf(type), data, type, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_comparison_sees_a_field_on_one_side_only() {
        record Extra(UUID stationId, String type, String name, String regionCode, UUID parentStationId,
                     boolean standardMet, String colour) {
        }
        record Missing(UUID stationId, String type, String name, String regionCode, UUID parentStationId) {
        }
        List<JsonNode> data = EventSchemas.schemaFiles(StationEvents.REGISTERED).stream()
                .map(file -> schemaFile(file).path("properties").path("data")).toList();
        List<String> problems = new ArrayList<>();

        compare(Extra.class, data, "extra", problems);
        compare(Missing.class, data, "missing", problems);

        assertThat(problems).containsExactly("extra: fields the schema does not have: [colour]",
                "missing: properties the record does not have: [standardMet]");
    }

    @Test
    void a_contract_names_the_record_of_its_types_and_refuses_a_type_given_twice() {
        assertThat(CaseEvents.CONTRACT.dataOf(CaseEvents.VISITED)).isEqualTo(CaseEvents.CaseData.class);
        assertThat(CaseEvents.CONTRACT.knows("lianluo.case.visited.v2")).isFalse();
        assertThatThrownBy(() -> DeputyEvents.CONTRACT.with(DeputyEvents.Assigned.class,
                DeputyEvents.ASSIGNED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_case_event_names_a_grid_with_channel_grid_and_with_no_other() {
        ObjectNode event = (ObjectNode) schemaFile("schemas/lianluo.case.received.v1.schema.json").get("examples").get(0).deepCopy();
        ObjectNode data = (ObjectNode) event.get("data");
        assertThat(EventSchemas.problems(event.toString())).isEmpty();

        data.put("channel", "GRID");
        assertThat(EventSchemas.problems(event.toString())).as("GRID without its grid").isNotEmpty();
        data.put("gridId", "433124108-03");
        assertThat(EventSchemas.problems(event.toString())).isEmpty();
        data.put("channel", "ONLINE");
        assertThat(EventSchemas.problems(event.toString())).as("a grid on another channel").isNotEmpty();
    }

    /**
     * Compares a record with the object schemas that describe it (every one of them, as {@code allOf} does): its
     * component names with their properties, then each component that is a record, a list of records or a map of
     * records with the schemas of that property.
     */
    static void compare(Class<?> record, List<JsonNode> schemas, String where, List<String> problems) {
        Set<String> properties = new LinkedHashSet<>();
        schemas.forEach(s -> s.path("properties").fieldNames().forEachRemaining(properties::add));
        Set<String> fields = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> onlyFields = new TreeSet<>(fields);
        onlyFields.removeAll(properties);
        Set<String> onlyProperties = new TreeSet<>(properties);
        onlyProperties.removeAll(fields);
        if (!onlyFields.isEmpty()) {
            problems.add(where + ": fields the schema does not have: " + onlyFields);
        }
        if (!onlyProperties.isEmpty()) {
            problems.add(where + ": properties the record does not have: " + onlyProperties);
        }
        for (RecordComponent component : record.getRecordComponents()) {
            List<JsonNode> inner = schemas.stream().map(s -> s.path("properties").path(component.getName()))
                    .filter(JsonNode::isObject).toList();
            Type type = component.getGenericType();
            if (type instanceof Class<?> c && c.isRecord()) {
                compare(c, inner, where + "." + component.getName(), problems);
            } else if (type instanceof ParameterizedType p && p.getRawType() == List.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
                compare(c, inner.stream().map(s -> s.path("items")).toList(), where + "." + component.getName() + "[]",
                        problems);
            } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class
                    && p.getActualTypeArguments()[1] instanceof Class<?> c && c.isRecord()) {
                List<JsonNode> values = new ArrayList<>();
                inner.forEach(s -> s.path("properties").forEach(values::add));
                inner.stream().map(s -> s.path("additionalProperties")).filter(JsonNode::isObject).forEach(values::add);
                assertThat(values).as(where + "." + component.getName()).isNotEmpty();
                for (JsonNode value : values) {
                    compare(c, List.of(value), where + "." + component.getName() + "{}", problems);
                }
            }
        }
    }

    static JsonNode schemaFile(String file) {
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream("asyncapi/" + file)) {
            assertThat(in).as(file).isNotNull();
            return EventSchemas.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
