package cn.lianluo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two realm files of deploy/keycloak: the dev realm ./suite imports, and the production realm a county imports.
 * The production file is the dev file without what is only for local dev (its users, the lianluo-dev-tools client,
 * the dev key pair), with TLS required and placeholder addresses; this test derives it from the dev file and fails when
 * the two have drifted apart. The dev realm's key is the dev key pair, and its users name seeded deputies and units.
 */
class KeycloakRealmTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path DEV = ROOT.resolve("deploy/keycloak/lianluo-realm.json");
    static final Path PRODUCTION = ROOT.resolve("deploy/keycloak/lianluo-realm-production.json");
    /** What the production file has where the dev realm has the local addresses; a county puts its own there. */
    static final String PRODUCTION_CONSOLE = "https://lianluo.example.gov.cn/console/";
    /** The deputies' phone pages sign in with the console's client and come back under /deputy/. */
    static final String PRODUCTION_DEPUTY_PAGES = "https://lianluo.example.gov.cn/deputy/";
    static final Set<String> DEV_CLIENTS = Set.of("lianluo-dev-tools");
    static final String KEY_PROVIDERS = "org.keycloak.keys.KeyProvider";
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** The production realm as it follows from the dev realm. */
    static JsonNode production(JsonNode dev) {
        ObjectNode realm = dev.deepCopy();
        realm.remove("users");
        ((ObjectNode) realm.get("components")).remove(KEY_PROVIDERS);
        realm.put("sslRequired", "all");
        ArrayNode clients = JSON.createArrayNode();
        for (JsonNode client : realm.get("clients")) {
            if (DEV_CLIENTS.contains(client.get("clientId").asText())) {
                continue;
            }
            if (client.get("clientId").asText().equals("lianluo-console")) {
                ObjectNode console = (ObjectNode) client;
                console.put("baseUrl", PRODUCTION_CONSOLE);
                console.set("redirectUris", JSON.createArrayNode().add(PRODUCTION_CONSOLE + "*").add(PRODUCTION_DEPUTY_PAGES + "*"));
                ((ObjectNode) console.get("attributes")).put("post.logout.redirect.uris",
                        PRODUCTION_CONSOLE + "*##" + PRODUCTION_DEPUTY_PAGES + "*");
            }
            clients.add(client);
        }
        realm.set("clients", clients);
        return realm;
    }

    @Test
    void the_production_realm_is_the_dev_realm_without_its_dev_parts() throws IOException {
        JsonNode expected = production(read(DEV));
        if (!expected.equals(read(PRODUCTION))) {
            Path written = ROOT.resolve("deploy/target/lianluo-realm-production.json");
            Files.createDirectories(written.getParent());
            Files.writeString(written, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n");
            throw new AssertionError(PRODUCTION + " has drifted from " + DEV + " (a change made to one and not the other): "
                    + "what the dev realm gives is in " + written + "; review it and copy it over the production file, "
                    + "or make the same change in the dev realm");
        }
    }

    @Test
    void the_production_realm_has_no_user_no_password_no_key_and_no_password_grant() throws IOException {
        JsonNode realm = read(PRODUCTION);
        String text = Files.readString(PRODUCTION);
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.get("components").has(KEY_PROVIDERS)).as("Keycloak generates the realm's keys").isFalse();
        assertThat(text).doesNotContain("PRIVATE", "privateKey", "\"password\"", "127.0.0.1", "localhost", "lianluo-dev");
        for (JsonNode client : realm.get("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(client.get("clientId").asText()).isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(client.get("clientId").asText()).isFalse();
        }
        assertThat(realm.get("sslRequired").asText()).isEqualTo("all");
    }

    @Test
    void the_console_signs_in_with_the_code_flow_and_pkce_only_and_its_tokens_carry_the_claims() throws IOException {
        for (Path file : List.of(DEV, PRODUCTION)) {
            JsonNode console = client(read(file), "lianluo-console");
            assertThat(console.get("publicClient").asBoolean()).as(file + ": a browser keeps no secret").isTrue();
            assertThat(console.get("standardFlowEnabled").asBoolean()).isTrue();
            assertThat(console.get("directAccessGrantsEnabled").asBoolean()).isFalse();
            assertThat(console.get("implicitFlowEnabled").asBoolean()).isFalse();
            assertThat(console.get("attributes").get("pkce.code.challenge.method").asText()).isEqualTo("S256");
            List<String> mappers = new ArrayList<>();
            for (JsonNode mapper : console.get("protocolMappers")) {
                JsonNode config = mapper.get("config");
                assertThat(config.get("access.token.claim").asText()).as(mapper.get("name").asText()).isEqualTo("true");
                mappers.add(mapper.get("protocolMapper").asText() + " "
                        + config.path("claim.name").asText(config.path("included.custom.audience").asText()));
            }
            assertThat(mappers).containsExactlyInAnyOrder("oidc-usermodel-attribute-mapper region", "oidc-usermodel-attribute-mapper deputyId",
                    "oidc-usermodel-attribute-mapper unitId", "oidc-usermodel-attribute-mapper gridId",
                    "oidc-usermodel-realm-role-mapper groups", "oidc-audience-mapper lianluo");
            JsonNode realm = read(file);
            assertThat(realm.get("accessTokenLifespan").asInt()).as("s, within the services' 12 h bound").isBetween(60, 43_200);
            List<String> roles = new ArrayList<>();
            realm.get("roles").get("realm").forEach(role -> roles.add(role.get("name").asText()));
            assertThat(roles).containsExactlyInAnyOrder("ADMIN", "SUPERVISOR", "STATION_STAFF", "DEPUTY", "HANDLER");
            // the four attributes are declared (Keycloak 26 drops undeclared ones) and only an administrator sets them
            String profile = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0).get("config")
                    .get("kc.user.profile.config").get(0).asText();
            for (JsonNode attribute : JSON.readTree(profile).get("attributes")) {
                if (Set.of("region", "deputyId", "unitId", "gridId").contains(attribute.get("name").asText())) {
                    assertThat(attribute.get("permissions").get("edit").toString()).as(attribute.get("name").asText()).isEqualTo("[\"admin\"]");
                }
            }
            assertThat(profile).contains("\"region\"", "\"deputyId\"", "\"unitId\"", "\"gridId\"");
        }
    }

    @Test
    void the_dev_realm_signs_with_the_dev_key_pair() throws Exception {
        JsonNode rsa = null;
        for (JsonNode provider : read(DEV).get("components").get(KEY_PROVIDERS)) {
            if (provider.get("providerId").asText().equals("rsa")) {
                rsa = provider.get("config");
            } else {
                assertThat(provider.get("providerId").asText()).as("no generated RSA key beside the dev key")
                        .isIn("hmac-generated", "aes-generated");
            }
        }
        assertThat(rsa).isNotNull();
        assertThat(rsa.get("privateKey").get(0).asText()).isEqualTo(pemBody("deploy/dev-keys/dev-private-key.pem"));
        assertThat(rsa.get("certificate").get(0).asText()).isEqualTo(pemBody("deploy/dev-keys/dev-certificate.pem"));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(rsa.get("certificate").get(0).asText())));
        assertThat(Base64.getEncoder().encodeToString(certificate.getPublicKey().getEncoded()))
                .as("the certificate holds the public key the services verify with").isEqualTo(pemBody("deploy/dev-keys/dev-public-key.pem"));
    }

    @Test
    void the_dev_users_name_seeded_deputies_and_units_by_the_ids_the_services_give_them() throws IOException {
        JsonNode deputies = read(ROOT.resolve("seeds/deputies.json")).get("batches");
        JsonNode units = read(ROOT.resolve("seeds/units.json")).get("units");
        int named = 0;
        for (JsonNode user : read(DEV).get("users")) {
            JsonNode attributes = user.get("attributes");
            String region = attributes.get("region").get(0).asText();
            if (attributes.has("deputyId")) {
                String deputyId = attributes.get("deputyId").get(0).asText();
                JsonNode batch = seeded(deputies, deputyId, "deputy", true);
                assertThat(batch).as(user.get("username").asText() + "'s deputyId names no seeded deputy").isNotNull();
                assertThat(region).as("a deputy's region is the deputy's own").isEqualTo(batch.get("regionCode").asText());
                named++;
            }
            if (attributes.has("unitId")) {
                JsonNode unit = seeded(units, attributes.get("unitId").get(0).asText(), "unit", false);
                assertThat(unit).as(user.get("username").asText() + "'s unitId names no seeded unit").isNotNull();
                assertThat(region).as("a handling unit's region is the unit's").isEqualTo(unit.get("regionCode").asText());
                named++;
            }
            if (attributes.has("gridId")) {
                // a grid worker (网格员) is station staff of the township their grid lies in
                assertThat(user.get("realmRoles").toString()).as(user.get("username").asText()).isEqualTo("[\"STATION_STAFF\"]");
                assertThat(region).as("a grid worker's region is a township").hasSize(9);
                assertThat(attributes.get("gridId").get(0).asText()).startsWith(region);
            }
            assertThat(user.get("credentials").get(0).get("temporary").asBoolean()).isFalse();
        }
        assertThat(named).isEqualTo(3);
    }

    /** The seed whose id (SeedIds.of: a v3 UUID of "lianluo:KIND:KEY") is {@code id}; a deputy batch's keys are numbered. */
    static JsonNode seeded(JsonNode seeds, String id, String kind, boolean numbered) {
        for (JsonNode seed : seeds) {
            int copies = numbered ? seed.get("copies").asInt() : 1;
            for (int n = 1; n <= copies; n++) {
                String key = seed.get("seedKey").asText().replace("{n}", String.valueOf(n));
                if (UUID.nameUUIDFromBytes(("lianluo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString().equals(id)) {
                    return seed;
                }
            }
        }
        return null;
    }

    static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    static String pemBody(String file) throws IOException {
        return Files.readString(ROOT.resolve(file)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
