package org.xinfang.intake.web;

import org.xinfang.kit.web.ApiProblem;

/** 404 for what is absent and for what belongs to another tenant alike, so that its existence is not disclosed. */
final class NotFound {

    private NotFound() {
    }

    static ApiProblem petition(String id) {
        return ApiProblem.notFound("nothing with id " + id + " here");
    }

    static ApiProblem inbox(String department) {
        return ApiProblem.notFound("no inbox of department " + department + " here");
    }
}
