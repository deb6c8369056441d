'use strict';
// One Caliper workload module for every PointsNet ledger workload (roundArguments.workload): the same chaincode
// calls and argument JSON as gateway-client's LedgerBenchmark (direct path), as platform-a's client (User1).
// Each of a worker's in-flight transactions uses its own users (registered, and funded when it spends, before the
// round is measured), so users never compete for keys, as in LedgerBenchmark.
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');

const PLATFORM = 'platform-a';
const TARGET = 'platform-b';
const FUNDS = 1000000000;

class LedgerWorkload extends WorkloadModuleBase {
    async initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter, sutContext) {
        await super.initializeWorkloadModule(workerIndex, totalWorkers, roundIndex, roundArguments, sutAdapter,
            sutContext);
        this.workload = roundArguments.workload;
        this.contractId = roundArguments.contractId || 'points';
        this.mspId = roundArguments.mspId || 'PlatformAMSP';
        this.prefix = 'c' + Date.now().toString(36) + 'w' + workerIndex + 'r' + roundIndex;
        this.seq = 0;
        this.free = [];
        this.waiting = [];
        const slots = roundArguments.usersPerWorker || 32;
        if (this.workload === 'probe') {
            return;
        }
        const register = async (id) => {
            await this.submit('user:Register', { userId: id });
            return id;
        };
        const slotsReady = [];
        for (let s = 0; s < slots; s++) {
            slotsReady.push((async () => {
                const sender = await register(`${PLATFORM}.${this.prefix}s${s}`);
                const receiver = this.workload === 'transfer' ? await register(`${PLATFORM}.${this.prefix}t${s}`)
                    : null;
                if (this.workload !== 'issuance') {
                    await this.submit('account:Issue', { requestId: `${this.prefix}f${s}`, platformId: PLATFORM,
                        userId: sender, amount: FUNDS, reason: 'bench' });
                }
                this.free.push({ sender, receiver });
            })());
        }
        await Promise.all(slotsReady);
    }

    /** Submits one transaction and throws unless it committed (setup only; measured calls go through Caliper). */
    async submit(fn, body) {
        const result = await this.sutAdapter.sendRequests(this.request(fn, [JSON.stringify(body)]));
        if (!result.GetStatus || result.GetStatus() !== 'success') {
            throw new Error(`${fn} failed during setup: ${JSON.stringify(result)}`);
        }
    }

    request(fn, args) {
        return { contractId: this.contractId, contractFunction: fn, contractArguments: args, readOnly: false,
            invokerIdentity: 'User1', invokerMspId: this.mspId };
    }

    async submitTransaction() {
        const id = `${this.prefix}-${this.seq++}`;
        if (this.workload === 'probe') {
            await this.sutAdapter.sendRequests(this.request('probe:PutValue', [id, 'v' + this.seq]));
            return;
        }
        // fixed-load may briefly put more transactions in flight than there are users: those wait for a user.
        while (this.free.length === 0) {
            await new Promise((resolve) => this.waiting.push(resolve));
        }
        const users = this.free.pop();
        try {
            let fn;
            let body;
            switch (this.workload) {
            case 'issuance':
                fn = 'account:Issue';
                body = { requestId: id, platformId: PLATFORM, userId: users.sender, amount: 1000, reason: 'bench' };
                break;
            case 'transfer':
                fn = 'account:Transfer';
                body = { requestId: id, platformId: PLATFORM, fromUserId: users.sender, toUserId: users.receiver,
                    amount: 1, reason: 'bench' };
                break;
            case 'conversion':
                fn = 'conversion:Convert';
                body = { requestId: id, userId: users.sender, fromPlatformId: PLATFORM, toPlatformId: TARGET,
                    amount: 100 };
                break;
            default:
                throw new Error('unknown workload ' + this.workload);
            }
            await this.sutAdapter.sendRequests(this.request(fn, [JSON.stringify(body)]));
        } finally {
            this.free.push(users);
            const next = this.waiting.shift();
            if (next) {
                next();
            }
        }
    }
}

module.exports.createWorkloadModule = () => new LedgerWorkload();
