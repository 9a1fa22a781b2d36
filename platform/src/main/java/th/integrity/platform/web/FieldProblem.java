package th.integrity.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;

import th.integrity.platform.text.Text;
import th.integrity.platform.text.Texts;

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

    /** The field with the bundles' text under {@code key} (see {@link Texts}), with {@code args} filled in. */
    public static FieldProblem of(String field, String key, Object... args) {
        Text message = Texts.get(key, args);
        return new FieldProblem(field, message.en(), message.th());
    }
}
