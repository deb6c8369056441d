package org.pointsnet.gateway.ledger;

import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.pointsnet.contract.LedgerFunction;
import org.pointsnet.gateway.fabric.FabricErrors;
import org.pointsnet.gateway.fabric.Qscc;
import org.pointsnet.gateway.fabric.TransactionInvalidException;

/** {@link ContractCalls} on a fabric-gateway {@link Contract}, error translation by {@link FabricErrors}. */
final class FabricContractCalls implements ContractCalls {

    /** Endorsing peers executed against different world states (the two platforms' peers at other heights). */
    static final String ENDORSEMENT_MISMATCH = "ProposalResponsePayloads do not match";

    /** The transient-data key the chaincode's link contract reads its request from. */
    static final String TRANSIENT_KEY = "request";

    private final Contract contract;
    private final Qscc qscc;

    FabricContractCalls(final Contract contract, final Qscc qscc) {
        this.contract = contract;
        this.qscc = qscc;
    }

    @Override
    public Submitted submitOnce(final LedgerFunction function, final String requestJson) {
        return submit(function, contract.newProposal(function.qualifiedName()).addArguments(requestJson));
    }

    @Override
    public Submitted submitPrivateOnce(final LedgerFunction function, final String requestJson,
                                       final List<String> endorsingMspIds) {
        // The argument is an empty object: the request (user ids, a grant) is transient, kept out of the block.
        return submit(function, contract.newProposal(function.qualifiedName()).addArguments("{}")
            .putTransient(TRANSIENT_KEY, requestJson.getBytes(StandardCharsets.UTF_8))
            .setEndorsingOrganizations(endorsingMspIds.toArray(String[]::new)));
    }

    private Submitted submit(final LedgerFunction function, final Proposal.Builder builder) {
        final String name = function.qualifiedName();
        String txId = null;
        try {
            final Proposal proposal = builder.build();
            txId = proposal.getTransactionId();
            final Timer.Sample submitting = Timer.start();
            final SubmittedTransaction submitted = proposal.endorse().submitAsync();
            submitting.stop(LedgerTimers.submit(name));
            final byte[] result = submitted.getResult();
            final Timer.Sample committing = Timer.start();
            final Status status = submitted.getStatus();
            committing.stop(LedgerTimers.commit(name, status.getCode().name()));
            if (!status.isSuccessful()) {
                final TxValidationCode code = status.getCode();
                if (code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT) {
                    throw new RetryableConflict(code.name(), txId,
                        new TransactionInvalidException(txId, code.name(), status.getBlockNumber()));
                }
                throw new TransactionInvalidException(status.getTransactionId(), code.name(), status.getBlockNumber());
            }
            return new Submitted(status.getTransactionId(), status.getBlockNumber(),
                new String(result, StandardCharsets.UTF_8));
        } catch (EndorseException e) {
            if (isEndorsementMismatch(e)) {
                throw new RetryableConflict(ENDORSEMENT_MISMATCH, txId, e);
            }
            throw FabricErrors.translate(name, txId, e);
        } catch (GatewayException e) {
            throw FabricErrors.translate(name, txId, e);
        }
    }

    @Override
    public String evaluate(final LedgerFunction function, final String requestJson) {
        final String name = function.qualifiedName();
        try {
            final Timer.Sample evaluating = Timer.start();
            final byte[] result = contract.evaluateTransaction(name, requestJson);
            evaluating.stop(LedgerTimers.evaluate(name));
            return new String(result, StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            throw FabricErrors.translate(name, null, e);
        }
    }

    @Override
    public long blockNumberOf(final String txId) {
        return qscc.blockNumberOf(txId);
    }

    static boolean isEndorsementMismatch(final GatewayException e) {
        if (contains(e.getMessage()) || contains(e.getStatus().getDescription())) {
            return true;
        }
        for (final ErrorDetail detail : e.getDetails()) {
            if (contains(detail.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(final String text) {
        return text != null && text.contains(ENDORSEMENT_MISMATCH);
    }
}
