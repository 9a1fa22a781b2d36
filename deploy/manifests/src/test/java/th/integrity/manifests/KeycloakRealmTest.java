package th.integrity.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Keycloak realm (compose and k8s dev) against what the services check: the Role enum, the roles and
 * agency claims the services read (defaults or the OIDC_*_CLAIM the deployment sets), and the development
 * provider's users and clients (deploy/oidc-dev), so that both providers behave alike.
 */
class KeycloakRealmTest {

    private static final Path REALM = Repo.COMPOSE.resolve("keycloak/integrity-realm.json");
    /** Demo users with the password {@code demo}: development only, never in the realm file production imports. */
    private static final Path DEMO_USERS = Repo.COMPOSE.resolve("keycloak/dev/integrity-users-0.json");
    private final Map<String, Object> realm = Repo.yamlMap(REALM);
    private final Map<String, Object> demoUsers = Repo.yamlMap(DEMO_USERS);
    private final Compose compose = new Compose();

    private static Set<String> roleEnum() {
        String source = Repo.read(Repo.ROOT.resolve("platform/src/main/java/th/integrity/platform/security/Role.java"));
        Matcher m = Pattern.compile("enum\\s+Role\\s*\\{([^;}]*)").matcher(source);
        assertThat(m.find()).as("Role enum constants").isTrue();
        Set<String> roles = new TreeSet<>();
        Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(roles::add);
        return roles;
    }

    private Set<String> realmRoles() {
        Set<String> roles = new TreeSet<>();
        Repo.maps(Repo.at(realm, "roles", "realm")).forEach(r -> roles.add(Repo.str(r.get("name"))));
        return roles;
    }

    @Test
    void realmRolesAreTheRoleEnum() {
        assertThat(realmRoles()).isEqualTo(roleEnum());
    }

    /** The claim each service reads, as the compose stack and the k8s ConfigMap configure it. */
    private Set<String> claimsRead(String what) {
        Set<String> claims = new LinkedHashSet<>();
        Map<String, Object> config = Kustomize.get(Kustomize.resources(Repo.K8S.resolve("base")), "ConfigMap",
                "integrity-config", "deploy/k8s/base");
        for (ServiceConfig service : ServiceConfig.all()) {
            for (ServiceConfig.Placeholder setting : service.claimSettings(what)) {
                claims.add(effective(setting, compose.env(service.name()).get(setting.name()) == null ? null
                        : compose.env(service.name()).get(setting.name()).value()));
                claims.add(effective(setting, Repo.str(Repo.at(config, "data", setting.name()))));
            }
        }
        return claims;
    }

    private static String effective(ServiceConfig.Placeholder setting, String deployed) {
        return setting.name() != null && deployed != null ? deployed : setting.defaultValue();
    }

    @Test
    void everyClientPutsTheRolesAndAgencyClaimsTheServicesRead() {
        Set<String> rolesClaims = claimsRead("roles");
        Set<String> agencyClaims = claimsRead("agency");
        assertThat(rolesClaims).as("roles claims read by the services").isNotEmpty();
        assertThat(agencyClaims).as("agency claims read by the services").isNotEmpty();
        for (Map<String, Object> client : Repo.maps(realm.get("clients"))) {
            List<Map<String, Object>> mappers = Repo.maps(client.get("protocolMappers"));
            for (String claim : rolesClaims) {
                boolean mapped = claim.equals("realm_access.roles") || mappers.stream().anyMatch(m ->
                        "oidc-usermodel-realm-role-mapper".equals(m.get("protocolMapper"))
                                && claim.equals(Repo.str(Repo.at(m, "config", "claim.name")))
                                && "true".equals(Repo.str(Repo.at(m, "config", "access.token.claim")))
                                && "true".equals(Repo.str(Repo.at(m, "config", "multivalued"))));
                assertThat(mapped).as("client " + client.get("clientId") + " maps realm roles to claim '" + claim + "'").isTrue();
            }
            for (String claim : agencyClaims) {
                boolean mapped = mappers.stream().anyMatch(m ->
                        "oidc-usermodel-attribute-mapper".equals(m.get("protocolMapper"))
                                && "agency".equals(Repo.str(Repo.at(m, "config", "user.attribute")))
                                && claim.equals(Repo.str(Repo.at(m, "config", "claim.name")))
                                && "true".equals(Repo.str(Repo.at(m, "config", "access.token.claim"))));
                assertThat(mapped).as("client " + client.get("clientId") + " maps user attribute agency to claim '" + claim + "'").isTrue();
            }
        }
        // Keycloak 24+ drops undeclared attributes: agency must be in the user profile.
        String profile = String.valueOf(Repo.at(realm, "components", "org.keycloak.userprofile.UserProfileProvider"));
        assertThat(profile).contains("\"name\": \"agency\"");
    }

