package th.integrity.gifts.declaration;

/** Published in-process after a declaration or a decision is stored, so gauges refresh at once. */
public record DeclarationsChanged(String agency) {
}
