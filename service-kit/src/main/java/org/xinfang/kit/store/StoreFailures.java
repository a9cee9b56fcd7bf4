package org.xinfang.kit.store;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Which failures of a store call mean "the store is not there right now" rather than "this request is wrong": the
 * store down or restarting (no server selected in time, a socket refused, closed or silent, the connection pool
 * cleared under a pending call, a server that has gone away or is not primary yet), a call past its time limit, and
 * anything the driver labels safe to retry. These are answered 503 with Retry-After, never 500.
 */
public final class StoreFailures {

    /** The exception types {@link StoreUnavailableAdvice} answers; subclasses included. */
    public static final List<Class<? extends MongoException>> UNAVAILABLE = List.of(MongoTimeoutException.class,
            MongoSocketException.class, MongoExecutionTimeoutException.class, MongoConnectionPoolClearedException.class,
            MongoServerUnavailableException.class, MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class);

    private StoreFailures() {
    }

    public static boolean unavailable(Throwable e) {
        if (e instanceof TimeoutException) {
            return true;
        }
        if (e instanceof MongoException m) {
            return UNAVAILABLE.stream().anyMatch(type -> type.isInstance(m))
                    || m.hasErrorLabel("RetryableWriteError")
                    || m.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL);
        }
        return false;
    }
}
