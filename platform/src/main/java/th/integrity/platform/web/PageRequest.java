package th.integrity.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A page of a list as the caller asked for it, checked in one place for every paged endpoint: {@code page} from 0,
 * {@code size} from 1 to the endpoint's maximum, and the first item of the page ({@code page × size}) within what
 * the store can skip. MongoDB's driver takes the skip as a 32-bit number: {@code page=2147483647&size=100} would
 * wrap around and answer the first page as if it were the one asked for. Each is a 400 naming the field instead.
 *
 * @param page from 0
 * @param size items per page
 */
public record PageRequest(int page, int size) {

    /** The furthest item a page may start at: the largest skip the MongoDB driver takes. */
    public static final long MAX_SKIP = Integer.MAX_VALUE;

    /** @throws ProblemException 400 with the offending fields, when the request is outside the limits */
    public static PageRequest of(int page, int size, int maxSize) {
        List<FieldProblem> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(FieldProblem.of("page", "platform.page.min"));
        }
        if (size < 1 || size > maxSize) {
            errors.add(FieldProblem.of("size", "platform.size.range", maxSize));
        }
        if (errors.isEmpty() && (long) page * size > MAX_SKIP) {
            long last = MAX_SKIP / size;
            errors.add(FieldProblem.of("page", "platform.page.max", last));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PageRequest(page, size);
    }

    /** How many items come before this page. */
    public long skip() {
        return (long) page * size;
    }
}
