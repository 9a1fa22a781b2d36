package th.integrity.gateway;

/** For tests in other packages: a port below the ephemeral range, free now, to bind later. */
public final class FakeOidcProviderPorts {

    private FakeOidcProviderPorts() {
    }

    public static int unused() {
        return FakeOidcProvider.unusedPortBelowTheEphemeralRange();
    }
}
