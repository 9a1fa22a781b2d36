package th.integrity.platform.notices;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import th.integrity.platform.security.Role;

/** The recipients of this service's notices, keyed by token subject; read by agency and role. */
public class RecipientStore {

    private final MongoTemplate mongo;

    public RecipientStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Who in an agency holds a role: the question every notice asks.
        mongo.indexOps(Recipient.COLLECTION).createIndex(
                new Index().on("agency", Sort.Direction.ASC).on("roles", Sort.Direction.ASC).named("agency_roles"));
    }

    /** Writes what the token says of this person; their preferences stay as they are. */
    public void record(String subject, String agency, Set<Role> roles, String email, String name, Instant at) {
        Update update = new Update().set("agency", agency)
                .set("roles", roles.stream().map(Role::name).sorted().toList())
                .set("email", email).set("name", name).set("seenAt", at);
        mongo.upsert(Query.query(Criteria.where("_id").is(subject)), update, Recipient.COLLECTION);
    }

    public Optional<Recipient> find(String subject) {
        return Optional.ofNullable(mongo.findById(subject, Recipient.class));
    }

    /** Everyone of {@code agency} whose last token held {@code role}. */
    public List<Recipient> holding(String agency, Role role) {
        return mongo.find(Query.query(Criteria.where("agency").is(agency).and("roles").is(role.name())),
                Recipient.class);
    }

    /** Replaces the kinds {@code subject} gets no e-mail of (creating the record if the person has none yet). */
    public void emailOff(String subject, Set<String> kinds) {
        mongo.upsert(Query.query(Criteria.where("_id").is(subject)),
                new Update().set("emailOff", kinds.stream().sorted().toList()), Recipient.COLLECTION);
    }
}
