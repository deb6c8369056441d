package org.pointsnet.gateway.events;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.pointsnet.gateway.support.TestPki;

/** Blocks shaped like the ones a Fabric peer delivers, built from protos for tests, with real endorsements. */
public final class TestBlocks {

    private TestBlocks() {
    }

    /**
     * Who endorses a test transaction: the MSP id and certificate put in the endorser, and the key that signs
     * {@code proposal_response_payload || endorser} (normally the certificate's; another one makes a bad signature).
     *
     * @param highS sign with the high-S twin of the signature, which Fabric refuses
     */
    public record Endorser(String mspId, X509Certificate certificate, PrivateKey signingKey, boolean highS) {

        /** A genuine endorser: {@code identity}'s certificate, signed by its own key, low-S as Fabric peers sign. */
        public static Endorser of(final String mspId, final TestPki.Identity identity) {
            return new Endorser(mspId, identity.certificate(), identity.keys().getPrivate(), false);
        }

        /** The same endorser, but the signature is made by {@code key}. */
        public Endorser signingWith(final PrivateKey key) {
            return new Endorser(mspId, certificate, key, highS);
        }

        /** The same endorser, signing with the high-S form of its signature. */
        public Endorser withHighS() {
            return new Endorser(mspId, certificate, signingKey, true);
        }

