/** The admin's connection to its own org's peer: settings from the runtime folder, Fabric Gateway calls, errors. */
package org.pointsnet.admin.ledger;