    @Test
    void usersAndClientsAreThoseOfTheDevelopmentProvider() {
        Map<String, Object> dev = Repo.yamlMap(Repo.ROOT.resolve("deploy/oidc-dev/src/main/resources/application.yml"));
        Map<String, Object> devConfig = Repo.map(dev.get("oidc-dev"));
        List<Map<String, Object>> users = new ArrayList<>(Repo.maps(demoUsers.get("users")));
        users.addAll(Repo.maps(realm.get("users")));
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> devUser : Repo.maps(devConfig.get("users"))) {
            String username = Repo.str(devUser.get("username"));
            Map<String, Object> user = users.stream().filter(u -> username.equals(u.get("username"))).findFirst().orElse(null);
            if (user == null) {
                problems.add("realm has no user " + username);
                continue;
            }
            if (!new TreeSet<>(Repo.list(user.get("realmRoles"))).equals(new TreeSet<>(Repo.list(devUser.get("roles"))))) {
                problems.add(username + ": roles " + user.get("realmRoles") + " differ from oidc-dev's " + devUser.get("roles"));
            }
            if (!Repo.list(Repo.at(user, "attributes", "agency")).contains(devUser.get("agency"))) {
                problems.add(username + ": agency differs from oidc-dev's " + devUser.get("agency"));
            }
            String password = String.valueOf(Repo.maps(user.get("credentials")).stream().map(c -> c.get("value")).toList());
            if (!password.contains("demo")) {
                problems.add(username + ": the documented development password is demo");
            }
        }
        for (Map<String, Object> devClient : Repo.maps(devConfig.get("clients"))) {
            String clientId = Repo.str(devClient.get("client-id"));
            if (Repo.list(devClient.get("audiences")).isEmpty()) {
                continue; // a client whose tokens are not for the API (integrity-other) exists for tests only
            }
            Map<String, Object> client = Repo.maps(realm.get("clients")).stream().filter(c -> clientId.equals(c.get("clientId")))
                    .findFirst().orElse(null);
            if (client == null) {
                problems.add("realm has no client " + clientId);
                continue;
            }
            List<Object> grants = Repo.list(devClient.get("grant-types"));
            if (grants.contains("authorization_code")) {
                assertThat(client.get("standardFlowEnabled")).as(clientId + " standard flow").isEqualTo(true);
                assertThat(Repo.str(Repo.at(client, "attributes", "pkce.code.challenge.method"))).as(clientId + " PKCE").isEqualTo("S256");
                assertThat(String.valueOf(client.get("redirectUris"))).as(clientId + " redirect").contains("/login/oauth2/code/integrity");
                assertThat(client.get("publicClient")).as(clientId + " confidential").isEqualTo(false);
            }
            if (grants.contains("client_credentials")) {
                assertThat(client.get("serviceAccountsEnabled")).as(clientId + " service account").isEqualTo(true);
                Map<String, Object> account = users.stream().filter(u -> clientId.equals(u.get("serviceAccountClientId"))).findFirst()
                        .orElseThrow(() -> new AssertionError("no service-account user for " + clientId));
                assertThat(new TreeSet<>(Repo.list(account.get("realmRoles")))).as(clientId + " roles")
                        .isEqualTo(new TreeSet<>(Repo.list(devClient.get("roles"))));
                assertThat(Repo.list(Repo.at(account, "attributes", "agency"))).as(clientId + " agency").contains(devClient.get("agency"));
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The services and the gateway accept only access tokens whose {@code aud} names the API: every client of the API
     * (those the development provider gives the audience) has Keycloak's audience mapper with that audience, for
     * access tokens only (an ID token's audience stays the client).
     */
    @Test
    void clientsOfTheApiPutItsAudienceIntoAccessTokensOnly() {
        Map<String, Object> config = Kustomize.get(Kustomize.resources(Repo.K8S.resolve("base")), "ConfigMap",
                "integrity-config", "deploy/k8s/base");
        String audience = Repo.str(Repo.at(config, "data", "OIDC_AUDIENCE"));
        assertThat(audience).as("OIDC_AUDIENCE in deploy/k8s/base").isEqualTo("integrity-api");
        for (String service : List.of("complaints-service", "gifts-service", "stats-service", "gateway")) {
            assertThat(compose.env(service).get("OIDC_AUDIENCE")).as(service + " OIDC_AUDIENCE in compose").isNotNull();
            assertThat(compose.env(service).get("OIDC_AUDIENCE").value()).as(service).isEqualTo(audience);
        }
        Map<String, Object> dev = Repo.yamlMap(Repo.ROOT.resolve("deploy/oidc-dev/src/main/resources/application.yml"));
        List<String> apiClients = Repo.maps(Repo.map(dev.get("oidc-dev")).get("clients")).stream()
                .filter(c -> !Repo.list(c.get("audiences")).isEmpty()).map(c -> Repo.str(c.get("client-id"))).toList();
        assertThat(apiClients).containsExactlyInAnyOrder("integrity-gateway", "integrity-cli");
        for (Map<String, Object> client : Repo.maps(realm.get("clients"))) {
            String clientId = Repo.str(client.get("clientId"));
            List<Map<String, Object>> audienceMappers = Repo.maps(client.get("protocolMappers")).stream()
                    .filter(m -> "oidc-audience-mapper".equals(m.get("protocolMapper"))).toList();
            if (!apiClients.contains(clientId)) {
                assertThat(audienceMappers).as(clientId + " is no client of the API").isEmpty();
                continue;
            }
            assertThat(audienceMappers).as(clientId + " audience mapper").hasSize(1);
            Map<String, Object> mapper = audienceMappers.get(0);
            String included = Repo.str(Repo.at(mapper, "config", "included.custom.audience"));
            Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+)(?::([^}]*))?}").matcher(included);
            String value = included;
            if (placeholder.matches()) {
                var env = compose.env("keycloak").get(placeholder.group(1));
                value = env != null ? env.value() : placeholder.group(2);
            }
            assertThat(value).as(clientId + " included.custom.audience").isEqualTo(audience);
            assertThat(Repo.str(Repo.at(mapper, "config", "access.token.claim"))).as(clientId + " access token").isEqualTo("true");
            assertThat(Repo.str(Repo.at(mapper, "config", "id.token.claim"))).as(clientId + " not the ID token").isEqualTo("false");
        }
        assertThat(Repo.maps(realm.get("clients")).stream().map(c -> Repo.str(c.get("clientId"))))
                .containsAll(apiClients);
    }

