package org.pointsnet.gateway.e2e;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Timestamp;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.gateway.ProposedTransaction;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * Submits as a platform's gateway client with a proposal timestamp the test chooses: Fabric takes the transaction time
 * from the client's proposal and peers do not check it (docs/ledger.md, "Limits, days and settlement periods"), so a
 * test can book conversions into a day that has already ended everywhere, and then close that period, on a network
 * started today. The proposal is built by the Fabric Gateway client, its channel header's timestamp replaced, and it is
 * signed again (offline signing, {@link Gateway#newSignedProposal}).
 */
final class BackdatedCalls implements AutoCloseable {

    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Contract contract;
    private final Signer signer;

    BackdatedCalls(final Path gatewayEnv) throws Exception {
        final Map<String, String> env = LedgerNetwork.readEnv(gatewayEnv);
        channel = Grpc.newChannelBuilder(env.get("POINTSNET_FABRIC_PEERENDPOINT"), TlsChannelCredentials.newBuilder()
                .trustManager(Path.of(env.get("POINTSNET_FABRIC_TLSCACERT")).toFile()).build())
            .overrideAuthority(env.get("POINTSNET_FABRIC_PEERHOSTOVERRIDE"))
            .build();
        try (Reader cert = Files.newBufferedReader(Path.of(env.get("POINTSNET_FABRIC_CERTPATH")));
             Reader key = Files.newBufferedReader(Path.of(env.get("POINTSNET_FABRIC_KEYPATH")))) {
            signer = Signers.newPrivateKeySigner(Identities.readPrivateKey(key));
            gateway = Gateway.newInstance()
                .identity(new X509Identity(env.get("POINTSNET_FABRIC_MSPID"), Identities.readX509Certificate(cert)))
                .signer(signer)
                .hash(Hash.SHA256)
                .connection(channel)
                .endorseOptions(o -> o.withDeadlineAfter(60, TimeUnit.SECONDS))
                .submitOptions(o -> o.withDeadlineAfter(60, TimeUnit.SECONDS))
                .commitStatusOptions(o -> o.withDeadlineAfter(120, TimeUnit.SECONDS))
                .connect();
        } catch (IOException e) {
            channel.shutdownNow();
            throw e;
        }
        contract = gateway.getNetwork(env.get("POINTSNET_FABRIC_CHANNEL")).getContract(env.get("POINTSNET_FABRIC_CHAINCODE"));
    }

    /** Submits {@code function(request)} as if proposed at {@code at}, endorsed by {@code endorsers}; the result. */
    String submit(final String function, final String request, final Instant at, final String... endorsers)
            throws Exception {
        final Proposal built = contract.newProposal(function).addArguments(request)
            .setEndorsingOrganizations(endorsers).build();
        final ProposedTransaction proposed = ProposedTransaction.parseFrom(built.getBytes());
        final SignedProposal signed = proposed.getProposal();
        final org.hyperledger.fabric.protos.peer.Proposal proposal =
            org.hyperledger.fabric.protos.peer.Proposal.parseFrom(signed.getProposalBytes());
        final Header header = Header.parseFrom(proposal.getHeader());
        final ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader()).toBuilder()
            .setTimestamp(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
            .build();
        final org.hyperledger.fabric.protos.peer.Proposal backdated = proposal.toBuilder()
            .setHeader(header.toBuilder().setChannelHeader(channelHeader.toByteString()).build().toByteString())
            .build();
        final byte[] proposalBytes = backdated.toByteArray();
        final byte[] signature = signer.sign(MessageDigest.getInstance("SHA-256").digest(proposalBytes));
        final ProposedTransaction resigned = proposed.toBuilder()
            .setProposal(SignedProposal.newBuilder().setProposalBytes(backdated.toByteString()))
            .build();
        final SubmittedTransaction submitted = gateway.newSignedProposal(resigned.toByteArray(), signature).endorse()
            .submitAsync();
        final byte[] result = submitted.getResult();
        if (!submitted.getStatus().isSuccessful()) {
            throw new IllegalStateException(function + " committed " + submitted.getStatus().getCode());
        }
        return new String(result, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        gateway.close();
        channel.shutdownNow();
    }
}
