package org.pointsnet.gateway.probe;

import jakarta.validation.constraints.NotNull;

/**
 * Body of POST /api/v1/probe/values. Only presence is checked here: the chaincode owns the rules for keys and
 * values and answers VALIDATION_FAILED itself, so the rules live in one place.
 */
public record PutValueRequest(@NotNull(message = "is required") String key,
                              @NotNull(message = "is required") String value) {
}
