package cn.lianluo.common.rest;

import cn.lianluo.common.problem.ProblemException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Typed query and path parameters read strictly, and a bad value is a 400 problem naming the parameter. Left to
 * Quarkus REST, {@code ?active=maybe} is silently {@code false} ({@code Boolean.valueOf}) and a value that does not
 * convert ({@code /stations/xyz} for a UUID, {@code ?deputy=not-a-uuid}, {@code ?page=abc}) is a 404 that names
 * nothing, as JAX-RS prescribes for query and path parameters. Quarkus REST asks this provider for every parameter
 * with the parameter's own annotations, so the name comes from its {@code @QueryParam} or {@code @PathParam}: one
 * mechanism for every resource, no list of names.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictParams implements ParamConverterProvider {

    private static final Map<Class<?>, BiFunction<String, String, Object>> READERS = Map.ofEntries(
            Map.entry(UUID.class, StrictParams::uuid),
            Map.entry(Boolean.class, StrictParams::bool),
            Map.entry(boolean.class, StrictParams::bool),
            Map.entry(Integer.class, QueryParams::integer),
            Map.entry(int.class, QueryParams::integer),
            Map.entry(Long.class, StrictParams::whole),
            Map.entry(long.class, StrictParams::whole),
            Map.entry(LocalDate.class, QueryParams::date));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        BiFunction<String, String, Object> reader = rawType.isEnum() ? enumReader(rawType) : READERS.get(rawType);
        if (reader == null) {
            return null;
        }
        String fallback = defaultOf(annotations);
        boolean primitive = rawType.isPrimitive();
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                // an empty ?active= is no value, as for an absent one
                String raw = value == null || value.isBlank() ? fallback : value;
                if (raw == null) {
                    if (primitive) {
                        throw invalid(ProblemException.invalid(name, "a value is required"));
                    }
                    return null;
                }
                try {
                    return (T) reader.apply(name, raw);
                } catch (ProblemException e) {
                    throw invalid(e);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    /**
     * Quarkus REST answers a {@link jakarta.ws.rs.WebApplicationException} from a converter as it is (anything else
     * becomes a 404); {@link ProblemMappers} answers the problem inside it.
     */
    static BadRequestException invalid(ProblemException problem) {
        return new BadRequestException(problem.getMessage(), problem);
    }

    static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return null;
    }

    private static String defaultOf(Annotation[] annotations) {
        return Arrays.stream(annotations).filter(DefaultValue.class::isInstance).map(a -> ((DefaultValue) a).value())
                .findFirst().orElse(null);
    }

    static UUID uuid(String name, String raw) {
        String value = raw.strip();
        // UUID.fromString takes "1-2-3-4-5" too: only the canonical 8-4-4-4-12 hex form is an id
        if (!value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw ProblemException.invalid(name, "'" + raw + "' is not a UUID");
        }
        return UUID.fromString(value);
    }

    static Boolean bool(String name, String raw) {
        String value = raw.strip();
        if (value.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (value.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw ProblemException.invalid(name, "'" + raw + "' is not true or false");
    }

    static Long whole(String name, String raw) {
        String value = raw.strip();
        if (!value.matches("[+-]?[0-9]{1,18}")) {
            throw ProblemException.invalid(name, "'" + raw + "' is not a whole number");
        }
        return Long.parseLong(value);
    }

    /** A constant by its name, or as {@link QueryParams#enumValue} reads it (any case). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BiFunction<String, String, Object> enumReader(Class<?> type) {
        return (name, raw) -> {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(raw.strip())) {
                    return constant;
                }
            }
            return QueryParams.enumValue(name, raw, (Class) type);
        };
    }
}
