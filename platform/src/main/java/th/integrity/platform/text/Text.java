package th.integrity.platform.text;

/**
 * One text a user may read, in both languages the services answer in: problem details carry both, whatever
 * language the request came in, so a client shows the one its user reads.
 *
 * @param en English
 * @param th Thai
 */
public record Text(String en, String th) {
}
