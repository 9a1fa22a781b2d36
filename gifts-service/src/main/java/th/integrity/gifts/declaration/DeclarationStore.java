package th.integrity.gifts.declaration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import th.integrity.gifts.gift.Half;
import th.integrity.gifts.gift.Round;
import th.integrity.gifts.gift.RuleOutcome;
import th.integrity.platform.outbox.Outbox;
import th.integrity.platform.outbox.OutboxMessage;

/**
 * The one class that reads and writes collection {@code declarations}. A declaration is current while no
 * correction names it: {@code supersededBy} is set right after the correction is inserted, and until then the
 * correction's {@code supersedes} already says so, so every query of current declarations checks both.
 */
@Component
public class DeclarationStore {

    private final MongoTemplate mongo;

    DeclarationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores a new declaration with its events.
     *
     * @throws DuplicateKeyException when the version it corrects has been corrected already
     */
    void insert(Declaration declaration) {
        mongo.insert(declaration);
    }

    /** Marks {@code id} as replaced by the correction {@code by}; a no-op when something already replaced it. */
    void markSuperseded(String id, String by, Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("supersededBy").isNull()),
                new Update().set("supersededBy", by).set("supersededAt", at), Declaration.class);
    }

    /** The declaration {@code id} if it belongs to {@code agency}. */
    public Optional<Declaration> find(String agency, String id) {
        return Optional.ofNullable(
                mongo.findOne(new Query(Criteria.where("_id").is(id).and("agency").is(agency)), Declaration.class));
    }

    /**
     * The declaration {@code id} whatever its agency: only for the decider above an agency, who belongs to another
     * (DecisionService checks that she is the one configured for the declaration's agency before showing anything).
     */
    public Optional<Declaration> findAnyAgency(String id) {
        return Optional.ofNullable(mongo.findById(id, Declaration.class));
    }

    /** The id of the correction that replaced {@code id}, or null while it is current. */
    public String supersededBy(String id) {
        Declaration old = mongo.findById(id, Declaration.class);
        if (old != null && old.supersededBy() != null) {
            return old.supersededBy();
        }
        Declaration successor = mongo.findOne(new Query(Criteria.where("supersedes").is(id)), Declaration.class);
        return successor == null ? null : successor.id();
    }

    /** For each of {@code declarations} that has been corrected: its id → the correction's id. */
    public Map<String, String> successors(Collection<Declaration> declarations) {
        Map<String, String> successors = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (Declaration d : declarations) {
            if (d.supersededBy() != null) {
                successors.put(d.id(), d.supersededBy());
            } else {
                ids.add(d.id());
            }
        }
        if (!ids.isEmpty()) {
            Query query = new Query(Criteria.where("supersedes").in(ids));
            query.fields().include("_id", "supersedes");
            for (org.bson.Document c : mongo.find(query, org.bson.Document.class, Declaration.COLLECTION)) {
                successors.put(c.getString("supersedes"), c.getString("_id"));
            }
        }
        return successors;
    }

    /** Every version a declarant has submitted in their agency, superseded ones included. */
    List<Declaration> ofDeclarant(String agency, String subject) {
        return mongo.find(new Query(Criteria.where("agency").is(agency).and("declarant.subject").is(subject)),
                Declaration.class);
    }

    /**
     * The declarant's current declarations from the same giver (by normalised name) on the same occasion in the
     * same fiscal year; {@code excluded} is the version being corrected, or null.
     */
    List<Declaration> fromSameGiver(String agency, String subject, int fiscalYear, String occasionKey,
            String giverKey, String excluded) {
        Criteria criteria = Criteria.where("agency").is(agency).and("declarant.subject").is(subject)
                .and("fiscalYear").is(fiscalYear).and("occasionKey").is(occasionKey).and("giver.nameKey").is(giverKey)
                .and("supersededBy").isNull();
        if (excluded != null) {
            criteria = criteria.and("_id").ne(excluded);
        }
        return current(mongo.find(new Query(criteria), Declaration.class));
    }

    /** Undecided, current declarations that need a decision; {@code agency} null for every agency. */
    public List<Declaration> waiting(String agency) {
        Criteria criteria = Criteria.where("evaluation.outcome").is(RuleOutcome.NEEDS_DECISION).and("decision").isNull()
                .and("supersededBy").isNull();
        if (agency != null) {
            criteria = criteria.and("agency").is(agency);
        }
        return current(mongo.find(new Query(criteria), Declaration.class));
    }

    /** The agency's current declarations offered within a round; {@code subject} null for everyone's. */
    public List<Declaration> currentInRound(String agency, String subject, int fiscalYear, Round round) {
        Criteria criteria = Criteria.where("agency").is(agency).and("fiscalYear").is(fiscalYear)
                .and("supersededBy").isNull();
        if (subject != null) {
            criteria = criteria.and("declarant.subject").is(subject);
        }
        if (round == Round.H1) {
            criteria = criteria.and("half").is(Half.H1);
        }
        return current(mongo.find(new Query(criteria), Declaration.class));
    }

    /**
     * Adds the head's decision and its event, as one targeted update. The condition makes the first decision win:
     * a second one (or one racing it), or one on a version corrected meanwhile, finds nothing to update.
     *
     * @return the declaration as decided, or empty when it was no longer undecided and current
     */
    public Optional<Declaration> decide(String agency, String id, Declaration.HeadDecision decision, int version,
            OutboxMessage event) {
        return Optional.ofNullable(mongo.findAndModify(
                new Query(Criteria.where("_id").is(id).and("agency").is(agency).and("decision").isNull()
                        .and("supersededBy").isNull()),
                new Update().set("decision", decision).set("version", version).push(Outbox.FIELD, event),
                FindAndModifyOptions.options().returnNew(true), Declaration.class));
    }

    private List<Declaration> current(List<Declaration> found) {
        Map<String, String> successors = successors(found);
        return found.stream().filter(d -> !successors.containsKey(d.id())).toList();
    }
}
