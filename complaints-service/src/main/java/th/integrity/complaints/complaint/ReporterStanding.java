package th.integrity.complaints.complaint;

/** Whether the reporter is a member of the public or staff reporting from inside (counted apart). */
public enum ReporterStanding {
    CITIZEN, STAFF
}
