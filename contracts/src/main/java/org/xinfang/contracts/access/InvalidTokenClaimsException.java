package org.xinfang.contracts.access;

/** A token whose signature may be fine but whose claims do not say who the caller is: refuse it. */
public class InvalidTokenClaimsException extends RuntimeException {

    private final String claim;

    public InvalidTokenClaimsException(String claim, String reason) {
        super("claim '" + claim + "': " + reason);
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }
}
