package th.integrity.platform.notices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import th.integrity.platform.security.CurrentUser;
import th.integrity.platform.web.FieldProblem;
import th.integrity.platform.web.PageRequest;
import th.integrity.platform.web.ProblemException;

/**
 * The caller's own notices and preferences, at {@code /api/<service>/notices} (the prefix is the service's, added
 * by {@link NoticesAutoConfiguration}), for anyone signed in. Nobody reads or marks another person's notices: every
 * query is by the caller's token subject.
 */
@RestController
@RequestMapping("/notices")
public class NoticesController {

    static final int MAX_PAGE_SIZE = 100;
    /** Ids marked read in one request. */
    static final int MAX_IDS = 500;

    private final NoticeStore notices;
    private final RecipientStore recipients;
    private final RecipientRecorder recorder;
    private final NoticeKinds kinds;

    public NoticesController(NoticeStore notices, RecipientStore recipients, RecipientRecorder recorder,
            NoticeKinds kinds) {
        this.notices = notices;
        this.recipients = recipients;
        this.recorder = recorder;
        this.kinds = kinds;
    }

    public record Item(String id, String kind, Instant at, boolean read, String link) {
    }

    public record Page(long unread, List<Item> items) {
    }

    public record ReadRequest(List<String> ids) {
    }

    public record KindPreference(String kind, boolean email) {
    }

    public record Preferences(String email, List<KindPreference> kinds) {
    }

    public record PreferencesUpdate(Map<String, Boolean> kinds) {
    }

    @GetMapping
    public Page list(CurrentUser user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageRequest request = PageRequest.of(page, size, MAX_PAGE_SIZE);
        List<Item> items = notices.page(user.subject(), request.skip(), request.size()).stream()
                .map(n -> new Item(n.id(), n.kind(), n.at(), n.read(), n.link())).toList();
        return new Page(notices.unread(user.subject()), items);
    }

    @PostMapping("/read")
    public ResponseEntity<Void> read(CurrentUser user, @RequestBody(required = false) ReadRequest request) {
        List<String> ids = request == null ? null : request.ids();
        if (ids != null) {
            List<FieldProblem> errors = new ArrayList<>();
            if (ids.size() > MAX_IDS) {
                errors.add(FieldProblem.of("ids", "platform.notices.ids.too-many", MAX_IDS));
            }
            if (ids.stream().anyMatch(id -> id == null || !id.matches("[0-9a-f]{40}"))) {
                errors.add(FieldProblem.of("ids", "platform.notices.ids.malformed"));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
        notices.markRead(user.subject(), ids);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/preferences")
    public Preferences preferences(CurrentUser user) {
        Set<String> off = recipients.find(user.subject()).map(Recipient::emailOff).orElse(Set.of());
        return new Preferences(recorder.email(), kinds.receivableBy(user.roles()).stream()
                .map(k -> new KindPreference(k.name(), !off.contains(k.name()))).toList());
    }

    /**
     * Turns e-mail of kinds on or off. Only the kinds named change; an unknown kind, or one the caller cannot
     * receive, is a 400 naming it, and nothing is changed.
     */
    @PutMapping("/preferences")
    public Preferences update(CurrentUser user, @RequestBody PreferencesUpdate update) {
        if (update == null || update.kinds() == null) {
            throw ProblemException.invalid(FieldProblem.of("kinds", "platform.notices.kinds.required"));
        }
        Set<String> receivable = new LinkedHashSet<>();
        kinds.receivableBy(user.roles()).forEach(k -> receivable.add(k.name()));
        List<FieldProblem> errors = new ArrayList<>();
        update.kinds().forEach((kind, on) -> {
            String shown = kind == null ? "" : kind.length() > 64 ? kind.substring(0, 64) + "…" : kind;
            if (!receivable.contains(kind)) {
                errors.add(FieldProblem.of("kinds", "platform.notices.kind.unknown", shown));
            } else if (on == null) {
                errors.add(FieldProblem.of("kinds", "platform.notices.kind.not-boolean", shown));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Set<String> off = new LinkedHashSet<>(recipients.find(user.subject()).map(Recipient::emailOff).orElse(Set.of()));
        update.kinds().forEach((kind, on) -> {
            if (on) {
                off.remove(kind);
            } else {
                off.add(kind);
            }
        });
        recipients.emailOff(user.subject(), off);
        return preferences(user);
    }
}
