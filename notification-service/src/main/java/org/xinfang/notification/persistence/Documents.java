package org.xinfang.notification.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Small conversions shared by the stores: BSON dates to instants, and recognising a duplicate key. */
final class Documents {

    private Documents() {
    }

    static Instant instant(Document doc, String field) {
        Object value = doc.get(field);
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        return null;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /** An unordered bulk write whose only failures are duplicate keys: what was new is stored. */
    static boolean onlyDuplicates(Throwable e) {
        return e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()
                && bulk.getWriteErrors().stream().allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    /** How many documents of an unordered bulk insert went in, given its duplicate-key failures. */
    static int insertedDespite(Throwable e, int attempted) {
        return attempted - ((MongoBulkWriteException) e).getWriteErrors().size();
    }

    /** Inserts report it as a write error; findAndModify upserts as a command error with code 11000. */
    static boolean duplicateKey(Throwable e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof com.mongodb.MongoException mongo && mongo.getCode() == 11000;
    }
}
