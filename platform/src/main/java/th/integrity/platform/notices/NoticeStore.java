package th.integrity.platform.notices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The notices, one document per notice and person. Indexes: {@code recipient_at} (a person's list, newest first),
 * {@code recipient_read} (their unread count) and {@code mail_due}, partial on {@code mailDueAt} so that it holds
 * only the mails still waiting (what the sender reads).
 */
public class NoticeStore {

    private final MongoTemplate mongo;

    public NoticeStore(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(Notice.COLLECTION);
        indexes.createIndex(new Index().on("recipient", Sort.Direction.ASC).on("at", Sort.Direction.DESC)
                .named("recipient_at"));
        indexes.createIndex(new Index().on("recipient", Sort.Direction.ASC).on("read", Sort.Direction.ASC)
                .named("recipient_read"));
        indexes.createIndex(new Index().on("mailDueAt", Sort.Direction.ASC).named("mail_due")
                .partial(PartialIndexFilter.of(new Document("mailDueAt", new Document("$exists", true)))));
    }

    /**
     * The id of the notice about {@code about} (an event's subject and what of it, e.g. {@code complaint-new:<case>})
     * for {@code recipient}: a digest, so the same notice is the same document however often it is made.
     */
    static String id(String kind, String about, String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind + '\n' + about + '\n' + recipient).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return false when this notice already exists (a redelivered event): nothing is written then */
    public boolean insertOnce(Notice notice) {
        try {
            mongo.insert(notice);
            return true;
        } catch (DuplicateKeyException again) {
            return false;
        }
    }

    public List<Notice> page(String recipient, long skip, int size) {
        return mongo.find(Query.query(Criteria.where("recipient").is(recipient))
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))).skip(skip).limit(size), Notice.class);
    }

    public long unread(String recipient) {
        return mongo.count(Query.query(Criteria.where("recipient").is(recipient).and("read").is(false)),
                Notice.class);
    }

    /** Marks {@code recipient}'s notices read: those of {@code ids}, or all when null. Others' are never touched. */
    public void markRead(String recipient, Collection<String> ids) {
        Criteria mine = Criteria.where("recipient").is(recipient).and("read").is(false);
        if (ids != null) {
            mine = mine.and("_id").in(ids);
        }
        mongo.updateMulti(Query.query(mine), new Update().set("read", true), Notice.class);
    }

    /** Mails waiting whose turn has come, oldest turn first. */
    public List<Notice> due(Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("mailDueAt").lte(now))
                .with(Sort.by("mailDueAt")).limit(limit), Notice.class);
    }

    public void sent(String id, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("mail", Notice.MailState.SENT).set("mailSentAt", at).unset("mailDueAt"),
                Notice.class);
    }

    /** The mail could not go now: kept, and tried again at {@code next}. */
    public void retry(String id, int attempts, Instant next) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("mailAttempts", attempts).set("mailDueAt", next), Notice.class);
    }

    /** The mail will never go (the person turned the kind off, or lost the address, meanwhile). */
    public void dropMail(String id, Notice.MailState why) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("mail", why).unset("mailDueAt"), Notice.class);
    }

    /** The keys of {@code keys} already marked done ({@link #markDone}): sweeps skip what they notified before. */
    public java.util.Set<String> done(Collection<String> keys) {
        java.util.Set<String> found = new java.util.HashSet<>();
        mongo.getCollection(MARKS).find(com.mongodb.client.model.Filters.in("_id", keys))
                .projection(com.mongodb.client.model.Projections.include("_id"))
                .forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    /** Marks a sweep's notice {@code key} as made, once every recipient has it (a crash before: made again, once). */
    public void markDone(String key, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(key)), new Update().setOnInsert("at", at), MARKS);
    }

    /** What periodic sweeps have notified about, one document per key (e.g. {@code case-overdue:<case>:<due>}). */
    public static final String MARKS = "notice_marks";
}
