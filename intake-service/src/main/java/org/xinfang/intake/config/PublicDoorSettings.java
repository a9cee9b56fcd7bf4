package org.xinfang.intake.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public door's abuse controls and its key (docs/public-door.md).
 *
 * @param key                  base64 of 32 bytes or more: signs challenges and keys the query codes' hashes
 * @param challengeDifficulty  leading zero bits a solution's hash must have (each bit doubles the work)
 * @param challengeLifetime    how long a challenge may be solved and used
 * @param wrongCodesAllowed    wrong query codes one address may try in a window before it is locked out
 * @param wrongCodeWindow      the window wrong codes are counted in; a locked-out address waits for its end
 * @param submissionsPerSchool public submissions one school takes in a window, whoever sends them
 * @param submissionWindow     the window those are counted in
 */
@ConfigurationProperties("xinfang.intake.public-door")
record PublicDoorSettings(String key, int challengeDifficulty, Duration challengeLifetime, int wrongCodesAllowed,
                          Duration wrongCodeWindow, int submissionsPerSchool, Duration submissionWindow) {
}