        Endorsement endorse(final ByteString proposalResponsePayload) {
            final ByteString endorser = SerializedIdentity.newBuilder().setMspid(mspId)
                .setIdBytes(ByteString.copyFromUtf8(Identities.toPemString(certificate))).build().toByteString();
            try {
                final Signature signer = Signature.getInstance("SHA256withECDSA");
                signer.initSign(signingKey);
                signer.update(proposalResponsePayload.toByteArray());
                signer.update(endorser.toByteArray());
                final BigInteger order = ((ECPrivateKey) signingKey).getParams().getOrder();
                return Endorsement.newBuilder().setEndorser(endorser)
                    .setSignature(ByteString.copyFrom(withS(signer.sign(), order, highS))).build();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The DER signature with its s in the lower (Fabric's) or upper half of the curve order. */
        private static byte[] withS(final byte[] der, final BigInteger order, final boolean high) {
            final ASN1Sequence signature = ASN1Sequence.getInstance(der);
            final BigInteger r = ASN1Integer.getInstance(signature.getObjectAt(0)).getValue();
            final BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getValue();
            final boolean isHigh = s.compareTo(order.shiftRight(1)) > 0;
            final ASN1EncodableVector rs = new ASN1EncodableVector(2);
            rs.add(new ASN1Integer(r));
            rs.add(new ASN1Integer(isHigh == high ? s : order.subtract(s)));
            try {
                return new DERSequence(rs).getEncoded();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * One transaction of a test block; {@code eventName} null means a transaction that set no event.
     *
     * @param rawEvent when set, the ChaincodeAction's event bytes as they are (e.g. bytes that do not parse)
     */
    public record Tx(String txId, TxValidationCode code, HeaderType type, String chaincode, String eventName,
                     String payload, List<Endorser> endorsers, ByteString rawEvent) {

        public Tx {
            endorsers = List.copyOf(endorsers);
        }

        /** A transaction without endorsements. */
        public Tx(final String txId, final TxValidationCode code, final HeaderType type, final String chaincode,
                  final String eventName, final String payload) {
            this(txId, code, type, chaincode, eventName, payload, List.of(), null);
        }

        /** A valid endorser transaction of chaincode "points" setting {@code eventName}, not endorsed. */
        public static Tx valid(final String txId, final String eventName, final String payload) {
            return new Tx(txId, TxValidationCode.VALID, HeaderType.ENDORSER_TRANSACTION, "points", eventName, payload);
        }

        /** A valid transaction of chaincode "points" whose event bytes are {@code rawEvent}, unparsed. */
        public static Tx withRawEvent(final String txId, final ByteString rawEvent) {
            return new Tx(txId, TxValidationCode.VALID, HeaderType.ENDORSER_TRANSACTION, "points", null, null,
                List.of(), rawEvent);
        }

        /** This transaction, endorsed by {@code by} (each signs the proposal response payload). */
        public Tx endorsedBy(final Endorser... by) {
            return new Tx(txId, code, type, chaincode, eventName, payload, Arrays.asList(by), rawEvent);
        }
    }

    /** A Receipt event payload with one posting per (platformId, userId, delta) triple. */
    public static String receipt(final String txId, final String type, final String platformId,
                                 final Object... postings) {
        final StringBuilder json = new StringBuilder("{\"type\":\"").append(type).append("\",\"requestId\":\"r-")
            .append(txId).append("\",\"requestHash\":\"h\",\"txId\":\"").append(txId)
            .append("\",\"timestamp\":\"2026-11-24T00:00:00Z\",\"platformId\":\"").append(platformId)
            .append("\",\"postings\":[");
        for (int i = 0; i + 2 < postings.length; i += 3) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"platformId\":\"").append(postings[i]).append("\",\"userId\":\"").append(postings[i + 1])
                .append("\",\"delta\":").append(postings[i + 2]).append('}');
        }
        return json.append("]}").toString();
    }

    public static Block block(final long number, final List<Tx> transactions) {
        final BlockData.Builder data = BlockData.newBuilder();
        final byte[] validity = new byte[transactions.size()];
        for (int i = 0; i < transactions.size(); i++) {
            final Tx tx = transactions.get(i);
            validity[i] = (byte) tx.code().getNumber();
            data.addData(envelope(tx).toByteString());
        }
        final BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
        for (int i = 0; i < 5; i++) {
            metadata.addMetadata(i == 2 ? ByteString.copyFrom(validity) : ByteString.EMPTY);
        }
        return Block.newBuilder()
            .setHeader(BlockHeader.newBuilder().setNumber(number))
            .setData(data)
            .setMetadata(metadata)
            .build();
    }

    /** The endorsed action of {@code tx} as its envelope carries it: the proposal response and its endorsements. */
    public static ChaincodeEndorsedAction endorsedAction(final Tx tx) {
        final ChaincodeAction.Builder action = ChaincodeAction.newBuilder()
            .setChaincodeId(ChaincodeID.newBuilder().setName(tx.chaincode()));
        if (tx.rawEvent() != null) {
            action.setEvents(tx.rawEvent());
        } else if (tx.eventName() != null) {
            action.setEvents(ChaincodeEvent.newBuilder().setChaincodeId(tx.chaincode()).setTxId(tx.txId())
                .setEventName(tx.eventName())
                .setPayload(ByteString.copyFrom(tx.payload(), StandardCharsets.UTF_8)).build().toByteString());
        }
        final ByteString response = ProposalResponsePayload.newBuilder()
            .setProposalHash(ByteString.copyFromUtf8("proposal-of-" + tx.txId()))
            .setExtension(action.build().toByteString()).build().toByteString();
        final ChaincodeEndorsedAction.Builder endorsed = ChaincodeEndorsedAction.newBuilder()
            .setProposalResponsePayload(response);
        tx.endorsers().forEach(e -> endorsed.addEndorsements(e.endorse(response)));
        return endorsed.build();
    }

    private static Envelope envelope(final Tx tx) {
        final ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder().setAction(endorsedAction(tx))
            .build();
        final Transaction transaction = Transaction.newBuilder()
            .addActions(TransactionAction.newBuilder().setPayload(actionPayload.toByteString())).build();
        final Payload payload = Payload.newBuilder()
            .setHeader(Header.newBuilder().setChannelHeader(ChannelHeader.newBuilder().setType(tx.type().getNumber())
                .setTxId(tx.txId()).setChannelId("points").build().toByteString()))
            .setData(transaction.toByteString())
            .build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build();
    }

    /** A block stream that yields {@code items} in order: a Block is delivered, a RuntimeException is thrown. */
    public static CloseableIterator<Block> stream(final Iterator<Object> items) {
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public Block next() {
                final Object item = items.next();
                if (item instanceof RuntimeException e) {
                    throw e;
                }
                return (Block) item;
            }

            @Override
            public void close() {
            }
        };
    }
}
