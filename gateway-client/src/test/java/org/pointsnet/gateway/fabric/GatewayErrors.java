package org.pointsnet.gateway.fabric;

import com.google.protobuf.Any;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/** Builds gRPC errors shaped like the ones the Fabric Gateway service returns, details and all. */
final class GatewayErrors {

    private GatewayErrors() {
    }

    /** A status with one ErrorDetail per message, as the peer attaches to endorsement failures. */
    static StatusRuntimeException withDetails(final io.grpc.Status.Code code, final String description,
                                              final String... detailMessages) {
        final Status.Builder status = Status.newBuilder().setCode(code.value()).setMessage(description);
        int i = 0;
        for (final String message : detailMessages) {
            status.addDetails(Any.pack(ErrorDetail.newBuilder()
                .setAddress("peer0.platform-" + (char) ('a' + i) + ".pointsnet.local:7051")
                .setMspId("Platform" + (char) ('A' + i) + "MSP")
                .setMessage(message)
                .build()));
            i++;
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }
}
