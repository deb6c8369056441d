package org.pointsnet.chaincode.testing;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which policy each written key needs, as core/common/validation/statebased (KeyLevelValidator, policyCheckerV20):
 *
 * <ol>
 *   <li>a key whose validation parameter an earlier, endorsement-valid transaction of the same block changed fails
 *       outright (ValidationParameterUpdatedError);
 *   <li>a key with a committed validation parameter needs that policy;
 *   <li>otherwise a private key needs its collection's endorsement policy, if the collection has one;
 *   <li>otherwise the chaincode-level policy.
 * </ol>
 *
 * <p>A transaction that wrote nothing still needs the chaincode-level policy (FAB-9473).
 */
final class EndorsementValidator {
    /** What the validator looks up: committed state before the block, and the channel's policies. */
    interface Policies {
        /** The key's committed validation parameter, or null. */
        byte[] committedValidationParameter(LedgerKey key);

        Optional<Policy> collectionPolicy(String collection);

        Policy chaincodePolicy();
    }

    private EndorsementValidator() {}

    /** Why the endorsements do not suffice, or empty when they do. */
    static Optional<String> failure(final ReadWriteSet rwset, final Set<String> endorsers,
            final Set<LedgerKey> validationParametersUpdatedInBlock, final Policies policies) {
        boolean someChecked = false;
        for (final LedgerKey key : rwset.writtenKeys()) {
            if (validationParametersUpdatedInBlock.contains(key)) {
                return Optional.of("validation parameter of " + key
                        + " was updated by an earlier transaction in this block");
            }
            final byte[] keyLevel = policies.committedValidationParameter(key);
            final Policy policy;
            final String which;
            if (keyLevel != null && keyLevel.length > 0) {
                policy = Policy.fromValidationParameter(keyLevel);
                which = "key-level policy of " + key;
            } else if (!key.isPublic() && policies.collectionPolicy(key.collection()).isPresent()) {
                policy = policies.collectionPolicy(key.collection()).orElseThrow();
                which = "endorsement policy of collection " + key.collection() + " (writing " + key + ")";
            } else {
                policy = policies.chaincodePolicy();
                which = "chaincode-level policy (writing " + key + ")";
            }
            if (!policy.isSatisfiedBy(endorsers)) {
                return Optional.of(which + " " + policy + " not satisfied by " + new TreeSet<>(endorsers));
            }
            someChecked = true;
        }
        if (!someChecked && !policies.chaincodePolicy().isSatisfiedBy(endorsers)) {
            return Optional.of("transaction writes nothing, so the chaincode-level policy "
                    + policies.chaincodePolicy() + " applies and is not satisfied by " + new TreeSet<>(endorsers));
        }
        return Optional.empty();
    }
}
