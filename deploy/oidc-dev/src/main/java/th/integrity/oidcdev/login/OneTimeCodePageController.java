package th.integrity.oidcdev.login;

import static th.integrity.oidcdev.login.LoginPageController.escape;
import static th.integrity.oidcdev.login.LoginPageController.hidden;
import static th.integrity.oidcdev.login.LoginPageController.page;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import th.integrity.oidcdev.accounts.OidcDevProperties;
import th.integrity.oidcdev.accounts.OidcDevProperties.DemoUser;
import th.integrity.oidcdev.secondfactor.SecondFactor;
import th.integrity.oidcdev.secondfactor.Totp;

/**
 * The second step of a sign-in that asked for a second factor: the one-time code of the person's authenticator app
 * (TOTP). A right code marks the session's sign-in ({@link SecondFactor#AUTHORITY}) and resumes the parked
 * authorization request; a code is good once (a replayed one is refused). Because this provider is for development
 * only, the page tells developers the demo secret and how to get the current code.
 */
@Controller
class OneTimeCodePageController {

    private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private final OidcDevProperties properties;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    /** The last time step each user spent a code of: a code is accepted once. */
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();

    OneTimeCodePageController(OidcDevProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @GetMapping(path = SecondFactor.PAGE, produces = HTML)
    @ResponseBody
    String form(Authentication signedIn, CsrfToken csrf, @RequestParam(required = false) String error) {
        DemoUser user = properties.user(signedIn.getName()).orElse(null);
        StringBuilder body = new StringBuilder("<h1>ยืนยันตัวตนขั้นที่สอง <small>Second factor</small></h1>\n");
        if (user == null || user.totpSecret() == null) {
            body.append("<p role=\"alert\" class=\"error\">บัญชีนี้ไม่มีปัจจัยที่สอง จึงทำรายการนี้ไม่ได้ · ")
                    .append("This account has no second factor, so it cannot do this.</p>\n");
            return page("ยืนยันตัวตนขั้นที่สอง · Second factor", body.toString());
        }
        if (error != null) {
            body.append("<p role=\"alert\" class=\"error\">รหัสไม่ถูกต้องหรือใช้ไปแล้ว · ")
                    .append("The code is wrong or was already used</p>\n");
        }
        body.append("<p>กรอกรหัส 6 หลักจากแอปยืนยันตัวตนของท่าน · ")
                .append("Enter the 6-digit code from your authenticator app.</p>\n")
                .append("<form method=\"post\" action=\"otp\">\n")
                .append("<p><label for=\"code\">รหัสใช้ครั้งเดียว · One-time code</label>")
                .append("<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" pattern=\"[0-9]{6}\" ")
                .append("maxlength=\"6\" autocomplete=\"one-time-code\" required autofocus></p>\n")
                .append(hidden(csrf))
                .append("<button type=\"submit\">ยืนยัน · Verify</button>\n</form>\n");
        String secret = escape(user.totpSecret());
        body.append("<h2>สำหรับนักพัฒนา <small>For developers (demo only)</small></h2>\n")
                .append("<p>รหัสลับทดลองของ <code>").append(escape(user.username())).append("</code> · Demo secret: <code id=\"demo-secret\">")
                .append(secret).append("</code></p>\n")
                .append("<p>รับรหัสปัจจุบันด้วย · Get the current code with <code>oathtool --totp -b ").append(secret)
                .append("</code> หรือ · or <code>java -cp deploy/oidc-dev/target/classes ")
                .append("th.integrity.oidcdev.secondfactor.Totp ").append(secret).append("</code>, ")
                .append("หรือเพิ่มในแอปยืนยันตัวตน · or add <code>otpauth://totp/integrity-dev:")
                .append(escape(user.username())).append("?secret=").append(secret)
                .append("&amp;issuer=integrity-dev</code> to an authenticator app.</p>\n");
        return page("ยืนยันตัวตนขั้นที่สอง · Second factor", body.toString());
    }

    @PostMapping(SecondFactor.PAGE)
    void verify(Authentication signedIn, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response) throws java.io.IOException {
        DemoUser user = properties.user(signedIn.getName()).orElse(null);
        OptionalLong step = user == null || user.totpSecret() == null ? OptionalLong.empty()
                : Totp.matchingStep(user.totpSecret(), code.strip(), clock.instant());
        if (step.isEmpty() || !spend(user.username(), step.getAsLong())) {
            response.sendRedirect(request.getContextPath() + SecondFactor.PAGE + "?error");
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(signedIn.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(SecondFactor.AUTHORITY));
        UsernamePasswordAuthenticationToken stepped = UsernamePasswordAuthenticationToken.authenticated(
                signedIn.getPrincipal(), null, authorities);
        stepped.setDetails(signedIn.getDetails());
        request.changeSessionId(); // a new level of sign-in, a new session id
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(stepped);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        HttpSession session = request.getSession();
        Object resume = session.getAttribute(SecondFactor.RESUME);
        session.removeAttribute(SecondFactor.RESUME);
        // Only ever back to the authorization endpoint this provider parked: never an address from the request.
        String target = resume instanceof String parked && parked.startsWith("/oauth2/authorize?") ? parked : "/";
        response.sendRedirect(request.getContextPath() + target);
    }

    /** Whether {@code step} is later than any step this user already spent a code of (and records it). */
    private boolean spend(String username, long step) {
        boolean[] fresh = { false };
        lastStep.compute(username, (name, last) -> {
            fresh[0] = last == null || step > last;
            return fresh[0] ? step : last;
        });
        return fresh[0];
    }
}
