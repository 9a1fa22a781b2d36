package th.integrity.complaints.reference;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import th.integrity.complaints.ComplaintsProblems;
import th.integrity.platform.web.ProblemException;

/** Reference data: public to read (the form needs it), ADMIN to extend and relabel. */
@RestController
@RequestMapping("/api/complaints/reference")
@Tag(name = "Reference data", description = "Categories, channels, divisions, statuses, closure reasons, forwarding bodies")
class ReferenceController {

    private final ReferenceData reference;

    ReferenceController(ReferenceData reference) {
        this.reference = reference;
    }

    record Item(String code, String labelTh, String labelEn) {
        static Item of(ReferenceEntry entry) {
            return new Item(entry.code(), entry.labelTh(), entry.labelEn());
        }
    }

    record CategoryItem(String code, String labelTh, String labelEn, List<Item> subcategories) {
    }

    record Lists(List<CategoryItem> categories, List<Item> channels, List<Item> divisions, List<Item> statuses,
            List<Item> closureReasons, List<Item> forwardingBodies) {
    }

    /** A new entry of an extensible list; {@code parent} is the main category of a sub-category. */
    record NewEntry(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String code,
            String parent,
            @NotBlank @Size(max = 200) String labelTh,
            @NotBlank @Size(max = 200) String labelEn) {
    }

    record Labels(@NotBlank @Size(max = 200) String labelTh, @NotBlank @Size(max = 200) String labelEn) {
    }

    @GetMapping
    @Operation(summary = "Every reference list with Thai and English labels (public)")
    ResponseEntity<Lists> lists() {
        Map<ReferenceKind, List<ReferenceEntry>> byKind = new LinkedHashMap<>();
        for (ReferenceEntry entry : reference.all()) {
            byKind.computeIfAbsent(entry.kind(), k -> new java.util.ArrayList<>()).add(entry);
        }
        List<ReferenceEntry> subs = byKind.getOrDefault(ReferenceKind.SUBCATEGORY, List.of());
        List<CategoryItem> categories = byKind.getOrDefault(ReferenceKind.CATEGORY, List.of()).stream()
                .map(c -> new CategoryItem(c.code(), c.labelTh(), c.labelEn(), subs.stream()
                        .filter(s -> c.code().equals(s.parent())).map(Item::of).toList()))
                .toList();
        Lists lists = new Lists(categories, items(byKind, ReferenceKind.CHANNEL), items(byKind, ReferenceKind.DIVISION),
                items(byKind, ReferenceKind.STATUS), items(byKind, ReferenceKind.CLOSURE_REASON),
                items(byKind, ReferenceKind.FORWARDING_BODY));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(lists);
    }

    @PostMapping("/{kind}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add an entry to subcategories, divisions or forwarding-bodies (ADMIN)")
    ResponseEntity<Item> add(@PathVariable String kind, @Valid @RequestBody NewEntry entry) {
        ReferenceKind k = kind(kind);
        if (!k.extensible()) {
            throw ComplaintsProblems.listNotExtensible(kind);
        }
        String parent = null;
        if (k == ReferenceKind.SUBCATEGORY) {
            if (!reference.exists(ReferenceKind.CATEGORY, entry.parent())) {
                throw ProblemException.invalid(ComplaintsProblems.field("parent", "parent.unknown"));
            }
            parent = entry.parent();
        }
        int order = reference.all().stream().filter(e -> e.kind() == k).mapToInt(ReferenceEntry::order).max().orElse(-1) + 1;
        ReferenceEntry created = ReferenceEntry.of(k, entry.code(), parent, entry.labelTh().strip(),
                entry.labelEn().strip(), order);
        if (!reference.add(created)) {
            throw ComplaintsProblems.referenceEntryExists(kind, entry.code());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Item.of(created));
    }

    @PutMapping("/{kind}/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change the Thai and English labels of an entry (ADMIN)")
    Item relabel(@PathVariable String kind, @PathVariable String code, @Valid @RequestBody Labels labels) {
        return reference.relabel(kind(kind), code, labels.labelTh().strip(), labels.labelEn().strip()).map(Item::of)
                .orElseThrow(() -> ComplaintsProblems.referenceEntryNotFound(kind, code));
    }

    private static ReferenceKind kind(String path) {
        return ReferenceKind.fromPath(path).orElseThrow(() -> ComplaintsProblems.referenceListNotFound(path));
    }

    private static List<Item> items(Map<ReferenceKind, List<ReferenceEntry>> byKind, ReferenceKind kind) {
        return byKind.getOrDefault(kind, List.of()).stream().map(Item::of).toList();
    }
}