    @Test
    void theRealmFileHoldsNoPersonAndNoPasswordOnlyServiceAccounts() {
        assertThat(Repo.maps(realm.get("users"))).allSatisfy(user -> {
            assertThat(user).as("user " + user.get("username")).containsKey("serviceAccountClientId");
            assertThat(user).as("user " + user.get("username")).doesNotContainKey("credentials");
        });
        assertThat(Repo.read(REALM)).doesNotContain("\"password\"").doesNotContain("demo");
        assertThat(Repo.str(demoUsers.get("realm"))).isEqualTo(Repo.str(realm.get("realm")));
        // Compose imports the realm alone; the demo users only with the development override file.
        assertThat(Repo.read(Repo.COMPOSE.resolve("compose.yaml"))).doesNotContain("integrity-users-0.json");
        assertThat(Repo.read(Repo.COMPOSE.resolve("compose.demo-users.yaml"))).contains("dev/integrity-users-0.json");
    }

    @Test
    void clientSecretsComeFromTheEnvironmentNotTheFile() {
        for (Map<String, Object> client : Repo.maps(realm.get("clients"))) {
            assertThat(Repo.str(client.get("secret"))).as(client.get("clientId") + " secret").matches("\\$\\{[A-Z_]+}");
            String variable = Repo.str(client.get("secret")).replaceAll("[${}]", "");
            assertThat(compose.env("keycloak")).as("keycloak env " + variable).containsKey(variable);
            assertThat(compose.env("keycloak").get(variable).envFile()).as(variable + " from an env file").isNotNull();
        }
        // The gateway and Keycloak must agree on the gateway's secret: both read it from the same file.
        assertThat(compose.env("gateway").get("GATEWAY_CLIENT_SECRET").envFile())
                .isEqualTo(compose.env("keycloak").get("GATEWAY_CLIENT_SECRET").envFile());
    }

