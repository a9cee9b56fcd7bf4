package org.xinfang.intake.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.xinfang.intake.domain.Actor;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.intake.domain.InvalidPetitionException;
import org.xinfang.intake.domain.Role;

/**
 * Who is asking, from the headers the gateway sets until tokens arrive: the tenancy ({@code X-District},
 * {@code X-School}) and the person ({@code X-User-Id}, {@code X-Role}).
 */
record RequestContext(String district, String school, Optional<String> userId, Optional<Role> role) {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    static RequestContext of(HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        String district = tenant(headers, "X-District", errors);
        String school = tenant(headers, "X-School", errors);
        String user = headers.getFirst("X-User-Id");
        if (user != null && !USER.matcher(user).matches()) {
            errors.add(new FieldError("X-User-Id", "must be 1-64 letters, digits or ._@-"));
        }
        String roleHeader = headers.getFirst("X-Role");
        Optional<Role> role = Role.parse(roleHeader);
        if (roleHeader != null && role.isEmpty()) {
            errors.add(new FieldError("X-Role", "unknown role; one of CLERK, DEPARTMENT, LEADER, DEPUTY, BUREAU"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        return new RequestContext(district, school, Optional.ofNullable(user), role);
    }

    /** Who registers: the headers if given; a registration through a bare gateway is still recorded. */
    Actor registrant() {
        return new Actor(userId.orElse("unidentified"), role.orElse(Role.UNSPECIFIED));
    }

    /** Life-cycle steps need to know who acts: both headers are required. */
    Actor requireActor() {
        List<FieldError> errors = new ArrayList<>();
        if (userId.isEmpty()) {
            errors.add(new FieldError("X-User-Id", "required to act on a petition"));
        }
        if (role.isEmpty()) {
            errors.add(new FieldError("X-Role", "required to act on a petition"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidPetitionException(errors);
        }
        return new Actor(userId.get(), role.get());
    }

    boolean seesIdentity() {
        return role.map(Role::seesIdentity).orElse(false);
    }

    private static String tenant(HttpHeaders headers, String name, List<FieldError> errors) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "required header"));
        } else if (!TENANT.matcher(value).matches()) {
            errors.add(new FieldError(name, "must be 1-64 letters, digits, '-' or '_'"));
        }
        return value;
    }
}
