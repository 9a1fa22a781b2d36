package th.integrity.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One offending field of a request, with what is wrong with it in English and Thai.
 *
 * @param field     the field's path in the request, e.g. {@code details} or {@code items[0].value}
 * @param messageEn English message
 * @param messageTh Thai message
 */
public record FieldProblem(
        String field,
        @JsonProperty("message_en") String messageEn,
        @JsonProperty("message_th") String messageTh) {
}
