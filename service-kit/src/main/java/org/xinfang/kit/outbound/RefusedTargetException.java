package org.xinfang.kit.outbound;

/** A connection the outbound policy does not allow; a delivery that meets it fails without being sent. */
public final class RefusedTargetException extends RuntimeException {

    public RefusedTargetException(String reason) {
        super(reason, null, false, false);
    }
}
