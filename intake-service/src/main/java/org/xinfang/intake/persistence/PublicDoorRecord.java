package org.xinfang.intake.persistence;

import org.xinfang.intake.domain.Evaluation;

/**
 * What the public door keeps with a petition sent through it, in the petition's own document (so a petition and its
 * code are written together or not at all): the query code's keyed hash, the code sealed for a retry of a submission
 * sent with an idempotency key (null otherwise), and the petitioner's evaluation once given.
 */
public record PublicDoorRecord(String codeHash, String sealedCode, Evaluation evaluation) {
}
