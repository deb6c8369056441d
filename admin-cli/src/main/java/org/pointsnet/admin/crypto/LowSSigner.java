package org.pointsnet.admin.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * Normalizes ECDSA signatures to low-S form. Fabric's MSP rewrites high-S certificate
 * signatures to low-S before it validates them; signing low-S from the start means the
 * certificate Fabric works with is byte-for-byte the one on disk.
 */
final class LowSSigner implements ContentSigner {

    private final ContentSigner delegate;
    private final BigInteger order;
    private final BigInteger halfOrder;

    LowSSigner(ContentSigner delegate, BigInteger curveOrder) {
        this.delegate = delegate;
        this.order = curveOrder;
        this.halfOrder = curveOrder.shiftRight(1);
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return delegate.getAlgorithmIdentifier();
    }

    @Override
    public OutputStream getOutputStream() {
        return delegate.getOutputStream();
    }

    @Override
    public byte[] getSignature() {
        ASN1Sequence signature = ASN1Sequence.getInstance(delegate.getSignature());
        BigInteger r = ASN1Integer.getInstance(signature.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getValue();
        if (s.compareTo(halfOrder) > 0) {
            s = order.subtract(s);
        }
        ASN1EncodableVector lowS = new ASN1EncodableVector(2);
        lowS.add(new ASN1Integer(r));
        lowS.add(new ASN1Integer(s));
        try {
            return new DERSequence(lowS).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode ECDSA signature", e);
        }
    }
}
