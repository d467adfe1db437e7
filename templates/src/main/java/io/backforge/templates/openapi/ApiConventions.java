package io.backforge.templates.openapi;

import java.util.List;

/**
 * What a stack's generated code answers where the stacks differ, as data for {@link
 * OpenApiDocument}: each stack declares its own value, so the document says what that stack's code
 * does without the builder asking which stack it is.
 *
 * @param documentPath where the app serves its OpenAPI document
 * @param healthPath the liveness endpoint
 * @param healthMediaTypes the media types of the health body, the one answered to {@code Accept:
 *     *}{@code /*} first
 * @param healthValues the values the health body's {@code status} can take
 * @param healthCanFail whether health answers 503 when a dependency (the database) is down
 * @param healthListsGroups whether the health body may list the health groups (the actuator's
 *     {@code liveness} and {@code readiness}) under {@code groups}
 * @param passwordMaxLength the longest password register and login accept
 * @param decimalsAsStrings whether decimal fields are returned as JSON strings (else numbers)
 * @param rejectsUnknownFields whether a request body key the schema does not name answers 400
 * @param malformedIdStatus what a non-numeric {@code {id}} answers: 404 when the route does not
 *     match, 400 when the path variable fails to convert
 * @param bodyStatuses the statuses the framework answers before a request body is read (such as 413
 *     for a body over the size limit, 415 for a body that is not JSON)
 * @param answersNotAcceptable whether an operation that answers JSON answers 406 to an {@code
 *     Accept} header that rules JSON out (else it answers JSON whatever the header says)
 */
public record ApiConventions(
    String documentPath,
    String healthPath,
    List<String> healthMediaTypes,
    List<String> healthValues,
    boolean healthCanFail,
    boolean healthListsGroups,
    int passwordMaxLength,
    boolean decimalsAsStrings,
    boolean rejectsUnknownFields,
    int malformedIdStatus,
    List<Integer> bodyStatuses,
    boolean answersNotAcceptable) {

  public ApiConventions {
    healthMediaTypes = List.copyOf(healthMediaTypes);
    healthValues = List.copyOf(healthValues);
    bodyStatuses = List.copyOf(bodyStatuses);
  }
}
