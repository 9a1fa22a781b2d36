package th.integrity.oidcdev.login;

import java.security.Principal;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import th.integrity.oidcdev.accounts.OidcDevProperties;

/**
 * A plain bilingual sign-in page (Spring Security's generated one is English only). It lists the demo
 * accounts because this provider exists only for development; their password is in the README.
 */
@Controller
class LoginPageController {

    private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private final OidcDevProperties properties;

    LoginPageController(OidcDevProperties properties) {
        this.properties = properties;
    }

    @GetMapping(path = "/login", produces = HTML)
    @ResponseBody
    String login(CsrfToken csrf, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>เข้าสู่ระบบ <small>Sign in</small></h1>\n");
        if (error != null) {
            body.append("<p role=\"alert\" class=\"error\">ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง · Wrong username or password</p>\n");
        }
        if (logout != null) {
            body.append("<p role=\"status\">ออกจากระบบแล้ว · You have signed out</p>\n");
        }
        body.append("<form method=\"post\" action=\"login\">\n")
                .append("<p><label for=\"username\">ชื่อผู้ใช้ · Username</label>")
                .append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus></p>\n")
                .append("<p><label for=\"password\">รหัสผ่าน · Password</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required></p>\n")
                .append(hidden(csrf))
                .append("<button type=\"submit\">เข้าสู่ระบบ · Sign in</button>\n</form>\n");
        body.append("<h2>บัญชีทดลอง <small>Demo accounts (development only)</small></h2>\n<table>\n")
                .append("<tr><th>ชื่อผู้ใช้ · Username</th><th>ชื่อ · Name</th><th>ตำแหน่ง · Position</th>")
                .append("<th>บทบาท · Roles</th><th>หน่วยงาน · Agency</th></tr>\n");
        properties.users().forEach(user -> body.append("<tr><td><code>").append(escape(user.username()))
                .append("</code></td><td>").append(escape(user.name()))
                .append("</td><td>").append(escape(user.position()))
                .append("</td><td>").append(escape(String.join(", ", user.roles())))
                .append("</td><td>").append(escape(user.agency())).append("</td></tr>\n"));
        body.append("</table>\n");
        return page("เข้าสู่ระบบ · Sign in", body.toString());
    }

    /** Where a person lands after signing in without a client having sent them. */
    @GetMapping(path = "/", produces = HTML)
    @ResponseBody
    String signedIn(Principal principal, CsrfToken csrf) {
        String body = "<h1>เข้าสู่ระบบแล้ว <small>Signed in</small></h1>\n<p>"
                + escape(principal.getName()) + "</p>\n"
                + "<form method=\"post\" action=\"logout\">" + hidden(csrf)
                + "<button type=\"submit\">ออกจากระบบ · Sign out</button></form>\n";
        return page("เข้าสู่ระบบแล้ว · Signed in", body);
    }

    static String hidden(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName()) + "\" value=\""
                + escape(csrf.getToken()) + "\">\n";
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="th">
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s — ผู้ให้บริการยืนยันตัวตนสำหรับพัฒนา · Development identity provider</title>
                <style>
                body { font-family: "Sarabun", "TH Sarabun New", "Loma", sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
                label { display: block; margin-bottom: .25rem; }
                input { font: inherit; padding: .4rem; width: 100%%; max-width: 20rem; }
                button { font: inherit; padding: .4rem 1.2rem; }
                .error { color: #a40000; }
                table { border-collapse: collapse; margin-top: .5rem; }
                th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
                small { color: #555; font-weight: normal; }
                </style>
                </head>
                <body>
                %s</body>
                </html>
                """.formatted(escape(title), body);
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
