package th.integrity.complaints.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import com.mongodb.client.gridfs.model.GridFSFile;

import th.integrity.complaints.ComplaintsProperties;
import th.integrity.complaints.complaint.CaseStore;
import th.integrity.complaints.identity.IdentityVault;
import th.integrity.complaints.complaint.Complaint;

/**
 * Attachments in MongoDB GridFS. Files are stored before their case is written (the case must reference
 * them), tagged with the case id; a case that is never written leaves orphans, which are deleted at once
 * when the failure is seen and by a periodic sweep otherwise — so nothing of a failed submission stays.
 */
@Component
public class AttachmentStore {

    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);

    private final GridFsTemplate gridFs;
    private final CaseStore cases;
    private final Clock clock;
    private final ComplaintsProperties.Attachments limits;
    private final IdentityVault vault;

    /** Metadata flag of files sealed under their case's key. */
    static final String SEALED = "sealed";

    AttachmentStore(GridFsTemplate gridFs, CaseStore cases, Clock clock, ComplaintsProperties properties,
            IdentityVault vault) {
        this.vault = vault;
        this.gridFs = gridFs;
        this.cases = cases;
        this.clock = clock;
        this.limits = properties.attachments();
    }

    /** Stores the files of case {@code caseId}; on failure removes what it had stored and rethrows. */
    public List<Complaint.Attachment> store(String agency, String caseId, List<CleanFile> files) {
        return store(agency, caseId, files, 0, null);
    }

    /**
     * Stores files a reporter adds later: numbered after the case's {@code existing} files, marked with
     * {@code addedAt}.
     */
    public List<Complaint.Attachment> store(String agency, String caseId, List<CleanFile> files, int existing,
            Instant addedAt) {
        List<Complaint.Attachment> stored = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                CleanFile file = files.get(i);
                String name = "attachment-" + (existing + i + 1) + "." + file.extension();
                Document metadata = new Document("caseId", caseId).append("agency", agency)
                        .append("storedAt", java.util.Date.from(clock.instant())).append(SEALED, true);
                // Sealed under the case's own key: the store never holds the bytes in clear, and destroying the
                // key at the retention purge leaves nothing readable in any copy of the chunks.
                byte[] sealed = vault.sealFile(agency, caseId, name, file.bytes());
                ObjectId id = gridFs.store(new ByteArrayInputStream(sealed), name, file.contentType(), metadata);
                stored.add(new Complaint.Attachment(id.toHexString(), name, file.contentType(), file.bytes().length,
                        addedAt));
            }
            return stored;
        } catch (RuntimeException e) {
            delete(stored.stream().map(Complaint.Attachment::fileId).toList());
            throw e;
        }
    }

    public void delete(Collection<String> fileIds) {
        for (String id : fileIds) {
            try {
                gridFs.delete(new Query(Criteria.where("_id").is(new ObjectId(id))));
            } catch (RuntimeException e) {
                log.warn("Could not delete stored file {} (the orphan sweep retries): {}", id, e.toString());
            }
        }
    }

    /** The bytes of a file of case {@code caseId}, or null when there is none (or its case's key was destroyed). */
    public InputStream open(String caseId, String fileId) throws IOException {
        if (!ObjectId.isValid(fileId)) {
            return null;
        }
        GridFSFile file = gridFs.findOne(new Query(Criteria.where("_id").is(new ObjectId(fileId))
                .and("metadata.caseId").is(caseId)));
        if (file == null) {
            return null;
        }
        InputStream stored = gridFs.getResource(file).getInputStream();
        Document metadata = file.getMetadata();
        if (metadata == null || !Boolean.TRUE.equals(metadata.getBoolean(SEALED))) {
            return stored; // stored before files were sealed
        }
        byte[] sealed;
        try (stored) {
            sealed = stored.readAllBytes();
        }
        return vault.openFile(metadata.getString("agency"), caseId, file.getFilename(), sealed)
                .map(ByteArrayInputStream::new).orElse(null);
    }

    /** The periodic orphan sweep, on one replica at a time. */
    @Scheduled(fixedDelayString = "${integrity.complaints.attachments.sweep-interval:15m}",
            initialDelayString = "${integrity.complaints.attachments.sweep-interval:15m}")
    @SchedulerLock(name = "attachment-orphans",
            lockAtMostFor = "${integrity.sweeps.attachment-orphans.lock-at-most-for:14m}",
            lockAtLeastFor = "${integrity.sweeps.attachment-orphans.lock-at-least-for:1m}")
    public void scheduledSweep() {
        sweepOrphans();
    }

    /** Deletes stored files older than the grace period that no case references. */
    public int sweepOrphans() {
        Instant before = clock.instant().minus(limits.orphanGrace());
        List<String> orphans = new ArrayList<>();
        for (GridFSFile file : gridFs.find(new Query(Criteria.where("metadata.storedAt").lt(java.util.Date.from(before))))) {
            String id = file.getObjectId().toHexString();
            if (!cases.referencesAttachment(id)) {
                orphans.add(id);
            }
        }
        delete(orphans);
        if (!orphans.isEmpty()) {
            log.info("Deleted {} orphaned attachment files", orphans.size());
        }
        return orphans.size();
    }
}
