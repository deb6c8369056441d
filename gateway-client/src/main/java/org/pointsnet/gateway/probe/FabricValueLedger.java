package org.pointsnet.gateway.probe;


import org.pointsnet.contract.ProbeFunction;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.pointsnet.gateway.fabric.FabricErrors;
import org.pointsnet.gateway.fabric.LedgerFailureException;
import org.pointsnet.gateway.fabric.TransactionInvalidException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@link ValueLedger} on the probe contract of the configured chaincode. */
public final class FabricValueLedger implements ValueLedger {

    private static final String PUT_VALUE = ProbeFunction.PUT_VALUE.qualifiedName();
    private static final String GET_VALUE = ProbeFunction.GET_VALUE.qualifiedName();

    private final Contract contract;
    private final ObjectMapper json;

    public FabricValueLedger(final Contract contract, final ObjectMapper json) {
        this.contract = contract;
        this.json = json;
    }

    @Override
    public CommittedWrite putValue(final String key, final String value) {
        String txId = null;
        try {
            final Proposal proposal = contract.newProposal(PUT_VALUE).addArguments(key, value).build();
            txId = proposal.getTransactionId();
            final SubmittedTransaction submitted = proposal.endorse().submitAsync();
            final byte[] result = submitted.getResult();
            // Waits for the commit on this org's peer; other orgs' peers commit on their own schedule.
            final Status status = submitted.getStatus();
            if (!status.isSuccessful()) {
                throw new TransactionInvalidException(status.getTransactionId(), status.getCode().name(),
                    status.getBlockNumber());
            }
            final JsonNode written = parse(PUT_VALUE, txId, result);
            return new CommittedWrite(status.getTransactionId(), status.getBlockNumber(), status.getCode().name(),
                written.path("key").asString(key), written.path("value").asString(value));
        } catch (GatewayException e) {
            throw FabricErrors.translate(PUT_VALUE, txId, e);
        }
    }

    @Override
    public StoredValue getValue(final String key) {
        final byte[] result;
        try {
            result = contract.evaluateTransaction(GET_VALUE, key);
        } catch (GatewayException e) {
            throw FabricErrors.translate(GET_VALUE, null, e);
        }
        final JsonNode stored = parse(GET_VALUE, null, result);
        final JsonNode value = stored.get("value");
        if (value == null || value.isNull()) {
            throw new LedgerFailureException(GET_VALUE + " returned no value field", null, null);
        }
        return new StoredValue(stored.path("key").asString(key), value.asString());
    }

    private JsonNode parse(final String function, final String txId, final byte[] result) {
        try {
            final JsonNode node = json.readTree(result);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new LedgerFailureException(function + " returned something other than a JSON object", txId, null);
    }
}