    /**
     * Issue 20: the services refuse the reveal path without a second factor (acr in integrity.security.second-factor);
     * the realm must be able to say it. Its acr-to-level map names the acr the gateway asks for on step-up and the
     * services accept; the browser flow asks for the one-time code at that level; OFFICER and HEAD demo users must enrol
     * an authenticator; the gateway's tokens carry acr (the acr client scope) and amr.
     */
    @Test
    void theRealmAsksForAOneTimeCodeAtTheLevelTheServicesRequire() throws Exception {
        Map<String, Object> complaints = Repo.yamlMap(Repo.ROOT.resolve("complaints-service/src/main/resources/application.yml"));
        List<Object> accepted = Repo.list(Repo.at(complaints, "integrity", "security", "second-factor", "acr-values"));
        Map<String, Object> gateway = Repo.yamlMap(Repo.ROOT.resolve("gateway/src/main/resources/application.yml"));
        String stepUp = Repo.str(Repo.at(gateway, "integrity", "gateway", "sign-in", "step-up-acr-values"));
        assertThat(accepted).as("the services accept what the gateway asks for").contains(stepUp);

        Map<String, Object> loa = Repo.map(Repo.yaml().load(Repo.str(Repo.at(realm, "attributes", "acr.loa.map"))));
        assertThat(loa).as("acr.loa.map").containsKeys("pwd", stepUp);
        String level = String.valueOf(loa.get(stepUp));
        assertThat(Integer.parseInt(level)).isGreaterThan(Integer.parseInt(String.valueOf(loa.get("pwd"))));

        String browserFlow = Repo.str(realm.get("browserFlow"));
        List<Map<String, Object>> flows = Repo.maps(realm.get("authenticationFlows"));
        assertThat(flows.stream().map(f -> Repo.str(f.get("alias")))).contains(browserFlow);
        Map<String, String> configLevel = new java.util.HashMap<>();
        Repo.maps(realm.get("authenticatorConfig")).forEach(c -> configLevel.put(Repo.str(c.get("alias")),
                Repo.str(Repo.at(c, "config", "loa-condition-level"))));
        boolean otpAtLevel = flows.stream().anyMatch(flow -> {
            List<Map<String, Object>> steps = Repo.maps(flow.get("authenticationExecutions"));
            return steps.stream().anyMatch(e -> "conditional-level-of-authentication".equals(e.get("authenticator"))
                    && level.equals(configLevel.get(Repo.str(e.get("authenticatorConfig")))))
                    && steps.stream().anyMatch(e -> "auth-otp-form".equals(e.get("authenticator"))
                            && "REQUIRED".equals(e.get("requirement")));
        });
        assertThat(otpAtLevel).as("a sub-flow of level " + level + " requires the OTP form").isTrue();

        for (Map<String, Object> user : Repo.maps(demoUsers.get("users"))) {
            List<Object> roles = Repo.list(user.get("realmRoles"));
            if (roles.contains("OFFICER") || roles.contains("HEAD")) {
                assertThat(Repo.list(user.get("requiredActions"))).as(user.get("username") + " enrols OTP")
                        .contains("CONFIGURE_TOTP");
            }
        }
        Map<String, Object> client = Repo.maps(realm.get("clients")).stream()
                .filter(c -> "integrity-gateway".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertThat(Repo.list(client.get("defaultClientScopes"))).as("the acr claim's scope").contains("acr");
        assertThat(Repo.maps(client.get("protocolMappers")).stream().map(m -> Repo.str(m.get("protocolMapper"))))
                .contains("oidc-amr-mapper");
    }
}
