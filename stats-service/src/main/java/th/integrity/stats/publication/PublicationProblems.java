package th.integrity.stats.publication;

import org.springframework.http.HttpStatus;

import th.integrity.platform.web.ProblemType;

/** Problems of publishing, beyond the platform's shared ones. */
final class PublicationProblems {

    static final ProblemType PERIOD_NOT_ENDED = new ProblemType("period-not-ended", HttpStatus.CONFLICT,
            "The period has not ended yet", "ยังไม่สิ้นสุดช่วงเวลาที่จะเผยแพร่");
    static final ProblemType ALREADY_PUBLISHED = new ProblemType("already-published", HttpStatus.CONFLICT,
            "Already published: publish a correction instead", "เผยแพร่แล้ว กรุณาเผยแพร่ฉบับแก้ไขแทน");
    static final ProblemType NOT_CURRENT = new ProblemType("not-current-revision", HttpStatus.CONFLICT,
            "Only the current revision can be corrected", "แก้ไขได้เฉพาะฉบับปัจจุบันเท่านั้น");

    private PublicationProblems() {
    }
}
