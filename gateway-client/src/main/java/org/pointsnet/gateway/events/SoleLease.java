package org.pointsnet.gateway.events;

/** The lease of the only gateway on its database: always held, nothing to renew. */
enum SoleLease implements ListenerLease {
    INSTANCE;

    @Override
    public boolean tryAcquire() {
        return true;
    }

    @Override
    public boolean held() {
        return true;
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void close() {
        // nothing held
    }
}
