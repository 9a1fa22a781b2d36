package th.integrity.testkit;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Tokens an API must refuse, each otherwise as valid as can be (a signed, unexpired token of an OFFICER and ADMIN of
 * {@code wangthonglang} from the trusted issuer), and tokens it must accept. Tests send every one of them to every
 * door: the gateway and each service.
 */
public final class HostileTokens {

    /** One token and why it is what it is. */
    public record Variant(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileTokens() {
    }

    /**
     * Tokens that must get 401. {@code tokens} starts a token of the trusted issuer for a subject (for a test's own
     * provider: {@code subject -> TestIssuer.shared().builder(subject).issuer(itsIssuer)}).
     */
    public static List<Variant> refused(Function<String, TestIssuer.Builder> tokens) {
        // typ JWT, the one type every resource server accepts, so that each token is wrong in one way only.
        Function<String, TestIssuer.Builder> jwt = subject -> tokens.apply(subject).type("JWT");
        return List.of(
                new Variant("an ID token (aud = the gateway, nonce, typ JWT)", officer(jwt).idToken("integrity-gateway").sign()),
                new Variant("an ID token of the script client", officer(jwt).idToken("integrity-cli").sign()),
                new Variant("another client's token (aud integrity-other)", officer(jwt).audience("integrity-other").sign()),
                new Variant("aud array without the API", officer(jwt).audience("integrity-gateway", "account").sign()),
                new Variant("no aud", officer(jwt).noAudience().sign()),
                new Variant("the API's aud but a nonce", officer(jwt).nonce("n-0S6_WzA2Mj").sign()),
                new Variant("typ id_token", officer(jwt).type("id_token").sign()),
                new Variant("typ logout+jwt", officer(jwt).type("logout+jwt").sign()),
                new Variant("typ JWT+other", officer(jwt).type("JWT+other").sign()),
                new Variant("expired two minutes ago", officer(jwt).expired(Duration.ofMinutes(2)).sign()),
                new Variant("valid only from five minutes on", officer(jwt).notYetValid(Duration.ofMinutes(5)).sign()),
                new Variant("another issuer", officer(jwt).issuer("https://id.attacker.example").sign()),
                new Variant("signed with a key the issuer never published", officer(jwt).forged().sign()));
    }

    /** Access tokens for the API in every form a provider may send them: these must work. */
    public static List<Variant> accepted(Function<String, TestIssuer.Builder> tokens) {
        return List.of(
                new Variant("typ at+jwt", officer(tokens).sign()),
                new Variant("typ application/at+jwt", officer(tokens).type("application/at+jwt").sign()),
                new Variant("typ JWT", officer(tokens).type("JWT").sign()),
                new Variant("no typ", officer(tokens).type(null).sign()),
                new Variant("aud array with the API", officer(tokens).audience("account", TestIssuer.API_AUDIENCE).sign()));
    }

    private static TestIssuer.Builder officer(Function<String, TestIssuer.Builder> tokens) {
        return tokens.apply("officer").agency("wangthonglang").roles("OFFICER", "ADMIN");
    }
}
