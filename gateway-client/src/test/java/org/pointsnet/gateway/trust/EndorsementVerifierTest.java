package org.pointsnet.gateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pointsnet.gateway.events.TestBlocks;
import org.pointsnet.gateway.support.TestMsps;
import org.pointsnet.gateway.support.TestPki;

/** Endorsements signed with real EC keys whose certificates come from per-org test CAs. */
class EndorsementVerifierTest {

    private TestMsps msps;
    private EndorsementVerifier verifier;

    @BeforeEach
    void orgs() throws Exception {
        msps = TestMsps.shared();
        verifier = msps.verifier();
    }

    /** The transaction's proposal response payload and its endorsements, as a block carries them. */
    private static ChaincodeEndorsedAction endorsedBy(final TestBlocks.Endorser... endorsers) {
        return TestBlocks.endorsedAction(TestBlocks.Tx.valid("t1", "Receipt", "{}").endorsedBy(endorsers));
    }

    private EndorsementOutcome outcome(final TestBlocks.Endorser endorser) {
        final ChaincodeEndorsedAction action = endorsedBy(endorser);
        return verifier.check(action.getProposalResponsePayload(), action.getEndorsements(0)).outcome();
    }

    @Test
    void aGenuinePeerEndorsementIsValidForItsMspOnly() {
        final ChaincodeEndorsedAction event = endorsedBy(msps.peer("platform-a"), msps.peer("platform-b"));

        final Endorsements endorsements = verifier.check(event.getProposalResponsePayload(), event.getEndorsementsList());

        assertTrue(endorsements.endorsedBy("PlatformAMSP"));
        assertTrue(endorsements.endorsedBy("PlatformBMSP"));
        assertFalse(endorsements.endorsedBy("PlatformCMSP"));
        assertEquals("PlatformAMSP: valid peer endorsement; PlatformBMSP: valid peer endorsement",
            endorsements.summary());
    }

    @Test
    void aCertificateOfAnotherCaIsNotTrustedEvenUnderTheSameCaName() throws Exception {
        final TestPki.Ca impostor = TestPki.ca("ca.platform-a.pointsnet.local", "platform-a.pointsnet.local");

        assertEquals(EndorsementOutcome.UNTRUSTED_CERTIFICATE,
            outcome(TestBlocks.Endorser.of("PlatformAMSP", impostor.issue("peer0.platform-a.pointsnet.local", "peer"))));
        // B's genuine peer, claiming to be A's.
        assertEquals(EndorsementOutcome.UNTRUSTED_CERTIFICATE,
            outcome(TestBlocks.Endorser.of("PlatformAMSP", msps.org("platform-b").peer())));
    }

    @Test
    void aCaCertificateIsNoEndorserIdentity() {
        final TestMsps.Org a = msps.org("platform-a");
        final TestPki.Identity caItself = new TestPki.Identity(a.ca().certificate(), a.ca().keys());

        assertEquals(EndorsementOutcome.UNTRUSTED_CERTIFICATE, outcome(TestBlocks.Endorser.of("PlatformAMSP", caItself)));
    }

    @Test
    void onlyAPeerIdentityEndorses() throws Exception {
        final TestMsps.Org a = msps.org("platform-a");

        assertEquals(EndorsementOutcome.NOT_A_PEER, outcome(TestBlocks.Endorser.of("PlatformAMSP", a.client())));
        assertEquals(EndorsementOutcome.NOT_A_PEER,
            outcome(TestBlocks.Endorser.of("PlatformAMSP", a.ca().issue("nobody", null))));
        assertEquals(EndorsementOutcome.VALID, outcome(msps.peer("platform-a")));
    }

    @Test
    void aSignatureByAnotherKeyOrInHighSFormDoesNotVerify() throws Exception {
        assertEquals(EndorsementOutcome.BAD_SIGNATURE,
            outcome(msps.peer("platform-a").signingWith(TestPki.keyPair().getPrivate())));
        assertEquals(EndorsementOutcome.BAD_SIGNATURE, outcome(msps.peer("platform-a").withHighS()));
    }

    @Test
    void aSignatureOverOtherBytesDoesNotVerify() {
        final ChaincodeEndorsedAction event = endorsedBy(msps.peer("platform-a"));
        final ByteString other = event.getProposalResponsePayload().concat(ByteString.copyFromUtf8("+1"));

        assertEquals(EndorsementOutcome.BAD_SIGNATURE, verifier.check(other, event.getEndorsements(0)).outcome());
    }

    @Test
    void unknownMspsAndUnreadableEndorsersAreNamedAsSuch() {
        final ChaincodeEndorsedAction event = endorsedBy(msps.peer("platform-a"));
        final Endorsement genuine = event.getEndorsements(0);
        final Endorsement garbage = genuine.toBuilder().setEndorser(ByteString.copyFrom(new byte[] {(byte) 0xff})).build();
        final Endorsement notPem = genuine.toBuilder().setEndorser(SerializedIdentity.newBuilder()
            .setMspid("PlatformAMSP").setIdBytes(ByteString.copyFromUtf8("not a certificate")).build().toByteString())
            .build();
        final Endorsement stranger = genuine.toBuilder().setEndorser(SerializedIdentity.newBuilder()
            .setMspid("OrdererMSP").setIdBytes(ByteString.EMPTY).build().toByteString()).build();

        assertEquals(new EndorsementCheck(null, EndorsementOutcome.UNREADABLE_IDENTITY),
            verifier.check(event.getProposalResponsePayload(), garbage));
        assertEquals(new EndorsementCheck("PlatformAMSP", EndorsementOutcome.UNREADABLE_IDENTITY),
            verifier.check(event.getProposalResponsePayload(), notPem));
        assertEquals(new EndorsementCheck("OrdererMSP", EndorsementOutcome.UNKNOWN_MSP),
            verifier.check(event.getProposalResponsePayload(), stranger));
    }

    @Test
    void aSignatureThatIsNotDerIsRefusedWithoutAnException() {
        final ChaincodeEndorsedAction event = endorsedBy(msps.peer("platform-a"));
        final Endorsement mangled = event.getEndorsements(0).toBuilder()
            .setSignature(ByteString.copyFromUtf8("definitely not DER")).build();

        assertEquals(EndorsementOutcome.BAD_SIGNATURE, verifier.check(event.getProposalResponsePayload(), mangled).outcome());
    }

    @Test
    void anIdentityCheckedBeforeStillHasEverySignatureVerified() throws Exception {
        final ChaincodeEndorsedAction event = endorsedBy(msps.peer("platform-a"));
        final Endorsement genuine = event.getEndorsements(0);
        final ByteString other = event.getProposalResponsePayload().concat(ByteString.copyFromUtf8("+1"));

        // The same endorser identity, remembered after the first check: a signature over other bytes, a signature by
        // another key and a mangled one still fail, and the genuine one still passes.
        assertEquals(EndorsementOutcome.VALID, verifier.check(event.getProposalResponsePayload(), genuine).outcome());
        assertEquals(EndorsementOutcome.BAD_SIGNATURE, verifier.check(other, genuine).outcome());
        assertEquals(EndorsementOutcome.BAD_SIGNATURE,
            outcome(msps.peer("platform-a").signingWith(TestPki.keyPair().getPrivate())));
        assertEquals(EndorsementOutcome.BAD_SIGNATURE, verifier.check(event.getProposalResponsePayload(),
            genuine.toBuilder().setSignature(ByteString.copyFromUtf8("not DER")).build()).outcome());
        assertEquals(EndorsementOutcome.VALID, verifier.check(event.getProposalResponsePayload(), genuine).outcome());
    }
}
