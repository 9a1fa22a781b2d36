package th.integrity.complaints.complaint;

/** Anonymous: no identity at all. Confidential: named, but the name is sealed and revealed only with an audited reason. */
public enum ReporterMode {
    ANONYMOUS, CONFIDENTIAL
}
