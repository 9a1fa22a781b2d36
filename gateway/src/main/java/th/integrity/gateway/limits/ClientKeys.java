package th.integrity.gateway.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who "one client" is for the rate limits, without keeping who it is: an HMAC-SHA-256 of the client's address
 * under a secret drawn at random when the process starts and never stored or logged. The limiter's memory thus
 * holds only values that cannot be turned back into an address (an IPv4 address space is small enough to hash
 * exhaustively; a keyed hash is not), and a restart makes even those meaningless.
 * <p>
 * IPv6 clients are keyed by their /64 network: one subscriber usually holds a whole /64, so keying single
 * addresses would let one client rotate through millions of buckets.
 */
final class ClientKeys {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs;
    private final XForwardedRemoteAddressResolver forwarded;

    /**
     * @param trustedProxies reverse proxies in front of the gateway that append to {@code X-Forwarded-For};
     *                       0 keys on the TCP peer
     */
    ClientKeys(int trustedProxies) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.forwarded = trustedProxies > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies) : null;
    }

    String keyOf(ServerWebExchange exchange) {
        InetSocketAddress remote = forwarded != null ? forwarded.resolve(exchange) : exchange.getRequest().getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        byte[] identity = address == null ? new byte[0] : address.getAddress();
        if (address instanceof Inet6Address) {
            identity = Arrays.copyOf(identity, 8);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(identity));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
