package th.integrity.stats.replay;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One rebuild of the projection, as its progress document.
 *
 * @param generation   the generation being built (queries switch to it when it has caught up)
 * @param state        {@code RUNNING}, {@code SWITCHED} (done, now active) or {@code FAILED}
 * @param partitions   per partition: the end offset captured at the start and the position reached
 * @param recordsRead  records read so far
 * @param skipped      records that could not be projected (they were dead-lettered when first consumed)
 * @param heartbeatAt  when the replay last advanced (or started); older than {@code replay-stale-after} while
 *                     {@code RUNNING} means its process died or hangs, and it is abandoned
 */
@Document(Replay.COLLECTION)
public record Replay(
        @Id String id,
        int generation,
        String state,
        Instant requestedAt,
        String requestedBy,
        Instant switchedAt,
        Instant finishedAt,
        List<PartitionProgress> partitions,
        long recordsRead,
        long skipped,
        String error,
        Instant heartbeatAt) {

    public static final String COLLECTION = "replays";
    public static final String RUNNING = "RUNNING";
    public static final String SWITCHED = "SWITCHED";
    public static final String FAILED = "FAILED";

    public record PartitionProgress(String topic, int partition, long endOffset, long position) {
    }
}
