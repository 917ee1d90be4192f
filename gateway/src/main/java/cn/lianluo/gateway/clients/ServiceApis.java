package cn.lianluo.gateway.clients;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The raw REST clients of the services the gateway itself reads (package-private: {@link Services} wraps them with
 * timeouts, retries and circuit breakers). Answers stay JSON: the gateway assembles, it does not re-model.
 */
final class ServiceApis {

    private ServiceApis() {
    }

    @RegisterRestClient(configKey = "station")
    @Path("/api/v1")
    interface Station {
        @GET
        @Path("/regions/{code}")
        JsonNode region(@PathParam("code") String code);

        @GET
        @Path("/stations/statistics")
        JsonNode statistics(@QueryParam("region") String region);

        @GET
        @Path("/activities/reports")
        JsonNode reportsOfDeputy(@QueryParam("deputy") String deputy, @QueryParam("year") int year,
                                 @HeaderParam("Authorization") String authorization);
    }

    @RegisterRestClient(configKey = "deputy")
    @Path("/api/v1/deputies")
    interface Deputy {
        @GET
        @Path("/statistics")
        JsonNode statistics(@QueryParam("region") String region, @HeaderParam("Authorization") String authorization);

        @GET
        @Path("/{id}/dossier")
        JsonNode dossier(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);
    }

    @RegisterRestClient(configKey = "cases")
    @Path("/api/v1")
    interface Cases {
        @GET
        @Path("/cases/statistics")
        JsonNode cases(@QueryParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
                       @HeaderParam("Authorization") String authorization);

        @GET
        @Path("/suggestions/statistics")
        JsonNode suggestions(@QueryParam("region") String region, @HeaderParam("Authorization") String authorization);

        @GET
        @Path("/livelihood-projects/statistics")
        JsonNode projects(@QueryParam("region") String region, @QueryParam("year") int year,
                          @HeaderParam("Authorization") String authorization);

        @GET
        @Path("/cases")
        JsonNode casesOfDeputy(@QueryParam("deputy") String deputy, @QueryParam("size") int size,
                               @HeaderParam("Authorization") String authorization);

        @GET
        @Path("/suggestions")
        JsonNode suggestionsOfDeputy(@QueryParam("deputy") String deputy, @QueryParam("size") int size,
                                     @HeaderParam("Authorization") String authorization);
    }

    @RegisterRestClient(configKey = "scoring")
    @Path("/api/v1/points")
    interface Scoring {
        @GET
        @Path("/statistics")
        JsonNode statistics(@QueryParam("region") String region, @QueryParam("year") int year,
                            @HeaderParam("Authorization") String authorization);

        @GET
        @Path("/deputies/{id}")
        JsonNode deputy(@PathParam("id") String id, @QueryParam("year") int year, @HeaderParam("Authorization") String authorization);
    }
}
